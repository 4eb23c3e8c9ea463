/** English (en-GB) messages: sidepanel. Keys start with "sidepanel.". */
export const sidepanel = {
};
