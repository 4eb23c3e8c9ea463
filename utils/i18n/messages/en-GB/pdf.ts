/** English (en-GB) messages: pdf. Keys start with "pdf.". */
export const pdf = {
};
