import { checkItem, type OutboxItem, type SyncRepo } from '../store';
import { SyncError } from './errors';
import { sameJson } from './same-json';
import type { StoreClient } from './store-client';

/** What became of one collapsed outbox item. */
export type PushOutcome = 'pushed' | 'conflict' | 'parked';

/**
 * Push one annotation's latest state and record the result in IndexedDB. Conflicts are kept
 * with both versions; a change the store refuses for good (400, 403, 413 and other 4xx) is
 * parked with its reason, so the rest of the outbox goes on: among them a second support on
 * one comment (409 `already-supported`) and a reply or support whose comment was removed
 * (404). Only failures worth retrying (offline, server, rate-limited) and lost access reject.
 */
export async function pushItem(repo: SyncRepo, client: StoreClient, group: string, item: OutboxItem): Promise<PushOutcome> {
  try {
    if (item.op === 'delete') return await pushDelete(repo, client, group, item);
    return await pushPut(repo, client, group, item);
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    if (error.kind === 'invalid' || error.kind === 'forbidden') {
      await repo.parkOutbox(item.seq, error.storeMessage ?? error.message, error.storeMessages && error.storeMessage ? { messages: error.storeMessages } : {});
      return 'parked';
    }
    throw error;
  }
}

async function pushPut(repo: SyncRepo, client: StoreClient, group: string, item: OutboxItem): Promise<PushOutcome> {
  const checked = checkItem(item.annotation); // a comment, a reply or a support
  if (!checked.ok) {
    await repo.parkOutbox(item.seq, checked.problems.join('; '), { damaged: true });
    return 'parked';
  }
  const annotation = checked.value;
  const preconditions = item.baseRevision === null ? { create: true } : { ifMatch: item.baseRevision };
  try {
    const result = await client.putAnnotation(group, annotation, preconditions);
    await repo.ackOutbox(item.seq, result.revision, result.annotation);
    return 'pushed';
  } catch (error) {
    if (!(error instanceof SyncError) || error.kind !== 'conflict' || !error.current) throw error;
    const current = error.current;
    // The store already holds exactly this version (say, a push whose answer was lost).
    if (current.annotation && sameJson(current.annotation, annotation)) {
      await repo.ackOutbox(item.seq, current.revision);
      return 'pushed';
    }
    // Deleted in the store: only the author can delete, so this is the author bringing it back (undo).
    if (current.annotation === null) {
      try {
        const result = await client.putAnnotation(group, annotation, { ifMatch: current.revision });
        await repo.ackOutbox(item.seq, result.revision);
        return 'pushed';
      } catch (again) {
        if (!(again instanceof SyncError) || again.kind !== 'conflict' || !again.current) throw again;
        await repo.recordConflict({ seq: item.seq, theirs: again.current.annotation, theirsRevision: again.current.revision });
        return 'conflict';
      }
    }
    await repo.recordConflict({ seq: item.seq, theirs: current.annotation, theirsRevision: current.revision });
    return 'conflict';
  }
}

async function pushDelete(repo: SyncRepo, client: StoreClient, group: string, item: OutboxItem): Promise<PushOutcome> {
  try {
    await client.deleteAnnotation(group, item.annotationId, item.baseRevision ?? undefined);
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    if (error.kind === 'conflict' && error.current) {
      if (error.current.annotation === null) {
        await repo.ackOutbox(item.seq, null); // already deleted in the store
        return 'pushed';
      }
      // Changed in the store after this computer last saw it: let the author decide.
      await repo.recordConflict({ seq: item.seq, theirs: error.current.annotation, theirsRevision: error.current.revision });
      return 'conflict';
    }
    // Never reached the store (or already gone from it): nothing left to delete.
    if (error.status !== 404) throw error;
  }
  await repo.ackOutbox(item.seq, null);
  return 'pushed';
}
