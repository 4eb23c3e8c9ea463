import { beforeAll, describe, expect, it } from 'vitest';
import { anchor, anchorAll, buildTextIndex, describeRange } from './index';
import { fixtureCases } from './anchor-cases';
import {
  loose,
  nthIndexOf,
  pageText,
  readFixture,
  rangeAt,
  createOffsetLookup,
  createRangeMaker,
  rangeOffsets,
  rangeText,
  seededRandom,
  showFixture,
  showPage,
  textNodesOf,
} from '../../tests/support/anchoring-harness';

describe('real version pairs', () => {
  for (const c of fixtureCases) {
    it(c.name, () => {
      const from = showFixture(c.from);
      const start = nthIndexOf(pageText(from), c.passage, c.occurrence);
      const selectors = describeRange(from, rangeAt(from, start, start + c.passage.length));
      expect(selectors[0].exact).toBe(c.passage);

      const to = showFixture(c.to);
      if (c.prepend) to.insertAdjacentHTML('afterbegin', c.prepend);
      const result = anchor(to, selectors);
      expect(result.status).toBe(c.expect.status);
      if (c.expect.status === 'orphan') {
        expect(result.range).toBeNull();
        return;
      }
      const text = rangeText(to, result.range!);
      expect(text).toBe(c.expect.text);
      expect(rangeOffsets(to, result.range!).start).toBe(nthIndexOf(pageText(to), c.expect.text!, c.expect.occurrence));
      if (c.expect.status !== 'fuzzy') expect(loose(text)).toBe(loose(c.passage));
    });
  }
});

describe('Finance Act 2013 round trip (51,000 words)', { timeout: 60_000 }, () => {
  const html = readFixture('finance-act-2013.html');
  // 150 random passages of 1-300 characters, starting on a non-space character.
  let text = '';
  let passages: { start: number; end: number }[] = [];
  let selectorLists: ReturnType<typeof describeRange>[] = [];

  beforeAll(() => {
    const body = showPage(html);
    text = pageText(body);
    const random = seededRandom(2013);
    passages = [];
    while (passages.length < 150) {
      const start = Math.floor(random() * (text.length - 300));
      const end = start + 1 + Math.floor(random() * 300);
      if (/\S/.test(text[start]!)) passages.push({ start, end });
    }
    const index = buildTextIndex(body);
    expect(index.text).toBe(text);
    const rangeOver = createRangeMaker(body);
    selectorLists = passages.map(({ start, end }) => describeRange(body, rangeOver(start, end), index));
  }, 60_000);

  it("describes every passage with the independent walk's offsets", () => {
    selectorLists.forEach(([quote, position], i) => {
      expect(position.start).toBe(passages[i]!.start);
      expect(position.end).toBe(passages[i]!.end);
      expect(quote.exact).toBe(text.slice(passages[i]!.start, passages[i]!.end));
    });
  });

  it('anchors every passage back exactly where it was', () => {
    const page = showPage(html);
    const offsets = createOffsetLookup(page);
    const results = anchorAll(page, selectorLists);
    results.forEach((r, i) => {
      expect(r.status).toBe('exact');
      expect(offsets(r.range!)).toEqual(passages[i]);
    });
  });

  it('finds every passage at its shifted place after text is inserted at the top (moved)', () => {
    const page = showPage(html);
    const inserted = 'A new commencement note was added here. ';
    page.insertAdjacentHTML('afterbegin', `<p>${inserted}</p>`);
    const offsets = createOffsetLookup(page);
    const results = anchorAll(page, selectorLists);
    const shifted = passages.map(({ start, end }) => ({ start: start + inserted.length, end: end + inserted.length }));
    expect(results.map((r) => r.range && offsets(r.range))).toEqual(shifted);
    expect(results.filter((r) => r.status !== 'moved')).toEqual([]);
  });

  it('still anchors every passage exactly after all curly quotes are straightened', () => {
    const page = showPage(html);
    for (const t of textNodesOf(page)) t.data = t.data.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
    const curly = selectorLists.filter(([q]) => /[‘’“”]/.test(q.exact)).length;
    expect(curly).toBeGreaterThan(10);
    const offsets = createOffsetLookup(page);
    const results = anchorAll(page, selectorLists);
    expect(results.map((r) => r.status)).toEqual(passages.map(() => 'exact'));
    expect(results.map((r) => r.range && offsets(r.range))).toEqual(passages);
  });
});
