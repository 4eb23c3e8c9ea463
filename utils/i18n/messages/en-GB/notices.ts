/** English (en-GB) messages: notices. Keys start with "notices.". */
export const notices = {
  // Who wrote it, inside a notice's sentence (Welsh puts it mid-sentence, so lower case there).
  'notices.author.member': 'A group member',
  'notices.author.commentAuthor': 'The author of this comment',
  // What's new sentences (utils/conversation/notices.ts noticeSentence).
  'notices.replied.comment': '{author} replied to your comment: {text}',
  'notices.replied.reply': '{author} replied to your reply: {text}',
  'notices.answered.comment': '{author} answered your comment: {status}',
  'notices.answered.reply': '{author} answered your reply: {status}',
  'notices.answered.commentWithText': '{author} answered your comment: {status}. {text}',
  'notices.answered.replyWithText': '{author} answered your reply: {status}. {text}',
  'notices.answerChanged.comment': '{author} changed their answer to your comment: {status}',
  'notices.answerChanged.reply': '{author} changed their answer to your reply: {status}',
  'notices.answerChanged.commentWithText': '{author} changed their answer to your comment: {status}. {text}',
  'notices.answerChanged.replyWithText': '{author} changed their answer to your reply: {status}. {text}',
  'notices.commented.titled': '{author} commented on “{title}”: {text}',
  'notices.commented.untitled': '{author} commented on a document you follow: {text}',
  'notices.hidden.comment': 'A facilitator hid your comment: {reason}',
  'notices.hidden.reply': 'A facilitator hid your reply: {reason}',
  'notices.hidden.support': 'A facilitator hid your "This is my experience too": {reason}',
  'notices.unhidden.comment': 'A facilitator showed your comment again (it had been hidden: {reason})',
  'notices.unhidden.reply': 'A facilitator showed your reply again (it had been hidden: {reason})',
  'notices.unhidden.support': 'A facilitator showed your "This is my experience too" again (it had been hidden: {reason})',
  // The toolbar button's title.
  'notices.badge.none': 'Lived Experience Annotator: no new notices',
  'notices.badge.count': { one: '{count} new notice', other: '{count} new notices' },
};
