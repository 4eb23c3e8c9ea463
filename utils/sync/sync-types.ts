/**
 * The words the sync engine and the live stream share: how a step ended and what it did.
 * Kept apart from both so follow-stream.ts and sync-engine.ts import each other's types
 * from here, not from one another (no import loop).
 */

/** What changed, so the background can repaint tabs, refresh the status line, or count notices again ('notices': reads or follows from the store). */
/**
 * What changed, for repaints and recounts. `more`: further pages of the same pull follow at once
 * (an initial sync of 32,000 items is 32 pages): listeners may wait for the last one.
 */
export type SyncChange = { type: 'annotations'; ids: string[]; more?: boolean } | { type: 'status' } | { type: 'notices' };

/**
 * How a sync step ended. 'waiting': backing off, the next `runOnce` (say, an alarm) continues;
 * 'blocked': access lost (revoked or unknown token) until the person connects again;
 * 'failed': the store refused in a way retrying will not fix (recorded as the last error).
 */
export type SyncOutcome = 'done' | 'not-connected' | 'blocked' | 'waiting' | 'aborted' | 'failed';

/** What `drain` did. */
export interface DrainResult { outcome: SyncOutcome; pushed: number; conflicts: number; parked: number }
/** What `pull` did. */
export interface PullResult { outcome: SyncOutcome; changed: number; pages: number }

/** Options for one run: `ignoreBackoff` retries now (a "Try again" button); `signal` stops waiting. */
export interface RunOptions { signal?: AbortSignal; ignoreBackoff?: boolean }
