import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect } from 'preact/hooks';
import type { Locale } from '../utils/i18n/locales';
import { translator, type Translate, type Translator } from '../utils/i18n/translate';

/** The language the UI below speaks; English when nothing above says otherwise. */
export const I18nContext = createContext<Translator>(translator('en-GB'));

/**
 * Speak `locale` below. With `documentLang`, also sets `<html lang>` (pages the UI owns: side
 * panel, popup, options, web app); in-page UI sets `lang` on its own shadow host instead.
 */
export function I18nProvider({ locale, documentLang = false, children }: { locale: Locale; documentLang?: boolean; children: ComponentChildren }) {
  useLayoutEffect(() => {
    if (documentLang) document.documentElement.lang = locale;
  }, [locale, documentLang]);
  return <I18nContext.Provider value={translator(locale)}>{children}</I18nContext.Provider>;
}

/** The current translator: t(), tr(), dates and sorting in the current language. */
export function useI18n(): Translator {
  return useContext(I18nContext);
}

/** Just t(key, params). */
export function useT(): Translate {
  return useContext(I18nContext).t;
}
