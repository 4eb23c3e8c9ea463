import { renderExtensionPage } from '../shared/extension-page';
import '../../components/styles.css';
import { browser } from 'wxt/browser';
import { SidePanelApp, type SidePanelApi } from '../../components/SidePanelApp';
import { BroadcastSchema, callBackground, callTab, NO_RECEIVER, type BackgroundRequest, type PageRequest } from '../../utils/messaging';
import * as v from 'valibot';
import type { Notice } from '../../utils/conversation/notice-types';
import { NO_FILTERS, showsEverything } from '../../utils/overlay/filters';
import { translator } from '../../utils/i18n/translate';
import type { Locale } from '../../utils/i18n/locales';

// Marks of the panel's start (bench:conversation's BENCH_PROBE reads them): when its script
// ran, and when the page's comments, the first threads and the whole conversation were asked
// for and arrived.
performance.mark('lea-panel-script');
/** Marks `name` once: the panel asks for the page and the threads again on every change. */
const markOnce = (name: string) => {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
};

/** The panel's language: read at start, then kept up to date when the person changes it. */
let locale: Locale = 'en-GB';
/** Why the panel can't show this tab's comments, in the panel's language at the time it is said. */
const cannotReachPage = () => translator(locale).t('sidepanel.cannotReachPage');

// Tests (and people opening the panel in a tab) may name the tab: sidepanel.html?tab=123.
const namedTab = Number(new URLSearchParams(location.search).get('tab')) || undefined;

async function currentTabId(): Promise<number> {
  if (namedTab) return namedTab;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error(cannotReachPage());
  return tab.id;
}

async function askPage<K extends PageRequest['type']>(request: Extract<PageRequest, { type: K }>, tab?: number) {
  const tabId = tab ?? (await currentTabId());
  try {
    return await callTab<K>(tabId, request, {
      toTab: (id, m) => browser.tabs.sendMessage(id, m),
      toExtension: (m) => browser.runtime.sendMessage(m),
    });
  } catch (error) {
    // "Could not establish connection" means no content script there: explain it in words.
    if (error instanceof Error && NO_RECEIVER.test(error.message)) throw new Error(cannotReachPage());
    throw error;
  }
}

const send = (m: BackgroundRequest) => browser.runtime.sendMessage(m);

/**
 * A request sent as the script starts, while the panel still reads its language and renders,
 * handed to the first caller; later callers ask again (the page or the settings may have changed).
 */
function askedEarly<T>(ask: () => Promise<T>): () => Promise<T> {
  let first: Promise<T> | null = ask();
  first.catch(() => undefined); // the first caller hears of a failure
  return () => {
    const answer = first ?? ask();
    first = null;
    return answer;
  };
}

const pageState = askedEarly(async () => {
  markOnce('lea-panel-page-asked');
  const state = await askPage({ type: 'page/get-state' });
  markOnce(state.loading ? 'lea-panel-page-loading' : 'lea-panel-page-state');
  return state;
});
const settings = askedEarly(() => callBackground(send, { type: 'settings/get' }));

/**
 * Open a notice's document: the tab already showing it, or the current tab (the side panel
 * then shows that page's comments, with the notice's comment focused).
 */
async function openNoticeDocument(notice: Notice): Promise<void> {
  if (!notice.document || !/^https?:/i.test(notice.document)) return;
  const tabId = await currentTabId().catch(() => undefined);
  if (tabId === undefined) await browser.tabs.create({ url: notice.document });
  else if ((await browser.tabs.get(tabId)).url !== notice.document) await browser.tabs.update(tabId, { url: notice.document });
}

/** The tab whose page paints only the filtered comments, if any. */
let filteredTab: number | undefined;

const api: SidePanelApi = {
  getPageState: pageState,
  focus: async (id) => (await askPage({ type: 'page/focus', id })).found,
  async showOnPage(filters) {
    const tabId = await currentTabId();
    // Moving to another tab leaves no filter behind on the one before.
    if (filteredTab !== undefined && filteredTab !== tabId) void askPage({ type: 'page/filter', filters: NO_FILTERS }, filteredTab).catch(() => undefined);
    filteredTab = showsEverything(filters) ? undefined : tabId;
    await askPage({ type: 'page/filter', filters }, tabId);
  },
  save: async (annotation) => void (await callBackground(send, { type: 'annotations/save', annotation })),
  remove: async (id) => (await callBackground(send, { type: 'annotations/delete', id })).deleted,
  getSettings: settings,
  now: () => new Date(),
  conversation: {
    async list(uris, comments) {
      const name = comments ? 'lea-panel-first-threads' : 'lea-panel-conversation';
      markOnce(`${name}-asked`);
      const answer = await callBackground(send, { type: 'conversation/list', uris, ...(comments ? { comments } : {}) });
      markOnce(name);
      return answer;
    },
    reply: async (input) => (await callBackground(send, { type: 'conversation/reply', ...input })).reply,
    support: async (target, named) => void (await callBackground(send, { type: 'conversation/support', target, named })),
    unsupport: async (target) => void (await callBackground(send, { type: 'conversation/unsupport', target })),
    report: async (id, reason) => void (await callBackground(send, { type: 'conversation/report', id, reason })),
    deleteReply: async (id) => (await callBackground(send, { type: 'conversation/delete-reply', id })).deleted,
    editReply: async (id, draft) => void (await callBackground(send, { type: 'conversation/edit-reply', id, ...draft })),
    restoreReply: async (reply) => void (await callBackground(send, { type: 'conversation/restore-reply', reply })),
    follow: async (document, following) => void (await callBackground(send, { type: 'notices/follow', document, following })),
    notices: () => callBackground(send, { type: 'notices/list' }),
    markRead: async (ids) => void (await callBackground(send, { type: 'notices/read', ids })),
    openNotice: (notice) => openNoticeDocument(notice),
    moderation: {
      list: () => callBackground(send, { type: 'moderation/list' }),
      hide: async (id, reason) => void (await callBackground(send, { type: 'moderation/hide', id, reason })),
      unhide: async (id, reason) => void (await callBackground(send, { type: 'moderation/unhide', id, reason })),
      dismiss: async (id, reason) => void (await callBackground(send, { type: 'moderation/dismiss', id, reason })),
    },
  },
  sync: {
    overview: () => callBackground(send, { type: 'sync/status' }),
    retry: () => callBackground(send, { type: 'sync/retry' }),
    resolve: async (id, choice) => void (await callBackground(send, { type: 'sync/resolve', id, choice })),
  },
  onChange(listener) {
    const onMessage = (message: unknown) => {
      if (v.is(BroadcastSchema, message)) listener();
      return undefined;
    };
    const onActivated = () => listener();
    const onUpdated = (_id: number, info: { status?: string }) => info.status === 'complete' && listener();
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  },
};

// While the panel is open, follow the group's live stream so new comments arrive at once.
const keepLive = () => void callBackground(send, { type: 'sync/keep-live' }).catch(() => undefined);
keepLive();
setInterval(keepLive, 20_000);

// Closing the panel leaves no filter behind: the page paints every comment again.
addEventListener('pagehide', () => {
  if (filteredTab !== undefined) void askPage({ type: 'page/filter', filters: NO_FILTERS }, filteredTab).catch(() => undefined);
});

renderExtensionPage(() => <SidePanelApp api={api} />, {
  onLocale: (now) => {
    locale = now;
  },
});
