import type { SyncRepo, SyncState } from '../store';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { SyncError, isBlockingKind } from './errors';
import type { StoreClient } from './store-client';
import type { PullResult, RunOptions, SyncOutcome } from './sync-types';

/** What `followStream` needs from the engine. */
export interface FollowStreamOptions {
  repo: SyncRepo;
  clientFor: (connection: { baseUrl: string; token?: string }) => StoreClient;
  random: () => number;
  policy: BackoffPolicy;
  signal: AbortSignal;
  /** Resolves (never rejects) after `ms` or when `signal` fires. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The engine's serialised pull: bursts of events share at most two pulls. */
  pull: (run: RunOptions) => Promise<PullResult>;
  noteFailure: (error: SyncError) => Promise<void>;
  isBlocked: (state: SyncState) => boolean;
  /** The member's notice reads changed (`event: notices`, e.g. read on another browser). */
  onNotices?: () => void;
  /** The group's themes or document links changed (`event: group`; they are not in the feed). */
  onGroupChanged?: (what: GroupChange) => void;
}

/** What an `event: group` says changed (PROTOCOL.md "Sync API"). */
export type GroupChange = 'themes' | 'links';

/** The `changed` of an `event: group`'s data, or null for anything else (an unknown kind, not JSON). */
export function groupChangeOf(data: string): GroupChange | null {
  try {
    const parsed: unknown = JSON.parse(data);
    const changed = parsed && typeof parsed === 'object' ? (parsed as { changed?: unknown }).changed : undefined;
    return changed === 'themes' || changed === 'links' ? changed : null;
  } catch {
    return null;
  }
}

/**
 * Follow the group's SSE stream: pull once on connecting (to catch up on anything missed),
 * then on each `change` event; `notices` events refresh the member's notice reads, `group`
 * events the group's themes or document links. Reconnects with full-jitter backoff (or the server's `retry:`
 * if longer) sending Last-Event-ID; stops when `signal` fires or access is lost.
 */
export async function followStream(options: FollowStreamOptions): Promise<SyncOutcome> {
  const { repo, clientFor, random, policy, signal, sleep, pull, noteFailure, isBlocked, onNotices, onGroupChanged } = options;
  let lastEventId = (await repo.getCursor()) ?? undefined;
  let failures = 0;
  while (!signal.aborted) {
    const connection = await repo.getConnection();
    if (!connection) return 'not-connected';
    if (isBlocked(await repo.getSyncState())) return 'blocked';
    let retryMs = 0;
    try {
      const events = await clientFor(connection).openStream(connection.group, lastEventId, signal);
      failures = 0;
      let blocked = false;
      // Pulls are not awaited here: events arriving during a pull join the one queued after it.
      const startPull = () => {
        const pulling = pull({ signal, ignoreBackoff: true });
        pulling.then((result) => (blocked ||= result.outcome === 'blocked'), () => undefined);
        return pulling;
      };
      let pulling = startPull(); // catch up on anything missed while disconnected
      for await (const event of events) {
        if (blocked) return 'blocked';
        if (event.retry !== undefined) retryMs = event.retry;
        if (event.id) lastEventId = event.id;
        if (event.event === 'notices') onNotices?.();
        if (event.event === 'group') {
          const what = groupChangeOf(event.data);
          if (what) onGroupChanged?.(what);
        }
        if (event.event !== 'change') continue;
        if (event.id && event.id === (await repo.getCursor())) continue; // already have it
        pulling = startPull();
      }
      await pulling.catch(() => undefined);
      if (blocked) return 'blocked';
    } catch (error) {
      if (signal.aborted) return 'aborted';
      if (error instanceof SyncError) {
        if (isBlockingKind(error.kind)) {
          await noteFailure(error);
          return 'blocked';
        }
      }
      // Anything else (the connection dropped mid-stream, the store restarting): reconnect.
    }
    failures++;
    await sleep(Math.max(retryMs, backoffDelay(failures, random, policy)), signal);
  }
  return 'aborted';
}
