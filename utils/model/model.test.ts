import { describe, expect, it } from 'vitest';
import {
  ANNO_CONTEXT,
  LEA_CONTEXT,
  buildAnnotation,
  checkAnnotation,
  commentText,
  createAnnotationId,
  draftFromAnnotation,
  kindOf,
  themesOf,
  updateAnnotation,
  type CommentDraft,
  type CommentTarget,
  type TextPositionSelector,
  passageOf,
  pdfPageSelector,
} from './index';

const fixedRandom = (bytes: Uint8Array) => bytes.fill(0xab);
const target: CommentTarget = {
  source: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'promote that individual’s well-being', prefix: 'is to ', suffix: '.' },
    { type: 'TextPositionSelector', start: 120, end: 156 },
  ],
  section: '1 Promoting individual well-being',
};
const draft: CommentDraft = {
  text: 'My well-being depends on having **control** over my support.',
  themes: ['wellbeing-and-independence', 'workforce'],
  perspective: 'uses-care',
  attribution: 'named',
  visibility: 'group',
  kind: 'question',
};

function build(overrides: Partial<CommentDraft> = {}, authorName = 'Sam') {
  return buildAnnotation({
    id: createAnnotationId(Date.UTC(2026, 10, 23), fixedRandom),
    now: new Date(Date.UTC(2026, 10, 23, 12)),
    draft: { ...draft, ...overrides },
    target,
    authorName,
  });
}

describe('annotation model', () => {
  it('builds a W3C annotation with themes as tagging bodies and kind as motivation', () => {
    const result = build();
    if (!result.ok) throw new Error(result.problems.join());
    const a = result.value;
    expect(a['@context']).toEqual([ANNO_CONTEXT, LEA_CONTEXT]);
    expect(a.type).toBe('Annotation');
    expect(a.motivation).toBe('questioning');
    expect(a.body.slice(1)).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'wellbeing-and-independence' },
      { type: 'TextualBody', purpose: 'tagging', value: 'workforce' },
    ]);
    expect(a.creator).toEqual({ type: 'Person', name: 'Sam' });
    expect(a.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kindOf(a)).toBe('question');
    expect(themesOf(a)).toEqual(['wellbeing-and-independence', 'workforce']);
  });

  it('never stores a name on an anonymous comment', () => {
    const result = build({ attribution: 'anonymous' });
    expect(result.ok && result.value.creator).toBe(undefined);
    expect(JSON.stringify(result)).not.toContain('Sam');
  });

  it('stores "named" without a display name as anonymous rather than inventing a name', () => {
    const result = build({}, '   ');
    expect(result.ok && result.value.attribution).toBe('anonymous');
  });

  it('rejects an empty comment with a plain-English reason', () => {
    const result = build({ text: '   ' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join()).toContain('Please write something');
  });

  it('rejects a quote over 5,000 characters with the limit in words', () => {
    const long = buildAnnotation({
      id: createAnnotationId(0, fixedRandom),
      now: new Date(0),
      draft,
      target: { ...target, selectors: [{ type: 'TextQuoteSelector', exact: 'x'.repeat(5001) }, target.selectors[1] as TextPositionSelector] },
      authorName: 'Sam',
    });
    expect(!long.ok && long.problems.join()).toContain('please select 5000 characters or fewer.');
  });

  it('keeps HTML in comment text as text (it is escaped when rendered, not stripped here)', () => {
    const result = build({ text: '<script>alert(1)</script> my view' });
    expect(result.ok && commentText(result.value)).toBe('<script>alert(1)</script> my view');
  });

  it('edits keep id, target and created date, and can switch to anonymous', () => {
    const first = build();
    if (!first.ok) throw new Error('build failed');
    const edited = updateAnnotation(first.value, { ...draft, attribution: 'anonymous', text: 'Changed' }, new Date(Date.UTC(2027, 0, 1)), 'Sam');
    if (!edited.ok) throw new Error(edited.problems.join());
    expect(edited.value.id).toBe(first.value.id);
    expect(edited.value.created).toBe(first.value.created);
    expect(edited.value.modified).toBe('2027-01-01T00:00:00.000Z');
    expect(edited.value.creator).toBeUndefined();
    expect(draftFromAnnotation(edited.value)).toEqual({ ...draft, attribution: 'anonymous', text: 'Changed' });
  });

  it('names the failing field when a stored record is damaged', () => {
    const result = checkAnnotation({ type: 'Annotation', id: 'nope' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.some((p) => p.includes('(at id)'))).toBe(true);
  });

  it('keeps a comment on a whole PDF page as a W3C FragmentSelector and reads it back as that page', () => {
    const built = buildAnnotation({
      id: createAnnotationId(0, fixedRandom),
      now: new Date(0),
      draft,
      target: { source: 'urn:x-pdf:0123456789abcdef', selectors: [pdfPageSelector(3)], scope: 'https://example.org/leaflet.pdf' },
      authorName: 'Sam',
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.target).toEqual({
      source: 'urn:x-pdf:0123456789abcdef',
      scope: 'https://example.org/leaflet.pdf',
      selector: [{ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3' }],
    });
    expect(passageOf(built.value)).toMatchObject({ page: 3, wholePage: true, quote: 'The whole of page 3' });
    const damaged = checkAnnotation({ ...built.value, target: { ...built.value.target, selector: [{ ...pdfPageSelector(3), value: 'page=three' }] } });
    expect(damaged.ok).toBe(false);
  });
});
