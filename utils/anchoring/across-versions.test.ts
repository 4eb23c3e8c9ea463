import { describe, expect, it } from 'vitest';
import { ACT, BILL, POINT_IN_TIME } from './anchor-cases';
import { describePlacement, NOT_IN_THIS_VERSION, notInThisVersion, placeAcrossVersions, versionRelation, WORDS_CHANGED_LINE, type CommentOnVersion } from './across-versions';
import { buildTextIndex, createTextIndex, describeOffsets, describeRange } from './index';
import { diffSide } from './word-diff';
import { nthIndexOf, pageText, rangeAt, readFixture, showFixture, showPage } from '../../tests/support/anchoring-harness';
import type { DocumentLink } from '../document/versions';

const canonical = (file: string) => /<link rel="canonical" href="([^"]+)"/.exec(readFixture(file))![1]!;
const BILL_URI = canonical(BILL);
const ACT_URI = canonical(ACT); // .../part/1/enacted
const PIT_URI = canonical(POINT_IN_TIME); // .../part/1/crossheading/general-responsibilities-of-local-authorities/2014-10-01
const LINKS: DocumentLink[] = [{ earlier: BILL_URI, later: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1', earlierLabel: 'the Care Bill (2013-14)' }];

/** A comment written on `file` (as the page `source`) on the `occurrence`th `passage`. */
function commentOn(file: string, source: string, passage: string, occurrence = 0): CommentOnVersion {
  const from = showFixture(file);
  const start = nthIndexOf(pageText(from), passage, occurrence);
  expect(start).toBeGreaterThanOrEqual(0);
  return { source, selectors: describeRange(from, rangeAt(from, start, start + passage.length)) };
}

function placeOn(file: string, pageUri: string, comments: CommentOnVersion[], links = LINKS, edit?: (html: string) => string) {
  const root = edit ? showPage(edit(readFixture(file))) : showFixture(file);
  return placeAcrossVersions(buildTextIndex(root), pageUri, comments, links);
}

describe('Bill clause 1 comments on the Act (a facilitator linked them)', () => {
  it('a passage with a Bill line number inside: changed, the old and new words side by side', () => {
    const quote = 'The general duty of a local authority, in exercising a function under this Part in\n5\nthe case of an individual, is to promote that individual’s well-being.';
    const [p] = placeOn(ACT, ACT_URI, [commentOn(BILL, BILL_URI, quote)]);
    expect(p).toMatchObject({ status: 'changed', relation: 'version', writtenOn: 'the Care Bill (2013-14)', writtenOnLine: 'Written on the Care Bill (2013-14)', quote });
    expect(p!.now).toBe('The general duty of a local authority, in exercising a function under this Part in the case of an individual, is to promote that individual’s well-being.');
    expect(p!.diff!.filter((r) => r.kind !== 'same').map((r) => `${r.kind} ${r.text}`)).toEqual(['removed 5']);
    expect(diffSide(p!.diff!, 'new')).toBe(p!.now);
  });

  it('where the Act adds "it is provided);": changed, the added words shown', () => {
    const [p] = placeOn(ACT, ACT_URI, [commentOn(BILL, BILL_URI, 'the way in which\n(e) participation in work, education, training or recreation;')]);
    expect(p!.status).toBe('changed');
    expect(p!.diff!.filter((r) => r.kind !== 'same').map((r) => `${r.kind} ${r.text}`)).toEqual(['added it is provided);']);
  });

  it('whitespace only ("(c) protection" → "(c)protection"): moved, no diff', () => {
    const [p] = placeOn(ACT, ACT_URI, [commentOn(BILL, BILL_URI, '(c) protection from abuse and neglect;')]);
    expect(p).toMatchObject({ status: 'moved', now: '(c)protection from abuse and neglect;', diff: null, writtenOnLine: 'Written on the Care Bill (2013-14)' });
  });

  it('the enacting formula, which the Act page does not have: not in this version, with its original quote', () => {
    const quote = 'Be it enacted by the Queen’s most Excellent Majesty, by and with the advice and';
    const placements = placeOn(ACT, ACT_URI, [commentOn(BILL, BILL_URI, quote), commentOn(BILL, BILL_URI, '(c) protection from abuse and neglect;')]);
    expect(notInThisVersion(placements)).toEqual([expect.objectContaining({ status: 'not-in-this-version', quote, span: null, now: null, writtenOn: 'the Care Bill (2013-14)' })]);
    expect(NOT_IN_THIS_VERSION).toBe('Not in this version');
  });

  it('without the link the Bill is unrelated to the Act', () => {
    expect(versionRelation(ACT_URI, BILL_URI, [])).toBe('unrelated');
    expect(versionRelation(ACT_URI, BILL_URI, LINKS)).toBe('version');
    expect(versionRelation(BILL_URI, 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/2015-04-01', LINKS)).toBe('version');
  });
});

describe('enacted s.1 and the 2014-10-01 view', () => {
  // The fixtures as their own pages: Part 1 as enacted and the cross-heading that holds s.1 at a date.
  it('fixture addresses (Part 1 and its cross-heading are parts of one Act): moved across the apostrophe change, written on "as enacted"', () => {
    const [p] = placeOn(POINT_IN_TIME, PIT_URI, [commentOn(ACT, ACT_URI, 'is to promote that individual’s well-being.')]);
    expect(p).toMatchObject({ status: 'moved', relation: 'part', writtenOn: 'as enacted', writtenOnLine: 'Written on the version as enacted', now: "is to promote that individual's well-being." });
  });

  it('fixture addresses: a point-in-time note not on the enacted page is elsewhere, not "not in this version"', () => {
    const [p] = placeOn(ACT, ACT_URI, [commentOn(POINT_IN_TIME, PIT_URI, 'Version Superseded: 01/04/2015')]);
    expect(p).toMatchObject({ status: 'elsewhere', relation: 'part', writtenOn: 'as it stood on 1 October 2014' });
  });

  // The same texts as s.1's own pages, enacted and at 1 October 2014: versions by address alone.
  const S1 = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1';
  it('s.1 at 1 October 2014 → s.1 as enacted: moved (’ for \'), and the date\'s own note not in this version', () => {
    const placements = placeOn(ACT, `${S1}/enacted`, [
      commentOn(POINT_IN_TIME, `${S1}/2014-10-01`, "(i)the individual's contribution to society."),
      commentOn(POINT_IN_TIME, `${S1}/2014-10-01`, 'Point in time view as at 01/10/2014.'),
    ], []);
    expect(placements.map((p) => [p.status, p.relation, p.writtenOnLine])).toEqual([
      ['moved', 'version', 'Written on the version as it stood on 1 October 2014'],
      ['not-in-this-version', 'version', 'Written on the version as it stood on 1 October 2014'],
    ]);
    expect(placements[0]!.now).toBe('(i)the individual’s contribution to society.');
    expect(placements[1]!.quote).toBe('Point in time view as at 01/10/2014.');
  });

  it('a word changed in a later version: changed, with exactly that word in the diff', () => {
    const quote = 'The general duty of a local authority, in exercising a function under this Part in the case of an individual, is to promote that individual’s well-being.';
    const [p] = placeOn(ACT, S1, [commentOn(ACT, `${S1}/enacted`, quote)], [], (html) => html.replace('is to promote that individual’s well-being.', 'is to secure that individual’s well-being.'));
    expect(p).toMatchObject({ status: 'changed', writtenOnLine: 'Written on the version as enacted' });
    expect(p!.diff!.filter((r) => r.kind !== 'same').map((r) => `${r.kind} ${r.text}`)).toEqual(['removed promote', 'added secure']);
    expect(WORDS_CHANGED_LINE).toBe('The words have changed since this comment was written');
  });

  it('a comment written on this very version: no "Written on" line, exact', () => {
    const [p] = placeOn(ACT, ACT_URI, [commentOn(ACT, `${ACT_URI}?view=plain`, '(c)protection from abuse and neglect;')]);
    expect(p).toMatchObject({ status: 'exact', relation: 'same', writtenOn: null, writtenOnLine: null });
  });
});

describe('describePlacement', () => {
  it('a fuzzy result whose words are the same is moved, not changed', () => {
    const text = 'intro (1) The general duty outro';
    const comment: CommentOnVersion = { source: 'https://example.org/a', selectors: [{ type: 'TextQuoteSelector', exact: '(1)The general duty' }] };
    expect(describePlacement({ status: 'fuzzy', span: { start: 6, end: 26 } }, text, comment, 'https://example.org/a')).toMatchObject({ status: 'moved', diff: null });
  });
});

describe('placeAcrossVersions with many comments: positions corrected by sure neighbours', () => {
  // A long text of distinct numbered sentences; sentence 40 is repeated word for word near the end.
  const sentence = (i: number) => `Paragraph ${i} says the local authority must consider the needs of person number ${i * 7 + 3}. `;
  const copy = 'The council must publish its charging policy and review it every year. ';
  const sentences = Array.from({ length: 120 }, (_, i) => sentence(i));
  sentences[40] = copy;
  sentences[110] = copy;
  const before = sentences.join('');
  const ENACTED = 'https://www.legislation.gov.uk/ukpga/2014/23/section/17/enacted';
  const LATER = 'https://www.legislation.gov.uk/ukpga/2014/23/section/17/2020-01-01';
  const comments: CommentOnVersion[] = sentences.map((s, i) => {
    const start = sentences.slice(0, i).join('').length;
    return { source: ENACTED, selectors: describeOffsets(createTextIndex([before]), start, start + s.length - 1) };
  });
  // The later version: a new sentence at the top (everything shifts), and sentence 40 edited.
  const edited = 'The council must publish its charging policy and review it every two years. ';
  const later = `A new opening sentence inserted by the amending Act. ${sentences.map((s, i) => (i === 40 ? edited : s)).join('')}`;

  it('the edited passage is found where it was (changed), not on the identical copy far away', () => {
    const placements = placeAcrossVersions(createTextIndex([later]), LATER, comments);
    const p = placements[40]!;
    expect(p.status).toBe('changed');
    expect(p.now).toBe(edited.trimEnd());
    expect(p.span!.start).toBe(later.indexOf(edited));
    expect(p.diff!.filter((r) => r.kind !== 'same').map((r) => `${r.kind} ${r.text}`)).toEqual(['removed year', 'added two years']);
    expect(p.writtenOnLine).toBe('Written on the version as enacted');
    // The copy keeps its own comment; every other comment moved by the inserted sentence.
    expect(placements[110]!.span!.start).toBe(later.lastIndexOf(copy));
    expect(placements.filter((q, i) => i !== 40 && q.status !== 'moved')).toEqual([]);
  });

  it('alone (no neighbours to correct the position), the existing anchoring takes the identical copy: the reason for the correction', () => {
    const [alone] = placeAcrossVersions(createTextIndex([later]), LATER, [comments[40]!]);
    expect(alone!.status).toBe('moved');
    expect(alone!.span!.start).toBe(later.lastIndexOf(copy));
  });

  it('a passage whose words are gone near the predicted place is not in this version, even if similar words are far away', () => {
    const gone = `A new opening sentence inserted by the amending Act. ${sentences.map((s, i) => (i === 40 ? 'Repealed. ' : s)).join('')}`;
    const placements = placeAcrossVersions(createTextIndex([gone]), LATER, comments);
    expect(placements[40]).toMatchObject({ status: 'not-in-this-version', quote: copy.trimEnd() });
    expect(placements[110]!.span!.start).toBe(gone.lastIndexOf(copy));
  });
});

describe('a look-alike beside an edited passage (Finance Act 2013 s.112, as bench:versions found it)', () => {
  // Real text; the later version's edits are the benchmark's: "those" added to the 94(4) line,
  // "charged" removed from the 94(5) line, and two more words replaced nearby.
  const ENACTED = 'https://www.legislation.gov.uk/ukpga/2013/29/section/112/enacted';
  const LATER = 'https://www.legislation.gov.uk/ukpga/2013/29/section/112/2020-01-01';
  const lines = [
    '112. Person liable ',
    'The chargeable person is liable to pay tax charged under this Part. ',
    '“The chargeable person” means— ',
    'in relation to tax charged by virtue of section 94(4), the company; ',
    'in relation to tax charged by virtue of section 94(5), the responsible partners. ',
    'In relation to tax charged by virtue of section 94(6) “the chargeable person” means— ',
    'if the collective investment scheme is a unit trust scheme, the trustee of the scheme; ',
    'if the collective investment scheme is an open-ended investment company, the body corporate referred to in section 236(2) of the Financial Services and Markets Act 2000; ',
    'in relation to an EEA UCITS which is not an open-ended investment company or unit trust scheme, the management company for that UCITS; ',
    'in any other case, the person who has day-to-day control over the management of the property subject to the scheme. ',
    'The liability of the responsible partners to pay tax charged on them under this Part is joint and several. ',
  ];
  const before = lines.join('');
  const later = before
    .replace('The chargeable person is liable', 'The chargeable developer liable')
    .replace('tax charged by virtue of section 94(4)', 'tax those charged by virtue of section 94(4)')
    .replace('tax charged by virtue of section 94(5)', 'tax by virtue of section 94(5)')
    .replace('“the chargeable person” means— ', '“the chargeable person” different ');
  const on = (passage: string): CommentOnVersion => {
    const start = before.indexOf(passage);
    return { source: ENACTED, selectors: describeOffsets(createTextIndex([before]), start, start + passage.length) };
  };
  const QUOTE = 'in relation to tax charged by virtue of section';
  const comments = [
    { source: ENACTED, selectors: describeOffsets(createTextIndex([before]), before.indexOf('94(5)') - QUOTE.length - 1, before.indexOf('94(5)') - 1) },
    on('the body corporate referred to in section 236(2)'),
    on('the management company for that UCITS'),
    on('the person who has day-to-day control over the management'),
    on('is joint and several'),
  ];

  it('the 94(5) passage, which lost more words than the matcher allows, is not put on the 94(4) line beside it', () => {
    const [p, ...neighbours] = placeAcrossVersions(createTextIndex([later]), LATER, comments);
    expect(neighbours.map((n) => n.status)).toEqual(['moved', 'moved', 'moved', 'moved']);
    expect(p!.quote).toBe(QUOTE);
    // The lines either side are look-alikes, not the passage: "in relation to tax those charged
    // by virtue of section" (94(4)) and "In relation to tax charged by virtue of section" (94(6)).
    expect(p).toMatchObject({ status: 'not-in-this-version', span: null, now: null });
  });
});
