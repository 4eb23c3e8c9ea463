/** English (en-GB) messages: background. Keys start with "background.". */
export const background = {
  'background.menu.addComment': 'Add a comment on this passage',
  'background.menu.openPdfLink': 'Open this PDF in the annotator',
  'background.menu.openPdf': 'Open in the annotator',
};
