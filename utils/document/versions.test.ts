import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { legislationVersion, partsOfOneWork, plainDate, sameDocumentByAddress, versionKey, versionLabel, versionsOf, writtenOnLine } from './versions';
import { BILL_CLAUSE_1, notVersions, sameVersions, versionCases, versionsOfCases } from './versions-cases';
import { normaliseUrl } from './normalise-url';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/policy');
const canonicalOf = (file: string) => /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(FIXTURES, file), 'utf8'))![1]!;

describe('legislationVersion', () => {
  it.each(versionCases)('$name', ({ input, expected }) => {
    const v = legislationVersion(input);
    if (expected === null) expect(v).toBeNull();
    else expect(v).toEqual({ ...expected, uri: normaliseUrl(input), welsh: expected.key.includes('/cy/') });
  });

  it.each(versionCases.filter((c) => c.expected))('the key is itself the current version: $name', ({ expected }) => {
    expect(legislationVersion(expected!.key)).toMatchObject({ key: expected!.key, kind: 'current' });
  });

  it.each(notVersions)('%s and %s are not versions of one document', (a, b) => {
    expect(sameDocumentByAddress(a, b)).toBe(false);
  });

  it.each(sameVersions)('%s and %s are versions of one document', (a, b) => {
    expect(sameDocumentByAddress(a, b)).toBe(true);
  });

  it('reads the fixtures\' canonical links: the Act and the point-in-time view are parts of one Act, the Bill is not legislation.gov.uk', () => {
    const act = canonicalOf('care-act-2014-part-1.html');
    const pit = canonicalOf('care-act-2014-section-1-2014-10-01.html');
    expect(canonicalOf('care-bill-2013-14-clause-1.html')).toBe(BILL_CLAUSE_1);
    expect(legislationVersion(act)?.label).toBe('as enacted');
    expect(legislationVersion(pit)?.label).toBe('as it stood on 1 October 2014');
    expect(sameDocumentByAddress(act, pit)).toBe(false);
    expect(partsOfOneWork(act, pit)).toBe(true);
    expect(partsOfOneWork(act, BILL_CLAUSE_1)).toBe(false);
    expect(partsOfOneWork(act, 'https://www.legislation.gov.uk/cy/ukpga/2014/23/part/1')).toBe(false);
    expect(partsOfOneWork(act, 'https://www.legislation.gov.uk/ukpga/2014/23/part/1')).toBe(false);
  });

  it('versionKey falls back to the normalised address', () => {
    expect(versionKey('https://www.gov.uk/x/?utm_source=y')).toBe('https://www.gov.uk/x');
    expect(versionKey('not a url')).toBeNull();
  });
});

describe('plainDate', () => {
  it.each([
    ['2014-10-01', '1 October 2014'],
    ['2024-02-29', '29 February 2024'],
    ['2023-02-29', null],
    ['2014-13-01', null],
    ['2014-1-01', null],
  ])('%s → %s', (iso, plain) => expect(plainDate(iso)).toBe(plain));
});

describe('versionsOf', () => {
  it.each(versionsOfCases)('$name', ({ uri, links, known, expected }) => {
    expect(versionsOf(uri, links, known)).toEqual(expected);
  });

  it('every URI it returns has itself among its own versions (symmetry through links)', () => {
    for (const c of versionsOfCases) {
      for (const other of versionsOf(c.uri, c.links, c.known)) {
        expect(versionsOf(other, c.links, [normaliseUrl(c.uri)!])).toContain(normaliseUrl(c.uri));
      }
    }
  });
});

describe('versionLabel and writtenOnLine', () => {
  const links = [{ earlier: BILL_CLAUSE_1, later: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1', earlierLabel: 'the Care Bill (2013-14)' }];
  it.each([
    [BILL_CLAUSE_1, 'the Care Bill (2013-14)', 'Written on the Care Bill (2013-14)'],
    [`${BILL_CLAUSE_1}#l1g1`, 'the Care Bill (2013-14)', 'Written on the Care Bill (2013-14)'],
    ['https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted', 'as enacted', 'Written on the version as enacted'],
    ['https://www.legislation.gov.uk/ukpga/2014/23/section/1/2014-10-01', 'as it stood on 1 October 2014', 'Written on the version as it stood on 1 October 2014'],
    ['https://www.legislation.gov.uk/ukpga/2014/23/section/1', 'the current version', 'Written on the current version'],
    ['https://www.gov.uk/draft', null, 'Written on another version of this document'],
  ])('%s', (uri, label, line) => {
    expect(versionLabel(uri, links)).toBe(label);
    expect(writtenOnLine(versionLabel(uri, links))).toBe(line);
  });
});
