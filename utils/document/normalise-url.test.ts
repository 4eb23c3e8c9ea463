import { describe, expect, it } from 'vitest';
import { isTrackingParam, normaliseUrl } from './normalise-url';
import { distinctPairs, normaliseCases } from './normalise-url-cases';

describe('normaliseUrl', () => {
  it.each(normaliseCases)('$name', ({ input, expected }) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it.each(normaliseCases.filter((c) => c.expected !== null))('is idempotent: $name', ({ expected }) => {
    expect(normaliseUrl(expected!)).toBe(expected);
  });

  it.each(distinctPairs)('keeps %s and %s apart', (a, b) => {
    expect(normaliseUrl(a)).not.toBeNull();
    expect(normaliseUrl(a)).not.toBe(normaliseUrl(b));
  });

  it('maps every legislation.gov.uk spelling of one page to one string', () => {
    const spellings = [
      'http://legislation.gov.uk/ukpga/2014/23/section/1/enacted',
      'https://legislation.gov.uk/ukpga/2014/23/section/1/enacted/',
      'http://www.legislation.gov.uk./ukpga/2014/23/section/1/enacted?view=plain',
      'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted?view=interweave#section-1-1',
      'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted/data.htm',
    ];
    expect(new Set(spellings.map(normaliseUrl))).toEqual(
      new Set(['https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted']),
    );
  });
});

describe('isTrackingParam', () => {
  it.each([
    ['utm_source', true],
    ['UTM_TERM', true],
    ['fbclid', true],
    ['ref_src', true],
    ['view', false],
    ['q', false],
    ['utm', false],
  ] as const)('%s → %s', (name, tracking) => {
    expect(isTrackingParam(name)).toBe(tracking);
  });
});
