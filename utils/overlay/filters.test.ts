import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildThreads, NOT_ANSWERED } from '../conversation/build-thread';
import { commentFixture } from '../conversation/conversation-fixtures';
import { buildReply } from '../model';
import { answerFacet, CommentFiltersSchema, filterComments, NO_FILTERS, showsEverything } from './filters';

const uuid = (n: number) => `urn:uuid:00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const answered = commentFixture(uuid(1));
const quiet = commentFixture(uuid(2));
const answer = buildReply({ id: uuid(3), now: new Date('2026-11-03T10:00:00Z'), parentId: answered.id, draft: { text: 'Yes', answer: 'will-change', attribution: 'named' }, authorName: 'Sam' });
if (!answer.ok) throw new Error(answer.problems.join());
const threads = buildThreads([answered, quiet, answer.value]);
const items = [answered, quiet].map((annotation) => ({ annotation }));

describe('the answer filter', () => {
  it('keeps comments by the answer they got (with threads), and counts each choice', () => {
    expect(filterComments(items, { ...NO_FILTERS, answer: NOT_ANSWERED }, threads).map((i) => i.annotation.id)).toEqual([quiet.id]);
    expect(filterComments(items, { ...NO_FILTERS, answer: 'will-change' }, threads).map((i) => i.annotation.id)).toEqual([answered.id]);
    expect(filterComments(items, { ...NO_FILTERS, answer: 'changed' }, threads)).toEqual([]);
    expect(filterComments(items, NO_FILTERS, threads)).toHaveLength(2);
    expect(answerFacet([answered, quiet], threads, NO_FILTERS).map((o) => `${o.label} (${o.count})`)).toEqual([
      'Not answered yet (1)',
      'We have noted this (0)',
      'We will change this (1)',
      'This has been changed (0)',
      'We are not changing this (0)',
    ]);
  });

  it('counts as "any answer" on the page, which follows the ids the panel shows', () => {
    const forPage = v.parse(CommentFiltersSchema, { ...NO_FILTERS, answer: NOT_ANSWERED, only: [quiet.id] });
    expect(showsEverything(forPage)).toBe(false);
    expect(filterComments(items, forPage).map((i) => i.annotation.id)).toEqual([quiet.id]);
    expect(showsEverything({ ...NO_FILTERS, answer: 'noted' })).toBe(false);
    expect(showsEverything(NO_FILTERS)).toBe(true);
  });

  it('accepts filters from an older panel without an answer, and refuses unknown statuses', () => {
    const { answer: _answer, ...old } = NO_FILTERS;
    expect(v.parse(CommentFiltersSchema, old).answer).toBe('');
    expect(v.safeParse(CommentFiltersSchema, { ...NO_FILTERS, answer: 'ignored' }).success).toBe(false);
  });
});
