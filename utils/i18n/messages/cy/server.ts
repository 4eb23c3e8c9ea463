import type { Translation } from '../../catalogue';
import type { server as English } from '../en-GB/server';

/** Welsh (cy) messages: server. Every key of the English file; follow ../../glossary.md. */
export const server: Translation<typeof English> = {
};
