import { translator, type MessageRef } from '../i18n/translate';
import type { RefusedComment, SyncStatus } from '../store';
import { isRetryableKind } from './errors';

/** How long the status line says that the member's role changed. */
export const ROLE_CHANGE_SHOWN_MS = 24 * 60 * 60 * 1000;

/** The status line in words, and whether it asks something of the person. */
export interface SyncStateDescription {
  /** The sentence in English, e.g. "All saved" or "3 comments waiting to send (offline)" (logs, tests, older callers). */
  sentence: string;
  /**
   * The same sentence as data, to show in the reader's language: translate each part with
   * `tr` and join them with nothing between (`sentenceFrom`). It crosses from the background as is.
   */
  sentenceParts: MessageRef[];
  /**
   * True when connected and not everything is saved in the group store (waiting, offline,
   * refused, withdrawn, versions to choose): the panel then offers "Try again now".
   * Decided from the status itself, never from the sentence.
   */
  needsAttention: boolean;
}

/** The status line in one language, from its parts (see SyncStateDescription.sentenceParts). */
export function sentenceFrom(tr: (ref: MessageRef) => string, parts: readonly MessageRef[]): string {
  return parts.map(tr).join('');
}

const english = translator('en-GB');

/**
 * The side panel's one-line sync status, in words. The most pressing fact wins: not connected,
 * access withdrawn, offline or unreachable, versions to choose between, comments the store
 * refused, comments waiting, or "All saved".
 */
export function describeSyncState(status: SyncStatus, now: Date): SyncStateDescription {
  const allSaved = status.lastError === null && status.conflicts === 0 && status.refused.length === 0 && status.waiting === 0;
  const sentenceParts: MessageRef[] = status.connection ? partsFor(status, now) : [{ key: 'sync.notConnected' }];
  return { sentence: sentenceFrom(english.tr, sentenceParts), sentenceParts, needsAttention: status.connection !== null && !allSaved };
}

/** "Can't reach the group store: last tried just now / 2 minutes / 3 hours / 2 days ago". */
function cantReach(iso: string | null, now: Date): MessageRef {
  const seconds = iso === null ? 0 : Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (minutes < 1) return { key: 'sync.cantReach.justNow' };
  if (hours < 1) return { key: 'sync.cantReach.minutes', params: { count: minutes } };
  if (days < 2) return { key: 'sync.cantReach.hours', params: { count: hours } };
  return { key: 'sync.cantReach.days', params: { count: days } };
}

function partsFor(status: SyncStatus, now: Date): MessageRef[] {
  const error = status.lastError;
  if (error?.kind === 'revoked') return [{ key: 'sync.revoked' }];
  if (error?.kind === 'unauthenticated') return [{ key: 'sync.unauthenticated' }];
  if (error?.kind === 'offline' && status.waiting > 0) return [...waitingItems(status), { key: 'sync.waitingOfflineTail' }];
  if (error && isRetryableKind(error.kind)) return [cantReach(status.lastAttemptAt, now)];
  if (status.conflicts > 0) return [{ key: 'sync.conflicts', params: { count: status.conflicts } }];
  if (status.refused.length > 0) return [describeRefused(status.refused)];
  // The store's or the engine's own words (kept as they came).
  if (error) return [{ key: 'sync.text', params: { text: error.message } }];
  const role = roleChange(status, now);
  if (status.waiting > 0) return [...waitingItems(status), { key: 'sync.waitingTail' }, ...role];
  return [{ key: 'sync.allSaved' }, ...role];
}

/** ". Your role in the group is now a reader (…)" for a day after a sync learnt that a facilitator changed it; else nothing. */
function roleChange(status: SyncStatus, now: Date): MessageRef[] {
  const change = status.connection?.roleChange;
  if (!change || !status.connection) return [];
  const age = now.getTime() - Date.parse(change.at);
  if (!(age >= 0 && age < ROLE_CHANGE_SHOWN_MS)) return [];
  return [{ key: `sync.roleNow.${status.connection.role}` as const }];
}

/** "3 comments", "1 comment and 2 replies", "2 replies and 1 “this is my experience too”". */
function waitingItems(status: SyncStatus): MessageRef[] {
  const kinds = status.waitingKinds ?? { comment: status.waiting, reply: 0, support: 0 };
  const parts: MessageRef[] = (['comment', 'reply', 'support'] as const)
    .filter((kind) => kinds[kind] > 0)
    .map((kind) => ({ key: `sync.item.${kind}` as const, params: { count: kinds[kind] } }));
  if (parts.length === 0) return [{ key: 'sync.item.comment', params: { count: status.waiting } }];
  return parts.flatMap((part, i): MessageRef[] => (i === 0 ? [part] : [{ key: i === parts.length - 1 ? 'sync.list.and' : 'sync.list.comma' }, part]));
}

/** Why comments are not being sent, said so that the person knows nothing is lost. */
function describeRefused(refused: readonly RefusedComment[]): MessageRef {
  const first = refused[0]!;
  const reason = withoutFinalStop(first.message);
  // Named for what they are when they are all of one kind (replies, supports); else "comments".
  const kind = refused.every((r) => (r.kind ?? 'comment') === (first.kind ?? 'comment')) ? (first.kind ?? 'comment') : 'comment';
  if (refused.length === 1) return { key: first.damaged ? `sync.refused.damagedOne.${kind}` as const : `sync.refused.one.${kind}` as const, params: { reason } };
  const count = refused.length;
  if (refused.some((r) => r.damaged)) return { key: `sync.refused.damagedMany.${kind}` as const, params: { count } };
  const oneReason = refused.every((r) => r.message === first.message);
  return oneReason ? { key: `sync.refused.manyReason.${kind}` as const, params: { count, reason } } : { key: `sync.refused.many.${kind}` as const, params: { count } };
}

function withoutFinalStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
