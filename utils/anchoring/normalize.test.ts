import { describe, expect, it } from 'vitest';
import { normalizeQuote, normalizeText, toNormalizedOffset, toRawSpan } from './normalize';

describe('normalizeText', () => {
  it('drops whitespace and invisible characters and keeps a map back to raw offsets', () => {
    const raw = 'a b\n\tc\u00a0d\u200be\u00adf';
    const n = normalizeText(raw);
    expect(n.text).toBe('abcdef');
    expect(Array.from(n.toRaw)).toEqual([0, 2, 5, 7, 9, 11]);
    expect(n.rawLength).toBe(raw.length);
  });

  it('maps typographic quotes and dashes to ASCII, one unit for one unit', () => {
    expect(normalizeText('‘a’ “b” c–d—e ‑f′g″').text).toBe(`'a'"b"c-d-e-f'g"`);
  });

  it('handles texts longer than one conversion chunk', () => {
    const raw = 'word '.repeat(5000);
    const n = normalizeText(raw);
    expect(n.text).toBe('word'.repeat(5000));
    expect(n.toRaw[n.text.length - 1]).toBe(raw.length - 2);
  });

  it('keeps characters outside the BMP (surrogate pairs) intact', () => {
    expect(normalizeText('a 😀 b').text).toBe('a😀b');
  });
});

describe('normalizeQuote', () => {
  it('folds the same way as normalizeText', () => {
    const s = ' That individual’s  “well-being” —\n';
    expect(normalizeQuote(s)).toBe(normalizeText(s).text);
    expect(normalizeQuote(s)).toBe(`Thatindividual's"well-being"-`);
  });

  it('returns plain strings unchanged', () => {
    expect(normalizeQuote('abc')).toBe('abc');
  });
});

describe('offset mapping', () => {
  const n = normalizeText('ab  cd e');
  it('maps a raw offset to the next folded offset', () => {
    expect(toNormalizedOffset(n, 0)).toBe(0);
    expect(toNormalizedOffset(n, 2)).toBe(2);
    expect(toNormalizedOffset(n, 3)).toBe(2);
    expect(toNormalizedOffset(n, 7)).toBe(4);
    expect(toNormalizedOffset(n, 8)).toBe(5);
  });
  it('maps a folded span to the raw span of exactly the matched characters', () => {
    expect(toRawSpan(n, 1, 3)).toEqual({ start: 1, end: 5 });
    expect(toRawSpan(n, 4, 5)).toEqual({ start: 7, end: 8 });
  });
});
