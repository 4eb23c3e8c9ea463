import { describe, expect, it } from 'vitest';
import { NOT_ANSWERED } from '../conversation/build-thread';
import { passageKey } from '../overlay/filters';
import { translator } from '../i18n/translate';
import { buildDigest } from './build-digest';
import { renderMarkdown } from './render-markdown';
import { conversationInput, createDataset, DATASET_DOCUMENTS } from '../../tests/support/digest-dataset';
import type { DigestInput } from './types';

// The side panel's filters (perspective, kind, author, days, answer, passages with N comments)
// applied to the digest by the same rule the panel uses (utils/overlay/filters.ts), and said
// in the digest's scope lines, so an officer's download is what they filtered on screen.
const base = (): DigestInput => ({ ...conversationInput(), annotations: createDataset(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z') });

describe('digest filters beyond document and theme', () => {
  const all = buildDigest(base());
  const comments = all.ordered.map((p) => p.comment);

  it('keeps only the perspective, kind and author asked for', () => {
    const carer = buildDigest({ ...base(), filters: { perspective: 'carer' } });
    expect(carer.summary.comments).toBe(comments.filter((c) => c.perspective === 'carer').length);
    expect(carer.summary.comments).toBeGreaterThan(0);
    expect(carer.ordered.every((p) => p.comment.perspective === 'carer')).toBe(true);
    const question = buildDigest({ ...base(), filters: { kind: 'question' } });
    expect(question.ordered.every((p) => p.comment.kind === 'question')).toBe(true);
    const named = comments.find((c) => !c.anonymous)!.author;
    const byOne = buildDigest({ ...base(), filters: { author: named } });
    expect(byOne.ordered.map((p) => p.comment.author)).toEqual(comments.filter((c) => c.author === named).map((c) => c.author));
    // "Anonymous" finds the anonymous comments, and never shows a name.
    const anonymous = buildDigest({ ...base(), filters: { author: 'Anonymous' } });
    expect(anonymous.summary.comments).toBe(comments.filter((c) => c.anonymous).length);
  });

  it('keeps comments written between two days, and those not answered yet, or with one answer', () => {
    const days = [...new Set(comments.map((c) => c.created.slice(0, 10)))].sort();
    const from = days[Math.floor(days.length / 2)]!;
    const later = buildDigest({ ...base(), filters: { from } });
    expect(later.summary.comments).toBe(comments.filter((c) => c.created.slice(0, 10) >= from).length);
    const waiting = buildDigest({ ...base(), filters: { answer: NOT_ANSWERED } });
    expect(waiting.summary.comments).toBe(comments.filter((c) => c.latestAnswer === null).length);
    expect(waiting.summary.comments).toBeLessThan(comments.length);
    const changing = buildDigest({ ...base(), filters: { answer: 'will-change' } });
    expect(changing.ordered.every((p) => p.comment.latestAnswer?.status === 'will-change')).toBe(true);
  });

  it('keeps passages with at least N comments', () => {
    const busy = buildDigest({ ...base(), filters: { minPerPassage: 2 } });
    // A passage is its quote at its place on one document (two comments on it may sit under
    // different section headings when one of them recorded none).
    const perPassage = new Map<string, number>();
    for (const p of busy.ordered) {
      const key = `${p.document.url} ${passageKey(p.comment.annotation)}`;
      perPassage.set(key, (perPassage.get(key) ?? 0) + 1);
    }
    expect([...perPassage.values()].every((n) => n >= 2)).toBe(true);
    expect(busy.summary.comments).toBeGreaterThan(0);
    expect(busy.summary.comments).toBeLessThan(comments.length);
  });

  it('says which filters it was made with, in the digest’s language', () => {
    const md = renderMarkdown(buildDigest({ ...base(), filters: { perspective: 'carer', answer: NOT_ANSWERED, minPerPassage: 3 } }));
    expect(md).toContain('Only comments that are: from the perspective “I am a carer”; not answered yet; on passages with at least 3 comments.');
    const cy = renderMarkdown(buildDigest({ ...base(), i18n: translator('cy'), filters: { from: '2026-11-01' } }));
    expect(cy).toContain('Dim ond sylwadau sydd: wedi’u hysgrifennu ar 1 Tachwedd 2026 neu wedyn.');
    expect(renderMarkdown(all)).not.toContain('Only comments that are');
  });
});

describe('digest filters are text in every format', () => {
  it('an author filter with markup in it is printed as text in the HTML and Markdown scope lines', async () => {
    const { renderHtml } = await import('./render-html');
    const digest = buildDigest({ ...base(), filters: { author: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' } });
    const html = renderHtml(digest);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).toContain('by &lt;img src=x onerror=alert(1)&gt;');
    expect(renderMarkdown(digest)).not.toContain('](javascript:');
  });
});
