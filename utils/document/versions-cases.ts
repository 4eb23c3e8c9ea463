/**
 * Table of legislation.gov.uk version addresses (the fixtures' canonical and source links in
 * tests/fixtures/policy, and the site's other forms) with the provision key and label expected.
 */
import type { DocumentLink, LegislationVersionKind } from './versions';

const LEG = 'https://www.legislation.gov.uk';
const S1 = `${LEG}/ukpga/2014/23/section/1`;
const CROSSHEADING = `${LEG}/ukpga/2014/23/part/1/crossheading/general-responsibilities-of-local-authorities`;
/** care-bill-2013-14-clause-1.html's canonical link. */
export const BILL_CLAUSE_1 = 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html';

export interface VersionCase {
  name: string;
  input: string;
  /** null: not a legislation.gov.uk version (another site, a site page, another format). */
  expected: { key: string; kind: LegislationVersionKind; version: string | null; label: string; work: string } | null;
}

const ACT = `${LEG}/ukpga/2014/23`;

export const versionCases: VersionCase[] = [
  // The fixtures' own addresses.
  { name: 'care-act-2014-part-1.html canonical (Part 1 as enacted)', input: `${LEG}/ukpga/2014/23/part/1/enacted`, expected: { key: `${LEG}/ukpga/2014/23/part/1`, kind: 'original', version: 'enacted', label: 'as enacted', work: ACT } },
  { name: 'care-act-2014-section-1-2014-10-01.html canonical (point in time)', input: `${CROSSHEADING}/2014-10-01`, expected: { key: CROSSHEADING, kind: 'point-in-time', version: '2014-10-01', label: 'as it stood on 1 October 2014', work: ACT } },
  { name: 'the same page as data.htm on the bare host', input: `https://legislation.gov.uk/ukpga/2014/23/part/1/crossheading/general-responsibilities-of-local-authorities/2014-10-01/data.htm`, expected: { key: CROSSHEADING, kind: 'point-in-time', version: '2014-10-01', label: 'as it stood on 1 October 2014', work: ACT } },
  { name: 's.1(2) as enacted, view=interweave (fixture data-source)', input: 'https://legislation.gov.uk/ukpga/2014/23/section/1/2/enacted?view=interweave', expected: { key: `${S1}/2`, kind: 'original', version: 'enacted', label: 'as enacted', work: ACT } },
  { name: 's.10 at 11 April 2018 (fixture data-source)', input: 'https://legislation.gov.uk/ukpga/2014/23/section/10/2018-04-11', expected: { key: `${ACT}/section/10`, kind: 'point-in-time', version: '2018-04-11', label: 'as it stood on 11 April 2018', work: ACT } },
  { name: 'Welsh-language s.10 (fixture data-source): its own key, never the English one', input: 'https://legislation.gov.uk/cy/ukpga/2014/23/section/10/2023-02-01', expected: { key: `${LEG}/cy/ukpga/2014/23/section/10`, kind: 'point-in-time', version: '2023-02-01', label: 'as it stood on 1 February 2023 (in Welsh)', work: `${LEG}/cy/ukpga/2014/23` } },
  { name: 'trailing-dot host, s.6 as enacted (fixture data-source)', input: 'http://www.legislation.gov.uk./ukpga/2014/23/section/6/enacted', expected: { key: `${ACT}/section/6`, kind: 'original', version: 'enacted', label: 'as enacted', work: ACT } },
  { name: 'data.akn is another format, not a page (fixture data-source)', input: 'http://legislation.gov.uk/ukpga/2014/23/section/8/2018-04-11/data.akn', expected: null },
  // The other forms of one provision.
  { name: 's.1 as enacted', input: `${S1}/enacted`, expected: { key: S1, kind: 'original', version: 'enacted', label: 'as enacted', work: ACT } },
  { name: 's.1 current version (no suffix)', input: S1, expected: { key: S1, kind: 'current', version: null, label: 'the current version', work: ACT } },
  { name: 's.1 current, view=plain and trailing slash', input: `${S1}/?view=plain`, expected: { key: S1, kind: 'current', version: null, label: 'the current version', work: ACT } },
  { name: 's.1 at 1 October 2014 on the old linked-data host', input: 'http://legislation.data.gov.uk/ukpga/2014/23/section/1/2014-10-01/data.html', expected: { key: S1, kind: 'point-in-time', version: '2014-10-01', label: 'as it stood on 1 October 2014', work: ACT } },
  { name: 's.1 prospective', input: `${S1}/prospective`, expected: { key: S1, kind: 'prospective', version: 'prospective', label: 'the version with changes not yet in force', work: ACT } },
  { name: 'a statutory instrument as made', input: `${LEG}/uksi/2015/313/regulation/2/made`, expected: { key: `${LEG}/uksi/2015/313/regulation/2`, kind: 'original', version: 'made', label: 'as made', work: `${LEG}/uksi/2015/313` } },
  { name: 'a whole Act, contents as enacted', input: `${ACT}/contents/enacted`, expected: { key: `${ACT}/contents`, kind: 'original', version: 'enacted', label: 'as enacted', work: ACT } },
  { name: 'a whole Act, current', input: ACT, expected: { key: ACT, kind: 'current', version: null, label: 'the current version', work: ACT } },
  { name: 'a regnal-year Act as enacted', input: `${LEG}/ukpga/Geo6/9-10/81/section/1/enacted`, expected: { key: `${LEG}/ukpga/Geo6/9-10/81/section/1`, kind: 'original', version: 'enacted', label: 'as enacted', work: `${LEG}/ukpga/Geo6/9-10/81` } },
  { name: 'a Scottish Act at a date, fragment dropped', input: `${LEG}/asp/2014/10/section/1/2016-12-01#section-1-1`, expected: { key: `${LEG}/asp/2014/10/section/1`, kind: 'point-in-time', version: '2016-12-01', label: 'as it stood on 1 December 2016', work: `${LEG}/asp/2014/10` } },
  { name: 'another parameter stays in the key', input: `${S1}/enacted?text=well-being`, expected: { key: `${S1}?text=well-being`, kind: 'original', version: 'enacted', label: 'as enacted', work: ACT } },
  // Not versions.
  { name: 'not a calendar date', input: `${S1}/2014-02-30`, expected: null },
  { name: 'the Bill on Parliament\'s site', input: BILL_CLAUSE_1, expected: null },
  { name: 'changes page', input: `${LEG}/changes/affected/ukpga/2014/23`, expected: null },
  { name: 'identifier URI', input: `${LEG}/id/ukpga/2014/23/section/1`, expected: null },
  { name: 'search', input: `${LEG}/search?title=care`, expected: null },
  { name: 'home page', input: `${LEG}/`, expected: null },
  { name: 'gov.uk guidance', input: 'https://www.gov.uk/guidance/care-and-support-statutory-guidance', expected: null },
  { name: 'not http(s)', input: 'file:///tmp/care-act.html', expected: null },
];

/** Pairs that must never be versions of one another. */
export const notVersions: Array<[string, string]> = [
  [`${S1}/enacted`, `${ACT}/section/10/enacted`],
  [`${ACT}/section/10/2023-02-01`, `${LEG}/cy/ukpga/2014/23/section/10/2023-02-01`],
  [`${S1}/enacted`, `${S1}/2/enacted`],
  [`${ACT}/part/1/enacted`, `${S1}/enacted`],
  [`${ACT}/section/8/2018-04-11`, `${ACT}/section/8/2018-04-11/data.akn`],
  [`${S1}/enacted`, `${LEG}/ukpga/2014/6/section/1/enacted`],
  ['https://example.org/a/enacted', 'https://example.org/a'],
];

/** Pairs that are versions of one another by address alone. */
export const sameVersions: Array<[string, string]> = [
  [`${S1}/enacted`, `${S1}/2014-10-01`],
  [`${S1}/enacted`, S1],
  ['https://legislation.gov.uk/ukpga/2014/23/section/1?view=plain', `${S1}/2015-04-01/data.htm`],
  [`${CROSSHEADING}/2014-10-01`, `${CROSSHEADING}/enacted`],
];

export interface VersionsOfCase {
  name: string;
  uri: string;
  links: DocumentLink[];
  known?: string[];
  expected: string[];
}

const BILL_TO_ACT: DocumentLink = { earlier: BILL_CLAUSE_1, later: S1, earlierLabel: 'the Care Bill (2013-14)', laterLabel: 'the Care Act 2014 s.1' };

export const versionsOfCases: VersionsOfCase[] = [
  { name: 'a page with no links: the provision\'s nameable versions', uri: `${S1}/2014-10-01`, links: [], expected: [`${S1}/2014-10-01`, S1, `${S1}/enacted`, `${S1}/made`, `${S1}/created`, `${S1}/adopted`] },
  { name: 'known point-in-time addresses of the provision are included, others not', uri: `${S1}/enacted`, links: [], known: [`${S1}/2014-10-01`, `${S1}/2/enacted`, `${ACT}/section/10`, 'https://example.org/x'], expected: [`${S1}/enacted`, S1, `${S1}/made`, `${S1}/created`, `${S1}/adopted`, `${S1}/2014-10-01`] },
  { name: 'a page off legislation.gov.uk without links: itself', uri: 'https://www.gov.uk/guidance/x?utm_source=a', links: [], expected: ['https://www.gov.uk/guidance/x'] },
  { name: 'the Bill, linked to the Act s.1: every version of s.1', uri: BILL_CLAUSE_1, links: [BILL_TO_ACT], expected: [BILL_CLAUSE_1, S1, `${S1}/enacted`, `${S1}/made`, `${S1}/created`, `${S1}/adopted`] },
  { name: 'the Act s.1 at a date, linked through its current version: the Bill', uri: `${S1}/2014-10-01`, links: [BILL_TO_ACT], expected: [`${S1}/2014-10-01`, BILL_CLAUSE_1, S1, `${S1}/enacted`, `${S1}/made`, `${S1}/created`, `${S1}/adopted`] },
  {
    name: 'links chain in both directions (consultation draft → Bill → Act)',
    uri: 'https://www.gov.uk/draft-care-bill',
    links: [{ earlier: 'https://www.gov.uk/draft-care-bill', later: BILL_CLAUSE_1 }, BILL_TO_ACT],
    expected: ['https://www.gov.uk/draft-care-bill', BILL_CLAUSE_1, S1, `${S1}/enacted`, `${S1}/made`, `${S1}/created`, `${S1}/adopted`],
  },
  { name: 'a link between other documents changes nothing here', uri: `${ACT}/section/10`, links: [BILL_TO_ACT], expected: [`${ACT}/section/10`, `${ACT}/section/10/enacted`, `${ACT}/section/10/made`, `${ACT}/section/10/created`, `${ACT}/section/10/adopted`] },
  { name: 'not an http(s) address: nothing', uri: 'about:blank', links: [BILL_TO_ACT], expected: [] },
];
