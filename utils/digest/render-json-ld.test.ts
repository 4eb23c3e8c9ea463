import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, checkAnnotation } from '../model/annotation';
import { buildDigest } from './build-digest';
import { renderJsonLd } from './render-json-ld';
import { checkReply } from '../model/conversation';
import {
  ANONYMOUS_REPLIER,
  ANONYMOUS_WRITERS,
  DATASET_DOCUMENTS,
  HIDDEN_REPLY_TEXT,
  HIDDEN_TEXT,
  PRIVATE_TEXT,
  SCRIPT_COMMENT,
  SUPPORTERS,
  conversationInput,
  createDataset,
} from '../../tests/support/digest-dataset';

const dataset = createDataset();
const digest = buildDigest({ annotations: dataset, documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });
const collection = JSON.parse(renderJsonLd(digest, { id: 'https://store.example/api/groups/g1/digest?format=jsonld' }));

/** W3C motivations (Web Annotation Vocabulary §3.3.5). */
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const isIri = (value: unknown) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(value);
const contextHasAnno = (context: unknown) => context === ANNO_CONTEXT || (Array.isArray(context) && context[0] === ANNO_CONTEXT);

/** The Web Annotation Data Model's MUSTs for one annotation (§3.1, §3.2, §4). */
function annotationProblems(a: Record<string, any>): string[] {
  const problems: string[] = [];
  if (!contextHasAnno(a['@context'])) problems.push('@context must be (or start with) the anno context');
  if (!isIri(a.id)) problems.push('id must be an IRI');
  if (a.type !== 'Annotation' && !(Array.isArray(a.type) && a.type.includes('Annotation'))) problems.push('type must include Annotation');
  const targets = Array.isArray(a.target) ? a.target : [a.target];
  if (!a.target || targets.length === 0) problems.push('target is required');
  for (const t of targets) {
    if (typeof t === 'string' ? !isIri(t) : !isIri(t?.source)) problems.push('each target must be an IRI or have a source IRI');
    for (const s of [t?.selector ?? []].flat()) if (typeof s?.type !== 'string') problems.push('each selector needs a type');
  }
  for (const b of [a.body ?? []].flat()) {
    if (b.type === 'TextualBody' && typeof b.value !== 'string') problems.push('a TextualBody needs a value');
  }
  if (a.motivation !== undefined && !MOTIVATIONS.includes(a.motivation)) problems.push(`unknown motivation ${a.motivation}`);
  for (const key of ['created', 'modified']) if (a[key] !== undefined && Number.isNaN(Date.parse(a[key]))) problems.push(`${key} must be a date`);
  if (a.creator !== undefined && a.creator.type !== 'Person') problems.push('creator must be a Person');
  return problems;
}

describe('renderJsonLd', () => {
  it('is an AnnotationCollection with its first page embedded (Data Model §5)', () => {
    expect(contextHasAnno(collection['@context'])).toBe(true);
    expect(collection.id).toBe('https://store.example/api/groups/g1/digest?format=jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.label).toBe(digest.title);
    expect(collection.total).toBe(digest.summary.comments);
    const page = collection.first;
    expect(page.type).toBe('AnnotationPage');
    expect(isIri(page.id)).toBe(true);
    expect(page.partOf).toBe(collection.id);
    expect(page.startIndex).toBe(0);
    expect(page.items).toHaveLength(collection.total);
    expect(collection.last).toBe(page.id);
    expect(page.next).toBeUndefined();
  });

  it('holds only valid W3C annotations that are also valid extension comments', () => {
    for (const item of collection.first.items) {
      expect(annotationProblems(item), item.id).toEqual([]);
      expect(checkAnnotation(item).ok, item.id).toBe(true);
    }
  });

  it('drops the creator of anonymous comments, and leaves hidden and private ones out', () => {
    const items: Record<string, any>[] = collection.first.items;
    const anonymous = items.filter((a) => a.attribution === 'anonymous');
    expect(anonymous.length).toBeGreaterThan(10);
    for (const a of anonymous) expect(a).not.toHaveProperty('creator');
    const texts = items.map((a) => a.body[0].value);
    expect(texts).not.toContain(HIDDEN_TEXT);
    expect(texts).not.toContain(PRIVATE_TEXT);
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
  });

  it('writes < > & as \\u escapes, so no comment can close a script element the JSON is embedded in', () => {
    const text = renderJsonLd(digest);
    expect(text).not.toMatch(/[<>&]/);
    const script = JSON.parse(text).first.items.map((a: { body: { value: string }[] }) => a.body[0]!.value);
    expect(script).toContain(SCRIPT_COMMENT);
  });

  it('has a default collection IRI when none is given', () => {
    const plain = JSON.parse(renderJsonLd(digest));
    expect(isIri(plain.id)).toBe(true);
    expect(isIri(plain.first.id)).toBe(true);
  });
});

describe('renderJsonLd with the conversation', () => {
  const talk = buildDigest({ annotations: dataset, ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z') });
  const text = renderJsonLd(talk, { id: 'https://store.example/api/groups/g1/digest?format=jsonld' });
  const withTalk = JSON.parse(text);
  const items: Record<string, any>[] = withTalk.first.items;
  const replies = items.filter((a) => a.motivation === 'replying');

  it('puts each comment\'s shown replies after it as W3C replies (motivation replying, target what they answer)', () => {
    expect(replies).toHaveLength(talk.summary.replies);
    expect(withTalk.total).toBe(items.length);
    expect(items.length).toBe(talk.summary.comments + talk.summary.replies);
    for (const r of replies) {
      expect(annotationProblems(r), r.id).toEqual([]);
      expect(checkReply(r).ok, r.id).toBe(true);
    }
    const c1 = items.findIndex((a) => a.id.endsWith('000000000001'));
    expect(items.slice(c1 + 1, c1 + 6).map((a) => a.motivation)).toEqual(Array(5).fill('replying'));
    expect(items[c1 + 1]!.target).toBe(items[c1]!.id);
    const ids = new Set(items.map((a) => a.id));
    // Every reply targets a comment or a reply in the collection, except the one under the hidden reply.
    expect(replies.filter((r) => !ids.has(r.target)).map((r) => r.body[0].value)).toEqual(['Please keep names out of it.']);
  });

  it('counts supports per comment without who, and leaves hidden replies and supports out', () => {
    expect(items.some((a) => a.motivation === 'assessing')).toBe(false);
    expect(withTalk['lea:supportCounts']).toEqual([
      { target: items.find((a) => a.id.endsWith('000000000001'))!.id, 'lea:count': 3 },
      { target: items.find((a) => a.id.endsWith('000000000002'))!.id, 'lea:count': 5 },
      { target: items.find((a) => a.id.endsWith('000000000004'))!.id, 'lea:count': 1 },
      { target: items.find((a) => a.id.endsWith('000000000013'))!.id, 'lea:count': 2 },
    ]);
    for (const name of [...SUPPORTERS, ANONYMOUS_REPLIER, ...ANONYMOUS_WRITERS]) expect(text, name).not.toContain(name);
    expect(text).not.toContain(HIDDEN_REPLY_TEXT.slice(0, 12));
    for (const r of replies.filter((x) => x.attribution === 'anonymous')) expect(r).not.toHaveProperty('creator');
    expect(text).not.toMatch(/[<>&]/);
  });
});
