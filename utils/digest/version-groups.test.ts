import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocumentLink } from '../document/versions';
import { translator } from '../i18n/translate';
import { ANNO_CONTEXT, LEA_CONTEXT, type LeaAnnotation } from '../model/annotation';
import { buildDigest } from './build-digest';
import { renderCsv } from './render-csv';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import type { DigestInput } from './types';

// Issue 14, "Versions" 4: a digest can put a provision's versions together and say which
// version each comment was on. The Care Bill's clause 1 (linked by a facilitator), the Care
// Act s.1 as enacted and s.1 as it stood on 1 October 2014.
const BILL = 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html';
const ENACTED = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
const POINT_IN_TIME = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/2014-10-01';
const OTHER = 'https://www.legislation.gov.uk/ukpga/2014/6/section/19/enacted';
const LINKS: DocumentLink[] = [{ earlier: BILL, later: ENACTED, earlierLabel: 'the Care Bill (2013-14)', laterLabel: null }];

function comment(n: number, source: string, text: string, title: string): LeaAnnotation {
  const stamp = `2026-11-0${n}T10:00:00.000Z`;
  return {
    '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
    id: `urn:uuid:0190a1b2-0000-7000-8000-00000000000${n}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: stamp,
    modified: stamp,
    creator: { type: 'Person', name: 'Aisha Khan' },
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: text },
      { type: 'TextualBody', purpose: 'tagging', value: 'wellbeing-and-independence' },
    ],
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: 'promote that individual’s well-being', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 100, end: 136 },
      ],
    },
    perspective: 'carer',
    visibility: 'group',
    attribution: 'named',
    section: '1 Promoting individual well-being',
    documentTitle: title,
  };
}

const ENTRIES = [
  comment(1, BILL, 'On the Bill: who decides what well-being means?', 'Care Bill [HL] 2013-14'),
  comment(2, ENACTED, 'On the Act as enacted: dignity comes first for me.', 'Care Act 2014, section 1'),
  comment(3, POINT_IN_TIME, 'On the 2014 version: it still says the same.', 'Care Act 2014, section 1 (1 October 2014)'),
  comment(4, OTHER, 'On another Act altogether.', 'Children and Families Act 2014, section 19'),
].map((annotation) => ({ annotation }));

const input = (extra: Partial<DigestInput> = {}): DigestInput => ({ annotations: ENTRIES, scope: 'group', generatedAt: new Date('2026-12-03T10:00:00Z'), ...extra });

describe('a digest with versions together', () => {
  it('puts the Bill, the Act as enacted and its point-in-time version in one document, each comment naming its version', () => {
    const digest = buildDigest(input({ versions: { links: LINKS } }));
    expect(digest.versionsTogether).toBe(true);
    expect(digest.documents.map((d) => d.commentCount)).toEqual([3, 1]);
    const together = digest.ordered.filter((p) => p.document === digest.documents[0]).map((p) => [p.comment.text.slice(0, 12), p.comment.writtenOn]);
    expect(together).toEqual([
      ['On the Bill:', 'Written on the Care Bill (2013-14)'],
      ['On the Act a', 'Written on the version as enacted'],
      ['On the 2014 ', 'Written on the version as it stood on 1 October 2014'],
    ]);
    // The same place on two versions is two passages (offsets are each version's own).
    expect(digest.documents[0]!.sections[0]!.passages).toHaveLength(3);
    // A document with one version says nothing about versions.
    expect(digest.ordered.find((p) => p.comment.text.startsWith('On another'))!.comment.writtenOn).toBeNull();
  });

  it('without versions together (the default), each address is a document of its own and no comment names a version', () => {
    const digest = buildDigest(input());
    expect(digest.versionsTogether).toBe(false);
    expect(digest.documents).toHaveLength(4);
    expect(digest.ordered.every((p) => p.comment.writtenOn === null)).toBe(true);
  });

  it('a document filter with versions together takes in the document’s versions', () => {
    const digest = buildDigest(input({ versions: { links: LINKS }, filters: { document: POINT_IN_TIME } }));
    expect(digest.summary.comments).toBe(3);
    expect(buildDigest(input({ filters: { document: POINT_IN_TIME } })).summary.comments).toBe(1);
  });

  it('every format says which version each comment was on; the CSV adds a "Version written on" column', async () => {
    const digest = buildDigest(input({ versions: { links: LINKS } }));
    expect(renderMarkdown(digest)).toContain('· Written on the Care Bill (2013-14) · 1 November 2026');
    expect(renderHtml(digest)).toContain('Written on the version as it stood on 1 October 2014');
    const csv = renderCsv(digest).split('\r\n');
    expect(csv[0]!.endsWith(',Version written on')).toBe(true);
    expect(csv.some((row) => row.endsWith(',Written on the version as enacted'))).toBe(true);
    expect(renderCsv(buildDigest(input())).split('\r\n')[0]).not.toContain('Version written on');
    const xml = strFromU8(unzipSync(await renderDocx(digest))['word/document.xml']!);
    expect(xml).toContain('Written on the Care Bill (2013-14)');
  });

  it('in Welsh', () => {
    const digest = buildDigest(input({ versions: { links: LINKS }, i18n: translator('cy') }));
    const lines = digest.ordered.map((p) => p.comment.writtenOn);
    expect(lines).toContain('Ysgrifennwyd ar y fersiwn fel y’i deddfwyd');
    // A facilitator's own label is printed as they wrote it.
    expect(lines).toContain('Ysgrifennwyd ar the Care Bill (2013-14)');
  });

  it('a facilitator’s label is text in every format, never markup', () => {
    const links = [{ ...LINKS[0]!, earlierLabel: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' }];
    const digest = buildDigest(input({ versions: { links } }));
    expect(renderHtml(digest)).not.toMatch(/<img src=x/);
    expect(renderMarkdown(digest)).not.toContain('](javascript:');
  });
});
