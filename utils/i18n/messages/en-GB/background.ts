/** English (en-GB) messages: background. Keys start with "background.". */
export const background = {
};
