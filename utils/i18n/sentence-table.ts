import type { MessageKey } from './catalogue';
import { currentTranslator } from './current-language';

/**
 * A table of sentences from catalogue keys (`{ offline: 'sync.error.offline', … }`), each read in
 * the current language at the moment it is used, so a module can keep `MESSAGES.offline` while
 * the person's language changes underneath (utils/i18n/current-language.ts; English until set).
 */
export function sentenceTable<Keys extends Record<string, MessageKey>>(keys: Keys): { readonly [Name in keyof Keys]: string } {
  return Object.defineProperties(
    {},
    Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, { get: () => currentTranslator().t(key), enumerable: true }])),
  ) as { readonly [Name in keyof Keys]: string };
}
