import { describe, expect, it } from 'vitest';
import { checkAnnotation, commentText, passageOf, themesOf, type LeaAnnotation } from '../model/annotation';
import { adoptW3cComment, exportHypothesis, readHypothesisExport, readImportFile, readW3cAnnotations, tagsToThemes } from './index';
import { hypothesisClientExport, hypothesisRow, hypothesisSearchAnswer, w3cAnnotation } from './interop-fixtures';

let counter = 0;
const options = {
  newId: () => `urn:uuid:00000000-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
  now: () => new Date('2025-01-01T00:00:00Z'),
};

describe('tags to themes', () => {
  it.each([
    // Known themes become their ids (PROTOCOL "Themes"); other tags stay as they are.
    { tags: ['wellbeing AND independence'], themes: ['wellbeing-and-independence'], leftOut: 0 },
    { tags: [' Workforce ', 'workforce'], themes: ['workforce'], leftOut: 0 },
    { tags: ['Care Act', ''], themes: ['Care Act'], leftOut: 1 },
    { tags: ['x'.repeat(201), 3], themes: [], leftOut: 2 },
  ])('$tags → $themes', ({ tags, themes, leftOut }) => {
    expect(tagsToThemes(tags)).toEqual({ themes, leftOut });
  });

  it('maps the group’s own labels back to their ids', () => {
    const group = [
      { id: 'workforce', label: 'People who work in care', retired: false },
      { id: 'housing', label: 'Housing', retired: false },
    ];
    expect(tagsToThemes(['people who work in care', 'HOUSING', 'Workforce', 'Care Act'], group)).toEqual({ themes: ['workforce', 'housing', 'Care Act'], leftOut: 0 });
  });
});

describe('readHypothesisExport: each row', () => {
  const refusals: { name: string; row: Record<string, unknown>; reason: RegExp }[] = [
    { name: 'a reply', row: hypothesisRow({ references: ['Abc123'] }), reason: /reply to another annotation/ },
    { name: 'private to its writer', row: hypothesisRow({ permissions: { read: ['acct:ncag_member_1@hypothes.is'] } }), reason: /private to its writer/ },
    { name: 'a page note', row: hypothesisRow({ target: [{ source: 'https://example.org/' }] }), reason: /page note/ },
    { name: 'a highlight', row: hypothesisRow({ text: '' }), reason: /highlight with no comment/ },
    { name: 'hidden by a moderator', row: hypothesisRow({ hidden: true }), reason: /moderator/ },
    { name: 'no id', row: hypothesisRow({ id: undefined }), reason: /no id/ },
    { name: 'a quote too long', row: hypothesisRow({ target: [{ source: 'https://example.org/', selector: [{ type: 'TextQuoteSelector', exact: 'x'.repeat(5001) }] }] }), reason: /too long to comment on/ },
    { name: 'not a web address', row: hypothesisRow({ uri: 'not an address', target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'a passage' }] }] }), reason: /not a valid web address/ },
    { name: 'text too long', row: hypothesisRow({ text: 'y'.repeat(20001) }), reason: /up to 20000 characters/ },
  ];
  it.each(refusals)('refuses $name with a plain reason', ({ row, reason }) => {
    const read = readHypothesisExport(hypothesisClientExport([row]), options);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.comments).toEqual([]);
    expect(read.refused).toHaveLength(1);
    expect(read.refused[0]!.reason).toMatch(reason);
    expect(read.refused[0]!.position).toBe(0);
  });

  it('makes a named group comment with via, themes by name, quote and Hypothesis position, title and times', () => {
    const read = readHypothesisExport(hypothesisClientExport([hypothesisRow()]), options);
    if (!read.ok) throw new Error(read.reason);
    const [c] = read.comments;
    expect(checkAnnotation(c).ok).toBe(true);
    expect(c).toMatchObject({
      via: 'https://hypothes.is/a/Xq3bJmYbEe6LZ2sH3xZ1Aw',
      visibility: 'group',
      attribution: 'named',
      creator: { type: 'Person', name: 'Sam Example' },
      perspective: 'not-said',
      motivation: 'commenting',
      created: '2024-03-05T10:15:42.123Z',
      modified: '2024-03-06T08:01:02.654Z',
      documentTitle: 'Care Act 2014, Section 1',
      target: { source: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted' },
    });
    expect(commentText(c!)).toBe('Being listened to is part of **wellbeing** for me.');
    expect(themesOf(c!)).toEqual(['wellbeing-and-independence', 'Care Act']);
    expect(passageOf(c!)).toEqual({ quote: 'promote that individual’s well-being', start: 1520, end: 1577, wholePage: false });
    expect(c!.target.selector[0]).toMatchObject({ prefix: 'eneral duty of a local authority ', suffix: '.\n(2)“Well-being”, in relation to' });
  });

  it.each([
    { name: 'no display name → anonymous, no creator', row: hypothesisRow({ user_info: { display_name: null } }), expect: { attribution: 'anonymous' } },
    { name: 'no position → searched by quote', row: hypothesisRow({ target: [{ source: 'https://example.org/', selector: [{ type: 'TextQuoteSelector', exact: 'a passage' }] }] }), expect: { target: { source: 'https://example.org/', selector: [{ exact: 'a passage' }, { start: 0, end: 0 }] } } },
    { name: 'a PDF page', row: hypothesisRow({ target: [{ source: 'https://example.org/a.pdf', selector: [{ type: 'TextPositionSelector', start: 3, end: 9 }, { type: 'TextQuoteSelector', exact: 'passage' }, { type: 'PageSelector', index: 2, label: '3' }] }] }), expect: { target: { selector: [{ exact: 'passage' }, { start: 3, end: 9, page: 3 }] } } },
    { name: 'a UUID id (this extension\'s export) → urn via', row: hypothesisRow({ id: '0190f0a2-1111-7000-8000-000000000001', links: {} }), expect: { via: 'urn:uuid:0190f0a2-1111-7000-8000-000000000001' } },
  ])('$name', ({ row, expect: shape }) => {
    const read = readHypothesisExport([row], options);
    if (!read.ok) throw new Error(read.reason);
    expect(read.refused).toEqual([]);
    expect(read.comments[0]).toMatchObject(shape);
    if (shape.attribution === 'anonymous') expect(read.comments[0]!.creator).toBeUndefined();
  });

  it.each([
    { name: 'the client export', file: hypothesisClientExport([hypothesisRow(), hypothesisRow({ id: 'second', text: 'Two' })]) },
    { name: 'search API rows', file: hypothesisSearchAnswer([hypothesisRow(), hypothesisRow({ id: 'second', text: 'Two' })]) },
    { name: 'a bare list', file: [hypothesisRow(), hypothesisRow({ id: 'second', text: 'Two' })] },
  ])('reads $name (auto-detected by readImportFile too)', ({ file }) => {
    for (const read of [readHypothesisExport(file, options), readImportFile(file, options)]) {
      if (!read.ok) throw new Error(read.reason);
      expect(read.format).toBe('hypothesis');
      expect(read.comments.map((c) => c.via)).toEqual(['https://hypothes.is/a/Xq3bJmYbEe6LZ2sH3xZ1Aw', 'https://hypothes.is/a/second']);
    }
  });

  it.each([{ file: {} }, { file: 'text' }, { file: { annotations: 'no' } }])('refuses a file that is not Hypothesis: $file', ({ file }) => {
    const read = readHypothesisExport(file, options);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(/not a Hypothesis file/);
  });
});

describe('readW3cAnnotations', () => {
  const one = w3cAnnotation();
  const two = w3cAnnotation({ id: 'https://annotations.example.org/anno/2', body: 'Plain string body' });
  it.each([
    { name: 'one annotation', file: one, vias: [one.id] },
    { name: 'an array', file: [one, two], vias: [one.id, two.id] },
    { name: 'a collection with an embedded first page and next page', file: { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage', items: [one], next: { type: 'AnnotationPage', items: [two] } } }, vias: [one.id, two.id] },
    { name: 'a container (BasicContainer + AnnotationCollection)', file: { type: ['BasicContainer', 'AnnotationCollection'], first: { type: 'AnnotationPage', items: [two] } }, vias: [two.id] },
    { name: 'an AnnotationPage', file: { type: 'AnnotationPage', items: [one, two] }, vias: [one.id, two.id] },
  ])('reads $name', ({ file, vias }) => {
    const read = readW3cAnnotations(file, options);
    if (!read.ok) throw new Error(read.reason);
    expect(read.refused).toEqual([]);
    expect(read.comments.map((c) => c.via)).toEqual(vias);
  });

  it('keeps text, tags as themes, passage, creator and times', () => {
    const read = readW3cAnnotations(one, options);
    if (!read.ok) throw new Error(read.reason);
    const c = read.comments[0]!;
    expect(commentText(c)).toBe('This duty should mention carers too.');
    expect(themesOf(c)).toEqual(['workforce']);
    expect(c).toMatchObject({ attribution: 'named', creator: { name: 'Alex Sample' }, created: '2024-02-01T12:00:00.000Z', modified: '2024-02-01T12:00:00.000Z', perspective: 'not-said', visibility: 'group' });
    expect(passageOf(c)).toMatchObject({ quote: 'general duty of a local authority', start: 1480, end: 1513 });
  });

  it.each([
    { name: 'a reply', item: w3cAnnotation({ motivation: 'replying' }), reason: /reply/ },
    { name: 'a whole document', item: w3cAnnotation({ target: 'https://example.org/' }), reason: /whole document/ },
    { name: 'no quote', item: w3cAnnotation({ target: { source: 'https://example.org/', selector: { type: 'CssSelector', value: '#a' } } }), reason: /TextQuoteSelector/ },
    { name: 'a bookmark with no text', item: w3cAnnotation({ motivation: 'bookmarking', body: undefined }), reason: /no comment text/ },
    { name: 'a body that is an address (another resource)', item: w3cAnnotation({ body: 'http://example.org/post1' }), reason: /no comment text/ },
    { name: 'no id', item: w3cAnnotation({ id: undefined }), reason: /no id/ },
    { name: 'not an annotation', item: w3cAnnotation({ type: 'Note' }), reason: /not an Annotation/ },
    { name: 'a private extension comment', item: { ...w3cAnnotation(), ...extensionComment({ visibility: 'private' }) }, reason: /private/ },
  ])('refuses $name', ({ item, reason }) => {
    const read = readW3cAnnotations([item], options);
    if (!read.ok) throw new Error(read.reason);
    expect(read.comments).toEqual([]);
    expect(read.refused[0]!.reason).toMatch(reason);
  });

  it('refuses a collection whose pages are addresses only', () => {
    const read = readW3cAnnotations({ type: 'AnnotationCollection', first: 'https://x.example/anno/?page=0' }, options);
    expect(read.ok).toBe(false);
  });

  it('keeps an extension comment as it is, with a new id and via = its old id', () => {
    const mine = extensionComment();
    const read = readW3cAnnotations({ ...mine, id: 'https://store.example/annotations/g1/0190f0a2-2222-7000-8000-000000000002' }, options);
    if (!read.ok) throw new Error(read.reason);
    const { id, via, ...rest } = read.comments[0]!;
    const { id: _id, ...original } = mine;
    expect(rest).toEqual(original);
    expect(via).toBe('https://store.example/annotations/g1/0190f0a2-2222-7000-8000-000000000002');
    expect(id).not.toBe(mine.id);
  });
});

describe('adoptW3cComment (annotations other clients POST to the container)', () => {
  it('shows a plain W3C comment as a group comment under its own id', () => {
    const c = adoptW3cComment({ ...w3cAnnotation(), id: 'urn:uuid:0190f0a2-3333-7000-8000-000000000003' });
    expect(c).toMatchObject({ id: 'urn:uuid:0190f0a2-3333-7000-8000-000000000003', visibility: 'group', attribution: 'named', creator: { name: 'Alex Sample' } });
    expect(c && 'via' in c).toBe(false);
    expect(checkAnnotation(c).ok).toBe(true);
  });
  it.each([
    { name: 'a reply', a: w3cAnnotation({ id: 'urn:uuid:0190f0a2-3333-7000-8000-000000000004', motivation: 'replying' }) },
    { name: 'an extension comment', a: extensionComment() },
    { name: 'no urn id', a: w3cAnnotation() },
    { name: 'not an object', a: 'x' },
  ])('null for $name', ({ a }) => {
    expect(adoptW3cComment(a)).toBeNull();
  });
});

describe('exportHypothesis round trip', () => {
  const comments: LeaAnnotation[] = [
    extensionComment(),
    extensionComment({ id: 'urn:uuid:0190f0a2-5555-7000-8000-000000000005', attribution: 'anonymous', creator: undefined, via: 'https://hypothes.is/a/OrigHypId1' }),
    extensionComment({ id: 'urn:uuid:0190f0a2-6666-7000-8000-000000000006', target: { source: 'urn:x-pdf:9c2e4ab17f3d0e55a8b6c1d2e3f40516', scope: 'https://example.org/report.pdf', selector: [{ type: 'TextQuoteSelector', exact: 'on page three' }, { type: 'TextPositionSelector', start: 10, end: 23, page: 3 }] } }),
  ].map((c) => JSON.parse(JSON.stringify(c)) as LeaAnnotation);

  it('gives the client export format and reads back the same comments', () => {
    const file = exportHypothesis(comments, { now: new Date('2025-02-02T00:00:00Z') });
    expect(Object.keys(file)).toEqual(['export_date', 'export_userid', 'client_version', 'annotations']);
    expect(file.annotations[0]).toMatchObject({ user: 'acct:sam.example@lived-experience-annotator.org', user_info: { display_name: 'Sam Example' }, tags: ['Workforce'] });
    expect(file.annotations[1]).toMatchObject({ id: 'OrigHypId1', links: { html: 'https://hypothes.is/a/OrigHypId1' } });
    expect(file.annotations[1]).not.toHaveProperty('user_info');
    const back = readHypothesisExport(JSON.parse(JSON.stringify(file)), options);
    if (!back.ok) throw new Error(back.reason);
    expect(back.refused).toEqual([]);
    expect(back.comments.map((c) => c.via)).toEqual(['urn:uuid:0190f0a2-4444-7000-8000-000000000004', 'https://hypothes.is/a/OrigHypId1', 'urn:uuid:0190f0a2-6666-7000-8000-000000000006']);
    back.comments.forEach((c, i) => {
      const o = comments[i]!;
      expect(commentText(c)).toBe(commentText(o));
      expect(themesOf(c)).toEqual(themesOf(o));
      expect(passageOf(c)).toEqual(passageOf(o));
      expect(c.target.selector[0]).toEqual(o.target.selector[0]);
      expect([c.created, c.modified, c.attribution, c.creator, c.documentTitle]).toEqual([o.created, o.modified, o.attribution, o.creator, o.documentTitle]);
    });
    // The PDF comment comes back filed under its fingerprint, read at its web address, so it
    // shows on that PDF opened from anywhere (Hypothesis names PDFs in the document's links).
    expect(file.annotations[2]).toMatchObject({ uri: 'https://example.org/report.pdf', document: { link: [{ href: 'urn:x-pdf:9c2e4ab17f3d0e55a8b6c1d2e3f40516' }, { href: 'https://example.org/report.pdf' }] } });
    expect(back.comments[2]!.target).toMatchObject({ source: 'urn:x-pdf:9c2e4ab17f3d0e55a8b6c1d2e3f40516', scope: 'https://example.org/report.pdf' });
    // Exporting what was read gives the same file again (idempotent).
    const again = exportHypothesis(back.comments, { now: new Date('2025-02-02T00:00:00Z') });
    expect(again.annotations.map((a) => a.id)).toEqual(['0190f0a2-4444-7000-8000-000000000004', 'OrigHypId1', '0190f0a2-6666-7000-8000-000000000006']);
    expect(again.annotations.map(({ id: _i, uri: _u, target: _t, ...a }) => a)).toEqual(file.annotations.map(({ id: _i, uri: _u, target: _t, ...a }) => a));
  });

  it('files a Hypothesis row on a PDF under the fingerprint in its document links, as the viewer does', () => {
    const row = {
      id: 'PdfHypRow01',
      uri: 'https://assets.publishing.service.gov.uk/media/francis-report.pdf',
      text: 'This is what happened on my mum’s ward.',
      tags: [],
      permissions: { read: ['group:__world__'] },
      target: [{ source: 'https://assets.publishing.service.gov.uk/media/francis-report.pdf', selector: [{ type: 'TextQuoteSelector', exact: 'patients were not protected' }, { type: 'PageSelector', index: 4, label: '5' }] }],
      document: { title: ['Francis Report'], link: [{ href: 'urn:x-pdf:0A1B2C3D4E5F60718293A4B5C6D7E8F9' }, { href: 'https://assets.publishing.service.gov.uk/media/francis-report.pdf' }] },
    };
    const read = readHypothesisExport({ rows: [row, { ...row, id: 'WebHypRow02', document: { title: ['A page'] } }] }, options);
    if (!read.ok) throw new Error(read.reason);
    expect(read.comments[0]!.target).toMatchObject({ source: 'urn:x-pdf:0a1b2c3d4e5f60718293a4b5c6d7e8f9', scope: 'https://assets.publishing.service.gov.uk/media/francis-report.pdf' });
    // Without a fingerprint it stays on its address (a PDF opened from there lists it by that alias).
    expect(read.comments[1]!.target.source).toBe('https://assets.publishing.service.gov.uk/media/francis-report.pdf');
    expect(read.comments[1]!.target).not.toHaveProperty('scope');
  });
});

function extensionComment(overrides: Record<string, unknown> = {}): LeaAnnotation {
  const c = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { lea: 'https://lived-experience-annotator.org/ns#', perspective: 'lea:perspective', visibility: 'lea:visibility', attribution: 'lea:attribution', section: 'lea:section', documentTitle: 'lea:documentTitle', jobTitle: 'lea:jobTitle', organisation: 'lea:organisation', byCommentAuthor: 'lea:byCommentAuthor', onDocument: { '@id': 'lea:onDocument', '@type': '@id' } }],
    id: 'urn:uuid:0190f0a2-4444-7000-8000-000000000004',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-02T10:00:00.000Z',
    creator: { type: 'Person', name: 'Sam Example' },
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Carers need this said plainly.' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Workforce' },
    ],
    target: { source: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted', selector: [{ type: 'TextQuoteSelector', exact: 'well-being', prefix: 'individual’s ', suffix: '.' }, { type: 'TextPositionSelector', start: 100, end: 110 }] },
    perspective: 'carer',
    visibility: 'group',
    attribution: 'named',
    documentTitle: 'Care Act 2014, Section 1',
    ...overrides,
  };
  for (const k of Object.keys(c)) if ((c as Record<string, unknown>)[k] === undefined) delete (c as Record<string, unknown>)[k];
  const checked = checkAnnotation(c);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return checked.value;
}
