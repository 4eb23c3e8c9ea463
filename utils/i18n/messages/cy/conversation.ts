import type { Translation } from '../../catalogue';
import type { conversation as English } from '../en-GB/conversation';

/** Welsh (cy) messages: conversation. Every key of the English file; follow ../../glossary.md. */
export const conversation: Translation<typeof English> = {
};
