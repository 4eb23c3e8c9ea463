import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundRequestSchema, createMessageHandler, type BackgroundRequest, type BackgroundResponses } from '../utils/messaging';
import { readSettings } from '../utils/model';
import { createAnnotationRepo, openLeaDb } from '../utils/store';

const MENU_ID = 'lea-add-comment';

/** Wires the store, messages, context menu and keyboard command; holds no logic of its own. */
export default defineBackground(() => {
  const repo = openLeaDb().then((db) => createAnnotationRepo(db, () => new Date()));

  // Every tab repaints after a change, so the same document open twice stays in step.
  async function tellTabsToRepaint() {
    const tabs = await browser.tabs.query({});
    await Promise.allSettled(tabs.map((tab) => tab.id !== undefined && browser.tabs.sendMessage(tab.id, { type: 'page/repaint' })));
  }

  browser.runtime.onMessage.addListener(
    createMessageHandler<BackgroundRequest, BackgroundResponses>(BackgroundRequestSchema, {
      'annotations/list': async ({ uris }) => (await repo).listForDocument(uris),
      'annotations/save': async ({ annotation }) => {
        const saved = await (await repo).save(annotation);
        void tellTabsToRepaint();
        return { annotation: saved };
      },
      'annotations/delete': async ({ id }) => {
        const deleted = await (await repo).remove(id);
        void tellTabsToRepaint();
        return { deleted };
      },
      'settings/get': async () => readSettings((await browser.storage.local.get('settings')).settings),
    }),
  );

  async function startCommentInActiveTab(tabId?: number) {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await browser.tabs.sendMessage(id, { type: 'page/start-comment' }).catch(() => undefined);
  }

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Add a comment on this passage', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void startCommentInActiveTab(tab?.id);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'add-comment') void startCommentInActiveTab();
  });

  // The toolbar button opens the popup; the popup opens the side panel on request.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } } }).chrome?.sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
