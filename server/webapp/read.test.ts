import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, LEA_CONTEXT, type LeaAnnotation } from '../../utils/model/annotation';
import { buildReply, editReply } from '../../utils/model';
import type { ReadItem } from '../../utils/webapp/read-types';
import { groupBySection, modelOf, modelWithChanges } from './read';

const STAMP = '2026-11-23T12:00:00.000Z';
function comment(n: number, start: number, section?: string): LeaAnnotation {
  return {
    '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
    id: `urn:uuid:0190a1b2-0000-7000-8000-00000000000${n}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: STAMP,
    modified: STAMP,
    body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: `Comment ${n}` }],
    target: { source: 'https://example.org/a', selector: [{ type: 'TextQuoteSelector', exact: `quote ${n}` }, { type: 'TextPositionSelector', start, end: start + 7 }] },
    perspective: 'carer',
    visibility: 'group',
    attribution: 'anonymous',
    ...(section ? { section } : {}),
  };
}
const item = (annotation: { id: string }, extra: Partial<ReadItem> = {}): ReadItem => ({ id: annotation.id, kind: 'comment', revision: '1', annotation: annotation as unknown as Record<string, unknown>, hidden: null, ...extra });

describe('the document page model', () => {
  it('puts comments in document order and builds their threads, hidden replies in their place', () => {
    const a = comment(1, 500, 'Section 2');
    const b = comment(2, 10, 'Section 1');
    const reply = buildReply({ id: 'urn:uuid:0190a1b2-0000-7000-8000-000000000009', now: new Date(STAMP), parentId: b.id, draft: { text: 'Me too', answer: 'noted', attribution: 'named' }, authorName: 'Olivia' });
    if (!reply.ok) throw new Error(reply.problems.join());
    const model = modelOf({
      items: [item(a, { mine: true }), item(b), item(reply.value, { kind: 'answer' }), { id: 'urn:uuid:0190a1b2-0000-7000-8000-000000000008', kind: 'reply', revision: '1', annotation: null, hidden: { reason: 'rude' }, target: a.id, created: STAMP }],
      supportCounts: { [a.id]: 3 },
      mySupports: [],
      hidden: [],
    });
    expect(model.comments.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(model.threads.get(b.id)?.latestAnswer?.status).toBe('noted');
    expect(model.threads.get(a.id)?.supportCount).toBe(3);
    expect(model.threads.get(a.id)?.replies[0]?.hidden).toBe(true);
    expect(model.mine.has(a.id)).toBe(true);
  });

  it('adds what was just sent and leaves out a support taken back', () => {
    const a = comment(1, 0);
    const reply = buildReply({ id: 'urn:uuid:0190a1b2-0000-7000-8000-000000000007', now: new Date(STAMP), parentId: a.id, draft: { text: 'Thanks', answer: null, attribution: 'anonymous' }, authorName: '' });
    if (!reply.ok) throw new Error(reply.problems.join());
    const model = modelWithChanges({ items: [item(a)], supportCounts: {}, mySupports: [], hidden: [] }, [reply.value], new Set());
    expect(model.threads.get(a.id)?.replyCount).toBe(1);
    expect(modelWithChanges({ items: [item(a)], supportCounts: {}, mySupports: [], hidden: [] }, [reply.value], new Set([reply.value.id])).threads.get(a.id)?.replyCount).toBe(0);
  });

  it('shows a reply changed here in place of the version read, and never an older one over a newer', () => {
    const a = comment(1, 0);
    const built = buildReply({ id: 'urn:uuid:0190a1b2-0000-7000-8000-000000000008', now: new Date(STAMP), parentId: a.id, draft: { text: 'Six weeks', answer: null, attribution: 'anonymous' }, authorName: '' });
    if (!built.ok) throw new Error(built.problems.join());
    const changed = editReply(built.value, { text: 'Eleven weeks', answer: null }, new Date(Date.parse(STAMP) + 60_000));
    if (!changed.ok) throw new Error(changed.problems.join());
    const read = { items: [item(a), item(built.value)], supportCounts: {}, mySupports: [], hidden: [] };
    const texts = (m: ReturnType<typeof modelWithChanges>) => m.items.filter((i) => i.id === built.value.id).map((i) => (i.body as { value: string }[])[0]!.value);
    expect(texts(modelWithChanges(read, [changed.value], new Set()))).toEqual(['Eleven weeks']);
    // The store's read already has the change; an older version held here does not win.
    const readLater = { ...read, items: [item(a), item(changed.value)] };
    expect(texts(modelWithChanges(readLater, [built.value], new Set()))).toEqual(['Eleven weeks']);
  });

  it('groups consecutive comments by section', () => {
    const groups = groupBySection([comment(1, 0, 'One'), comment(2, 1, 'One'), comment(3, 2), comment(4, 3, 'One')], (c) => c.section, 'No section heading');
    expect(groups.map((g) => [g.section, g.items.length])).toEqual([['One', 2], ['No section heading', 1], ['One', 1]]);
  });
});
