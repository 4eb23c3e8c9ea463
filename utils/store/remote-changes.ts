import type { IDBPTransaction } from 'idb';
import { checkAnnotation, type LeaAnnotation } from '../model';
import type { LeaDb, LeaDbSchema } from './db';
import { explainStorageFailure } from './errors';
import { abortQuietly } from './outbox-batch';
import { SYNC_META_KEYS, type RemoteChange } from './sync-records';

type RemoteStores = 'annotations' | 'outbox' | 'syncInfo' | 'conflicts' | 'meta';
type RemoteTx = IDBPTransaction<LeaDbSchema, RemoteStores[], 'readwrite'>;
const STORES: RemoteStores[] = ['annotations', 'outbox', 'syncInfo', 'conflicts', 'meta'];

/** The change's annotation if this extension can show it (a valid comment with the same id). */
export function usableAnnotation(change: Pick<RemoteChange, 'id' | 'annotation'>): LeaAnnotation | null {
  if (!change.annotation || change.annotation.id !== change.id) return null;
  const checked = checkAnnotation(change.annotation);
  return checked.ok ? checked.value : null;
}

/**
 * Write a page of the store's change feed and (when given) the cursor after it, in one
 * transaction, so a restart resumes exactly after the last page applied. Writes no outbox
 * entries. Returns the ids whose local copy changed (for repainting).
 */
export async function applyRemoteChanges(db: LeaDb, changes: readonly RemoteChange[], cursor: string | null): Promise<string[]> {
  const tx = db.transaction(STORES, 'readwrite');
  const changed: string[] = [];
  try {
    for (const change of changes) {
      if (await applyOne(tx, change)) changed.push(change.id);
    }
    if (cursor !== null) await tx.objectStore('meta').put(cursor, SYNC_META_KEYS.cursor);
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw explainStorageFailure(error);
  }
  return changed;
}

const sameHidden = (a: { reason: string } | null | undefined, b: { reason: string } | null) => JSON.stringify(a ?? null) === JSON.stringify(b);

async function applyOne(tx: RemoteTx, change: RemoteChange): Promise<boolean> {
  const infos = tx.objectStore('syncInfo');
  const info = await infos.get(change.id);
  // A local change not yet sent wins for now: its push carries the old revision as If-Match,
  // so if this remote change really differs the store answers 412 and both versions are kept.
  // A facilitator hiding or unhiding it is still noted, so its author hears of it at once.
  if ((await tx.objectStore('outbox').index('by-annotation').count(change.id)) > 0) {
    if (change.deleted || !info || sameHidden(info.hidden, change.hidden)) return false;
    await infos.put({ ...info, hidden: change.hidden });
    return true;
  }

  const conflicts = tx.objectStore('conflicts');
  const conflict = await conflicts.get(change.id);
  if (conflict) {
    // The author is choosing between versions: refresh "theirs", leave the local copy alone.
    if (conflict.theirsRevision !== change.revision) {
      await conflicts.put({ ...conflict, theirs: change.annotation, theirsRevision: change.revision });
    }
    return false;
  }

  const annotations = tx.objectStore('annotations');
  const annotation = usableAnnotation(change);

  if (change.annotation === null) {
    const existed = (await annotations.get(change.id)) !== undefined;
    // Hidden by a facilitator (the store sends its text only to facilitators): the author keeps
    // their own copy, marked with the reason, and is told; everyone else loses it.
    const mine = (info?.author ?? 'me') === 'me';
    if (!change.deleted && change.hidden && mine && existed) {
      if (info?.revision === change.revision && sameHidden(info.hidden, change.hidden)) return false;
      await infos.put({ id: change.id, revision: change.revision, author: 'me', hidden: change.hidden });
      return true;
    }
    // Deleted, or someone else's comment hidden: it goes from this computer too.
    await annotations.delete(change.id);
    await infos.delete(change.id);
    return existed;
  }
  // An annotation written by another tool that this extension cannot show: leave it to them.
  if (!annotation) return false;

  if (info?.revision === change.revision && sameHidden(info.hidden, change.hidden) && (await annotations.get(change.id))) return false;
  await annotations.put(annotation);
  await infos.put({ id: change.id, revision: change.revision, author: info?.author ?? 'other', hidden: change.hidden });
  return true;
}
