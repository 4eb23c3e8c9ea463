import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { resolveLocale, type Locale } from '../../utils/i18n/locales';
import { readSettings } from '../../utils/model';

/** The browser's languages, most wanted first (its UI language, then the page's preferences). */
function browserLanguages(): string[] {
  const ui = (() => {
    try {
      return browser.i18n?.getUILanguage?.() ?? '';
    } catch {
      return '';
    }
  })();
  return [ui, ...(globalThis.navigator?.languages ?? [])].filter(Boolean);
}

/** The extension's language now: the person's setting, else the browser's. */
export async function currentLocale(): Promise<Locale> {
  const stored = await browser.storage.local.get('settings').catch(() => ({}) as Record<string, unknown>);
  return resolveLocale(readSettings((stored as Record<string, unknown>).settings).language, browserLanguages());
}

/** Calls `onChange` with the language whenever the person changes it in settings. */
export function watchLocale(onChange: (locale: Locale) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && 'settings' in changes) void currentLocale().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Preact: the extension's language, following the setting live (`initial` from currentLocale()). */
export function useExtensionLocale(initial: Locale): Locale {
  const [locale, setLocale] = useState(initial);
  useEffect(() => watchLocale(setLocale), []);
  return locale;
}
