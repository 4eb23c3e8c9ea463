import type { Translation } from '../../catalogue';
import type { background as English } from '../en-GB/background';

/** Welsh (cy) messages: background. Every key of the English file; follow ../../glossary.md. */
export const background: Translation<typeof English> = {
};
