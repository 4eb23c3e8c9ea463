/**
 * Table of anchoring cases: describe a passage on `html`, change the page to `target`,
 * anchor, and check status and anchored text. anchor.test.ts runs each case twice: as
 * written, and with every text node split into 3-character pieces (as apache-annotator's
 * match-cases are), so element and node boundaries never matter.
 */
import type { AnchorStatus, Selector } from '../model/selectors';

export interface AnchorCase {
  name: string;
  /** Body HTML the passage is described on. */
  html: string;
  /** The passage: occurrence `occurrence` (0-based) of `quote` in the page text. */
  select?: { quote: string; occurrence?: number };
  /** Hand-written selectors instead of `select` (for context-free or tampered selectors). */
  selectors?: Selector[];
  /** Body HTML to anchor on; defaults to `html`. */
  target?: string;
  /** Expected status; for non-orphans, the anchored text and which occurrence of it in the target text. */
  expect: { status: AnchorStatus; text?: string; occurrence?: number };
}

const duty = '<p>The general duty of a local authority is to promote well-being.</p>';
const repeated =
  '<p>Section 1: the authority must consult. Then it must report.</p>' +
  '<p>Section 2: the authority must consult. Then it must publish.</p>' +
  '<p>Section 3: the authority must consult. Then it must review.</p>';

export const anchorCases: AnchorCase[] = [
  {
    name: 'text split across elements',
    html: '<p>The gen<b>eral du</b>ty of a local authority</p>',
    select: { quote: 'general duty' },
    expect: { status: 'exact', text: 'general duty' },
  },
  {
    name: 'unchanged page: exact',
    html: duty,
    select: { quote: 'local authority' },
    expect: { status: 'exact', text: 'local authority' },
  },
  {
    name: 'text inserted before: moved',
    html: duty,
    select: { quote: 'local authority' },
    target: '<h1>Care Act</h1>' + duty,
    expect: { status: 'moved', text: 'local authority' },
  },
  {
    name: 'repeated phrase: second occurrence stays second after an insertion',
    html: repeated,
    select: { quote: 'the authority must consult', occurrence: 1 },
    target: '<p>Preamble added later.</p>' + repeated,
    expect: { status: 'moved', text: 'the authority must consult', occurrence: 1 },
  },
  {
    name: 'repeated phrase: context wins over position when sections are reordered',
    html: repeated,
    select: { quote: 'the authority must consult', occurrence: 2 },
    target:
      '<p>Section 3: the authority must consult. Then it must review.</p>' +
      '<p>Section 1: the authority must consult. Then it must report.</p>' +
      '<p>Section 2: the authority must consult. Then it must publish.</p>',
    expect: { status: 'moved', text: 'the authority must consult', occurrence: 0 },
  },
  {
    name: 'repeated phrase with no context and no position: orphan, not a guess',
    html: repeated,
    selectors: [{ type: 'TextQuoteSelector', exact: 'the authority must consult' }],
    expect: { status: 'orphan' },
  },
  {
    name: 'whitespace differences at the same place: exact',
    html: '<p>The general duty of a local authority</p>',
    select: { quote: 'duty of a local' },
    target: '<p>The general duty  of\n a local authority</p>',
    expect: { status: 'exact', text: 'duty  of\n a local' },
  },
  {
    name: 'line re-wrapped into separate paragraphs: exact (same start)',
    html: '<p>in exercising a function under this Part in the case of an individual</p>',
    select: { quote: 'this Part in the case of' },
    target: '<p>in exercising a function under this Part in</p>\n<p>the case of an individual</p>',
    expect: { status: 'exact', text: 'this Part in\nthe case of' },
  },
  {
    name: 'curly apostrophe described, straight apostrophe on page: exact',
    html: '<p>to promote that individual’s well-being.</p>',
    select: { quote: 'individual’s well-being' },
    target: "<p>to promote that individual's well-being.</p>",
    expect: { status: 'exact', text: "individual's well-being" },
  },
  {
    name: 'curly double quotes and em dash vs straight quotes and hyphens',
    html: '<p>(2) “Well-being”, in relation to an individual—</p>',
    select: { quote: '“Well-being”, in relation to an individual—' },
    target: '<p>Note. (2) "Well-being", in relation to an individual-</p>',
    expect: { status: 'moved', text: '"Well-being", in relation to an individual-' },
  },
  {
    name: 'word changed in a long passage: fuzzy',
    html: '<p>A local authority must provide or arrange for the provision of services, facilities or resources.</p>',
    select: { quote: 'must provide or arrange for the provision of services' },
    target: '<p>A local authority must supply or arrange for the provision of services, facilities or resources.</p>',
    expect: { status: 'fuzzy', text: 'must supply or arrange for the provision of services' },
  },
  {
    name: 'passage removed: orphan',
    html: '<p>First paragraph stays.</p><p>This sentence about carers will be deleted entirely.</p>',
    select: { quote: 'This sentence about carers will be deleted entirely.' },
    target: '<p>First paragraph stays.</p><p>Something completely different is written here now.</p>',
    expect: { status: 'orphan' },
  },
  {
    name: 'short quote edited in place, context intact: fuzzy',
    html: '<p>See Section 12 for the details.</p>',
    select: { quote: 'Section 12' },
    target: '<p>See Section 13 for the details.</p>',
    expect: { status: 'fuzzy', text: 'Section 13' },
  },
  {
    name: 'short quote edited and its context gone: orphan rather than a guess',
    html: '<p>See Section 12 for the details.</p>',
    select: { quote: 'Section 12' },
    target: '<p>Nothing here refers to Section 13 at all.</p>',
    expect: { status: 'orphan' },
  },
  {
    name: 'very short quote is never matched fuzzily',
    html: '<p>See s. 12 for the details.</p>',
    select: { quote: 's. 12' },
    target: '<p>See s. 13 for the details.</p>',
    expect: { status: 'orphan' },
  },
  {
    // <template> is covered in dom-text.test.ts: happy-dom 21 mis-orders range boundaries around it.
    name: 'script, style and noscript text is not page text',
    html: '<p>alpha</p><script>var beta = "alpha beta";</script><style>p{}</style><noscript>beta</noscript><p>beta gamma</p>',
    select: { quote: 'alphabeta' },
    expect: { status: 'exact', text: 'alphabeta', occurrence: 0 },
  },
  {
    name: 'tampered position selector is ignored when the quote disagrees',
    html: duty,
    selectors: [
      { type: 'TextQuoteSelector', exact: 'well-being', prefix: 'to promote ', suffix: '.' },
      { type: 'TextPositionSelector', start: 0, end: 10 },
    ],
    expect: { status: 'moved', text: 'well-being' },
  },
  {
    name: 'position selector alone cannot be verified: orphan',
    html: duty,
    selectors: [{ type: 'TextPositionSelector', start: 4, end: 11 }],
    expect: { status: 'orphan' },
  },
  {
    name: 'position beyond the end of the text falls back to the quote',
    html: duty,
    selectors: [
      { type: 'TextQuoteSelector', exact: 'general duty' },
      { type: 'TextPositionSelector', start: 5000, end: 5012 },
    ],
    expect: { status: 'moved', text: 'general duty' },
  },
];

/** Fixture files in /work/shared/fixtures used by the version-pair cases. */
export const BILL = 'care-bill-2013-14-clause-1.html';
export const ACT = 'care-act-2014-part-1.html';
export const POINT_IN_TIME = 'care-act-2014-section-1-2014-10-01.html';

/**
 * Real pages: describe `passage` (occurrence `occurrence` of it in the page text of `from`),
 * anchor on `to` (with `prepend` HTML inserted at the start of its body, if given).
 */
export interface FixtureCase {
  name: string;
  from: string;
  passage: string;
  occurrence?: number;
  to: string;
  prepend?: string;
  expect: { status: AnchorStatus; text?: string; occurrence?: number };
}

export const fixtureCases: FixtureCase[] = [
  {
    name: 'Bill clause 1(1) with a line number inside → Act s.1(1) (one extra character: fuzzy)',
    from: BILL,
    passage:
      'The general duty of a local authority, in exercising a function under this Part in\n5\nthe case of an individual, is to promote that individual’s well-being.',
    to: ACT,
    expect: {
      status: 'fuzzy',
      text: 'The general duty of a local authority, in exercising a function under this Part in the case of an individual, is to promote that individual’s well-being.',
    },
  },
  {
    name: 'Bill "(c) protection…" → Act "(c)protection…" (whitespace only: moved)',
    from: BILL,
    passage: '(c) protection from abuse and neglect;',
    to: ACT,
    expect: { status: 'moved', text: '(c)protection from abuse and neglect;' },
  },
  {
    name: 'Bill 1(2)(d)–(e) where the Bill print lacks "it is provided);" → Act (fuzzy, Act wording)',
    from: BILL,
    passage: 'the way in which\n(e) participation in work, education, training or recreation;',
    to: ACT,
    expect: { status: 'fuzzy', text: 'the way in which it is provided);\n(e)participation in work, education, training or recreation;' },
  },
  {
    name: 'Bill long title phrase → Act page, where it appears in s.8 metadata (moved)',
    from: BILL,
    passage: 'establish and make provision about Health Education England',
    to: ACT,
    expect: { status: 'moved', text: 'establish and make provision about Health Education England' },
  },
  {
    name: 'Bill enacting formula → Act page, which does not contain it (orphan)',
    from: BILL,
    passage: 'Be it enacted by the Queen’s most Excellent Majesty, by and with the advice and',
    to: ACT,
    expect: { status: 'orphan' },
  },
  {
    name: 'Enacted s.1(1) (’) → 2014-10-01 view (\'): moved',
    from: ACT,
    passage: 'is to promote that individual’s well-being.',
    to: POINT_IN_TIME,
    expect: { status: 'moved', text: "is to promote that individual's well-being." },
  },
  {
    name: 'Enacted s.1(2) across paragraphs → 2014-10-01 view: moved',
    from: ACT,
    passage: '“Well-being”, in relation to an individual, means that individual’s well-being so far as relating to any of the following—\n(a)personal dignity',
    to: POINT_IN_TIME,
    expect: {
      status: 'moved',
      text: "“Well-being”, in relation to an individual, means that individual's well-being so far as relating to any of the following—\n(a)personal dignity",
    },
  },
  {
    name: '2014-10-01 view (\') → enacted s.1(2)(i) (’): moved',
    from: POINT_IN_TIME,
    passage: "(i)the individual's contribution to society.",
    to: ACT,
    expect: { status: 'moved', text: '(i)the individual’s contribution to society.' },
  },
  {
    name: '2014-10-01 version notice → Act page, which has another date (orphan, not a wrong date)',
    from: POINT_IN_TIME,
    passage: 'Version Superseded: 01/04/2015',
    to: ACT,
    expect: { status: 'orphan' },
  },
  {
    name: '2014-10-01 point-in-time line → Act page with a different point in time (orphan)',
    from: POINT_IN_TIME,
    passage: 'Point in time view as at 01/10/2014.',
    to: ACT,
    expect: { status: 'orphan' },
  },
  {
    name: 's.1(3)(b) as reproduced (\') stays on the reproduction, not the enacted copy (’), after an insertion',
    from: ACT,
    passage: "(b)the individual's views, wishes, feelings and beliefs;",
    to: ACT,
    prepend: '<p>A new notice at the top of the page.</p>',
    expect: { status: 'moved', text: "(b)the individual's views, wishes, feelings and beliefs;" },
  },
  {
    name: 's.1(3)(b) as enacted (’) stays on the enacted copy after an insertion',
    from: ACT,
    passage: '(b)the individual’s views, wishes, feelings and beliefs;',
    to: ACT,
    prepend: '<p>A new notice at the top of the page.</p>',
    expect: { status: 'moved', text: '(b)the individual’s views, wishes, feelings and beliefs;' },
  },
];
