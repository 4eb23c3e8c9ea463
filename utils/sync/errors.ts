import type { MessageKey } from '../i18n/catalogue';
import { sentenceTable } from '../i18n/sentence-table';
import type { StoredAnnotation } from '../store/db';
import type { MessageRef } from '../i18n/translate';

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
  /** The same explanation as catalogue messages (`error.messages`), to say again in another language. */
  readonly storeMessages: MessageRef[] | null;

  constructor(
    kind: SyncErrorKind,
    message: string,
    details: { status?: number; code?: string; current?: CurrentVersion; retryAfterMs?: number; retryAt?: number; storeMessage?: string; storeMessages?: MessageRef[]; cause?: unknown } = {},
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
    this.storeMessages = details.storeMessages ?? null;
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
/** The catalogue keys of the sync errors' sentences (utils/i18n/messages/…/sync.ts). */
const SYNC_MESSAGE_KEYS = {
  offline: 'sync.error.offline',
  unauthenticated: 'sync.error.unauthenticated',
  revoked: 'sync.error.revoked',
  forbidden: 'sync.error.forbidden',
  inviteInvalid: 'sync.error.inviteInvalid',
  inviteUsed: 'sync.error.inviteUsed',
  inviteExpired: 'sync.error.inviteExpired',
  conflict: 'sync.error.conflict',
  invalid: 'sync.error.invalid',
  server: 'sync.error.server',
  rateLimited: 'sync.error.rateLimited',
  badAnswer: 'sync.error.badAnswer',
  badAddress: 'sync.error.badAddress',
  notConnected: 'sync.error.notConnected',
} as const satisfies Record<string, MessageKey>;

/**
 * The sync errors' sentences, each read in the extension's language at the moment it is
 * needed (utils/i18n/current-language.ts; English in the store and tests).
 */
export const SYNC_MESSAGES = sentenceTable(SYNC_MESSAGE_KEYS);

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
