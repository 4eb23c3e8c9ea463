import type { Translation } from '../../catalogue';
import type { sync as English } from '../en-GB/sync';

/** Welsh (cy) messages: sync. Every key of the English file; follow ../../glossary.md. */
export const sync: Translation<typeof English> = {
};
