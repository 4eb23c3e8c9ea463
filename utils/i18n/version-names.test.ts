import { describe, expect, it } from 'vitest';
import { versionLabel, versionName, writtenOnLine, type DocumentLink } from '../document/versions';
import { translator } from './translate';
import { writtenOnSentence } from './version-names';

const LINKS: DocumentLink[] = [
  { earlier: 'https://bills.parliament.uk/bills/1164', later: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1', earlierLabel: 'the Care Bill (2013-14)', laterLabel: null } as unknown as DocumentLink,
];
const SOURCES = [
  'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted',
  'https://www.legislation.gov.uk/uksi/2014/2281/made',
  'https://www.legislation.gov.uk/ukpga/2014/23/section/1/2014-10-01',
  'https://www.legislation.gov.uk/ukpga/2014/23/section/1',
  'https://www.legislation.gov.uk/ukpga/2014/23/section/1/prospective',
  'https://www.legislation.gov.uk/cy/anaw/2014/4/section/1/enacted',
  'https://bills.parliament.uk/bills/1164',
  'https://example.org/some/policy',
];

describe('"Written on …" in the reader’s language', () => {
  it.each(SOURCES)('says in English exactly what the page said before (%s)', (source) => {
    expect(writtenOnSentence(translator('en-GB'), versionName(source, LINKS))).toBe(writtenOnLine(versionLabel(source, LINKS)));
  });
  it('says it in Welsh, with a Welsh date', () => {
    const cy = translator('cy');
    expect(writtenOnSentence(cy, versionName(SOURCES[0]!, LINKS))).toBe('Ysgrifennwyd ar y fersiwn fel y’i deddfwyd');
    expect(writtenOnSentence(cy, versionName(SOURCES[2]!, LINKS))).toBe('Ysgrifennwyd ar y fersiwn fel yr oedd ar 1 Hydref 2014');
    expect(writtenOnSentence(cy, versionName(SOURCES[3]!, LINKS))).toBe('Ysgrifennwyd ar y fersiwn gyfredol');
    expect(writtenOnSentence(cy, versionName(SOURCES[5]!, LINKS))).toBe('Ysgrifennwyd ar y fersiwn fel y’i deddfwyd (yn Gymraeg)');
    // A facilitator's own label is shown as they wrote it.
    expect(writtenOnSentence(cy, versionName(SOURCES[6]!, LINKS))).toBe('Ysgrifennwyd ar the Care Bill (2013-14)');
  });
});
