import { afterEach, describe, expect, it } from 'vitest';
import { createBackgroundListener, NOT_FROM_A_WEB_PAGE, type BackgroundRequest, type PageRequest, type Reply } from '../messaging';
import { DEFAULT_SETTINGS, DEFAULT_THEMES, type Settings } from '../model';
import type { LeaDb } from '../store';
import type { FakeStore } from '../../tests/support/fake-store-server';
import { FAKE_STORE_URL, createFakeStore, makeComment, openComputer, otherMember } from '../../tests/support/sync-harness';
import { createAnnotationService } from './annotation-service';
import { createBackgroundHandlers } from './handlers';
import { createPdfService } from './pdf-service';
import { createSyncService } from './sync-service';
import { createTabMessenger } from './tab-messenger';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
/** Where a message came from, as runtime.onMessage reports it. */
const SENDERS = {
  sidePanel: { id: 'abcdefghijklmnop', url: `${ORIGIN}sidepanel.html` },
  pdfViewer: { id: 'abcdefghijklmnop', url: `${ORIGIN}pdf-viewer.html?file=x`, tab: { id: 7, url: `${ORIGIN}pdf-viewer.html?file=x` } },
  contentScript: { id: 'abcdefghijklmnop', url: 'https://www.gov.uk/policy', tab: { id: 3, url: 'https://www.gov.uk/policy' } },
  // A page whose address merely starts with the same letters is still a web page.
  lookalike: { id: 'abcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopq/x.html', tab: { id: 4 } },
};

const open: LeaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** The background as background.ts wires it, on fake-indexeddb and a fake store, plus what it did to tabs. */
async function wireBackground(store: FakeStore = createFakeStore(), settings: Settings = DEFAULT_SETTINGS) {
  const computer = await openComputer({ store });
  open.push(computer.db);
  const sentToTabs: { tabId: number; message: PageRequest }[] = [];
  const openedTabs: { tabId?: number; url: string }[] = [];
  const tabs = createTabMessenger({
    queryTabs: async () => [{ id: 1 }, { id: 2 }, {}],
    sendToTab: async (tabId, message) => void sentToTabs.push({ tabId, message }),
    sendToExtension: async () => undefined,
  });
  let localChanges = 0;
  const afterLocalChange = () => {
    localChanges++;
    void tabs.repaintAll();
  };
  let liveTouches = 0;
  const live = { touch: () => (liveTouches++, true), stop: () => undefined };
  const pdf = createPdfService({
    viewerPage: `${ORIGIN}pdf-viewer.html`,
    tabs: { create: async ({ url }) => void openedTabs.push({ url }), update: async (tabId, { url }) => void openedTabs.push({ tabId, url }) },
    settings: async () => settings,
  });
  const stored = Promise.resolve({
    annotations: createAnnotationService({ annotations: computer.local, sync: computer.repo, afterLocalChange }),
    sync: createSyncService({ engine: computer.engine, repo: computer.repo, live, clock: computer.clock, afterLocalChange }),
  });
  const listener = createBackgroundListener({ extensionOrigin: ORIGIN, handlers: createBackgroundHandlers({ stored, pdf, settings: async () => settings }) });
  const ask = (sender: unknown, message: BackgroundRequest | { type: string }) => listener(message, sender) as Promise<Reply<never>> | undefined;
  return { ...computer, store, ask, sentToTabs, openedTabs, localChanges: () => localChanges, liveTouches: () => liveTouches };
}

const connectRequest = { type: 'sync/connect', baseUrl: FAKE_STORE_URL, code: 'member-code', displayName: 'Sam' } as const;

describe('background messages: one call map per pair of contexts', () => {
  it.each([
    { type: 'sync/forget-me' } as const,
    connectRequest,
    { type: 'sync/disconnect' } as const,
    { type: 'annotations/delete', id: 'urn:uuid:01890a5d-ac96-774b-bcce-000000000001' } as const,
    { type: 'conversation/report', id: 'urn:uuid:01890a5d-ac96-774b-bcce-000000000001', reason: 'x' } as const,
    { type: 'profile/update', jobTitle: 'x' } as const,
  ])('refuses $type from a content script with an error value, and nothing happens', async (request) => {
    const bg = await wireBackground();
    expect((await bg.ask(SENDERS.sidePanel, connectRequest))?.ok).toBe(true);
    const mine = await bg.local.save(makeComment('kept'));
    await bg.engine.runOnce();
    const before = bg.store.requests.length;

    for (const sender of [SENDERS.contentScript, SENDERS.lookalike]) {
      expect(await bg.ask(sender, request)).toEqual({ ok: false, error: NOT_FROM_A_WEB_PAGE() });
    }
    expect(bg.store.requests.slice(before)).toEqual([]);
    expect(await bg.repo.getConnection()).toMatchObject({ displayName: 'Sam', role: 'member' });
    expect(await bg.local.get(mine.id)).toEqual(mine);
    expect(await bg.local.pendingOutbox()).toEqual([]);
  });

  it('lets the side panel and the PDF viewer (extension pages) forget the member', async () => {
    for (const sender of [SENDERS.sidePanel, SENDERS.pdfViewer]) {
      const bg = await wireBackground();
      await bg.ask(SENDERS.sidePanel, connectRequest);
      expect(await bg.ask(sender, { type: 'sync/forget-me' })).toEqual({ ok: true, value: { ok: true } });
      expect(bg.store.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/me?anonymous=remove' });
      expect(await bg.repo.getConnection()).toBeNull();
    }
  });

  it('passes the member\'s choice for their anonymous comments on to the store', async () => {
    const bg = await wireBackground();
    await bg.ask(SENDERS.sidePanel, connectRequest);
    expect(await bg.ask(SENDERS.sidePanel, { type: 'sync/forget-me', keepAnonymous: true })).toEqual({ ok: true, value: { ok: true } });
    expect(bg.store.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/me?anonymous=keep' });
  });

  it('answers a content script what its page needs: the comments, the settings, live updates', async () => {
    const bg = await wireBackground();
    const comment = makeComment('on this page');
    expect(await bg.ask(SENDERS.contentScript, { type: 'annotations/save', annotation: comment })).toEqual({ ok: true, value: { annotation: comment } });
    expect(await bg.ask(SENDERS.contentScript, { type: 'annotations/list', uris: ['https://example.org/policy'] })).toEqual({
      ok: true,
      value: { annotations: [comment], damaged: [], authors: { [comment.id]: 'me' }, role: null, themes: [...DEFAULT_THEMES] },
    });
    expect(await bg.ask(SENDERS.contentScript, { type: 'settings/get' })).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(await bg.ask(SENDERS.contentScript, { type: 'sync/keep-live' })).toEqual({ ok: true, value: { live: true } });
    expect(bg.liveTouches()).toBe(1);
  });

  it('leaves messages of other shapes to other listeners', async () => {
    const bg = await wireBackground();
    expect(bg.ask(SENDERS.sidePanel, { type: 'broadcast/sync-status' })).toBeUndefined();
    expect(bg.ask(SENDERS.contentScript, { type: 'viewer/page' })).toBeUndefined();
  });
});

describe('annotation service', () => {
  it('saves a comment with its outbox entry, then repaints every tab', async () => {
    const bg = await wireBackground();
    const comment = makeComment('my words');
    await bg.ask(SENDERS.sidePanel, { type: 'annotations/save', annotation: comment });
    expect((await bg.local.pendingOutbox()).map((e) => e.annotationId)).toEqual([comment.id]);
    expect(bg.localChanges()).toBe(1);
    await Promise.resolve();
    expect(bg.sentToTabs).toEqual([
      { tabId: 1, message: { type: 'page/repaint' } },
      { tabId: 2, message: { type: 'page/repaint' } },
    ]);
  });

  it('refuses a damaged comment with the reason, saving nothing', async () => {
    const bg = await wireBackground();
    const reply = await bg.ask(SENDERS.sidePanel, { type: 'annotations/save', annotation: { ...makeComment('x'), id: 'not-a-uuid' } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('This comment could not be saved') });
    expect(await bg.local.pendingOutbox()).toEqual([]);
    expect(bg.localChanges()).toBe(0);
  });

  it('lists who wrote each comment and the person’s role once connected', async () => {
    const store = createFakeStore();
    const bg = await wireBackground(store);
    await bg.ask(SENDERS.sidePanel, { ...connectRequest, code: 'facilitator-code' });
    const alex = await otherMember(store);
    const theirs = makeComment('from Alex');
    await alex.client.putAnnotation('g1', theirs, { create: true });
    const mine = await bg.local.save(makeComment('mine'));
    await bg.engine.runOnce();
    const reply = await bg.ask(SENDERS.contentScript, { type: 'annotations/list', uris: ['https://example.org/policy'] });
    expect(reply).toMatchObject({ ok: true, value: { authors: { [mine.id]: 'me', [theirs.id]: 'other' }, role: 'facilitator' } });
  });
});

describe('sync service', () => {
  it('says what is wrong from the status itself, names the refused comment, and "Try again now" offers it again', async () => {
    const store = createFakeStore();
    const bg = await wireBackground(store);
    await bg.ask(SENDERS.sidePanel, connectRequest);
    const refused = await bg.local.save(makeComment('too much'));
    store.refuse(refused.id, { status: 400, code: 'invalid-body', message: 'The comment has an unknown field.' });
    await bg.engine.runOnce();

    const overview = await bg.ask(SENDERS.sidePanel, { type: 'sync/status' });
    expect(overview).toMatchObject({
      ok: true,
      value: {
        sentence: 'The group store refused one comment: The comment has an unknown field. It is kept on this computer.',
        needsAttention: true,
        refused: [{ id: refused.id, quote: 'care', text: 'too much' }],
      },
    });
    const puts = () => store.requests.filter((r) => r.method === 'PUT').length;
    const before = puts();
    expect(await bg.ask(SENDERS.sidePanel, { type: 'sync/retry' })).toMatchObject({ ok: true, value: { needsAttention: true } });
    expect(puts()).toBe(before + 1);
  });

  it('reports the comments a facilitator hid, with the reason', async () => {
    const store = createFakeStore();
    const bg = await wireBackground(store);
    await bg.ask(SENDERS.sidePanel, connectRequest);
    const mine = await bg.local.save(makeComment('names someone'));
    await bg.engine.runOnce();
    store.hide(mine.id, 'Names a staff member');
    await bg.engine.runOnce();
    expect(await bg.ask(SENDERS.sidePanel, { type: 'sync/status' })).toMatchObject({
      ok: true,
      value: { sentence: 'All saved', needsAttention: false, hidden: { [mine.id]: { reason: 'Names a staff member' } } },
    });
  });
});

describe('pdf service', () => {
  it('opens web PDFs in the viewer, and only when the person asked for it on detection', async () => {
    const off = await wireBackground();
    expect(await off.ask(SENDERS.sidePanel, { type: 'pdf/open', url: 'https://example.org/a.pdf' })).toEqual({ ok: true, value: { opened: true } });
    expect(await off.ask(SENDERS.sidePanel, { type: 'pdf/open', url: 'file:///etc/passwd' })).toEqual({ ok: true, value: { opened: false } });
    expect(await off.ask(SENDERS.contentScript, { type: 'pdf/detected' })).toEqual({ ok: true, value: { redirected: false } });
    expect(off.openedTabs).toEqual([{ url: `${ORIGIN}pdf-viewer.html?file=${encodeURIComponent('https://example.org/a.pdf')}` }]);

    const on = await wireBackground(createFakeStore(), { ...DEFAULT_SETTINGS, openPdfsInAnnotator: true });
    expect(await on.ask(SENDERS.contentScript, { type: 'pdf/detected' })).toEqual({ ok: true, value: { redirected: true } });
    expect(on.openedTabs).toEqual([{ tabId: 3, url: `${ORIGIN}pdf-viewer.html?file=${encodeURIComponent('https://www.gov.uk/policy')}` }]);
  });
});

describe('panel/open: "Open the side panel" on a page’s card', () => {
  function wire(openPanel?: (where: { tabId?: number }) => Promise<void>) {
    const pdf = createPdfService({ viewerPage: `${ORIGIN}pdf-viewer.html`, tabs: { create: async () => undefined, update: async () => undefined }, settings: async () => DEFAULT_SETTINGS });
    const stored = new Promise<never>(() => undefined);
    const handlers = createBackgroundHandlers({ stored, pdf, settings: async () => DEFAULT_SETTINGS, ...(openPanel ? { openPanel } : {}) });
    return createBackgroundListener({ extensionOrigin: ORIGIN, handlers });
  }

  it('opens the panel beside the sending tab in the same task as the message (the press that sent it still counts)', async () => {
    const opened: { tabId?: number }[] = [];
    const listener = wire(async (where) => void opened.push(where));
    const reply = listener({ type: 'panel/open' }, SENDERS.contentScript);
    // Before any await: a browser lets a side panel open only while the press is being handled.
    expect(opened).toEqual([{ tabId: 3 }]);
    expect(await reply).toEqual({ ok: true, value: { opened: true } });
  });

  it('says plainly how to open it when the browser refuses or has no side panel', async () => {
    const refusing = wire(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    expect(await refusing({ type: 'panel/open' }, SENDERS.contentScript)).toEqual({
      ok: false,
      error: 'The browser did not open the side panel. Open it from the annotator’s toolbar button instead.',
    });
    expect(await wire()({ type: 'panel/open' }, SENDERS.contentScript)).toEqual({
      ok: false,
      error: 'This browser has no side panel for the comments. Open the list from the toolbar button instead.',
    });
  });
});
