import type { StoredAnnotation } from '../store';

/** Why a call to the group store failed, as the sync engine acts on it. */
export type SyncErrorKind =
  | 'offline'
  | 'unauthenticated'
  | 'revoked'
  | 'forbidden'
  | 'conflict'
  | 'invalid'
  | 'server'
  | 'rate-limited';

/** The store's version of an annotation, carried by a 412 so both versions can be kept. */
export interface CurrentVersion {
  annotation: StoredAnnotation | null;
  revision: string;
}

/**
 * A failed call to the group store, with a plain-English `message` a person can read and
 * the facts the engine needs (HTTP status, store error code, the current version on 412,
 * and when to retry on 429).
 */
export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  readonly current: CurrentVersion | null;
  /** From `Retry-After` in seconds. */
  readonly retryAfterMs: number | null;
  /** From `Retry-After` as an HTTP date (epoch milliseconds). */
  readonly retryAt: number | null;
  /** The store's own explanation (its error body's message, shortened), when it sent one. */
  readonly storeMessage: string | null;

  constructor(
    kind: SyncErrorKind,
    message: string,
    details: { status?: number; code?: string; current?: CurrentVersion; retryAfterMs?: number; retryAt?: number; storeMessage?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SyncError';
    this.kind = kind;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.current = details.current ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.retryAt = details.retryAt ?? null;
    this.storeMessage = details.storeMessage ?? null;
  }
}

/** True for a recorded error kind that stops syncing until the person connects again. */
export function isBlockingKind(kind: string): boolean {
  return kind === 'revoked' || kind === 'unauthenticated';
}

/** True for a recorded error kind worth retrying with backoff. */
export function isRetryableKind(kind: string): boolean {
  return kind === 'offline' || kind === 'server' || kind === 'rate-limited';
}

/** Plain-English messages, one per kind; `invalid` adds the store's own explanation. */
export const SYNC_MESSAGES = {
  offline: "Can't reach the group store. Your comments are kept on this computer and will be sent when the connection is back.",
  unauthenticated: "The group store doesn't recognise this computer any more: connect again with an invite code from your facilitator.",
  revoked: 'Your invite has been withdrawn: ask your facilitator for a new one.',
  forbidden: "Your role in this group doesn't allow this: only the person who wrote a comment can change it, and readers can't add comments.",
  inviteInvalid: "That invite code isn't valid (it may have been withdrawn): ask your facilitator for a new one.",
  inviteUsed: 'This invite has already been used. Ask your facilitator for a new one.',
  inviteExpired: 'This invite has expired. Ask your facilitator for a new one.',
  conflict: 'This comment was changed somewhere else since you last saw it: choose which version to keep.',
  invalid: 'The group store turned this down.',
  server: "The group store has a problem right now. Your comments are kept on this computer and we'll keep trying.",
  rateLimited: "The group store is busy right now. Your comments are kept on this computer and we'll try again shortly.",
  badAnswer: "The group store sent an answer this extension doesn't understand. We'll keep trying; if it goes on, tell your facilitator.",
  badAddress: 'The store address should be a web address such as https://store.example.org',
  notConnected: 'Not connected to a group: join one with an invite code first.',
} as const;

/** Parse `Retry-After` (seconds or an HTTP date), as RFC 9110 §10.2.3 allows both. */
export function parseRetryAfter(value: string | null): { retryAfterMs?: number; retryAt?: number } {
  if (!value) return {};
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return { retryAfterMs: Number(trimmed) * 1000 };
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? {} : { retryAt: at };
}

/** Shorten a store-supplied explanation before it is shown inside one of our sentences. */
export function quoteStoreMessage(message: string | undefined): string {
  const text = (message ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
