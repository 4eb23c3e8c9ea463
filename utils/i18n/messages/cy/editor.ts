import type { Translation } from '../../catalogue';
import type { editor as English } from '../en-GB/editor';

/** Welsh (cy) messages: editor. Every key of the English file; follow ../../glossary.md. */
export const editor: Translation<typeof English> = {
};
