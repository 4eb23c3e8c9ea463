/** English (en-GB) messages: server. Keys start with "server.". */
export const server = {
};
