import type { Translation } from '../../catalogue';
import type { popup as English } from '../en-GB/popup';

/** Welsh (cy) messages: popup. Every key of the English file; follow ../../glossary.md. */
export const popup: Translation<typeof English> = {
};
