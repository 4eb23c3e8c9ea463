import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  BackgroundRequestSchema,
  createMessageHandler,
  type BackgroundRequest,
  type BackgroundResponses,
  type SyncOverview,
} from '../utils/messaging';
import { readSettings } from '../utils/model';
import { createAnnotationRepo, createSyncRepo, openLeaDb } from '../utils/store';
import { createLiveKeeper } from '../utils/sync/live-keeper';
import { createStoreClient, createSyncEngine, describeSyncState, type SyncEngine } from '../utils/sync';

const MENU_ID = 'lea-add-comment';
const PDF_MENU_ID = 'lea-open-pdf';
/** Addresses that look like PDFs, for the "Open in the annotator" menu item. */
const PDF_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', '*://*/*.PDF?*'];

/** The annotator's own viewer showing the PDF at `url`. */
function viewerUrl(url: string): string {
  return `${browser.runtime.getURL('/pdf-viewer.html')}?file=${encodeURIComponent(url)}`;
}

async function showPdfInViewer(url: string, tabId?: number): Promise<boolean> {
  if (!/^https?:/i.test(url)) return false;
  if (tabId === undefined) await browser.tabs.create({ url: viewerUrl(url) });
  else await browser.tabs.update(tabId, { url: viewerUrl(url) });
  return true;
}
const SYNC_ALARM = 'lea-sync';

/** Wires the store, sync, messages, context menu and keyboard command; holds no logic of its own. */
export default defineBackground(() => {
  const clock = () => new Date();
  const db = openLeaDb();
  const repo = db.then((d) => createAnnotationRepo(d, clock));
  const syncRepo = db.then((d) => createSyncRepo(d, clock));
  const engine: Promise<SyncEngine> = syncRepo.then((r) =>
    createSyncEngine({
      repo: r,
      clientFor: (c) => createStoreClient({ fetch: (url, init) => fetch(url, init), timeoutSignal: (ms) => AbortSignal.timeout(ms), ...c }),
      clock,
      random: Math.random,
      sleep: (ms, signal) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        }),
      onChanged: (change) => {
        if (change.type === 'annotations') void tellTabsToRepaint();
        else void browser.runtime.sendMessage({ type: 'broadcast/sync-status' }).catch(() => undefined);
      },
    }),
  );
  const live = createLiveKeeper({
    start: async (signal) => void (await (await engine).live(signal)),
    idleMs: 60_000,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });

  // Every tab repaints after a change, so the same document open twice stays in step.
  async function tellTabsToRepaint() {
    const tabs = await browser.tabs.query({});
    await Promise.allSettled([
      ...tabs.map((tab) => tab.id !== undefined && browser.tabs.sendMessage(tab.id, { type: 'page/repaint' })),
      // PDF viewer tabs are extension pages, which only runtime messages reach.
      browser.runtime.sendMessage({ type: 'viewer/page', request: { type: 'page/repaint' } }),
    ]);
  }

  async function syncOverview(): Promise<SyncOverview> {
    const [status, conflicts] = await Promise.all([(await engine).status(), (await syncRepo).listConflicts()]);
    const sentence = describeSyncState(status, clock());
    return { sentence, connection: status.connection, needsAttention: !['All saved'].includes(sentence) && status.connection !== null, conflicts };
  }

  const afterLocalChange = () => {
    void tellTabsToRepaint();
    void engine.then((e) => e.runOnce());
  };

  browser.runtime.onMessage.addListener(
    createMessageHandler<BackgroundRequest, BackgroundResponses>(BackgroundRequestSchema, {
      'annotations/list': async ({ uris }) => {
        const listing = await (await repo).listForDocument(uris);
        const sync = await syncRepo;
        const [info, connection] = await Promise.all([sync.syncInfoFor(listing.annotations.map((a) => a.id)), sync.getConnection()]);
        const authors = Object.fromEntries(Object.values(info).map((i) => [i.id, i.author]));
        return { ...listing, authors, role: connection?.role ?? null };
      },
      'annotations/all': async () => {
        const listing = await (await repo).listAll();
        const info = await (await syncRepo).syncInfoFor(listing.annotations.map((a) => a.id));
        const hidden = Object.fromEntries(Object.values(info).flatMap((i) => (i.hidden ? [[i.id, i.hidden]] : [])));
        return { ...listing, hidden };
      },
      'annotations/save': async ({ annotation }) => {
        const saved = await (await repo).save(annotation);
        afterLocalChange();
        return { annotation: saved };
      },
      'annotations/delete': async ({ id }) => {
        const deleted = await (await repo).remove(id);
        afterLocalChange();
        return { deleted };
      },
      'settings/get': async () => readSettings((await browser.storage.local.get('settings')).settings),
      'sync/status': () => syncOverview(),
      'sync/connect': async (request) => {
        const connection = await (await engine).connect(request);
        void (await engine).runOnce({ ignoreBackoff: true });
        return { connection };
      },
      'sync/disconnect': async () => {
        live.stop();
        await (await engine).disconnect();
        return { ok: true as const };
      },
      'sync/forget-me': async () => {
        live.stop();
        await (await engine).forgetMe();
        return { ok: true as const };
      },
      'sync/retry': async () => {
        await (await engine).runOnce({ ignoreBackoff: true });
        return syncOverview();
      },
      'sync/resolve': async ({ id, choice }) => {
        await (await syncRepo).resolveConflict(id, choice);
        afterLocalChange();
        return { ok: true as const };
      },
      'sync/keep-live': async () => ({ live: live.touch() }),
      'pdf/open': async ({ url, tabId }) => ({ opened: await showPdfInViewer(url, tabId) }),
      'pdf/detected': async (_request, sender) => {
        const tab = (sender as { tab?: { id?: number; url?: string } }).tab;
        const settings = readSettings((await browser.storage.local.get('settings')).settings);
        if (!settings.openPdfsInAnnotator || tab?.id === undefined || !tab.url) return { redirected: false };
        return { redirected: await showPdfInViewer(tab.url, tab.id) };
      },
    }),
  );

  async function startCommentInActiveTab(tabId?: number) {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await browser.tabs.sendMessage(id, { type: 'page/start-comment' }).catch(() => undefined);
  }

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Add a comment on this passage', contexts: ['selection'] });
    browser.contextMenus.create({ id: `${PDF_MENU_ID}-link`, title: 'Open this PDF in the annotator', contexts: ['link'], targetUrlPatterns: PDF_PATTERNS });
    browser.contextMenus.create({ id: PDF_MENU_ID, title: 'Open in the annotator', contexts: ['page'], documentUrlPatterns: PDF_PATTERNS });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void startCommentInActiveTab(tab?.id);
    else if (info.menuItemId === `${PDF_MENU_ID}-link` && info.linkUrl) void showPdfInViewer(info.linkUrl);
    else if (info.menuItemId === PDF_MENU_ID && info.pageUrl) void showPdfInViewer(info.pageUrl, tab?.id);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'add-comment') void startCommentInActiveTab();
  });

  // Sync resumes whenever the worker starts, and at least once a minute while the browser is open.
  void engine.then((e) => e.runOnce());
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void engine.then((e) => e.runOnce());
  });

  // The toolbar button opens the popup; the popup opens the side panel on request.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } } }).chrome?.sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
