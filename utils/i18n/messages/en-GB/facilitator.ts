/** English (en-GB) messages: facilitator. Keys start with "facilitator.". */
export const facilitator = {
};
