import type { Translation } from '../../catalogue';
import type { digest as English } from '../en-GB/digest';

/** Welsh (cy) messages: digest. Every key of the English file; follow ../../glossary.md. */
export const digest: Translation<typeof English> = {
};
