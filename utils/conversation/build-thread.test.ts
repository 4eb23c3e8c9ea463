import { describe, expect, it } from 'vitest';
import { buildReply, buildSupport, type LeaItem, type LeaReply } from '../model';
import { translator } from '../i18n/translate';
import { buildThreads, matchesAnswerFilter, replyAuthorLabel, replyAuthorOf, sortBySupport, threadLines } from './build-thread';
import { commentFixture } from './conversation-fixtures';

let clock = Date.parse('2026-11-01T10:00:00Z');
const uuid = (n: number) => `urn:uuid:00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
function reply(n: number, parent: string, text: string, answer: LeaReply['body'] extends unknown ? 'noted' | 'will-change' | 'changed' | 'not-changing' | null : never = null): LeaReply {
  clock += 60_000;
  const r = buildReply({ id: uuid(n), now: new Date(clock), parentId: parent, draft: { text, answer, attribution: 'named' }, authorName: `Person ${n}` });
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.value;
}

describe('buildThreads', () => {
  const comment = commentFixture(uuid(1));
  it('puts replies under their comment, nested by target, in time order', () => {
    const a = reply(2, comment.id, 'first');
    const b = reply(3, a.id, 'to first');
    const c = reply(4, comment.id, 'second');
    const threads = buildThreads([c, b, comment, a]);
    const thread = threads.get(comment.id)!;
    expect(thread.replyCount).toBe(3);
    expect(thread.replies.map((n) => n.id)).toEqual([a.id, c.id]);
    expect(thread.replies[0]!.children.map((n) => n.id)).toEqual([b.id]);
  });

  it('shows two levels and flattens deeper replies under their level-2 ancestor', () => {
    const l1 = reply(10, comment.id, 'l1');
    const l2 = reply(11, l1.id, 'l2');
    const l3 = reply(12, l2.id, 'l3');
    const l4 = reply(13, l3.id, 'l4');
    const lines = threadLines(buildThreads([comment, l1, l2, l3, l4]).get(comment.id)!);
    expect(lines.map((l) => [l.node.id, l.level, l.inReplyTo?.id ?? null])).toEqual([
      [l1.id, 1, null],
      [l2.id, 2, null],
      [l3.id, 2, l2.id],
      [l4.id, 2, l3.id],
    ]);
  });

  it('counts supports, finds my own, and takes the newest answer', () => {
    const s1 = buildSupport({ id: uuid(20), now: new Date(clock), targetId: comment.id, named: false, authorName: '' });
    const s2 = buildSupport({ id: uuid(21), now: new Date(clock), targetId: comment.id, named: true, authorName: 'Bob' });
    if (!s1.ok || !s2.ok) throw new Error('support');
    const noted = reply(22, comment.id, 'We have read this', 'noted');
    const will = reply(23, noted.id, 'We will change clause 1', 'will-change');
    const thread = buildThreads([comment, s1.value, s2.value, noted, will], { mySupportIds: new Set([s2.value.id]) }).get(comment.id)!;
    expect(thread.supportCount).toBe(2);
    expect(thread.mySupportId).toBe(s2.value.id);
    expect(thread.latestAnswer?.status).toBe('will-change');
    expect(matchesAnswerFilter(thread, 'will-change')).toBe(true);
    expect(matchesAnswerFilter(thread, 'not-answered')).toBe(false);
  });

  it('keeps replies to a removed comment readable, and places hidden replies', () => {
    const orphan = reply(30, uuid(99), 'still here');
    const threads = buildThreads([orphan], { hidden: [{ id: uuid(31), target: orphan.id, created: '2026-12-01T00:00:00Z' }] });
    const thread = threads.get(uuid(99))!;
    expect(thread.comment).toBeNull();
    expect(thread.replies[0]!.children[0]).toMatchObject({ id: uuid(31), hidden: true, reply: null });
    expect(thread.hiddenComment).toBe(false);
  });

  it('tells a comment a facilitator hid from one its author removed', () => {
    const r = reply(32, uuid(98), 'under a hidden comment');
    expect(buildThreads([r], { hiddenComments: [uuid(98)] }).get(uuid(98))!.hiddenComment).toBe(true);
  });

  it('survives a cycle of replies', () => {
    const x = reply(40, uuid(41), 'x');
    const y = { ...reply(41, uuid(40), 'y') } as LeaItem;
    expect(() => buildThreads([x, y])).not.toThrow();
  });

  it('adds supports counted elsewhere to the ones given', () => {
    const s = buildSupport({ id: uuid(60), now: new Date(clock), targetId: comment.id, named: false, authorName: '' });
    if (!s.ok) throw new Error('support');
    const thread = buildThreads([comment, s.value], { mySupportIds: new Set([s.value.id]), supportCounts: { [comment.id]: 4 } }).get(comment.id)!;
    expect(thread.supportCount).toBe(5);
    expect(thread.mySupportId).toBe(s.value.id);
  });

  it('sorts by most supported', () => {
    expect(sortBySupport([{ supportCount: 1, n: 'a' }, { supportCount: 3, n: 'b' }, { supportCount: 1, n: 'c' }]).map((t) => t.n)).toEqual(['b', 'a', 'c']);
  });
});

describe('reply rules', () => {
  it('refuses "not changing" without a reason and an anonymous answer', () => {
    const r = buildReply({ id: uuid(50), now: new Date(), parentId: uuid(1), draft: { text: ' ', answer: 'not-changing', attribution: 'named' }, authorName: 'Officer' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join(' ')).toContain('Please say why');
    const anon = buildReply({ id: uuid(51), now: new Date(), parentId: uuid(1), draft: { text: 'ok', answer: 'noted', attribution: 'named' }, authorName: '' });
    expect(anon.ok).toBe(false);
  });
  it('makes the anonymous author of a comment "the author of this comment"', () => {
    const r = buildReply({ id: uuid(52), now: new Date(), parentId: uuid(1), draft: { text: 'thanks', answer: null, attribution: 'named' }, authorName: 'Alice', byCommentAuthor: true });
    expect(r.ok && r.value.creator).toBe(undefined);
    expect(r.ok && r.value.attribution).toBe('anonymous');
  });
});

describe('replyAuthorLabel', () => {
  const en = translator('en-GB').t;
  const cy = translator('cy').t;
  it('names the writer as the thread shows them, in the reader’s language', () => {
    const named = { ...reply(90, uuid(1), 'x', 'noted'), creator: { type: 'Person' as const, name: 'Sam Jones', jobTitle: 'Policy officer', organisation: 'DHSC' } };
    expect(replyAuthorLabel(en, named)).toBe('Sam Jones (Policy officer, DHSC)');
    expect(replyAuthorOf({ ...named, attribution: 'anonymous' })).toEqual({ as: 'member' });
    expect(replyAuthorLabel(en, { as: 'member' })).toBe('A group member');
    expect(replyAuthorLabel(cy, { as: 'member' })).toBe('Aelod o’r grŵp');
    expect(replyAuthorLabel(cy, { ...named, byCommentAuthor: true })).toBe('Awdur y sylw hwn');
  });
});
