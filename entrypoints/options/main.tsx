import { renderExtensionPage } from '../shared/extension-page';
import '../../components/styles.css';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsApi } from '../../components/OptionsApp';
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
    forgetMe: async (options) => void (await callBackground(send, { type: 'sync/forget-me', ...(options?.keepAnonymous ? { keepAnonymous: true } : {}) })),
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

// The settings page in the extension's language: saving a new language changes it at once.
renderExtensionPage(() => <OptionsApp api={api} />, { title: 'options.documentTitle' });
