import * as v from 'valibot';
import { commentText, isComment, isReply, quoteOf, replyText } from '../model';
import { checkItem, claimedKind } from './items';
import type { LeaDb } from './db';
import { StoreError, storageSentence } from './errors';
import { groupOutbox, parkedReason } from './outbox-batch';
import {
  EMPTY_SYNC_STATE,
  StoreConnectionSchema,
  SYNC_META_KEYS,
  SyncStateSchema,
  readStored,
  type RefusedComment,
  type StoreConnection,
  type SyncState,
  type SyncStatus,
} from './sync-records';

/** The group store this computer is connected to, or null. */
export async function getConnection(db: LeaDb): Promise<StoreConnection | null> {
  return readStored(StoreConnectionSchema, await db.get('meta', SYNC_META_KEYS.connection));
}

/**
 * Save the connection made by joining a group. Clears past errors and backoff (a new token
 * deserves a fresh start); a different store, group or member also restarts the change feed.
 */
export async function setConnection(db: LeaDb, input: StoreConnection): Promise<void> {
  const checked = v.safeParse(StoreConnectionSchema, input);
  if (!checked.success) {
    throw new StoreError(storageSentence('sync.storage.connection', { problems: checked.issues.map((i) => i.message).join('; ') }), 'invalid');
  }
  const connection = checked.output;
  const tx = db.transaction('meta', 'readwrite');
  const previous = readStored(StoreConnectionSchema, await tx.store.get(SYNC_META_KEYS.connection));
  const sameFeed =
    previous?.baseUrl === connection.baseUrl && previous.group === connection.group && previous.memberId === connection.memberId;
  if (!sameFeed) {
    await tx.store.delete(SYNC_META_KEYS.cursor);
    await tx.store.delete(SYNC_META_KEYS.notices); // another member's reads and follows
  }
  await tx.store.put(connection, SYNC_META_KEYS.connection);
  await tx.store.put(EMPTY_SYNC_STATE, SYNC_META_KEYS.state);
  await tx.done;
}

/** Forget the connection, the feed cursor and the sync state; local comments stay. */
export async function clearConnection(db: LeaDb): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all(Object.values(SYNC_META_KEYS).map((key) => tx.store.delete(key)));
  await tx.done;
}

/** Where the change feed was read up to (null: from the beginning). */
export async function getCursor(db: LeaDb): Promise<string | null> {
  const value = await db.get('meta', SYNC_META_KEYS.cursor);
  return typeof value === 'string' ? value : null;
}

/** The persisted sync state (times, last error, backoff). */
export async function getSyncState(db: LeaDb): Promise<SyncState> {
  return readStored(SyncStateSchema, await db.get('meta', SYNC_META_KEYS.state)) ?? EMPTY_SYNC_STATE;
}

/** Change part of the sync state in one read-modify-write transaction; returns the new state. */
export async function patchSyncState(db: LeaDb, patch: Partial<SyncState>): Promise<SyncState> {
  const tx = db.transaction('meta', 'readwrite');
  const current = readStored(SyncStateSchema, await tx.store.get(SYNC_META_KEYS.state)) ?? EMPTY_SYNC_STATE;
  const next = { ...current, ...patch };
  await tx.store.put(next, SYNC_META_KEYS.state);
  await tx.done;
  return next;
}

/** Everything the status line needs, read in one transaction. */
export async function syncStatus(db: LeaDb): Promise<SyncStatus> {
  const tx = db.transaction(['outbox', 'conflicts', 'meta', 'annotations'], 'readonly');
  const [entries, conflicts, storedConnection, storedState] = await Promise.all([
    tx.objectStore('outbox').getAll(),
    tx.objectStore('conflicts').count(),
    tx.objectStore('meta').get(SYNC_META_KEYS.connection),
    tx.objectStore('meta').get(SYNC_META_KEYS.state),
  ]);
  let waiting = 0;
  const waitingKinds = { comment: 0, reply: 0, support: 0 };
  const refused: RefusedComment[] = [];
  for (const [id, list] of groupOutbox(entries)) {
    const parked = list[list.length - 1]!.parked;
    if (!parked) {
      waiting++;
      // Named for what it is in the status line ("1 comment and 2 replies waiting to send").
      const kind = claimedKind(await tx.objectStore('annotations').get(id));
      waitingKinds[kind === 'placeholder' ? 'reply' : kind]++;
      continue;
    }
    const shown = describeItem(await tx.objectStore('annotations').get(id));
    refused.push({ id, message: parkedReason(parked), damaged: parked.damaged === true, ...shown });
  }
  await tx.done;
  const connection = readStored(StoreConnectionSchema, storedConnection);
  return {
    ...(readStored(SyncStateSchema, storedState) ?? EMPTY_SYNC_STATE),
    connection: connection ? withoutToken(connection) : null,
    waiting,
    waitingKinds,
    refused,
    conflicts,
  };
}

function withoutToken({ token: _token, ...rest }: StoreConnection): Omit<StoreConnection, 'token'> {
  return rest;
}

/** What the status line shows of a refused item: a comment's quote and text, a reply's text. */
function describeItem(record: unknown): Pick<RefusedComment, 'quote' | 'text' | 'kind'> {
  const checked = checkItem(record);
  if (!checked.ok) {
    const kind = record === undefined ? 'comment' : claimedKind(record);
    return { quote: null, text: null, kind: kind === 'placeholder' ? 'reply' : kind };
  }
  const item = checked.value;
  if (isComment(item)) return { quote: quoteOf(item), text: commentText(item), kind: 'comment' };
  if (isReply(item)) return { quote: null, text: replyText(item), kind: 'reply' };
  return { quote: null, text: null, kind: 'support' };
}
