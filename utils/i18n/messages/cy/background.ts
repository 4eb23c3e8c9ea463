import type { Translation } from '../../catalogue';
import type { background as English } from '../en-GB/background';

/** Welsh (cy) messages: background. Every key of the English file; follow ../../glossary.md. */
export const background: Translation<typeof English> = {
  'background.menu.addComment': 'Ychwanegu sylw ar y darn hwn',
  'background.menu.openPdfLink': 'Agor y PDF hwn yn yr anodydd',
  'background.menu.openPdf': 'Agor yn yr anodydd',
};
