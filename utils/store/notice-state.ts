import * as v from 'valibot';
import type { LeaDb } from './db';
import { explainStorageFailure } from './errors';
import { abortQuietly } from './outbox-batch';
import { SYNC_META_KEYS, readStored } from './sync-records';

/**
 * What this computer keeps of the member's notices: the store's read ids and follows (the
 * store is the source of truth, so reading on one browser marks it read on the others), the
 * reads and follows made here and not yet sent, when each follow was first seen here (only
 * comments after it make notices), the notices already shown as browser notifications, and the
 * last known profile. Cleared with the connection (it belongs to one member).
 */
const Strings = v.array(v.string());
export const NoticeStateSchema = v.object({
  read: Strings,
  follows: Strings,
  pendingRead: Strings,
  pendingFollows: v.array(v.object({ document: v.string(), following: v.boolean() })),
  followedAt: v.record(v.string(), v.string()),
  shown: Strings,
  profile: v.nullable(v.object({ displayName: v.string(), jobTitle: v.nullable(v.string()), organisation: v.nullable(v.string()) })),
});
export type NoticeState = v.InferOutput<typeof NoticeStateSchema>;

/** A member whose notices this computer has never read. */
export const EMPTY_NOTICE_STATE: NoticeState = { read: [], follows: [], pendingRead: [], pendingFollows: [], followedAt: {}, shown: [], profile: null };

/** The browser-notifications setting (off by default); a device setting, kept across connections. */
const NOTIFY_KEY = 'settings.notify';
/** How many read ids and shown ids are kept (the oldest go first). */
const MAX_IDS = 5000;

export async function getNoticeState(db: LeaDb): Promise<NoticeState> {
  return readStored(NoticeStateSchema, await db.get('meta', SYNC_META_KEYS.notices)) ?? EMPTY_NOTICE_STATE;
}

/** Change the notice state in one read-modify-write transaction; returns the new state. */
export async function updateNoticeState(db: LeaDb, change: (state: NoticeState) => NoticeState): Promise<NoticeState> {
  const tx = db.transaction('meta', 'readwrite');
  try {
    const current = readStored(NoticeStateSchema, await tx.store.get(SYNC_META_KEYS.notices)) ?? EMPTY_NOTICE_STATE;
    const next = change(current);
    const bounded = { ...next, read: next.read.slice(-MAX_IDS), shown: next.shown.slice(-MAX_IDS) };
    await tx.store.put(bounded, SYNC_META_KEYS.notices);
    await tx.done;
    return bounded;
  } catch (error) {
    abortQuietly(tx);
    throw explainStorageFailure(error);
  }
}

export async function getNotifySetting(db: LeaDb): Promise<boolean> {
  return (await db.get('meta', NOTIFY_KEY)) === true;
}

export async function setNotifySetting(db: LeaDb, on: boolean): Promise<void> {
  await db.put('meta', on, NOTIFY_KEY);
}

/** Ids in `a` and `b`, each once, in order. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
