import type { LeaItem } from '../model';
import type { LeaDb, StoredAnnotation } from './db';
import { StoreError, explainStorageFailure, storageSentence } from './errors';
import { checkItem } from './items';
import { abortQuietly, removeOutboxUpTo } from './outbox-batch';

/** Both versions of a comment, reply or support the store refused as stale, for the author to choose between. */
export interface Conflict {
  id: string;
  /** The version on this computer now (null: deleted here). */
  mine: LeaItem | null;
  /** The store's version (null: deleted in the store, or written by a tool this extension cannot show). */
  theirs: LeaItem | null;
  theirsRevision: string;
  detectedAt: string;
}

/**
 * The store answered 412 to the change queued up to `seq`: keep the local version and the
 * store's version side by side, and take the change out of the queue until the author chooses.
 */
export async function recordConflict(
  db: LeaDb,
  input: { seq: number; theirs: StoredAnnotation | null; theirsRevision: string },
  at: Date,
): Promise<void> {
  const tx = db.transaction(['outbox', 'annotations', 'conflicts'], 'readwrite');
  try {
    const id = await removeOutboxUpTo(tx.objectStore('outbox'), input.seq);
    if (id !== null) {
      const mine = (await tx.objectStore('annotations').get(id)) ?? null;
      await tx.objectStore('conflicts').put({ id, mine, theirs: input.theirs, theirsRevision: input.theirsRevision, detectedAt: at.toISOString() });
    }
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw explainStorageFailure(error);
  }
}

/**
 * The author's choice. 'mine' queues the local version again against the store's revision
 * (so it replaces theirs); 'theirs' replaces the local copy and drops unsent local changes.
 * Returns the comment as it now stands on this computer (null: deleted).
 */
export async function resolveConflict(db: LeaDb, id: string, choice: 'mine' | 'theirs', at: Date): Promise<LeaItem | null> {
  const tx = db.transaction(['outbox', 'annotations', 'conflicts', 'syncInfo'], 'readwrite');
  try {
    const conflict = await tx.objectStore('conflicts').get(id);
    if (!conflict) throw new StoreError(storageSentence('sync.storage.alreadyChosen'), 'not-found');
    const annotations = tx.objectStore('annotations');
    const infos = tx.objectStore('syncInfo');
    const info = await infos.get(id);
    let result: LeaItem | null;
    if (choice === 'mine') {
      const local = (await annotations.get(id)) ?? null;
      result = local ? checkedOrNull(local) : null;
      await infos.put({ ...info, id, revision: conflict.theirsRevision, author: info?.author ?? 'me', hidden: info?.hidden ?? null });
      // Both sides deleted it: nothing left to send.
      if (local || conflict.theirs) {
        await tx.objectStore('outbox').add({ annotationId: id, op: local ? 'put' : 'delete', queuedAt: at.toISOString() });
      }
    } else {
      result = conflict.theirs ? checkedOrNull(conflict.theirs) : null;
      if (conflict.theirs && !result) {
        throw new StoreError(storageSentence('sync.storage.otherTool'), 'invalid');
      }
      const outbox = tx.objectStore('outbox');
      for (const key of await outbox.index('by-annotation').getAllKeys(id)) await outbox.delete(key);
      if (result) {
        await annotations.put(structuredClone(result));
        await infos.put({ ...info, id, revision: conflict.theirsRevision, author: info?.author ?? 'me', hidden: info?.hidden ?? null });
      } else {
        await annotations.delete(id);
        await infos.delete(id);
      }
    }
    await tx.objectStore('conflicts').delete(id);
    await tx.done;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw explainStorageFailure(error);
  }
}

/** Every comment waiting for its author's choice, oldest conflict first. */
export async function listConflicts(db: LeaDb): Promise<Conflict[]> {
  const records = await db.getAll('conflicts');
  return records
    .map((r) => ({
      id: r.id,
      mine: r.mine ? checkedOrNull(r.mine) : null,
      theirs: r.theirs ? checkedOrNull(r.theirs) : null,
      theirsRevision: r.theirsRevision,
      detectedAt: r.detectedAt,
    }))
    .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt));
}

/** A comment, reply or support as validated (a reply's conflict is one too: a changed reply, a facilitator's hide meanwhile). */
function checkedOrNull(record: unknown): LeaItem | null {
  const checked = checkItem(record);
  return checked.ok ? checked.value : null;
}
