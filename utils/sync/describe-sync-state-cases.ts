import { EMPTY_SYNC_STATE, type RefusedComment, type SyncStatus } from '../store';

const NOW = '2026-11-23T12:00:00.000Z';
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();
const connection = { baseUrl: 'http://store.test', group: 'g1', role: 'member' as const, memberId: 'm1', displayName: 'Sam' };
const base: SyncStatus = { ...EMPTY_SYNC_STATE, connection, waiting: 0, refused: [], conflicts: 0 };
const error = (kind: string, message = 'x') => ({ kind, message, at: NOW });
const refused = (message: string, damaged = false): RefusedComment => ({ id: 'urn:uuid:1', message, damaged, quote: 'care', text: 'My story' });

/** Status → the sentence the side panel shows, and whether it asks something of the person. */
export const SYNC_STATE_CASES: { name: string; status: SyncStatus; now: string; sentence: string; needsAttention: boolean }[] = [
  { name: 'nothing to send', status: base, now: NOW, sentence: 'All saved', needsAttention: false },
  { name: 'one waiting', status: { ...base, waiting: 1 }, now: NOW, sentence: '1 comment waiting to send', needsAttention: true },
  { name: 'replies and supports waiting are named for what they are', status: { ...base, waiting: 4, waitingKinds: { comment: 1, reply: 2, support: 1 } }, now: NOW, sentence: '1 comment, 2 replies and 1 “this is my experience too” waiting to send', needsAttention: true },
  { name: 'only a reply waiting, offline', status: { ...base, waiting: 1, waitingKinds: { comment: 0, reply: 1, support: 0 }, lastError: error('offline'), lastAttemptAt: minutesAgo(1) }, now: NOW, sentence: '1 reply waiting to send (offline)', needsAttention: true },
  { name: 'several waiting, offline', status: { ...base, waiting: 3, lastError: error('offline'), lastAttemptAt: minutesAgo(1) }, now: NOW, sentence: '3 comments waiting to send (offline)', needsAttention: true },
  { name: 'offline with nothing waiting', status: { ...base, lastError: error('offline'), lastAttemptAt: minutesAgo(2) }, now: NOW, sentence: "Can't reach the group store: last tried 2 minutes ago", needsAttention: true },
  { name: 'store failing with comments waiting', status: { ...base, waiting: 2, lastError: error('server'), lastAttemptAt: minutesAgo(0.5) }, now: NOW, sentence: "Can't reach the group store: last tried just now", needsAttention: true },
  { name: 'rate limited an hour ago', status: { ...base, lastError: error('rate-limited'), lastAttemptAt: minutesAgo(61) }, now: NOW, sentence: "Can't reach the group store: last tried 1 hour ago", needsAttention: true },
  { name: 'offline for days', status: { ...base, lastError: error('server'), lastAttemptAt: minutesAgo(3 * 24 * 60 + 5) }, now: NOW, sentence: "Can't reach the group store: last tried 3 days ago", needsAttention: true },
  { name: 'invite withdrawn', status: { ...base, waiting: 4, lastError: error('revoked') }, now: NOW, sentence: 'Your invite has been withdrawn: ask your facilitator for a new one', needsAttention: true },
  { name: 'token unknown', status: { ...base, lastError: error('unauthenticated') }, now: NOW, sentence: "The group store doesn't recognise this computer any more: connect again with a new invite", needsAttention: true },
  { name: 'not connected, even with comments waiting', status: { ...base, connection: null, waiting: 5 }, now: NOW, sentence: 'Not connected to a group: comments are kept on this computer only', needsAttention: false },
  { name: 'one conflict', status: { ...base, conflicts: 1, waiting: 1 }, now: NOW, sentence: '1 comment has two versions: choose which to keep', needsAttention: true },
  { name: 'two conflicts', status: { ...base, conflicts: 2 }, now: NOW, sentence: '2 comments have two versions: choose which to keep', needsAttention: true },
  { name: 'one refused', status: { ...base, refused: [refused('The comment has an unknown field.')] }, now: NOW, sentence: 'The group store refused one comment: The comment has an unknown field. It is kept on this computer.', needsAttention: true },
  { name: 'one refused, others waiting', status: { ...base, waiting: 2, refused: [refused('Too long')] }, now: NOW, sentence: 'The group store refused one comment: Too long. It is kept on this computer.', needsAttention: true },
  { name: 'two refused for one reason', status: { ...base, refused: [refused('Only the author can change a comment.'), refused('Only the author can change a comment.')] }, now: NOW, sentence: 'The group store refused 2 comments: Only the author can change a comment. They are kept on this computer.', needsAttention: true },
  { name: 'two refused for different reasons', status: { ...base, refused: [refused('Too long.'), refused('Not allowed.')] }, now: NOW, sentence: 'The group store refused 2 comments. They are kept on this computer.', needsAttention: true },
  { name: 'one damaged here', status: { ...base, refused: [refused('The comment id is not a UUID URN. (at id)', true)] }, now: NOW, sentence: "One comment is damaged on this computer, so it can't be sent: The comment id is not a UUID URN. (at id). It is kept, not deleted.", needsAttention: true },
  { name: 'one reply refused', status: { ...base, refused: [{ ...refused('The comment you are replying to is not in this group or has been removed.'), quote: null, kind: 'reply' }] }, now: NOW, sentence: 'The group store refused one reply: The comment you are replying to is not in this group or has been removed. It is kept on this computer.', needsAttention: true },
  { name: 'one support refused', status: { ...base, refused: [{ ...refused('You have already said this is your experience too.'), quote: null, text: null, kind: 'support' }] }, now: NOW, sentence: 'The group store refused one “this is my experience too”: You have already said this is your experience too. It is kept on this computer.', needsAttention: true },
  { name: 'a reply and a comment refused', status: { ...base, refused: [{ ...refused('Too long.'), kind: 'reply' }, refused('Too long.')] }, now: NOW, sentence: 'The group store refused 2 comments: Too long. They are kept on this computer.', needsAttention: true },
  { name: 'role changed by a facilitator at the last sync', status: { ...base, connection: { ...connection, role: 'reader', roleChange: { from: 'member', at: minutesAgo(5) } } }, now: NOW, sentence: 'All saved. Your role in the group is now a reader (you can read and export comments)', needsAttention: false },
  { name: 'role changed, comments waiting', status: { ...base, waiting: 1, connection: { ...connection, role: 'facilitator', roleChange: { from: 'member', at: minutesAgo(60) } } }, now: NOW, sentence: '1 comment waiting to send. Your role in the group is now a facilitator (you can comment, invite people and moderate)', needsAttention: true },
  { name: 'role changed more than a day ago: no longer said', status: { ...base, connection: { ...connection, role: 'reader', roleChange: { from: 'member', at: minutesAgo(24 * 60 + 1) } } }, now: NOW, sentence: 'All saved', needsAttention: false },
  { name: 'a refusal recorded from a pull', status: { ...base, lastError: error('forbidden', 'Your role in this group doesn’t allow this.') }, now: NOW, sentence: 'Your role in this group doesn’t allow this.', needsAttention: true },
];
