import '../../components/styles.css';
import { render } from 'preact';
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
    forgetMe: async () => void (await callBackground(send, { type: 'sync/forget-me' })),
  },
};

render(<OptionsApp api={api} />, document.getElementById('app')!);
