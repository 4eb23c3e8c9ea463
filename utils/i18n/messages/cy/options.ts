import type { Translation } from '../../catalogue';
import type { options as English } from '../en-GB/options';

/** Welsh (cy) messages: options. Every key of the English file; follow ../../glossary.md. */
export const options: Translation<typeof English> = {
};
