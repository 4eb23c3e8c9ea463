import '../../components/styles.css';
import { render } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DigestPage } from '../../components/DigestPage';
import { I18nProvider } from '../../components/i18n';
import type { Locale } from '../../utils/i18n/locales';
import { translator } from '../../utils/i18n/translate';
import { callBackground, type BackgroundRequest } from '../../utils/messaging';
import { DEFAULT_THEMES } from '../../utils/model/themes';
import { currentLocale, useExtensionLocale } from '../shared/locale';

const send = (m: BackgroundRequest) => browser.runtime.sendMessage(m);
// One read for the comments and the group's theme vocabulary (synced with them).
const all = callBackground(send, { type: 'annotations/all' });
const load = async () => {
  const { annotations, hidden } = await all;
  return annotations.map((annotation) => ({ annotation, hidden: hidden[annotation.id] ?? null }));
};
const loadThemes = async () => (await all).themes ?? DEFAULT_THEMES;

/** The digest page in the extension's language; the digests it makes are in that language too. */
function Root({ initial }: { initial: Locale }) {
  const locale = useExtensionLocale(initial);
  useLayoutEffect(() => {
    document.title = translator(locale).t('digest.page.title');
  }, [locale]);
  return (
    <I18nProvider locale={locale} documentLang>
      <DigestPage load={load} loadThemes={loadThemes} />
    </I18nProvider>
  );
}

void currentLocale().then((locale) => render(<Root initial={locale} />, document.getElementById('app')!));
