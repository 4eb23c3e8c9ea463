import type { Translation } from '../../catalogue';
import type { pdf as English } from '../en-GB/pdf';

/** Welsh (cy) messages: pdf. Every key of the English file; follow ../../glossary.md. */
export const pdf: Translation<typeof English> = {
};
