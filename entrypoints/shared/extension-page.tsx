import { render, type ComponentChildren } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { I18nProvider } from '../../components/i18n';
import type { MessageKey } from '../../utils/i18n/catalogue';
import type { Locale } from '../../utils/i18n/locales';
import { translator } from '../../utils/i18n/translate';
import { currentLocale, useExtensionLocale } from './locale';

interface PageOptions {
  /** The tab's title, from the catalogue (kept when not given). */
  title?: MessageKey;
  /** Told the language whenever it changes (for code outside the UI that says things too). */
  onLocale?: (locale: Locale) => void;
}

function Root({ initial, options, app }: { initial: Locale; options: PageOptions; app: () => ComponentChildren }) {
  const locale = useExtensionLocale(initial);
  options.onLocale?.(locale);
  useLayoutEffect(() => {
    if (options.title) document.title = translator(locale).t(options.title);
  }, [locale]);
  return (
    <I18nProvider locale={locale} documentLang>
      {app()}
    </I18nProvider>
  );
}

/**
 * An extension page (popup, options, side panel, digest, PDF viewer) in the extension's
 * language, following the setting live: `<html lang>`, the title and every word below.
 */
export function renderExtensionPage(app: () => ComponentChildren, options: PageOptions = {}, into = document.getElementById('app')!): void {
  void currentLocale().then((initial) => {
    options.onLocale?.(initial);
    render(<Root initial={initial} options={options} app={app} />, into);
  });
}
