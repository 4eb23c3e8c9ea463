import { describe, expect, it } from 'vitest';
import { ANONYMOUS, OTHER_PASSAGES, buildDigest } from './build-digest';
import { quoteOf } from '../model';
import {
  ANONYMOUS_WRITERS,
  CARE_ACT,
  CHILDREN_AND_FAMILIES_ACT,
  DATASET_DOCUMENTS,
  FRANCIS_REPORT,
  HIDDEN_TEXT,
  PRIVATE_TEXT,
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
    expect(workforce.title).toContain('workforce');
    const wellbeing = group({ filters: { theme: 'Wellbeing and independence', document: CARE_ACT } });
    expect(wellbeing.hiddenCount).toBe(1);
  });

  it('falls back to recorded titles, then the address, and sorts documents by title when none are given', () => {
    const digest = buildDigest({ annotations: dataset, scope: 'group', generatedAt });
    expect(digest.documents.map((d) => d.title)).toEqual([
      'HC 947 executive summary',
      'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
      'https://www.legislation.gov.uk/ukpga/2014/6/part/3/enacted',
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
