import { describe, expect, it } from 'vitest';
import { anchor, describeRange } from './index';
import { anchorCases, type AnchorCase } from './anchor-cases';
import { nthIndexOf, pageText, rangeAt, rangeOffsets, rangeText, showPage, splitTextNodes } from '../../tests/support/anchoring-harness';
import type { Selector } from '../model/selectors';

function runCase(c: AnchorCase, split: boolean) {
  let body = showPage(c.html);
  if (split) splitTextNodes(body, 3);
  let selectors: Selector[];
  if (c.select) {
    const text = pageText(body);
    const start = nthIndexOf(text, c.select.quote, c.select.occurrence);
    const end = start + c.select.quote.length;
    const [quote, position] = describeRange(body, rangeAt(body, start, end));
    // describe must agree with the independent text walk.
    expect(quote.exact).toBe(c.select.quote);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(quote.prefix).toBe(text.slice(Math.max(0, start - 32), start));
    expect(quote.suffix).toBe(text.slice(end, end + 32));
    selectors = [quote, position];
  } else {
    selectors = c.selectors ?? [];
  }
  if (c.target !== undefined) {
    body = showPage(c.target);
    if (split) splitTextNodes(body, 3);
  }
  const result = anchor(body, selectors);
  expect(result.status).toBe(c.expect.status);
  if (c.expect.status === 'orphan') {
    expect(result.range).toBeNull();
    expect(result.span).toBeNull();
    return;
  }
  expect(result.range).not.toBeNull();
  const range = result.range!;
  expect(rangeText(body, range)).toBe(c.expect.text);
  const expectedStart = nthIndexOf(pageText(body), c.expect.text!, c.expect.occurrence ?? 0);
  expect(rangeOffsets(body, range).start).toBe(expectedStart);
  // The span is the range's own offsets, so painters need not map ranges back to text.
  expect(result.span).toEqual(rangeOffsets(body, range));
}

describe('anchor cases', () => {
  for (const c of anchorCases) {
    it(c.name, () => runCase(c, false));
    it(`${c.name} (text nodes split every 3 characters)`, () => runCase(c, true));
  }
});
