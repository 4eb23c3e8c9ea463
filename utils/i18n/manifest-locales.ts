/**
 * The browser's own `_locales` for the manifest (name, description, keyboard command), written
 * from the catalogue at build time (wxt.config.ts), so the catalogue stays the one source.
 * Browser message names allow only letters, digits and "_": "manifest.name" → "manifest_name".
 */
import { CATALOGUES, type MessageKey } from './catalogue';
import { LOCALES, type Locale } from './locales';

/** The browser's folder name for a locale (en-GB → en_GB). */
export const browserLocaleFolder = (locale: Locale) => locale.replace('-', '_');

/** `__MSG_…__` for a manifest message. */
export const manifestMessage = (key: MessageKey) => `__MSG_${key.replace(/\./g, '_')}__`;

/** `_locales/<folder>/messages.json` for every locale, holding the manifest's messages. */
export function manifestLocaleFiles(): Array<{ relativeDest: string; contents: string }> {
  return LOCALES.map((locale) => {
    const messages: Record<string, { message: string }> = {};
    for (const [key, text] of Object.entries(CATALOGUES[locale])) {
      if (key.startsWith('manifest.') && typeof text === 'string') messages[key.replace(/\./g, '_')] = { message: text };
    }
    return { relativeDest: `_locales/${browserLocaleFolder(locale)}/messages.json`, contents: `${JSON.stringify(messages, null, 2)}\n` };
  });
}
