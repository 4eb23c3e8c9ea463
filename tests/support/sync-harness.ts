import 'fake-indexeddb/auto';
import { createAnnotationService } from '../../utils/background/annotation-service';
import { createConversationService } from '../../utils/background/conversation-service';
import { createNoticeService } from '../../utils/background/notice-service';
import { DEFAULT_SETTINGS, buildAnnotation, draftFromAnnotation, updateAnnotation, type LeaAnnotation, type Visibility } from '../../utils/model';
import {
  createAnnotationRepo,
  createConversationRepo,
  createSyncRepo,
  getNotifySetting,
  openLeaDb,
  setNotifySetting,
  type LeaDb,
} from '../../utils/store';
import { FAKE_STORE_URL, createFakeStore, type FakeStore } from './fake-store-server';
import type { FetchLike } from '../../utils/sync/http';
import { createStoreClient } from '../../utils/sync/store-client';
import { createSyncEngine, type SyncChange, type SyncEngineOptions } from '../../utils/sync/sync-engine';

/** Test support: a fake clock whose sleeps advance time instantly, and a log of each wait. */
export function createFakeTime(start = Date.UTC(2026, 10, 23, 12)) {
  const time = { now: start, sleeps: [] as number[] };
  return {
    time,
    clock: () => new Date(time.now),
    sleep: async (ms: number) => {
      time.sleeps.push(ms);
      time.now += ms;
    },
  };
}

let serial = 0;
/** A valid comment with a fresh id. */
export function makeComment(text: string, visibility: Visibility = 'group'): LeaAnnotation {
  serial++;
  const result = buildAnnotation({
    id: `urn:uuid:01890a5d-ac96-774b-bcce-${String(serial).padStart(12, '0')}`,
    now: new Date(Date.UTC(2026, 10, 23, 12, 0, serial)),
    draft: { text, themes: ['Workforce'], perspective: 'carer', attribution: 'anonymous', visibility, kind: 'comment' },
    target: { source: 'https://example.org/policy', selectors: [{ type: 'TextQuoteSelector', exact: 'care' }, { type: 'TextPositionSelector', start: 1, end: 5 }] },
    authorName: '',
  });
  if (!result.ok) throw new Error(result.problems.join());
  return result.value;
}

/** The same comment with new text. */
export function withText(annotation: LeaAnnotation, text: string): LeaAnnotation {
  const result = updateAnnotation(annotation, { ...draftFromAnnotation(annotation), text }, new Date(Date.parse(annotation.modified) + 1000), '');
  if (!result.ok) throw new Error(result.problems.join());
  return result.value;
}

/** One computer: its database, repositories and engine, talking to `store` through `fetch`. */
export async function openComputer(options: {
  store: FakeStore;
  name?: string;
  fetch?: FetchLike;
  fakeTime?: ReturnType<typeof createFakeTime>;
  engine?: Partial<SyncEngineOptions>;
}) {
  const db: LeaDb = await openLeaDb(options.name ?? `engine-${Math.random()}`);
  const fakeTime = options.fakeTime ?? createFakeTime();
  const fetch = options.fetch ?? options.store.fetch;
  const changes: SyncChange[] = [];
  const repo = createSyncRepo(db, fakeTime.clock);
  const engine = createSyncEngine({
    repo,
    clientFor: (c) => createStoreClient({ fetch, ...c }),
    clock: fakeTime.clock,
    random: () => 0.5,
    sleep: fakeTime.sleep,
    onChanged: (change) => changes.push(change),
    maxWaitMs: Number.POSITIVE_INFINITY,
    ...options.engine,
  });
  return { db, repo, engine, local: createAnnotationRepo(db, fakeTime.clock), changes, ...fakeTime };
}

/** Another member of the group writing through the store API directly. */
export async function otherMember(store: FakeStore, name = 'Alex') {
  const joined = await createStoreClient({ fetch: store.fetch, baseUrl: FAKE_STORE_URL }).join('member-code', name);
  return { ...joined, client: createStoreClient({ fetch: store.fetch, baseUrl: FAKE_STORE_URL, token: joined.token }) };
}

export { FAKE_STORE_URL, createFakeStore };

let idSerial = 0;
/** A fresh `urn:uuid:` for items a test's services write. */
export function nextTestId(): string {
  idSerial++;
  return `urn:uuid:01890a5d-ac96-774b-bdce-${String(idSerial).padStart(12, '0')}`;
}

/**
 * One member's browser with the conversation services wired as background.ts wires them, joined
 * to `store` with `code` (or linked to another browser with a link code via `link`). Records
 * what the badge, notifications and broadcasts were told.
 */
export async function openMemberBrowser(store: FakeStore, options: { code?: string; name?: string; link?: string; settingsName?: string } = {}) {
  const computer = await openComputer({ store });
  const conversationRepo = createConversationRepo(computer.db, computer.clock);
  const badge = { text: '', title: '' };
  const shown: { id: string; message: string }[] = [];
  let granted = false;
  let broadcasts = 0;
  let localChanges = 0;
  const settings = async () => ({ ...DEFAULT_SETTINGS, displayName: options.settingsName ?? '' });
  const notices = createNoticeService({
    sync: computer.repo,
    conversation: conversationRepo,
    notifySetting: { get: () => getNotifySetting(computer.db), set: (on) => setNotifySetting(computer.db, on) },
    syncNotices: () => void computer.engine.syncNotices(),
    badge: { setText: async (text) => void (badge.text = text), setTitle: async (title) => void (badge.title = title) },
    notifications: { granted: async () => granted, show: async (id, message) => void shown.push({ id, message }) },
    broadcast: () => void broadcasts++,
    clock: computer.clock,
  });
  const conversation = createConversationService({
    conversation: conversationRepo,
    sync: computer.repo,
    clientFor: (c) => createStoreClient({ fetch: store.fetch, ...c }),
    settings,
    newId: nextTestId,
    clock: computer.clock,
    afterLocalChange: () => void localChanges++,
    runSync: () => undefined,
  });
  const annotations = createAnnotationService({
    annotations: computer.local,
    sync: computer.repo,
    afterLocalChange: () => void localChanges++,
    onNewComment: (document) => void notices.autoFollow(document),
  });
  if (options.link) await conversation.connectWithLink({ baseUrl: FAKE_STORE_URL, code: options.link });
  else await computer.engine.connect({ baseUrl: FAKE_STORE_URL, code: options.code ?? 'member-code', displayName: options.name ?? 'Sam' });
  /** Sync as the background does after every run: then recount notices. */
  const sync = async () => {
    await computer.engine.runOnce({ ignoreBackoff: true });
    await notices.refresh();
  };
  return {
    ...computer,
    conversationRepo,
    conversation,
    notices,
    annotations,
    sync,
    badge,
    shown,
    grantNotifications: () => void (granted = true),
    broadcasts: () => broadcasts,
    localChanges: () => localChanges,
  };
}
