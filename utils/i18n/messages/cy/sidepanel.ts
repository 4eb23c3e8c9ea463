import type { Translation } from '../../catalogue';
import type { sidepanel as English } from '../en-GB/sidepanel';

/** Welsh (cy) messages: sidepanel. Every key of the English file; follow ../../glossary.md. */
export const sidepanel: Translation<typeof English> = {
};
