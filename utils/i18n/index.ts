export * from './locales';
export * from './translate';
export type { MessageKey, Message, PluralMessage } from './catalogue';
