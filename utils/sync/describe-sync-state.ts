import type { SyncStatus } from '../store';
import { isRetryableKind } from './errors';

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

/**
 * The side panel's one-line sync status, in words. The most pressing fact wins: not connected,
 * access withdrawn, offline or unreachable, versions to choose between, comments the store
 * refused, comments waiting, or "All saved".
 */
export function describeSyncState(status: SyncStatus, now: Date): string {
  if (!status.connection) return 'Not connected to a group: comments are kept on this computer only';
  const error = status.lastError;
  if (error?.kind === 'revoked') return 'Your invite has been withdrawn: ask your facilitator for a new one';
  if (error?.kind === 'unauthenticated') return "The group store doesn't recognise this computer any more: connect again with a new invite";
  if (error?.kind === 'offline' && status.waiting > 0) return `${count(status.waiting)} waiting to send (offline)`;
  if (error && isRetryableKind(error.kind)) return `Can't reach the group store: last tried ${describeTimeAgo(status.lastAttemptAt, now)}`;
  if (status.conflicts > 0) {
    return `${count(status.conflicts)} ${status.conflicts === 1 ? 'has' : 'have'} two versions: choose which to keep`;
  }
  if (status.parked > 0) return `${count(status.parked)} could not be sent: ${status.parkedMessage ?? 'the group store turned it down'}`;
  if (error) return error.message;
  if (status.waiting > 0) return `${count(status.waiting)} waiting to send`;
  return 'All saved';
}
