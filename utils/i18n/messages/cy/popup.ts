import type { Translation } from '../../message-types';
import type { popup as English } from '../en-GB/popup';

/** Welsh (cy) messages: popup. Every key of the English file; follow ../../glossary.md. */
export const popup: Translation<typeof English> = {
  'popup.checking': 'Wrthi’n gwirio’r dudalen hon…',
  'popup.cannotComment': 'Allwch chi ddim rhoi sylw ar y dudalen hon.',
  'popup.isPdf': 'PDF yw hwn.',
  'popup.pdfExplain': 'I roi sylw arno, agorwch ef yn yr anodydd. Mae eich sylwadau’n cael eu cadw gyda’r PDF ei hun, o ble bynnag rydych chi’n ei agor.',
  'popup.openInAnnotator': 'Agor yn yr anodydd',
  'popup.reloadToStart': 'Ail-lwythwch y dudalen hon i ddechrau rhoi sylwadau arni.',
  'popup.commentCount': {
    zero: 'Does dim sylwadau ar y dudalen hon.',
    one: 'Mae {count} sylw ar y dudalen hon.',
    two: 'Mae {count} sylw ar y dudalen hon.',
    few: 'Mae {count} sylw ar y dudalen hon.',
    many: 'Mae {count} sylw ar y dudalen hon.',
    other: 'Mae {count} sylw ar y dudalen hon.',
  },
  'popup.howToAdd': 'I ychwanegu sylw, dewiswch rai geiriau ar y dudalen, yna dewiswch {button}.',
  'popup.addCommentButton': 'Ychwanegu sylw',
  'popup.howToAddKeyboard': 'Gyda bysellfwrdd, dewiswch y geiriau a phwyso {keys}.',
  'popup.showComments': 'Dangos sylwadau ar y dudalen hon',
  'popup.settings': 'Gosodiadau',
  'popup.makeDigest': 'Gwneud crynodeb o’r holl sylwadau',
  'popup.cannot.tab': 'Does dim modd rhoi sylw ar y tab hwn.',
  'popup.cannot.unreadable': 'Allwn ni ddim dweud pa dudalen yw hon.',
  'popup.cannot.browserPage': 'Un o dudalennau eich porwr ei hun yw hon, felly does dim modd ei hanodi.',
  'popup.cannot.extensionPage': 'Mae’r dudalen hon yn perthyn i estyniad porwr, felly does dim modd ei hanodi.',
  'popup.cannot.savedFile': 'Does dim modd anodi tudalennau sydd wedi’u cadw ar eich cyfrifiadur eto.',
  'popup.cannot.sourceView': 'Mae hon yn dangos cod ffynhonnell tudalen. Agorwch y dudalen ei hun i’w hanodi.',
  'popup.cannot.noLastingAddress': 'Does gan y dudalen hon ddim cyfeiriad gwe parhaol, felly fyddai dim modd dod o hyd i sylwadau arni eto.',
  'popup.cannot.webStore': 'Dydy porwyr ddim yn gadael i estyniadau weithio ar y siop we.',
  'popup.cannot.otherKind': 'Dim ond tudalennau gwe y mae modd eu hanodi.',
  'popup.howToFindWords': 'Heb lygoden: pwyswch {keys} heb ddewis dim i ddod o hyd i’r geiriau rydych chi am roi sylw arnyn nhw.',
  'popup.howToShowComments': 'Ar ddarn wedi’i amlygu, mae {keys} yn dangos ei sylwadau.',
};
