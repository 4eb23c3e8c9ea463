import type { IDBPTransaction } from 'idb';
import { adoptW3cReply } from '../conversation/adopt-w3c';
import { adoptW3cComment } from '../interop/w3c';
import type { LeaItem } from '../model';
import type { LeaDb, LeaDbSchema, ModerationEvent, SyncInfo } from './db';
import { explainStorageFailure } from './errors';
import { checkItem, claimedKind, readHiddenComment, readPlaceholder } from './items';
import { abortQuietly } from './outbox-batch';
import { SYNC_META_KEYS, type RemoteChange } from './sync-records';

type RemoteStores = 'annotations' | 'outbox' | 'syncInfo' | 'conflicts' | 'meta';
type RemoteTx = IDBPTransaction<LeaDbSchema, RemoteStores[], 'readwrite'>;
const STORES: RemoteStores[] = ['annotations', 'outbox', 'syncInfo', 'conflicts', 'meta'];
/** How many hide/unhide events are kept per item (notices show the latest ones). */
const MAX_MODERATION_EVENTS = 20;

/**
 * The change's annotation if this extension can show it, with the same id: a comment, a reply
 * or a support (validated by the model), or a plain W3C reply or comment from another tool
 * (adopted; one with no time of its own takes `at`, when the change arrived).
 */
export function usableAnnotation(change: Pick<RemoteChange, 'id' | 'annotation'>, at?: Date): LeaItem | null {
  if (!change.annotation) return null;
  const checked = checkItem(change.annotation);
  const item = checked.ok ? checked.value : (adoptW3cReply(change.annotation, at) ?? adoptW3cComment(change.annotation, at ? { now: () => at } : {}));
  return item && item.id === change.id ? item : null;
}

/**
 * Write a page of the store's change feed and (when given) the cursor after it, in one
 * transaction, so a restart resumes exactly after the last page applied. Writes no outbox
 * entries. Returns the ids whose local copy changed (for repainting). `at`: when it was seen
 * (the time of hide/unhide notices).
 */
/**
 * What one pull (all its pages) has learnt: whether the client had nothing at all when it
 * started (a fresh client's initial sync), and the ids written since. While both hold, a change
 * to an id not written yet in this pull needs no read: there is nothing here to compare it with.
 * Saves a read per item on the largest sync a client ever does.
 */
export interface PullMemo {
  fresh?: boolean;
  readonly written: Set<string>;
}

export const newPullMemo = (): PullMemo => ({ written: new Set() });

export async function applyRemoteChanges(db: LeaDb, changes: readonly RemoteChange[], cursor: string | null, at: Date, pull?: PullMemo): Promise<string[]> {
  // Relaxed durability: a page lost in a crash is fetched again, since its cursor is written in
  // the same transaction, so a page need not wait for a disk flush.
  const tx = db.transaction(STORES, 'readwrite', { durability: 'relaxed' });
  const changed: string[] = [];
  try {
    // Once per page, not per change: with nothing queued or in conflict (a fresh client's
    // initial sync), no change needs those lookups.
    const [queued, conflicted] = await Promise.all([tx.objectStore('outbox').count(), tx.objectStore('conflicts').count()]);
    // The feed names each id once per page, and changes to different ids are independent: issue
    // them together so IndexedDB pipelines the requests (one round trip after another otherwise).
    const distinct = new Set(changes.map((c) => c.id)).size === changes.length;
    if (pull && pull.fresh === undefined) {
      const [infos, stored] = await Promise.all([tx.objectStore('syncInfo').count(), tx.objectStore('annotations').count()]);
      pull.fresh = infos === 0 && stored === 0;
    }
    const fresh = pull?.fresh === true && distinct && queued === 0 && conflicted === 0 ? pull.written : null;
    const page: PageState = { outboxEmpty: queued === 0, conflictsEmpty: conflicted === 0, unseen: (id) => fresh !== null && !fresh.has(id) };
    const results = distinct
      ? await Promise.all(changes.map((change) => applyOne(tx, change, at, page)))
      : await changes.reduce<Promise<boolean[]>>(async (done, change) => [...(await done), await applyOne(tx, change, at, page)], Promise.resolve([]));
    changes.forEach((change, i) => {
      if (results[i]) changed.push(change.id);
    });
    if (cursor !== null) await tx.objectStore('meta').put(cursor, SYNC_META_KEYS.cursor);
    await tx.done;
    // Only once the page is written: a page that failed is fetched again and read as usual.
    if (pull) for (const change of changes) pull.written.add(change.id);
  } catch (error) {
    abortQuietly(tx);
    throw explainStorageFailure(error);
  }
  return changed;
}

const sameHidden = (a: { reason: string } | null | undefined, b: { reason: string } | null) => JSON.stringify(a ?? null) === JSON.stringify(b);

/** My item's hide/unhide history after this change (others' items keep none). */
function moderationAfter(info: SyncInfo | undefined, change: RemoteChange, mine: boolean, at: Date): ModerationEvent[] | undefined {
  const events = info?.moderation ?? [];
  if (!mine || change.deleted) return info?.moderation;
  const before = info?.hidden ?? null;
  let event: ModerationEvent | null = null;
  if (!before && change.hidden) event = { action: 'hidden', revision: change.revision, reason: change.hidden.reason, at: at.toISOString() };
  else if (before && !change.hidden) event = { action: 'unhidden', revision: change.revision, reason: before.reason, at: at.toISOString() };
  if (!event) return info?.moderation;
  const last = events[events.length - 1];
  if (last && last.action === event.action && last.revision === event.revision) return events;
  return [...events, event].slice(-MAX_MODERATION_EVENTS);
}

function infoFor(id: string, revision: string | null, author: 'me' | 'other', hidden: { reason: string } | null, moderation: ModerationEvent[] | undefined): SyncInfo {
  return { id, revision, author, hidden, ...(moderation && moderation.length > 0 ? { moderation } : {}) };
}

/** What a page of changes found once: whether any change can be queued or in conflict here. */
interface PageState {
  outboxEmpty: boolean;
  conflictsEmpty: boolean;
  /** Nothing is stored for this id: a fresh client's initial sync has not met it yet (PullMemo). */
  unseen(id: string): boolean;
}

async function applyOne(tx: RemoteTx, change: RemoteChange, at: Date, page: PageState): Promise<boolean> {
  const infos = tx.objectStore('syncInfo');
  const unseen = page.unseen(change.id);
  const info = unseen ? undefined : await infos.get(change.id);
  // The store says the caller wrote it (a member's other browser), or this computer did.
  const mine = change.mine === true || (info?.author ?? 'me') === 'me';
  const author: 'me' | 'other' = change.mine === true ? 'me' : (info?.author ?? 'other');
  const moderation = moderationAfter(info, change, mine, at);
  // A local change not yet sent wins for now: its push carries the old revision as If-Match,
  // so if this remote change really differs the store answers 412 and both versions are kept.
  // A facilitator hiding or unhiding it is still noted, so its author hears of it at once.
  if (!page.outboxEmpty && (await tx.objectStore('outbox').index('by-annotation').count(change.id)) > 0) {
    if (change.deleted || !info || sameHidden(info.hidden, change.hidden)) return false;
    await infos.put(infoFor(info.id, info.revision, info.author, change.hidden, moderation));
    return true;
  }

  const conflicts = tx.objectStore('conflicts');
  const conflict = page.conflictsEmpty ? undefined : await conflicts.get(change.id);
  if (conflict) {
    // The author is choosing between versions: refresh "theirs", leave the local copy alone.
    if (conflict.theirsRevision !== change.revision) {
      await conflicts.put({ ...conflict, theirs: change.annotation, theirsRevision: change.revision });
    }
    return false;
  }

  const annotations = tx.objectStore('annotations');
  const unchanged = info?.revision === change.revision && sameHidden(info.hidden, change.hidden) && info.author === author;

  if (change.annotation === null) {
    // A tombstone for an id a fresh client never held: nothing to remove.
    if (unseen && (change.deleted || !change.hidden)) return false;
    const stored = unseen ? undefined : await annotations.get(change.id);
    const existed = stored !== undefined && claimedKind(stored) !== 'placeholder';
    if (!change.deleted && change.hidden) {
      // Hidden by a facilitator (the store sends its text only to facilitators): the author keeps
      // their own copy, marked with the reason, and is told.
      if (mine && existed) {
        if (unchanged) return false;
        await infos.put(infoFor(change.id, change.revision, 'me', change.hidden, moderation));
        return true;
      }
      // Someone's reply hidden: a placeholder keeps its place in the thread ("hidden by a facilitator").
      if (change.target) {
        const placeholder = readPlaceholder(stored);
        if (unchanged && placeholder?.target === change.target) return false;
        await annotations.put({ id: change.id, target: change.target, placeholder: 'hidden' });
        await infos.put(infoFor(change.id, change.revision, author, change.hidden, moderation));
        return true;
      }
      // My comment hidden before this browser saw it: nothing to show, but I am told.
      if (mine && change.mine === true) {
        if (stored) await annotations.delete(change.id);
        if (unchanged) return false;
        await infos.put(infoFor(change.id, change.revision, 'me', change.hidden, moderation));
        return true;
      }
      // Someone else's comment hidden: its text goes from this computer, but a mark stays so
      // its replies say "a facilitator hid" it, not that its author removed it.
      if (!mine) {
        if (unchanged && readHiddenComment(stored) === change.id) return false;
        await annotations.put({ id: change.id, placeholder: 'hidden-comment' });
        await infos.put(infoFor(change.id, change.revision, author, change.hidden, moderation));
        return stored === undefined || readHiddenComment(stored) === null;
      }
    }
    // Deleted, or someone else's comment hidden: it goes from this computer too.
    await annotations.delete(change.id);
    await infos.delete(change.id);
    return stored !== undefined;
  }
  // An annotation written by another tool that this extension cannot show: leave it to them.
  const annotation = usableAnnotation(change, at);
  if (!annotation) return false;

  // The same revision again (a repeated page): nothing to write if the copy here is whole.
  if (unchanged) {
    const stored = await annotations.get(change.id);
    if (stored && claimedKind(stored) !== 'placeholder') return false;
  }
  await annotations.put(annotation);
  await infos.put(infoFor(change.id, change.revision, author, change.hidden, moderation));
  return true;
}
