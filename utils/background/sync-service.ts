import type { SyncOverview } from '../messaging/protocol';
import type { SyncRepo } from '../store';
import { describeSyncState, type SyncEngine } from '../sync';

/** What the sync service needs: the engine, the sync repo, the live-stream keeper and a clock. */
export interface SyncServiceDeps {
  engine: Pick<SyncEngine, 'status' | 'connect' | 'disconnect' | 'forgetMe' | 'runOnce'>;
  repo: Pick<SyncRepo, 'listConflicts' | 'listHidden' | 'resolveConflict' | 'retryParked'>;
  live: { touch(): boolean; stop(): void };
  clock: () => Date;
  /** Called after a choice changes a comment here (repaint the tabs, start a sync run); not awaited. */
  afterLocalChange: () => void;
}

/**
 * The group store as the side panel and options page use it: the status in words, joining,
 * leaving, "forget me", "Try again now", and choosing between two versions of a comment.
 */
export function createSyncService({ engine, repo, live, clock, afterLocalChange }: SyncServiceDeps) {
  async function overview(): Promise<SyncOverview> {
    const [status, conflicts, hidden] = await Promise.all([engine.status(), repo.listConflicts(), repo.listHidden()]);
    return { ...describeSyncState(status, clock()), connection: status.connection, conflicts, refused: status.refused, hidden };
  }

  return {
    overview,

    /** Join a group with an invite code; queued comments start going at once. */
    async connect(input: { baseUrl: string; code: string; displayName: string }) {
      const connection = await engine.connect(input);
      void engine.runOnce({ ignoreBackoff: true });
      return { connection };
    },

    /** Leave the group on this computer; comments stay here. */
    async disconnect() {
      live.stop();
      await engine.disconnect();
      return { ok: true as const };
    },

    /** "Forget me": the store removes this member's comments and name, then this computer disconnects. */
    async forgetMe(options: { keepAnonymous?: boolean } = {}) {
      live.stop();
      await engine.forgetMe(options);
      return { ok: true as const };
    },

    /** "Try again now": comments the store refused are offered to it again, and sync runs without waiting. */
    async retry(): Promise<SyncOverview> {
      await repo.retryParked();
      await engine.runOnce({ ignoreBackoff: true });
      return overview();
    },

    /** Keep one of two versions of a comment. */
    async resolve(id: string, choice: 'mine' | 'theirs') {
      await repo.resolveConflict(id, choice);
      afterLocalChange();
      return { ok: true as const };
    },

    /** A page or panel showing comments asks for live updates for the next minute. */
    keepLive: () => ({ live: live.touch() }),
  };
}

/** The sync service as the message handlers use it. */
export type SyncService = ReturnType<typeof createSyncService>;
