import type { Translation } from '../../catalogue';
import type { webapp as English } from '../en-GB/webapp';

/** Welsh (cy) messages: webapp. Every key of the English file; follow ../../glossary.md. */
export const webapp: Translation<typeof English> = {
};
