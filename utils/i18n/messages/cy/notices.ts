import type { Translation } from '../../message-types';
import type { notices as English } from '../en-GB/notices';

/** Welsh (cy) messages: notices. Every key of the English file; follow ../../glossary.md. */
export const notices: Translation<typeof English> = {
  'notices.author.member': 'aelod o’r grŵp',
  'notices.author.commentAuthor': 'awdur y sylw',
  'notices.replied.comment': 'Mae {author} wedi ateb eich sylw: {text}',
  'notices.replied.reply': 'Mae {author} wedi ateb eich ateb: {text}',
  'notices.answered.comment': 'Mae {author} wedi ymateb i’ch sylw: {status}',
  'notices.answered.reply': 'Mae {author} wedi ymateb i’ch ateb: {status}',
  'notices.answered.commentWithText': 'Mae {author} wedi ymateb i’ch sylw: {status}. {text}',
  'notices.answered.replyWithText': 'Mae {author} wedi ymateb i’ch ateb: {status}. {text}',
  'notices.answerChanged.comment': 'Mae {author} wedi newid ei ymateb i’ch sylw: {status}',
  'notices.answerChanged.reply': 'Mae {author} wedi newid ei ymateb i’ch ateb: {status}',
  'notices.answerChanged.commentWithText': 'Mae {author} wedi newid ei ymateb i’ch sylw: {status}. {text}',
  'notices.answerChanged.replyWithText': 'Mae {author} wedi newid ei ymateb i’ch ateb: {status}. {text}',
  'notices.commented.titled': 'Mae {author} wedi rhoi sylw ar “{title}”: {text}',
  'notices.commented.untitled': 'Mae {author} wedi rhoi sylw ar ddogfen rydych chi’n ei dilyn: {text}',
  'notices.hidden.comment': 'Mae hwylusydd wedi cuddio eich sylw: {reason}',
  'notices.hidden.reply': 'Mae hwylusydd wedi cuddio eich ateb: {reason}',
  'notices.hidden.support': 'Mae hwylusydd wedi cuddio eich “Dyma fy mhrofiad i hefyd”: {reason}',
  'notices.unhidden.comment': 'Mae hwylusydd wedi dangos eich sylw eto (roedd wedi’i guddio: {reason})',
  'notices.unhidden.reply': 'Mae hwylusydd wedi dangos eich ateb eto (roedd wedi’i guddio: {reason})',
  'notices.unhidden.support': 'Mae hwylusydd wedi dangos eich “Dyma fy mhrofiad i hefyd” eto (roedd wedi’i guddio: {reason})',
  'notices.badge.none': 'Lived Experience Annotator: dim hysbysiadau newydd',
  'notices.badge.count': {
    zero: 'Dim hysbysiadau newydd',
    one: '{count} hysbysiad newydd',
    two: '{count} hysbysiad newydd',
    few: '{count} hysbysiad newydd',
    many: '{count} hysbysiad newydd',
    other: '{count} hysbysiad newydd',
  },
};
