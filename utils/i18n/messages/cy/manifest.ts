import type { Translation } from '../../message-types';
import type { manifest as English } from '../en-GB/manifest';

/** Welsh (cy) messages: manifest. Every key of the English file; follow ../../glossary.md. */
export const manifest: Translation<typeof English> = {
  'manifest.name': 'Anodydd Profiad Bywyd',
  'manifest.description': 'Rhowch sylwadau ar ddogfennau polisi o’ch profiad eich hun o ofal a chymorth, a’u rhannu â’ch grŵp cydgynhyrchu.',
  'manifest.commandAddComment': 'Ychwanegu sylw ar y testun a ddewiswyd',
  'manifest.commandShowComments': 'Dangos y sylwadau ar y darn wedi’i amlygu',
};
