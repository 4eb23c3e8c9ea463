import { EMPTY_SYNC_STATE, type SyncStatus } from '../store';

const NOW = '2026-11-23T12:00:00.000Z';
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();
const connection = { baseUrl: 'http://store.test', group: 'g1', role: 'member' as const, memberId: 'm1', displayName: 'Sam' };
const base: SyncStatus = { ...EMPTY_SYNC_STATE, connection, waiting: 0, parked: 0, parkedMessage: null, conflicts: 0 };
const error = (kind: string, message = 'x') => ({ kind, message, at: NOW });

/** Status → the sentence the side panel shows. */
export const SYNC_STATE_CASES: { name: string; status: SyncStatus; now: string; sentence: string }[] = [
  { name: 'nothing to send', status: base, now: NOW, sentence: 'All saved' },
  { name: 'one waiting', status: { ...base, waiting: 1 }, now: NOW, sentence: '1 comment waiting to send' },
  { name: 'several waiting, offline', status: { ...base, waiting: 3, lastError: error('offline'), lastAttemptAt: minutesAgo(1) }, now: NOW, sentence: '3 comments waiting to send (offline)' },
  { name: 'offline with nothing waiting', status: { ...base, lastError: error('offline'), lastAttemptAt: minutesAgo(2) }, now: NOW, sentence: "Can't reach the group store: last tried 2 minutes ago" },
  { name: 'store failing with comments waiting', status: { ...base, waiting: 2, lastError: error('server'), lastAttemptAt: minutesAgo(0.5) }, now: NOW, sentence: "Can't reach the group store: last tried just now" },
  { name: 'rate limited an hour ago', status: { ...base, lastError: error('rate-limited'), lastAttemptAt: minutesAgo(61) }, now: NOW, sentence: "Can't reach the group store: last tried 1 hour ago" },
  { name: 'offline for days', status: { ...base, lastError: error('server'), lastAttemptAt: minutesAgo(3 * 24 * 60 + 5) }, now: NOW, sentence: "Can't reach the group store: last tried 3 days ago" },
  { name: 'invite withdrawn', status: { ...base, waiting: 4, lastError: error('revoked') }, now: NOW, sentence: 'Your invite has been withdrawn: ask your facilitator for a new one' },
  { name: 'token unknown', status: { ...base, lastError: error('unauthenticated') }, now: NOW, sentence: "The group store doesn't recognise this computer any more: connect again with a new invite" },
  { name: 'not connected, even with comments waiting', status: { ...base, connection: null, waiting: 5 }, now: NOW, sentence: 'Not connected to a group: comments are kept on this computer only' },
  { name: 'one conflict', status: { ...base, conflicts: 1, waiting: 1 }, now: NOW, sentence: '1 comment has two versions: choose which to keep' },
  { name: 'two conflicts', status: { ...base, conflicts: 2 }, now: NOW, sentence: '2 comments have two versions: choose which to keep' },
  { name: 'parked', status: { ...base, parked: 1, parkedMessage: 'The group store turned this down: Too long.' }, now: NOW, sentence: '1 comment could not be sent: The group store turned this down: Too long.' },
  { name: 'a refusal recorded from a pull', status: { ...base, lastError: error('forbidden', 'Your role in this group doesn’t allow this.') }, now: NOW, sentence: 'Your role in this group doesn’t allow this.' },
];
