/** English (en-GB) messages: digest. Keys start with "digest.". */
export const digest = {
};
