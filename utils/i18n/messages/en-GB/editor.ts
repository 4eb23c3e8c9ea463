/** English (en-GB) messages: editor. Keys start with "editor.". */
export const editor = {
};
