/**
 * Thin DOM adapter: collects a root's text nodes into a TextIndex and converts between
 * text offsets and DOM Ranges. Reads no globals: the document comes from the root.
 */
import { createTextIndex, locateOffset, type TextIndex } from './text-index';

/** A TextIndex whose segments are the Text nodes under `root`, in document order. */
export interface DomTextIndex extends TextIndex {
  readonly root: Node;
  readonly nodes: readonly Text[];
  readonly document: Document;
}

// Node constants as literals: NodeFilter/Node globals are not read here (project rule).
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const SHOW_TEXT = 0x4;
/** Elements whose text is not page text. Shadow roots are not entered (TreeWalker never does). */
const EXCLUDED = 'script, style, noscript, template';

const nodeMaps = new WeakMap<DomTextIndex, Map<Node, number>>();

function ownerDocumentOf(root: Node): Document {
  if (root.nodeType === DOCUMENT_NODE) return root as Document;
  if (!root.ownerDocument) throw new TypeError('anchoring: root is not attached to a document');
  return root.ownerDocument;
}

/** Text nodes inside script/style/noscript/template under root (usually few or none). */
function excludedTextNodes(root: Node, doc: Document): Set<Node> | null {
  const queryable = root as Partial<ParentNode>;
  if (typeof queryable.querySelectorAll !== 'function') return null;
  const excluded = queryable.querySelectorAll(EXCLUDED);
  if (excluded.length === 0) return null;
  const skip = new Set<Node>();
  for (const el of Array.from(excluded)) {
    const walker = doc.createTreeWalker(el, SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) skip.add(n);
  }
  return skip;
}

/**
 * One walk over `root`'s text nodes (a TreeWalker with SHOW_TEXT and no JS filter
 * callback, which Chromium runs natively), skipping excluded elements.
 */
export function buildTextIndex(root: Node): DomTextIndex {
  const doc = ownerDocumentOf(root);
  const nodes: Text[] = [];
  const data: string[] = [];
  if (root.nodeType === TEXT_NODE) {
    nodes.push(root as Text);
    data.push((root as Text).data);
  } else {
    const skip = excludedTextNodes(root, doc);
    const walker = doc.createTreeWalker(root, SHOW_TEXT);
    // Left-out runs, as (content offset where the run ends, total left out so far).
    const gapEnds: number[] = [];
    const gapTotals: number[] = [];
    let content = 0;
    let left = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const length = (n as Text).data.length;
      content += length;
      if (skip?.has(n)) {
        if (length === 0) continue;
        left += length;
        gapEnds.push(content);
        gapTotals.push(left);
        continue;
      }
      nodes.push(n as Text);
      data.push((n as Text).data);
    }
    if (gapEnds.length > 0) {
      return { ...createTextIndex(data), root, nodes, document: doc, fromContentOffset: contentOffsetMapper(gapEnds, gapTotals) };
    }
  }
  return { ...createTextIndex(data), root, nodes, document: doc };
}

/**
 * Offsets into all of a root's text (script and style included, as `textContent` and
 * Hypothesis count them) → offsets into the index text: subtract what was left out before.
 * An offset strictly inside a left-out run has no place in the page text (null).
 */
function contentOffsetMapper(gapEnds: readonly number[], gapTotals: readonly number[]): (offset: number) => number | null {
  return (offset) => {
    // Last run ending at or before the offset.
    let lo = 0;
    let hi = gapEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (gapEnds[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    const before = lo === 0 ? 0 : gapTotals[lo - 1]!;
    // Inside the next run? It starts at its end minus its own length.
    if (lo < gapEnds.length) {
      const runLength = gapTotals[lo]! - before;
      if (offset > gapEnds[lo]! - runLength) return null;
    }
    return offset - before;
  };
}

/** Builds a Range over raw text offsets [start, end) of the index. Null if the index has no text. */
export function offsetsToRange(index: DomTextIndex, start: number, end: number): Range | null {
  const from = locateOffset(index, start, 'start');
  const to = locateOffset(index, Math.max(start, end), 'end');
  if (!from || !to) return null;
  const range = index.document.createRange();
  range.setStart(index.nodes[from.segment]!, from.offset);
  range.setEnd(index.nodes[to.segment]!, to.offset);
  return range;
}

function nodeMap(index: DomTextIndex): Map<Node, number> {
  let map = nodeMaps.get(index);
  if (!map) {
    map = new Map(index.nodes.map((n, i) => [n, i] as [Node, number]));
    nodeMaps.set(index, map);
  }
  return map;
}

/**
 * Text offset of a DOM boundary point. Inside an indexed text node it is direct; any other
 * point (an element boundary, a comment, an excluded node) maps to the start of the first
 * indexed text node after it, found by binary search with Range.comparePoint.
 */
export function pointToOffset(index: DomTextIndex, container: Node, offset: number): number {
  const i = nodeMap(index).get(container);
  if (i !== undefined) return index.starts[i]! + Math.min(offset, (container as Text).data.length);
  const probe = index.document.createRange();
  probe.setStart(container, offset);
  let lo = 0;
  let hi = index.nodes.length;
  // First text node whose start is not before the point.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (probe.comparePoint(index.nodes[mid]!, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < index.nodes.length ? index.starts[lo]! : index.text.length;
}

/** Raw text offsets of a Range (start ≤ end), clamped to the index. */
export function rangeToOffsets(index: DomTextIndex, range: Range): { start: number; end: number } {
  const start = pointToOffset(index, range.startContainer, range.startOffset);
  const end = pointToOffset(index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}
