/** English (en-GB) messages: sync. Keys start with "sync.". */
export const sync = {
};
