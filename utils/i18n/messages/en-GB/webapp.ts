/** English (en-GB) messages: webapp. Keys start with "webapp.". */
export const webapp = {
};
