import '../../components/styles.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsApi } from '../../components/OptionsApp';
import { readSettings } from '../../utils/model';

const api: OptionsApi = {
  load: async () => readSettings((await browser.storage.local.get('settings')).settings),
  save: (settings) => browser.storage.local.set({ settings }),
};

render(<OptionsApp api={api} />, document.getElementById('app')!);
