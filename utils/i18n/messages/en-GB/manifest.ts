/** English (en-GB) messages: manifest (written into _locales for the browser). Keys start with "manifest.". */
export const manifest = {
  'manifest.name': 'Lived Experience Annotator',
  'manifest.description': 'Comment on policy documents from your own experience of care and support, and share it with your co-production group.',
  'manifest.commandAddComment': 'Add a comment on the selected text',
  'manifest.commandShowComments': 'Show the comments on the highlighted passage',
};
