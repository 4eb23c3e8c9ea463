/** English (en-GB) messages: background. Keys start with "background.". */
export const background = {
  'background.menu.addComment': 'Add a comment on this passage',
  'background.menu.openPdfLink': 'Open this PDF in the annotator',
  'background.menu.openPdf': 'Open in the annotator',
  'background.panel.none': 'This browser has no side panel for the comments. Open the list from the toolbar button instead.',
  'background.panel.refused': 'The browser did not open the side panel. Open it from the annotator’s toolbar button instead.',
  'background.notFromWebPage': 'This can only be done from the annotator’s own pages (side panel, popup or settings), not from a web page.',
  'background.validation.notUrn': 'The id is not a UUID URN.',
  'background.validation.reasonNeeded': 'Please give a reason.',
  'background.validation.reasonTooLong': 'A reason can be up to {max} characters long.',
  'background.validation.textTooLong': 'This can be up to {max} characters long.',
  'background.validation.nameTooLong': 'Names can be up to {max} characters long.',
};
