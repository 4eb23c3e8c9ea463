import * as v from 'valibot';
import { RoleSchema } from '../model/roles';
import type { StoredAnnotation } from './db';

/** Keys in the `meta` store used by sync; each value is validated when read back. */
export const SYNC_META_KEYS = {
  connection: 'sync.connection',
  cursor: 'sync.cursor',
  state: 'sync.state',
  /** The member's notice state (notice-state.ts): cleared with the connection. */
  notices: 'sync.notices',
} as const;

/** The group store this computer is connected to, as the join answered (token included). */
export const StoreConnectionSchema = v.object({
  baseUrl: v.pipe(v.string(), v.url('The store address is not a valid web address.')),
  token: v.pipe(v.string(), v.minLength(1, 'The store connection has no token.')),
  group: v.pipe(v.string(), v.minLength(1, 'The store connection has no group.')),
  role: RoleSchema,
  memberId: v.pipe(v.string(), v.minLength(1, 'The store connection has no member id.')),
  displayName: v.string(),
  /** The role a facilitator changed, as a sync learnt it (GET /api/me): the one before, and when (ISO). */
  roleChange: v.optional(v.object({ from: RoleSchema, at: v.string() })),
});
export type StoreConnection = v.InferOutput<typeof StoreConnectionSchema>;

/** The latest sync failure, kept so the side panel can say what is wrong after a restart. */
export interface SyncErrorRecord {
  /** A `SyncError` kind from `utils/sync` ('offline', 'revoked', ...). */
  kind: string;
  message: string;
  at: string;
}

/** How sync is going, persisted so backoff and status survive the service worker stopping. */
export const SyncStateSchema = v.object({
  lastAttemptAt: v.nullable(v.string()),
  lastSuccessAt: v.nullable(v.string()),
  lastError: v.nullable(v.object({ kind: v.string(), message: v.string(), at: v.string() })),
  /** Consecutive failures that count towards backoff. */
  failures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** No network attempt before this time (ISO), unless the person asks to try now. */
  nextAttemptAt: v.nullable(v.string()),
});
export type SyncState = v.InferOutput<typeof SyncStateSchema>;

/** The state of a computer that has never tried to sync. */
export const EMPTY_SYNC_STATE: SyncState = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  failures: 0,
  nextAttemptAt: null,
};

/** One entry of the store's change feed, already validated by the sync client. */
export interface RemoteChange {
  id: string;
  revision: string;
  deleted: boolean;
  hidden: { reason: string } | null;
  annotation: StoredAnnotation | null;
  /** The store says the caller wrote it (`"mine": true`), so a member's other browser knows its own items. */
  mine?: boolean;
  /** For a hidden reply: the id it answers, so the thread can show "hidden by a facilitator" in its place. */
  target?: string | null;
}

/**
 * One annotation's queued changes collapsed to its latest state: what the sync engine pushes.
 * Acknowledge with `ackOutbox(seq, revision)`; later edits (higher seq) stay queued.
 */
export interface OutboxItem {
  annotationId: string;
  op: 'put' | 'delete';
  /** The annotation as stored now (for 'put'); null for 'delete'. */
  annotation: StoredAnnotation | null;
  /** The store revision the change was made against (If-Match), or null if never sent. */
  baseRevision: string | null;
  /** The newest outbox entry folded into this item. */
  seq: number;
  /** How many outbox entries this item stands for. */
  entries: number;
}

/** Counts and times for the sync status line (see `describeSyncState` in utils/sync). */
export interface SyncStatus extends SyncState {
  /** The connection without its token, or null when not connected. */
  connection: Omit<StoreConnection, 'token'> | null;
  /** Items (comments, replies, supports) with changes waiting to be sent. */
  waiting: number;
  /** `waiting` by kind of item (absent: all counted as comments). */
  waitingKinds?: { comment: number; reply: number; support: number };
  /** Comments whose latest change the store refused for good (or that are damaged here), oldest first. */
  refused: RefusedComment[];
  /** Comments with two versions waiting for their author's choice. */
  conflicts: number;
}

/** A comment kept on this computer whose latest change is not being sent, and why. */
export interface RefusedComment {
  id: string;
  /** Why, in plain English: the store's own explanation when it gave one. */
  message: string;
  /** True when the problem is on this computer (a damaged record), not the store's refusal. */
  damaged: boolean;
  /** The passage it is about, and the start of its text, so the person can tell which one (null: deleted). */
  quote: string | null;
  text: string | null;
  /** What it is (v3): a comment, a reply (its text in `text`) or a "this is my experience too". */
  kind?: 'comment' | 'reply' | 'support';
}

/** Read a stored value through a schema; anything damaged counts as absent. */
export function readStored<T>(schema: v.GenericSchema<unknown, T>, value: unknown): T | null {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : null;
}
