/** English (en-GB) messages: popup. Keys start with "popup.". */
export const popup = {
};
