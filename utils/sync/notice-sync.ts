import { union, type SyncRepo } from '../store';
import { SyncError } from './errors';
import type { StoreClient } from './store-client';

/** The most ids one `POST /api/me/notices/read` may carry (notes/contract.md). */
const READ_BATCH = 500;

/**
 * Bring the member's notice state in step with the store: send the follows and reads made on
 * this computer (in order), then take the store's read ids and follows, which include what the
 * member's other browsers did. Follows seen for the first time are stamped `now` (only later
 * comments make notices). A store without these routes (404) or refusing one of them is left
 * alone: notices then work from this computer's own reads. True when reads or follows changed.
 */
export async function syncNoticeState(repo: SyncRepo, client: StoreClient, now: Date): Promise<boolean> {
  const before = await repo.getNoticeState();
  try {
    const sentFollows = before.pendingFollows;
    for (const follow of sentFollows) await client.setFollow(follow.document, follow.following);
    const sentReads = before.pendingRead;
    for (let i = 0; i < sentReads.length; i += READ_BATCH) await client.markNoticesRead(sentReads.slice(i, i + READ_BATCH));
    const remote = await client.noticesState();
    const after = await repo.updateNoticeState((state) => {
      // Reads and follows made while this ran stay queued, and count already.
      const sentReadSet = new Set(sentReads);
      const pendingRead = state.pendingRead.filter((id) => !sentReadSet.has(id));
      const pendingFollows = state.pendingFollows.slice(sentFollows.length);
      const follows = new Set(remote.follows);
      for (const f of pendingFollows) (f.following ? follows.add(f.document) : follows.delete(f.document));
      const followedAt = { ...state.followedAt };
      for (const document of follows) followedAt[document] ??= now.toISOString();
      return { ...state, read: union(remote.read, pendingRead), follows: [...follows], pendingRead, pendingFollows, followedAt };
    });
    return JSON.stringify([before.read, before.follows]) !== JSON.stringify([after.read, after.follows]);
  } catch (error) {
    if (error instanceof SyncError && (error.kind === 'invalid' || error.kind === 'forbidden')) return false;
    throw error;
  }
}
