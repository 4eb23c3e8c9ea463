import '../../components/styles.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { useLayoutEffect } from 'preact/hooks';
import { OptionsApp, type OptionsApi } from '../../components/OptionsApp';
import { I18nProvider } from '../../components/i18n';
import { translator } from '../../utils/i18n/translate';
import type { Locale } from '../../utils/i18n/locales';
import { currentLocale, useExtensionLocale } from '../shared/locale';
import { callBackground, type BackgroundRequest } from '../../utils/messaging';
import { readSettings } from '../../utils/model';

const send = (m: BackgroundRequest) => browser.runtime.sendMessage(m);

const api: OptionsApi = {
  load: async () => readSettings((await browser.storage.local.get('settings')).settings),
  save: (settings) => browser.storage.local.set({ settings }),
  group: {
    overview: () => callBackground(send, { type: 'sync/status' }),
    connect: async (input) => void (await callBackground(send, { type: 'sync/connect', ...input })),
    disconnect: async () => void (await callBackground(send, { type: 'sync/disconnect' })),
    forgetMe: async () => void (await callBackground(send, { type: 'sync/forget-me' })),
    linkConnect: async (input) => void (await callBackground(send, { type: 'link/connect', ...input })),
    conversation: {
      getProfile: () => callBackground(send, { type: 'profile/get' }),
      updateProfile: (patch) => callBackground(send, { type: 'profile/update', ...patch }),
      getNotify: async () => (await callBackground(send, { type: 'notices/list' })).notify,
      // Asked in the click that turns notifications on (the browser requires a user gesture).
      requestPermission: () => browser.permissions.request({ permissions: ['notifications'] }),
      setNotify: (on) => callBackground(send, { type: 'notices/notify', on }),
      createLinkCode: () => callBackground(send, { type: 'link/create-code' }),
    },
  },
};

/** The settings page in the extension's language: saving a new language changes it at once. */
function Root({ initial }: { initial: Locale }) {
  const locale = useExtensionLocale(initial);
  useLayoutEffect(() => {
    document.title = translator(locale).t('options.documentTitle');
  }, [locale]);
  return (
    <I18nProvider locale={locale} documentLang>
      <OptionsApp api={api} />
    </I18nProvider>
  );
}

void currentLocale().then((locale) => render(<Root initial={locale} />, document.getElementById('app')!));
