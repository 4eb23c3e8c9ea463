/**
 * A document text made of segments (DOM text nodes, or pdf.js text items), with the
 * offsets where each segment starts. Pure: no DOM. The folded form used for matching is
 * computed on first use and then kept, so a page is folded at most once.
 */
import { normalizeText, type NormalizedText } from './normalize';

/** The text of a document and the segment boundaries inside it. */
export interface TextIndex {
  /** Concatenation of every segment, in order. TextPositionSelector offsets point into this. */
  readonly text: string;
  /** `starts[i]` is the offset where segment `i` starts; `starts[segmentCount]` is `text.length`. */
  readonly starts: Int32Array;
  readonly segmentCount: number;
  /** Folded text for matching (see normalize.ts), built lazily once. */
  normalized(): NormalizedText;
  /**
   * For a DOM index that left out script/style/noscript text: maps an offset into ALL the
   * root's text (its `textContent`, as Hypothesis counts TextPositionSelector offsets) to an
   * offset of `text`, or null inside left-out text. Absent when nothing was left out.
   */
  fromContentOffset?(offset: number): number | null;
}

/** A point inside one segment. */
export interface SegmentPoint {
  segment: number;
  offset: number;
}

/** Builds an index from plain strings, e.g. pdf.js `textContent.items[].str`, or DOM text data. */
export function createTextIndex(segments: readonly string[]): TextIndex {
  const starts = new Int32Array(segments.length + 1);
  let total = 0;
  for (let i = 0; i < segments.length; i++) {
    starts[i] = total;
    total += segments[i]!.length;
  }
  starts[segments.length] = total;
  const text = segments.join('');
  let norm: NormalizedText | null = null;
  return {
    text,
    starts,
    segmentCount: segments.length,
    normalized: () => (norm ??= normalizeText(text)),
  };
}

/**
 * Finds the segment holding a text offset (binary search). `'start'` places a boundary
 * at the start of the segment holding the character at `offset`; `'end'` places it at the
 * end of the segment holding the character before `offset`, so a range never reaches
 * into a neighbouring node it does not cover. Returns null for an empty index.
 */
export function locateOffset(index: TextIndex, offset: number, side: 'start' | 'end'): SegmentPoint | null {
  const { starts, segmentCount } = index;
  if (segmentCount === 0) return null;
  const target = Math.max(0, Math.min(offset, index.text.length));
  // Last segment whose start is <= target (start side) or < target (end side).
  let lo = 0;
  let hi = segmentCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = starts[mid]!;
    if (side === 'start' ? s <= target : s < target) lo = mid;
    else hi = mid - 1;
  }
  if (side === 'start') {
    // Past the end of text: point at the end of the last segment.
    if (target === index.text.length) return { segment: segmentCount - 1, offset: starts[segmentCount]! - starts[segmentCount - 1]! };
  }
  return { segment: lo, offset: target - starts[lo]! };
}
