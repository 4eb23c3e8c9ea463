/** English (en-GB) messages: conversation. Keys start with "conversation.". */
export const conversation = {
};
