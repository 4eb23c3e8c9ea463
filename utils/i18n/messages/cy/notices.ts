import type { Translation } from '../../catalogue';
import type { notices as English } from '../en-GB/notices';

/** Welsh (cy) messages: notices. Every key of the English file; follow ../../glossary.md. */
export const notices: Translation<typeof English> = {
};
