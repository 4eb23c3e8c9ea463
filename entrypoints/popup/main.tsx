import '../../components/styles.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupApi } from '../../components/PopupApp';
import { annotatableReason } from '../../utils/document';
import { callPage } from '../../utils/messaging';

type PanelOpeners = {
  chrome?: { sidePanel?: { open(options: { windowId: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
};

const api: PopupApi = {
  async getStatus() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const reason = tab?.url ? annotatableReason(tab.url) : null;
    if (reason || tab?.id === undefined) return { cannotAnnotate: reason ?? 'This tab can’t be commented on.', commentCount: null };
    const state = await callPage((m) => browser.tabs.sendMessage(tab.id!, m), { type: 'page/get-state' }).catch(() => null);
    return { cannotAnnotate: null, commentCount: state ? state.comments.length : null };
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
  openDigest: async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/digest.html') })),
};

render(<PopupApp api={api} />, document.getElementById('app')!);
