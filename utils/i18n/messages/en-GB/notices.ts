/** English (en-GB) messages: notices. Keys start with "notices.". */
export const notices = {
};
