import { newPullMemo, type RemoteChange, type StoreConnection, type SyncRepo, type SyncState, type SyncStatus } from '../store';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff';
import { SyncError, isBlockingKind, isRetryableKind } from './errors';
import { isAbortError } from './http';
import { pushItem } from './push-item';
import type { Change } from './schemas';
import { createSerialRunner } from './serial-runner';
import type { StoreClient } from './store-client';
import { followStream } from './follow-stream';
import { syncNoticeState } from './notice-sync';
import type { DrainResult, PullResult, RunOptions, SyncChange, SyncOutcome } from './sync-types';

export type { DrainResult, PullResult, RunOptions, SyncChange, SyncOutcome } from './sync-types';

/** Everything the engine touches, passed in (no globals), so it runs the same in tests and the service worker. */
export interface SyncEngineOptions {
  repo: SyncRepo;
  /** A client for a store address and (once joined) token; at the edge: `(c) => createStoreClient({ fetch, ...c })`. */
  clientFor: (connection: { baseUrl: string; token?: string }) => StoreClient;
  clock: () => Date;
  /** A number in [0, 1), for backoff jitter. */
  random: () => number;
  /** Wait `ms`; may resolve or reject early when `signal` fires. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  onChanged?: (change: SyncChange) => void;
  /** Annotations pushed per outbox read (default 50). */
  batchSize?: number;
  /** Changes per feed page (default 500; the store allows up to 1000). */
  pageSize?: number;
  backoff?: BackoffPolicy;
  /**
   * The longest the engine waits inside one call (default 20 s, under MV3's 30 s idle limit).
   * Longer backoff is persisted and left to the next `runOnce`.
   */
  maxWaitMs?: number;
}

type Guarded<T> = { ok: true; value: T } | { ok: false; outcome: SyncOutcome };

const isBlocked = (state: SyncState) => state.lastError !== null && isBlockingKind(state.lastError.kind);

/**
 * The sync engine: pushes the outbox, pulls the change feed, follows the live stream. All its
 * state is in IndexedDB (through `repo`), so after the service worker is stopped the caller
 * just calls `runOnce()` again (on start-up and on a `chrome.alarms` tick).
 */
/**
 * A long pull (an initial sync) announces its changes every this many, not every page: each
 * announcement repaints open pages and recounts notices, which read the whole local store.
 */
const ANNOUNCE_EVERY = 10_000;

export function createSyncEngine(options: SyncEngineOptions) {
  const { repo, clientFor, clock, random, sleep, onChanged = () => undefined } = options;
  const batchSize = options.batchSize ?? 50;
  // The store's largest page: fewer round trips for an initial sync.
  const pageSize = options.pageSize ?? 1000;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const maxWaitMs = options.maxWaitMs ?? 20_000;
  const now = () => clock().toISOString();

  async function sleepQuietly(ms: number, signal?: AbortSignal): Promise<void> {
    await sleep(ms, signal).catch(() => undefined);
  }

  /** Run one network step: wait out persisted backoff, retry what is worth retrying, stop on lost access. */
  async function guarded<T>(run: RunOptions, step: () => Promise<T>): Promise<Guarded<T>> {
    let ignoreBackoff = run.ignoreBackoff === true;
    for (;;) {
      if (run.signal?.aborted) return { ok: false, outcome: 'aborted' };
      const state = await repo.getSyncState();
      if (isBlocked(state)) return { ok: false, outcome: 'blocked' };
      const wait = ignoreBackoff || !state.nextAttemptAt ? 0 : Date.parse(state.nextAttemptAt) - clock().getTime();
      if (wait > 0) {
        if (wait > maxWaitMs) return { ok: false, outcome: 'waiting' };
        await sleepQuietly(wait, run.signal);
        continue;
      }
      ignoreBackoff = false;
      try {
        const value = await step();
        if (state.failures > 0 || state.lastError !== null) await repo.patchSyncState({ failures: 0, nextAttemptAt: null, lastError: null });
        return { ok: true, value };
      } catch (error) {
        if (run.signal?.aborted && isAbortError(error)) return { ok: false, outcome: 'aborted' };
        if (!(error instanceof SyncError)) throw error;
        await noteFailure(error);
        if (isBlockingKind(error.kind)) return { ok: false, outcome: 'blocked' };
        // Refused for a reason retrying will not fix (a pull from a group this member may not read).
        if (!isRetryableKind(error.kind)) return { ok: false, outcome: 'failed' };
      }
    }
  }

  async function noteFailure(error: SyncError): Promise<void> {
    const state = await repo.getSyncState();
    const at = clock();
    const retryable = isRetryableKind(error.kind);
    const failures = retryable ? state.failures + 1 : state.failures;
    const delay = retryable ? retryDelay(error, failures, random, at.getTime(), policy) : 0;
    await repo.patchSyncState({
      failures,
      nextAttemptAt: retryable ? new Date(at.getTime() + delay).toISOString() : state.nextAttemptAt,
      lastAttemptAt: at.toISOString(),
      lastError: { kind: error.kind, message: error.message, at: at.toISOString() },
    });
    onChanged({ type: 'status' });
  }

  async function noteFinished(outcome: SyncOutcome): Promise<void> {
    if (outcome !== 'done') return;
    const at = now();
    await repo.patchSyncState({ lastAttemptAt: at, lastSuccessAt: at });
    onChanged({ type: 'status' });
  }

  async function drain(run: RunOptions = {}): Promise<DrainResult> {
    const result: DrainResult = { outcome: 'done', pushed: 0, conflicts: 0, parked: 0 };
    const connection = await repo.getConnection();
    if (!connection) return { ...result, outcome: 'not-connected' };
    const client = clientFor(connection);
    for (;;) {
      const batch = await repo.takeOutboxBatch(batchSize);
      if (batch.length === 0) return result;
      for (const item of batch) {
        const step = await guarded(run, () => pushItem(repo, client, connection.group, item));
        if (!step.ok) return { ...result, outcome: step.outcome };
        if (step.value === 'pushed') result.pushed++;
        else if (step.value === 'conflict') result.conflicts++;
        else result.parked++;
        run = { ...run, ignoreBackoff: false };
      }
      onChanged({ type: 'status' });
    }
  }

  /**
   * One page after `cursor`. A cursor the store refuses (400: it was upgraded and encodes
   * cursors differently, or its data was restored) starts the feed again from the beginning:
   * applying changes is idempotent, so nothing is lost and nothing is doubled.
   */
  async function fetchPage(client: StoreClient, group: string, cursor: string | null) {
    try {
      return await client.changes(group, cursor ?? undefined, pageSize);
    } catch (error) {
      if (cursor === null || !(error instanceof SyncError) || error.status !== 400) throw error;
      return client.changes(group, undefined, pageSize);
    }
  }

  async function pullNow(run: RunOptions): Promise<PullResult> {
    const result: PullResult = { outcome: 'done', changed: 0, pages: 0 };
    const pulledIds: string[] = [];
    const connection = await repo.getConnection();
    if (!connection) return { ...result, outcome: 'not-connected' };
    const client = clientFor(connection);
    // The next page is asked for while this one is written to IndexedDB (its cursor is the
    // `next` just received, the same one the write stores), so the network and the disk overlap.
    let prefetched: ReturnType<typeof fetchPage> | null = null;
    const memo = newPullMemo();
    for (;;) {
      const cursor = await repo.getCursor();
      const step = await guarded(run, () => {
        const request = prefetched ?? fetchPage(client, connection.group, cursor);
        prefetched = null; // a retry asks again
        return request;
      });
      if (!step.ok) {
        // Stopped part way (offline, refused): what was applied is still announced.
        if (pulledIds.length > 0) onChanged({ type: 'annotations', ids: pulledIds.splice(0) });
        return { ...result, outcome: step.outcome };
      }
      const page = step.value;
      const last = !page.hasMore || page.changes.length === 0;
      if (!last && !run.signal?.aborted) {
        prefetched = fetchPage(client, connection.group, page.next);
        prefetched.catch(() => undefined); // its failure is handled when it is awaited
      }
      // The page and the cursor after it are written together: a restart resumes right here.
      const ids = await repo.applyRemoteChanges(page.changes.map(toRemoteChange), page.next, memo);
      result.pages++;
      result.changed += ids.length;
      // Changes seen on earlier pages of this pull are announced with the last one.
      pulledIds.push(...ids);
      if (pulledIds.length > 0 && (last || pulledIds.length >= ANNOUNCE_EVERY)) {
        onChanged({ type: 'annotations', ids: pulledIds.splice(0), ...(last ? {} : { more: true }) });
      }
      if (last) return result;
    }
  }

  /** Send this computer's notice reads and follows, take the store's (other browsers' reads too). */
  async function noticesNow(run: RunOptions): Promise<SyncOutcome> {
    const connection = await repo.getConnection();
    if (!connection) return 'not-connected';
    const step = await guarded(run, () => syncNoticeState(repo, clientFor(connection), clock()));
    onChanged({ type: 'notices' });
    return step.ok ? 'done' : step.outcome;
  }

  /**
   * The group's links between document versions; best effort (offline, or a store without them:
   * the last ones stay). Changed links change which comments a page shows: announced like a
   * vocabulary change, so open pages list again.
   */
  async function linksNow(): Promise<void> {
    const connection = await repo.getConnection();
    if (!connection) return;
    try {
      const { links } = await clientFor(connection).documentLinks(connection.group);
      if (await repo.setDocumentLinks(connection.group, links)) onChanged({ type: 'annotations', ids: [] });
    } catch {
      // Kept as they were; the next run asks again.
    }
  }

  /**
   * The member's role as the store has it now (a facilitator may have changed it): a changed
   * role is kept with the connection, with the one before, so the status line can say so.
   * Best effort, like the links: offline, the role stays as it was until the next run.
   */
  async function roleNow(): Promise<void> {
    const connection = await repo.getConnection();
    if (!connection) return;
    try {
      const me = await clientFor(connection).me();
      if (me.memberId !== connection.memberId || me.role === connection.role) return;
      const current = await repo.getConnection();
      // Joined again meanwhile: that connection is newer than this answer.
      if (current?.token !== connection.token) return;
      await repo.setConnection({ ...connection, role: me.role, roleChange: { from: connection.role, at: now() } });
      onChanged({ type: 'status' });
    } catch {
      // Kept as it was; the next run asks again.
    }
  }

  /**
   * The group's theme vocabulary; best effort like the links. A changed vocabulary is
   * announced as a change to every comment's look (an `annotations` change naming none), so
   * open pages list again and the editor, filters and legend show the new themes.
   */
  async function themesNow(): Promise<void> {
    const connection = await repo.getConnection();
    if (!connection) return;
    try {
      const { themes } = await clientFor(connection).themes(connection.group);
      if (await repo.setThemes(connection.group, themes)) onChanged({ type: 'annotations', ids: [] });
    } catch {
      // Kept as they were; the next run asks again.
    }
  }

  const mergeRun = (a: RunOptions, b: RunOptions): RunOptions => ({ ...a, ignoreBackoff: a.ignoreBackoff || b.ignoreBackoff });
  const pull = createSerialRunner(pullNow, mergeRun);
  const notices = createSerialRunner(noticesNow, mergeRun);
  const runOnce = createSerialRunner(async (run: RunOptions) => {
    const drained = await drain(run);
    const pulled = drained.outcome === 'done' ? await pull(run) : null;
    if (pulled?.outcome === 'done') await notices(run);
    if (pulled?.outcome === 'done') await linksNow();
    if (pulled?.outcome === 'done') await themesNow();
    if (pulled?.outcome === 'done') await roleNow();
    await noteFinished(pulled?.outcome ?? drained.outcome);
    return { drain: drained, pull: pulled };
  }, mergeRun);

  return {
    /** Push the outbox in order, each annotation collapsed to its latest state. */
    drain,
    /** Page the change feed into IndexedDB, saving the cursor with each page. */
    pull: (run: RunOptions = {}) => pull(run),
    /** Drain then pull, then the notice state; safe to call often (calls are serialised and bursts share a run). */
    runOnce: (run: RunOptions = {}) => runOnce(run),
    /** Only the notice state (reads and follows), e.g. right after the person reads a notice. */
    syncNotices: (run: RunOptions = {}) => notices(run),

    /**
     * Follow the group's live stream until `signal` fires, pulling on each change and
     * reconnecting with backoff and Last-Event-ID. Resolves with why it stopped.
     */
    live: (signal: AbortSignal) =>
      followStream({
        repo, clientFor, random, policy, signal, sleep: sleepQuietly, pull: (run) => pull(run), noteFailure, isBlocked,
        onNotices: () => void notices({ signal, ignoreBackoff: true }).catch(() => undefined),
        onGroupChanged: (what) => void (what === 'themes' ? themesNow() : linksNow()),
      }),

    /** Join a group with an invite code and remember the connection; the next `runOnce` sends queued comments. */
    async connect(input: { baseUrl: string; code: string; displayName: string }): Promise<Omit<StoreConnection, 'token'>> {
      const client = clientFor({ baseUrl: input.baseUrl });
      const joined = await client.join(input.code, input.displayName.trim());
      const connection = { baseUrl: client.baseUrl, displayName: input.displayName.trim(), ...joined };
      await repo.setConnection(connection);
      onChanged({ type: 'status' });
      const { token: _token, ...visible } = connection;
      return visible;
    },

    /** "Forget me": the store removes this member's comments everywhere; this computer disconnects but keeps its copies. */
    async forgetMe(options: { keepAnonymous?: boolean } = {}): Promise<void> {
      const connection = await repo.getConnection();
      if (!connection) return;
      await clientFor(connection).forgetMe(options);
      await repo.clearConnection();
      onChanged({ type: 'status' });
    },

    /** Stop syncing with the group; comments stay on this computer (and queued). */
    async disconnect(): Promise<void> {
      await repo.clearConnection();
      onChanged({ type: 'status' });
    },

    /** Counts and times for `describeSyncState`. */
    status: (): Promise<SyncStatus> => repo.syncStatus(),
  };
}

/** A sync engine bound to one database. */
export type SyncEngine = ReturnType<typeof createSyncEngine>;

function toRemoteChange(change: Change): RemoteChange {
  return {
    id: change.id,
    revision: change.revision,
    deleted: change.deleted,
    hidden: change.hidden ?? null,
    annotation: change.annotation,
    ...(change.mine ? { mine: true } : {}),
    ...(change.target ? { target: change.target } : {}),
  };
}
