/** English (en-GB) messages: options. Keys start with "options.". */
export const options = {
};
