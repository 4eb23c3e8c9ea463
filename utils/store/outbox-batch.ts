import type { IDBPObjectStore, StoreNames } from 'idb';
import type { LeaDb, LeaDbSchema, OutboxEntry, StoredAnnotation } from './db';
import { checkItem } from './items';
import { sameJson } from '../sync/same-json';
import { explainStorageFailure } from './errors';
import type { OutboxItem } from './sync-records';
import { readMessageRefs, sayMessages } from '../i18n/message-refs';
import { currentTranslator } from '../i18n/current-language';
import type { MessageRef } from '../i18n/translate';
import { quoteStoreMessage } from '../sync/errors';

/** Group outbox entries by annotation, in order of each annotation's first queued change. */
export function groupOutbox(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const groups = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.annotationId);
    if (list) list.push(entry);
    else groups.set(entry.annotationId, [entry]);
  }
  return groups;
}

/**
 * The next `n` annotations to push, each collapsed to its latest state (edit, edit, delete
 * sends one delete). Annotations whose latest change is parked are skipped.
 */
export async function takeOutboxBatch(db: LeaDb, n: number): Promise<OutboxItem[]> {
  const tx = db.transaction(['outbox', 'annotations', 'syncInfo'], 'readonly');
  const items: OutboxItem[] = [];
  for (const [annotationId, list] of groupOutbox(await tx.objectStore('outbox').getAll())) {
    if (items.length >= n) break;
    const latest = list[list.length - 1]!;
    if (latest.parked) continue;
    let op = latest.op;
    const annotation = op === 'put' ? ((await tx.objectStore('annotations').get(annotationId)) ?? null) : null;
    if (!annotation) op = 'delete';
    const info = await tx.objectStore('syncInfo').get(annotationId);
    items.push({ annotationId, op, annotation, baseRevision: info?.revision ?? null, seq: latest.seq!, entries: list.length });
  }
  await tx.done;
  return items;
}

/** Delete the outbox entries of the annotation queued at `seq`, up to and including `seq`. */
export async function removeOutboxUpTo<S extends ArrayLike<StoreNames<LeaDbSchema>>>(
  outbox: IDBPObjectStore<LeaDbSchema, S, 'outbox', 'readwrite'>,
  seq: number,
): Promise<string | null> {
  const entry = await outbox.get(seq);
  if (!entry) return null;
  for (const key of await outbox.index('by-annotation').getAllKeys(entry.annotationId)) {
    if (key <= seq) await outbox.delete(key);
  }
  return entry.annotationId;
}

/**
 * The store accepted the change queued up to `seq`: drop those entries and remember the new
 * revision (null: a delete reached the store, so nothing is left to track).
 * `storeVersion`: the annotation as the store keeps it (its answer to the push).
 */
export async function ackOutbox(db: LeaDb, seq: number, revision: string | null, storeVersion?: StoredAnnotation): Promise<void> {
  const tx = db.transaction(['outbox', 'syncInfo', 'annotations'], 'readwrite');
  try {
    const outbox = tx.objectStore('outbox');
    const id = await removeOutboxUpTo(outbox, seq);
    // The store's own version (say, an answer whose creator it filled in from the profile)
    // replaces the local copy, unless an edit made since is still waiting to be sent.
    if (id !== null && storeVersion && storeVersion.id === id && checkItem(storeVersion).ok && (await outbox.index('by-annotation').count(id)) === 0) {
      const annotations = tx.objectStore('annotations');
      if (!sameJson(await annotations.get(id), storeVersion)) await annotations.put(storeVersion);
    }
    if (id !== null) {
      const infos = tx.objectStore('syncInfo');
      if (revision === null) await infos.delete(id);
      else {
        const info = await infos.get(id);
        await infos.put({ ...info, id, revision, author: info?.author ?? 'me', hidden: info?.hidden ?? null });
      }
    }
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw explainStorageFailure(error);
  }
}

/**
 * The store refused the change at `seq` for good: keep the entry (nothing is lost) but skip it
 * until the person edits the comment again or asks to retry.
 */
export async function parkOutbox(db: LeaDb, seq: number, message: string, at: Date, options: { damaged?: boolean; messages?: readonly MessageRef[] } = {}): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(seq);
  const parked = { message, at: at.toISOString(), ...(options.messages ? { messages: [...options.messages] } : {}), ...(options.damaged ? { damaged: true as const } : {}) };
  if (entry) await tx.store.put({ ...entry, parked });
  await tx.done;
}

/**
 * Why a change was parked, in the reader's language now: the store's catalogue messages when
 * it sent them (read back from IndexedDB, so checked again), else the words as they arrived.
 */
export function parkedReason(parked: { message: string; messages?: unknown }): string {
  const messages = parked.messages === undefined ? null : readMessageRefs(parked.messages);
  return messages ? quoteStoreMessage(sayMessages(messages, currentTranslator().tr)) : parked.message;
}

/** Put every parked change back in the queue (a "try again" button); returns how many. */
export async function retryParked(db: LeaDb): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let count = 0;
  for (const entry of await tx.store.getAll()) {
    if (!entry.parked) continue;
    const { parked: _parked, ...rest } = entry;
    await tx.store.put(rest);
    count++;
  }
  await tx.done;
  return count;
}

/** Abort a failed write transaction without raising a second error. */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser.
  }
}
