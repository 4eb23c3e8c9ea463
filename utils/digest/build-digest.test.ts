import { describe, expect, it } from 'vitest';
import { ALL_COMMENTS, ANONYMOUS, OTHER_PASSAGES, buildDigest, redactReply } from './build-digest';
import { HIDDEN_REPLY_LINE, quoteOf, type LeaAnnotation, type LeaReply } from '../model';
import {
  ANONYMOUS_WRITERS,
  CARE_ACT,
  CHILDREN_AND_FAMILIES_ACT,
  DATASET_DOCUMENTS,
  FRANCIS_REPORT,
  HIDDEN_TEXT,
  PRIVATE_TEXT,
  ANONYMOUS_REPLIER,
  CHANGED_TEXT,
  HIDDEN_REPLY_TEXT,
  NOT_CHANGING_TEXT,
  OFFICER,
  REMOVED_COMMENT_REPLY_TEXT,
  REPLY_TO_HIDDEN_COMMENT_TEXT,
  SUPPORTERS,
  WILL_CHANGE_TEXT,
  conversationInput,
  createDataset,
  fixtureText,
} from '../../tests/support/digest-dataset';
import type { Digest, DigestComment } from './types';

const dataset = createDataset();
const generatedAt = new Date('2026-11-23T10:00:00Z');
const group = (extra: Partial<Parameters<typeof buildDigest>[0]> = {}) =>
  buildDigest({ annotations: dataset, documents: DATASET_DOCUMENTS, scope: 'group', generatedAt, groupName: 'NCAG', ...extra });

const allComments = (digest: Digest): DigestComment[] =>
  digest.documents.flatMap((d) => d.sections.flatMap((s) => s.passages.flatMap((p) => p.comments)));

describe('the fixture dataset', () => {
  it('has at least 50 comments on real passages of three fixture documents, one hidden and one private', () => {
    expect(dataset.length).toBeGreaterThanOrEqual(52);
    for (const { annotation } of dataset) {
      expect(fixtureText(annotation.target.source)).toContain(quoteOf(annotation));
    }
    expect(new Set(dataset.map((e) => e.annotation.target.source))).toEqual(new Set([CARE_ACT, CHILDREN_AND_FAMILIES_ACT, FRANCIS_REPORT]));
    expect(dataset.filter((e) => e.hidden)).toHaveLength(1);
    expect(dataset.filter((e) => e.annotation.visibility === 'private')).toHaveLength(1);
    expect(dataset.filter((e) => e.annotation.attribution === 'anonymous').length).toBeGreaterThan(10);
    // Some anonymous annotations still carry their writer's name, so the digest must ignore it.
    expect(dataset.some((e) => e.annotation.attribution === 'anonymous' && e.annotation.creator)).toBe(true);
  });
});

describe('buildDigest', () => {
  it('structures documents → sections → passages → comments in document order', () => {
    const digest = group();
    expect(digest.documents.map((d) => d.title)).toEqual(DATASET_DOCUMENTS.map((d) => d.title));
    const careAct = digest.documents[0]!;
    expect(careAct.sections.map((s) => s.title)).toEqual([
      '1 Promoting individual well-being',
      '2 Preventing needs for care and support',
      '6 Co-operating generally',
      '8 How to meet needs',
      '10 Assessment of a carer’s needs for support',
    ]);
    const wellbeing = careAct.sections[0]!.passages[0]!;
    expect(wellbeing.quote).toBe('is to promote that individual’s well-being');
    // Three comments on the same quote and place are grouped, oldest first; the hidden fourth is not there.
    expect(wellbeing.comments.map((c) => c.author)).toEqual(['Aisha Khan', ANONYMOUS, 'Tom Evans']);
    const positions = careAct.sections.flatMap((s) => s.passages.map((p) => p.start));
    for (const section of careAct.sections) {
      const starts = section.passages.map((p) => p.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    expect(positions.length).toBe(new Set(careAct.sections.flatMap((s) => s.passages.map((p) => `${p.start}:${p.quote}`))).size);
  });

  it('puts comments without a heading under "Other passages" (last), and PDF comments without one under their page', () => {
    const digest = group();
    const cfa = digest.documents[1]!;
    expect(cfa.sections.at(-1)!.title).toBe(OTHER_PASSAGES);
    const francis = digest.documents[2]!;
    expect(francis.sections.map((s) => s.title)).toEqual(['Page 3', 'Recommendation 1: Accountability for implementation of responses']);
    expect(francis.sections[1]!.passages.map((p) => p.page)).toEqual([12, 12, 13, 13, 13]);
  });

  it('leaves out hidden comments with a count, and private ones without trace, in a group digest', () => {
    const digest = group();
    const texts = allComments(digest).map((c) => c.text);
    expect(texts).not.toContain(HIDDEN_TEXT);
    expect(texts).not.toContain(PRIVATE_TEXT);
    expect(digest.hiddenCount).toBe(1);
    expect(digest.summary.comments).toBe(dataset.length - 2);
  });

  it('includes the reader\'s own private comments in a personal digest, marked as only theirs', () => {
    const digest = buildDigest({ annotations: dataset, scope: 'personal', generatedAt });
    const mine = allComments(digest).find((c) => c.text === PRIVATE_TEXT);
    expect(mine?.private).toBe(true);
    expect(allComments(digest).map((c) => c.text)).not.toContain(HIDDEN_TEXT);
  });

  it('never shows a name on an anonymous comment, even when the annotation still carries one', () => {
    const comments = allComments(group());
    const anonymous = comments.filter((c) => c.anonymous);
    expect(anonymous.length).toBeGreaterThan(10);
    for (const c of anonymous) {
      expect(c.author).toBe(ANONYMOUS);
      expect(c.annotation.creator).toBeUndefined();
    }
    for (const name of ANONYMOUS_WRITERS) expect(JSON.stringify(comments)).not.toContain(name);
    // "Named" but without a recorded name: still Anonymous.
    expect(comments.find((c) => c.text.startsWith('Named, but no name'))?.author).toBe(ANONYMOUS);
  });

  it('counts comments by theme (each theme of a comment), by section and by perspective', () => {
    const digest = group();
    const byTheme = Object.fromEntries(digest.summary.byTheme.map((c) => [c.label, c.count]));
    const expected = new Map<string, number>();
    for (const e of dataset) {
      if (e.hidden || e.annotation.visibility === 'private') continue;
      const themes = e.annotation.body.slice(1).map((b) => b.value);
      for (const t of themes.length ? themes : ['No theme']) expected.set(t, (expected.get(t) ?? 0) + 1);
    }
    expect(byTheme).toEqual(Object.fromEntries(expected));
    const counts = digest.summary.byTheme.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(digest.summary.bySection.reduce((n, s) => n + s.count, 0)).toBe(digest.summary.comments);
    expect(digest.summary.byPerspective.reduce((n, s) => n + s.count, 0)).toBe(digest.summary.comments);
  });

  it('filters by document and by theme (case-insensitive), counting only matching hidden comments', () => {
    const francis = group({ filters: { document: FRANCIS_REPORT } });
    expect(francis.documents.map((d) => d.url)).toEqual([FRANCIS_REPORT]);
    expect(francis.hiddenCount).toBe(0);
    expect(francis.filters).toEqual({ document: FRANCIS_REPORT });
    const workforce = group({ filters: { theme: 'workforce' } });
    for (const c of allComments(workforce)) expect(c.themes.map((t) => t.toLowerCase())).toContain('workforce');
    expect(workforce.summary.comments).toBe(workforce.summary.byTheme.find((t) => t.label === 'Workforce')!.count);
    // The title names the theme with the group's label, whatever the filter was spelt.
    expect(workforce.title).toContain('(theme: Workforce)');
    const wellbeing = group({ filters: { theme: 'Wellbeing and independence', document: CARE_ACT } });
    expect(wellbeing.hiddenCount).toBe(1);
    // The filter takes the theme id too.
    expect(group({ filters: { theme: 'workforce' } }).summary.comments).toBe(group({ filters: { theme: 'Workforce' } }).summary.comments);
  });

  it('groups by theme id and prints the group’s labels: a renamed theme renames everywhere, exports carry labels', () => {
    const themes = [
      { id: 'workforce', label: 'People who work in care', retired: false },
      { id: 'wellbeing-and-independence', label: 'Wellbeing and independence', retired: true },
    ];
    const plain = group();
    const renamed = group({ themes });
    const before = plain.summary.byTheme.find((t) => t.label === 'Workforce')!.count;
    expect(renamed.summary.byTheme.find((t) => t.label === 'People who work in care')!.count).toBe(before);
    expect(renamed.summary.byTheme.some((t) => t.label === 'Workforce')).toBe(false);
    // A retired theme still names the comments that have it.
    expect(renamed.summary.byTheme.some((t) => t.label === 'Wellbeing and independence')).toBe(true);
    expect(renamed.summary.answers.rows.map((r) => r.label)).toContain('People who work in care');
    const tagged = allComments(renamed).find((c) => c.themeIds.includes('workforce'))!;
    expect(tagged.themes).toContain('People who work in care');
    expect(tagged.annotation.body.slice(1).map((b) => b.value)).toContain('People who work in care');
    expect(JSON.stringify(tagged.annotation)).not.toContain('"workforce"');
    const filtered = group({ themes, filters: { theme: 'people who work in care' } });
    expect(filtered.summary.comments).toBe(before);
    expect(filtered.title).toContain('(theme: People who work in care)');
  });

  it('falls back to recorded titles, then the address, and sorts documents by title when none are given', () => {
    const digest = buildDigest({ annotations: dataset, scope: 'group', generatedAt });
    // The translator's collation reads numbers as numbers: chapter 6 before chapter 23.
    expect(digest.documents.map((d) => d.title)).toEqual([
      'HC 947 executive summary',
      'https://www.legislation.gov.uk/ukpga/2014/6/part/3/enacted',
      'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
    ]);
  });

  it('makes an empty digest when nothing matches', () => {
    const digest = group({ filters: { theme: 'No such theme' } });
    expect(digest.documents).toEqual([]);
    expect(digest.summary).toEqual({ comments: 0, passages: 0, byTheme: [], bySection: [], byPerspective: [], replies: 0, supports: 0, answers: { statuses: expect.any(Array), rows: [] } });
    expect(digest.ordered).toEqual([]);
    expect(digest.unanswered).toEqual([]);
  });
});

describe('buildDigest with the conversation (replies, answers, supports)', () => {
  const talk = conversationInput();
  const withTalk = (extra: Partial<Parameters<typeof buildDigest>[0]> = {}) => group({ ...talk, ...extra });
  const byId = (digest: Digest, n: number) => allComments(digest).find((c) => c.id === `urn:uuid:0190c7a0-0000-7000-8000-${String(n).padStart(12, '0')}`)!;

  it('gives each comment its thread: two levels, deeper replies flattened at level 2 saying whom they answer', () => {
    const c1 = byId(withTalk(), 1);
    expect(c1.replies.map((r) => [r.level, r.author, r.inReplyTo])).toEqual([
      [1, 'Tom Evans', null],
      [1, `${OFFICER.name} (${OFFICER.jobTitle}, ${OFFICER.organisation})`, null],
      [2, 'Aisha Khan', null],
      [2, `${OFFICER.name} (${OFFICER.jobTitle}, ${OFFICER.organisation})`, 'Aisha Khan'],
      [2, 'A group member', `${OFFICER.name} (${OFFICER.jobTitle}, ${OFFICER.organisation})`],
    ]);
    expect(c1.replies[1]!.answer).toEqual({ status: 'will-change', label: 'We will change this' });
    expect(c1.replies[1]!.text).toBe(WILL_CHANGE_TEXT);
    expect(c1.replyCount).toBe(5);
    expect(c1.supportCount).toBe(3);
  });

  it('takes the newest answer anywhere in the thread as the latest, labelled by the model', () => {
    const c1 = byId(withTalk(), 1);
    expect(c1.latestAnswer).toEqual({
      status: 'changed',
      label: 'This has been changed',
      replyId: expect.stringMatching(/2004$/),
      text: CHANGED_TEXT,
      author: `${OFFICER.name} (${OFFICER.jobTitle}, ${OFFICER.organisation})`,
      created: '2026-11-10T09:00:00.000Z',
    });
    const c4 = byId(withTalk(), 4);
    expect(c4.latestAnswer).toMatchObject({ status: 'noted', label: 'We have noted this', text: '', author: 'Jo Bright (Group facilitator)' });
    expect(byId(withTalk(), 13).latestAnswer).toBeNull();
  });

  it('shows the anonymous comment\'s author as "The author of this comment", a hidden reply only as the model\'s line', () => {
    const c2 = byId(withTalk(), 2);
    expect(c2.replies.map((r) => [r.level, r.author, r.hidden])).toEqual([
      [1, 'The author of this comment', false],
      [1, `${OFFICER.name} (${OFFICER.jobTitle}, ${OFFICER.organisation})`, false],
      [1, '', true],
      [2, 'Gareth Jones', false],
    ]);
    const hidden = c2.replies[2]!;
    expect(hidden).toMatchObject({ text: HIDDEN_REPLY_LINE, annotation: null, answer: null });
    expect(c2.replyCount).toBe(3);
    expect(c2.latestAnswer?.text).toBe(NOT_CHANGING_TEXT);
    const json = JSON.stringify(withTalk());
    expect(json).not.toContain(HIDDEN_REPLY_TEXT);
  });

  it('never keeps a name the replier did not show, nor any supporter, anywhere in the model', () => {
    const json = JSON.stringify(withTalk());
    for (const name of [...ANONYMOUS_WRITERS, ANONYMOUS_REPLIER, ...SUPPORTERS]) expect(json, name).not.toContain(name);
    for (const r of allComments(withTalk()).flatMap((c) => c.replies)) {
      if (r.annotation && (r.annotation.attribution === 'anonymous' || r.annotation.byCommentAuthor)) expect(r.annotation.creator).toBeUndefined();
    }
  });

  it('leaves out replies to removed comments and counts them; replies to hidden comments are neither shown nor counted', () => {
    const digest = withTalk();
    expect(digest.removedCommentReplies).toBe(2);
    const json = JSON.stringify(digest.documents);
    expect(json).not.toContain(REMOVED_COMMENT_REPLY_TEXT);
    expect(json).not.toContain(REPLY_TO_HIDDEN_COMMENT_TEXT);
    expect(withTalk({ filters: { document: CARE_ACT } }).removedCommentReplies).toBe(2);
    expect(withTalk({ filters: { document: FRANCIS_REPORT } }).removedCommentReplies).toBe(0);
    // Their comment's theme is not known: a theme filter counts none.
    expect(withTalk({ filters: { theme: 'Workforce' } }).removedCommentReplies).toBe(0);
    expect(digest.hiddenReplyCount).toBe(1);
  });

  it('counts answers by status × theme (each theme of a comment), with a row of every comment once', () => {
    const digest = withTalk();
    const { statuses, rows } = digest.summary.answers;
    expect(statuses.map((s) => s.label)).toEqual(['We have noted this', 'We will change this', 'This has been changed', 'We are not changing this']);
    expect(rows.map((r) => r.label)).toEqual([...digest.summary.byTheme.map((t) => t.label), ALL_COMMENTS]);
    expect(rows.at(-1)).toEqual({ label: ALL_COMMENTS, byStatus: [1, 0, 1, 1], notAnswered: 50, total: 53 });
    const wellbeing = rows.find((r) => r.label === 'Wellbeing and independence')!;
    expect(wellbeing.byStatus).toEqual([1, 0, 1, 1]);
    expect(rows.find((r) => r.label === 'Information and advice')!.byStatus).toEqual([0, 0, 0, 1]);
    for (const r of rows) expect(r.byStatus.reduce((a, b) => a + b, 0) + r.notAnswered).toBe(r.total);
    expect(digest.summary.replies).toBe(10);
    expect(digest.summary.supports).toBe(11);
  });

  it('lists the comments not answered yet, in the digest\'s order', () => {
    const digest = withTalk();
    expect(digest.unanswered).toHaveLength(50);
    expect(digest.unanswered.every((p) => p.comment.latestAnswer === null)).toBe(true);
    const order = digest.ordered.map((p) => p.comment.id);
    const positions = digest.unanswered.map((p) => order.indexOf(p.comment.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('sorts most supported first with sort "support", ties in document order; document order otherwise', () => {
    const byDocument = withTalk();
    expect(byDocument.sort).toBe('document');
    expect(byDocument.ordered.map((p) => p.comment)).toEqual(allComments(byDocument));
    const bySupport = withTalk({ sort: 'support' });
    const counts = bySupport.ordered.map((p) => p.comment.supportCount);
    expect(counts.slice(0, 5)).toEqual([5, 3, 2, 1, 0]);
    const zeros = bySupport.ordered.filter((p) => p.comment.supportCount === 0).map((p) => p.comment.id);
    expect(zeros).toEqual(allComments(byDocument).filter((c) => c.supportCount === 0).map((c) => c.id));
    expect(bySupport.unanswered[0]!.comment.supportCount).toBe(2);
  });

  it('claims nothing about replies, answers or supports when made without the conversation', () => {
    const digest = group();
    expect(digest.conversation).toBe(false);
    expect(allComments(digest).every((c) => c.replies.length === 0 && c.supportCount === 0 && c.latestAnswer === null)).toBe(true);
    expect(withTalk().conversation).toBe(true);
  });

  it('drops the creator of an anonymous reply for export (redactReply)', () => {
    const leaky = talk.conversation.find((i) => i.motivation === 'replying' && i.attribution === 'anonymous' && i.creator) as LeaReply;
    expect(leaky).toBeDefined();
    expect(redactReply(leaky).creator).toBeUndefined();
    const named = talk.conversation.find((i) => i.motivation === 'replying' && i.attribution === 'named') as LeaReply;
    expect(redactReply(named)).toBe(named);
  });
});

describe('buildDigest given every synced item as a comment', () => {
  it('treats replies and supports among the comments as the conversation', () => {
    const talk = conversationInput();
    const mixed = buildDigest({
      annotations: [...createDataset(), ...talk.conversation.map((item) => ({ annotation: item as unknown as LeaAnnotation }))],
      hiddenReplies: talk.hiddenReplies,
      documents: DATASET_DOCUMENTS,
      scope: 'group',
      generatedAt,
      groupName: 'NCAG',
    });
    expect(mixed).toEqual(group(talk));
  });
});
