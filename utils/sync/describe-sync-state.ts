import { ROLE_DESCRIPTIONS } from '../model/roles';
import type { RefusedComment, SyncStatus } from '../store';
import { isRetryableKind } from './errors';

/** How long the status line says that the member's role changed. */
export const ROLE_CHANGE_SHOWN_MS = 24 * 60 * 60 * 1000;

const count = (n: number) => `${n} ${n === 1 ? 'comment' : 'comments'}`;

/** "just now", "1 minute ago", "2 minutes ago", "3 hours ago", "2 days ago". */
export function describeTimeAgo(iso: string | null, now: Date): string {
  const seconds = iso === null ? 0 : Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'} ago`;
  if (minutes < 1) return 'just now';
  if (hours < 1) return unit(minutes, 'minute');
  if (days < 2) return unit(hours, 'hour');
  return unit(days, 'day');
}

/** The status line in words, and whether it asks something of the person. */
export interface SyncStateDescription {
  /** One plain-English sentence, e.g. "All saved" or "3 comments waiting to send (offline)". */
  sentence: string;
  /**
   * True when connected and not everything is saved in the group store (waiting, offline,
   * refused, withdrawn, versions to choose): the panel then offers "Try again now".
   * Decided from the status itself, never from the sentence.
   */
  needsAttention: boolean;
}

/**
 * The side panel's one-line sync status, in words. The most pressing fact wins: not connected,
 * access withdrawn, offline or unreachable, versions to choose between, comments the store
 * refused, comments waiting, or "All saved".
 */
export function describeSyncState(status: SyncStatus, now: Date): SyncStateDescription {
  if (!status.connection) return { sentence: 'Not connected to a group: comments are kept on this computer only', needsAttention: false };
  const allSaved = status.lastError === null && status.conflicts === 0 && status.refused.length === 0 && status.waiting === 0;
  return { sentence: sentenceFor(status, now), needsAttention: !allSaved };
}

function sentenceFor(status: SyncStatus, now: Date): string {
  const error = status.lastError;
  if (error?.kind === 'revoked') return 'Your invite has been withdrawn: ask your facilitator for a new one';
  if (error?.kind === 'unauthenticated') return "The group store doesn't recognise this computer any more: connect again with a new invite";
  if (error?.kind === 'offline' && status.waiting > 0) return `${waitingItems(status)} waiting to send (offline)`;
  if (error && isRetryableKind(error.kind)) return `Can't reach the group store: last tried ${describeTimeAgo(status.lastAttemptAt, now)}`;
  if (status.conflicts > 0) {
    return `${count(status.conflicts)} ${status.conflicts === 1 ? 'has' : 'have'} two versions: choose which to keep`;
  }
  if (status.refused.length > 0) return describeRefused(status.refused);
  if (error) return error.message;
  const role = roleChangeSentence(status, now);
  if (status.waiting > 0) return `${waitingItems(status)} waiting to send${role}`;
  return `All saved${role}`;
}

/** ". Your role in the group is now a reader (…)" for a day after a sync learnt that a facilitator changed it; else "". */
function roleChangeSentence(status: SyncStatus, now: Date): string {
  const change = status.connection?.roleChange;
  if (!change || !status.connection) return '';
  const age = now.getTime() - Date.parse(change.at);
  if (!(age >= 0 && age < ROLE_CHANGE_SHOWN_MS)) return '';
  return `. Your role in the group is now ${ROLE_DESCRIPTIONS[status.connection.role]}`;
}

/** "3 comments", "1 comment and 2 replies", "2 replies and 1 “this is my experience too”". */
function waitingItems(status: SyncStatus): string {
  const kinds = status.waitingKinds ?? { comment: status.waiting, reply: 0, support: 0 };
  const parts = (['comment', 'reply', 'support'] as const)
    .filter((kind) => kinds[kind] > 0)
    .map((kind) => `${kinds[kind]} ${REFUSED_NOUNS[kind][kinds[kind] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return count(status.waiting);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Why comments are not being sent, said so that the person knows nothing is lost. */
function describeRefused(refused: readonly RefusedComment[]): string {
  const first = refused[0]!;
  const reason = withoutFinalStop(first.message);
  // Named for what they are when they are all of one kind (replies, supports); else "comments".
  const kind = refused.every((r) => (r.kind ?? 'comment') === (first.kind ?? 'comment')) ? (first.kind ?? 'comment') : 'comment';
  const [one, many] = REFUSED_NOUNS[kind];
  if (refused.length === 1) {
    if (first.damaged) return `One ${one} is damaged on this computer, so it can't be sent: ${reason}. It is kept, not deleted.`;
    return `The group store refused one ${one}: ${reason}. It is kept on this computer.`;
  }
  if (refused.some((r) => r.damaged)) return `${refused.length} ${many} can't be sent. They are kept on this computer.`;
  const oneReason = refused.every((r) => r.message === first.message);
  return `The group store refused ${refused.length} ${many}${oneReason ? `: ${reason}` : ''}. They are kept on this computer.`;
}

const REFUSED_NOUNS = {
  comment: ['comment', 'comments'],
  reply: ['reply', 'replies'],
  support: ['“this is my experience too”', '“this is my experience too”s'],
} as const;

function withoutFinalStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
