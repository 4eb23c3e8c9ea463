/** English (en-GB) messages: common. Keys start with "common.". */
export const common = {
  'common.appName': 'Lived Experience Annotator',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.saved': 'Saved',
  'common.tryAgain': 'Try again',
  'common.loading': 'Loading…',
  'common.language': 'Language',
  'common.languageBrowser': 'The same as my browser',
  'common.unexpectedError': 'Something went wrong. Please try again.',
  'common.commentCount': { one: '{count} comment', other: '{count} comments' },
};
