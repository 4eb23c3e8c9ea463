import { useCallback, useState } from 'preact/hooks';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../utils/i18n/locales';

/** Where the web app remembers the language a person chose (this browser only). */
export const LANGUAGE_KEY = 'lea-webapp-language';

/** The part of localStorage the web app uses (a test passes a fake; private browsing may throw). */
export type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

function storageOrNull(): LanguageStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The language to start in: the one the person chose here before, else the one the store picked
 * from the browser's Accept-Language (it writes it as `<html lang>` in index.html), else English.
 */
export function initialLocale(storage: LanguageStorage | null, documentLang: string): Locale {
  try {
    const chosen = storage?.getItem(LANGUAGE_KEY);
    if (isLocale(chosen)) return chosen;
  } catch {
    // Storage refused (private browsing, blocked cookies): follow the browser.
  }
  return isLocale(documentLang) ? documentLang : DEFAULT_LOCALE;
}

/**
 * The web app's language and a way to change it; a change is remembered so it wins over the
 * browser's Accept-Language on later visits. `storage` and `documentLang` default to the page's.
 */
export function useWebLocale(
  storage: LanguageStorage | null = storageOrNull(),
  documentLang: string = typeof document === 'undefined' ? '' : document.documentElement.lang,
): [Locale, (locale: Locale) => void] {
  const [locale, setLocale] = useState<Locale>(() => initialLocale(storage, documentLang));
  const choose = useCallback(
    (next: Locale) => {
      try {
        storage?.setItem(LANGUAGE_KEY, next);
      } catch {
        // Not remembered (storage full or refused): the choice still holds for this visit.
      }
      setLocale(next);
    },
    [storage],
  );
  return [locale, choose];
}
