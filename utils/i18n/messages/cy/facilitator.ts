import type { Translation } from '../../catalogue';
import type { facilitator as English } from '../en-GB/facilitator';

/** Welsh (cy) messages: facilitator. Every key of the English file; follow ../../glossary.md. */
export const facilitator: Translation<typeof English> = {
};
