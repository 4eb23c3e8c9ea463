import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAnnotationService } from '../utils/background/annotation-service';
import { createConversationService } from '../utils/background/conversation-service';
import { createNoticeService } from '../utils/background/notice-service';
import { createCommentMenuKeeper } from '../utils/background/comment-menu';
import { createBackgroundHandlers } from '../utils/background/handlers';
import { createPdfService } from '../utils/background/pdf-service';
import { createSyncService } from '../utils/background/sync-service';
import { createTabMessenger } from '../utils/background/tab-messenger';
import { createBackgroundListener } from '../utils/messaging';
import { createAnnotationId, readSettings } from '../utils/model';
import { createAnnotationRepo, createConversationRepo, createSyncRepo, getNotifySetting, openLeaDb, setNotifySetting } from '../utils/store';
import { createLiveKeeper } from '../utils/sync/live-keeper';
import { withAcceptLanguage } from '../utils/sync/http';
import { translator } from '../utils/i18n/translate';
import { currentLocale, watchLocale } from './shared/locale';
import { setMessageLanguage } from '../utils/messaging/message-language';
import { openSidePanel } from '../utils/browser/side-panel';
import { listenForNotificationClicks } from '../utils/background/notification-clicks';
import { createStoreClient, createSyncEngine } from '../utils/sync';

const MENU_ID = 'lea-add-comment';
const PDF_MENU_ID = 'lea-open-pdf';
/** Addresses that look like PDFs, for the "Open in the annotator" menu item. */
const PDF_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', '*://*/*.PDF?*'];
const SYNC_ALARM = 'lea-sync';

/** Wires the store, sync, services, messages, context menu and keyboard command; holds no logic of its own. */
export default defineBackground(() => {
  const clock = () => new Date();
  const tabs = createTabMessenger({
    queryTabs: (query) => browser.tabs.query(query),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    sendToExtension: (message) => browser.runtime.sendMessage(message),
  });
  const settings = async () => readSettings((await browser.storage.local.get('settings')).settings);
  const pdf = createPdfService({ viewerPage: browser.runtime.getURL('/pdf-viewer.html'), tabs: browser.tabs, settings });

  // The toolbar button: `action` in Chrome (MV3), `browserAction` in Firefox (MV2).
  const action = (browser as unknown as { action?: typeof browser.browserAction }).action ?? browser.browserAction;
  const notificationsGranted = () => browser.permissions.contains({ permissions: ['notifications'] });

  // "Add a comment" in the right-click menu only for people who may write comments (not readers).
  let refreshMenu = (_force?: boolean) => undefined as unknown;

  /** The extension's language as last read (menus, messages, the store's answers follow it). */
  let menuLocale: string | null = null;
  const stored = openLeaDb().then((db) => {
    const syncRepo = createSyncRepo(db, clock);
    const menu = createCommentMenuKeeper({
      getConnection: () => syncRepo.getConnection(),
      setVisible: async (visible) => void (await browser.contextMenus.update(MENU_ID, { visible })),
    });
    refreshMenu = (force) => void menu.refresh(force);
    refreshMenu();
    const clientFor = (c: { baseUrl: string; token?: string }) =>
      // The store answers (its refusals shown to people) in the extension's language.
      createStoreClient({ fetch: withAcceptLanguage((url, init) => fetch(url, init), () => menuLocale ?? undefined), timeoutSignal: (ms) => AbortSignal.timeout(ms), ...c });
    let refreshNotices = () => undefined as unknown;
    const engine = createSyncEngine({
      repo: syncRepo,
      clientFor,
      clock,
      random: Math.random,
      sleep: (ms, signal) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        }),
      onChanged: (change) => {
        if (change.type === 'annotations') void tabs.repaintAll();
        else if (change.type === 'status') {
          void tabs.statusChanged();
          refreshMenu(); // a join, a role change or a revocation
        }
        refreshNotices(); // bursts share at most two recounts
      },
    });
    const live = createLiveKeeper({
      start: async (signal) => void (await engine.live(signal)),
      idleMs: 60_000,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    const conversationRepo = createConversationRepo(db, clock);
    const notices = createNoticeService({
      sync: syncRepo,
      conversation: conversationRepo,
      notifySetting: { get: () => getNotifySetting(db), set: (on) => setNotifySetting(db, on) },
      syncNotices: () => void engine.syncNotices(),
      t: async () => translator(await currentLocale()).t,
      badge: {
        setText: async (text) => void (await action.setBadgeText({ text })),
        setTitle: async (title) => void (await action.setTitle({ title })),
      },
      notifications: {
        granted: notificationsGranted,
        show: async (id, message) => {
          const api = browser.notifications;
          if (!api) return; // the optional permission is not granted
          notificationClicks.watch();
          const iconUrl = browser.runtime.getURL('/icons/128.png');
          const { t } = translator(await currentLocale());
          await api.create(id, { type: 'basic', iconUrl, title: t('common.appName'), message });
        },
      },
      broadcast: () => void tabs.noticesChanged(),
      clock,
    });
    refreshNotices = () => void notices.refresh();
    const afterLocalChange = () => {
      void tabs.repaintAll();
      void engine.runOnce();
      refreshNotices();
    };
    const conversation = createConversationService({
      conversation: conversationRepo,
      sync: syncRepo,
      documentsStartingWith: (prefix) => createAnnotationRepo(db, clock).documentsStartingWith(prefix),
      clientFor,
      settings,
      newId: () => createAnnotationId(Date.now(), (bytes) => crypto.getRandomValues(bytes)),
      clock,
      afterLocalChange,
      runSync: () => void engine.runOnce({ ignoreBackoff: true }),
    });
    refreshNotices(); // the badge is right from the worker's start
    return {
      engine,
      annotations: createAnnotationService({
        annotations: createAnnotationRepo(db, clock),
        sync: syncRepo,
        afterLocalChange,
        onNewComment: (document) => void notices.autoFollow(document),
      }),
      sync: createSyncService({ engine, repo: syncRepo, live, clock, afterLocalChange }),
      conversation,
      notices,
    };
  });

  // A notification clicked opens its document, also after the browser stopped the idle worker.
  const notificationClicks = listenForNotificationClicks({
    notifications: () => browser.notifications,
    onPermissionAdded: (listener) => browser.permissions.onAdded.addListener(listener),
    open: async (id) => {
      const document = await (await stored).notices.opened(id);
      if (document !== null) await browser.tabs.create({ url: document });
    },
  });

  browser.runtime.onMessage.addListener(
    createBackgroundListener({ extensionOrigin: browser.runtime.getURL('/'), handlers: createBackgroundHandlers({ stored, pdf, settings, openPanel: (where) => openSidePanel(where) }) }),
  );

  // The menus in the extension's language: made at install, rebuilt when the language setting changes.
  const buildMenus = async () => {
    const { t } = translator(await currentLocale());
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_ID, title: t('background.menu.addComment'), contexts: ['selection'] });
    browser.contextMenus.create({ id: `${PDF_MENU_ID}-link`, title: t('background.menu.openPdfLink'), contexts: ['link'], targetUrlPatterns: PDF_PATTERNS });
    browser.contextMenus.create({ id: PDF_MENU_ID, title: t('background.menu.openPdf'), contexts: ['page'], documentUrlPatterns: PDF_PATTERNS });
    await stored;
    refreshMenu(true);
  };
  browser.runtime.onInstalled.addListener(() => void buildMenus());
  void currentLocale().then((locale) => {
    menuLocale = locale;
    setMessageLanguage(locale);
  });
  watchLocale((locale) => {
    setMessageLanguage(locale);
    if (locale === menuLocale) return;
    menuLocale = locale;
    void buildMenus();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void tabs.startComment(tab?.id);
    else if (info.menuItemId === `${PDF_MENU_ID}-link` && info.linkUrl) void pdf.open(info.linkUrl);
    else if (info.menuItemId === PDF_MENU_ID && info.pageUrl) void pdf.open(info.pageUrl, tab?.id);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'add-comment') void tabs.startComment();
    // From a highlighted passage (selection or caret) to its comments, focus in the card.
    else if (command === 'show-comments')
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id !== undefined && browser.tabs.sendMessage(tab.id, { type: 'page/show-comments' }).catch(() => undefined));
  });

  // Sync resumes whenever the worker starts, and at least once a minute while the browser is open.
  const runSync = () => void stored.then(({ engine }) => engine.runOnce());
  runSync();
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) runSync();
  });

  // The toolbar button opens the popup; the popup opens the side panel on request.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } } }).chrome?.sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
