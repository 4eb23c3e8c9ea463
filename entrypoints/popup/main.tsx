import { renderExtensionPage } from '../shared/extension-page';
import '../../components/styles.css';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupApi } from '../../components/PopupApp';
import { annotatableReason } from '../../utils/document';
import { callBackground, callTab, type BackgroundRequest } from '../../utils/messaging';

const send = (m: BackgroundRequest) => browser.runtime.sendMessage(m);

type PanelOpeners = {
  chrome?: { sidePanel?: { open(options: { windowId: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
};

const api: PopupApi = {
  async getStatus() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const inViewer = Boolean(tab?.url?.startsWith(browser.runtime.getURL('/pdf-viewer.html')));
    const reason = tab?.url && !inViewer ? annotatableReason(tab.url) : null;
    if (reason || tab?.id === undefined) return { cannotAnnotate: { key: reason ?? 'popup.cannot.tab' }, commentCount: null, pdfUrl: null };
    const state = await callTab(tab.id, { type: 'page/get-state' }, {
      toTab: (id, m) => browser.tabs.sendMessage(id, m),
      toExtension: (m) => browser.runtime.sendMessage(m),
    }).catch(() => null);
    const looksLikePdf = Boolean(tab.url && /\.pdf($|[?#])/i.test(new URL(tab.url).pathname + new URL(tab.url).search));
    const pdfUrl = !inViewer && tab.url && (state?.isPdf || looksLikePdf) ? tab.url : null;
    return { cannotAnnotate: null, commentCount: state && !state.isPdf ? state.comments.length : null, pdfUrl };
  },
  async openPdf(url) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    await callBackground((m) => browser.runtime.sendMessage(m), { type: 'pdf/open', url, ...(tab?.id !== undefined ? { tabId: tab.id } : {}) });
    window.close();
  },
  async openPanel() {
    const g = globalThis as PanelOpeners;
    if (g.browser?.sidebarAction) {
      await g.browser.sidebarAction.open();
    } else if (g.chrome?.sidePanel) {
      const win = await browser.windows.getCurrent();
      await g.chrome.sidePanel.open({ windowId: win.id! });
    }
    window.close();
  },
  openSettings: () => browser.runtime.openOptionsPage(),
  notices: {
    async list() {
      // Not connected to a group: no What's new at all.
      if (!(await callBackground(send, { type: 'sync/status' })).connection) throw new Error('Not connected');
      return callBackground(send, { type: 'notices/list' });
    },
    markRead: async (ids) => void (await callBackground(send, { type: 'notices/read', ids })),
    async open(notice) {
      if (!notice.document || !/^https?:/i.test(notice.document)) return;
      await browser.tabs.create({ url: notice.document });
      window.close();
    },
  },
  openDigest: async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/digest.html') })),
};

renderExtensionPage(() => <PopupApp api={api} />, { title: 'common.appName' });
