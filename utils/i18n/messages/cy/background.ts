import type { Translation } from '../../message-types';
import type { background as English } from '../en-GB/background';

/** Welsh (cy) messages: background. Every key of the English file; follow ../../glossary.md. */
export const background: Translation<typeof English> = {
  'background.menu.addComment': 'Ychwanegu sylw ar y darn hwn',
  'background.menu.openPdfLink': 'Agor y PDF hwn yn yr anodydd',
  'background.menu.openPdf': 'Agor yn yr anodydd',
  'background.panel.none': 'Does gan y porwr hwn ddim panel ochr ar gyfer y sylwadau. Agorwch y rhestr o fotwm y bar offer yn lle hynny.',
  'background.panel.refused': 'Wnaeth y porwr ddim agor y panel ochr. Agorwch ef o fotwm yr anodydd ar y bar offer yn lle hynny.',
  'background.notFromWebPage': 'Dim ond o dudalennau’r anodydd ei hun (y panel ochr, y naidlen neu’r gosodiadau) y mae modd gwneud hyn, nid o dudalen we.',
  'background.validation.notUrn': 'Nid yw’r dynodydd yn URN UUID.',
  'background.validation.reasonNeeded': 'Rhowch reswm.',
  'background.validation.reasonTooLong': 'Gall rheswm fod hyd at {max} nod o hyd.',
  'background.validation.textTooLong': 'Gall hwn fod hyd at {max} nod o hyd.',
  'background.validation.nameTooLong': 'Gall enwau fod hyd at {max} nod o hyd.',
};
