/**
 * Describing a selection as W3C selectors: a quote with 32 characters of context on each
 * side and the raw text position (https://www.w3.org/TR/annotation-model/#text-quote-selector).
 */
import type { TextPositionSelector, TextQuoteSelector } from '../model/selectors';
import { buildTextIndex, rangeToOffsets, type DomTextIndex } from './dom-text';
import type { TextIndex } from './text-index';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Pure: selectors for raw offsets [start, end) of a text index (DOM or PDF). Context never splits a surrogate pair. */
export function describeOffsets(index: TextIndex, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  const { text } = index;
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/**
 * Selectors for a DOM Range under `root`. Boundaries may be element boundaries; they map
 * to text offsets (see pointToOffset). Pass `index` when describing many ranges of an
 * unchanged page, so the text is walked once. A collapsed range gives an empty quote,
 * which the model rejects: check `range.collapsed` (or whitespace-only text) first.
 */
export function describeRange(
  root: Node,
  range: Range,
  index: DomTextIndex = buildTextIndex(root),
): [TextQuoteSelector, TextPositionSelector] {
  const { start, end } = rangeToOffsets(index, range);
  return describeOffsets(index, start, end);
}
