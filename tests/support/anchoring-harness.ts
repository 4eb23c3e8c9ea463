/**
 * Helpers for the anchoring tests, written independently of the code under test (own
 * text walk, own offset↔node mapping) so a bug in dom-text.ts cannot hide itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../fixtures';
export { seededRandom } from './seeded-random';

const EXCLUDED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Directory of the real-page fixtures (the repository's copy in tests/fixtures/policy). */
export const FIXTURES = FIXTURES_DIR;

/** Reads a fixture file as text. */
export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/**
 * Shows a page in the test environment's global document and returns its body. The
 * global document is used because happy-dom 21's `createRange()` on a DOMParser or
 * createHTMLDocument document makes ranges rooted in the global document, so
 * `setStart` on such a range collapses it (browsers do not do this).
 */
export function showPage(html: string): HTMLElement {
  const body = /<body[\s>]/i.test(html) ? new DOMParser().parseFromString(html, 'text/html').body.innerHTML : html;
  document.body.innerHTML = body;
  return document.body;
}

/** Reads a fixture page by file name and shows it (see showPage). */
export function showFixture(name: string): HTMLElement {
  return showPage(readFixture(name));
}

/** Text nodes under root in document order, skipping script/style/noscript/template (recursive walk). */
export function textNodesOf(root: Node): Text[] {
  const out: Text[] = [];
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child as Text);
      else if (child.nodeType === 1 && !EXCLUDED.has((child as Element).tagName.toUpperCase())) visit(child);
    }
  };
  visit(root);
  return out;
}

/** The page text as the anchoring semantics define it. */
export function pageText(root: Node): string {
  return textNodesOf(root).map((t) => t.data).join('');
}

/** Makes ranges over text offsets [start, end) of root's page text (binary search over its text nodes). */
export function createRangeMaker(root: Node): (start: number, end: number) => Range {
  const nodes = textNodesOf(root);
  const starts: number[] = [];
  let pos = 0;
  for (const t of nodes) {
    starts.push(pos);
    pos += t.data.length;
  }
  // Last node starting at or before `offset` (start side) or before it (end side).
  const find = (offset: number, endSide: boolean): number => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (endSide ? starts[mid]! < offset : starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return (start, end) => {
    if (start < 0 || end > pos || start >= end) throw new Error(`offsets ${start}-${end} are outside the page text (${pos})`);
    const range = (root.ownerDocument ?? (root as Document)).createRange();
    const s = find(start, false);
    const e = find(end, true);
    range.setStart(nodes[s]!, start - starts[s]!);
    range.setEnd(nodes[e]!, end - starts[e]!);
    return range;
  };
}

/** One range over text offsets [start, end) (see createRangeMaker). */
export function rangeAt(root: Node, start: number, end: number): Range {
  return createRangeMaker(root)(start, end);
}

/**
 * Maps ranges whose boundaries are both in page text nodes to text offsets (throws
 * otherwise). Build once per page state: it walks the page.
 */
export function createOffsetLookup(root: Node): (range: Range) => { start: number; end: number } {
  const starts = new Map<Node, number>();
  let pos = 0;
  for (const t of textNodesOf(root)) {
    starts.set(t, pos);
    pos += t.data.length;
  }
  return (range) => {
    const s = starts.get(range.startContainer);
    const e = starts.get(range.endContainer);
    if (s === undefined || e === undefined) throw new Error('range boundaries are not in page text nodes');
    return { start: s + range.startOffset, end: e + range.endOffset };
  };
}

/** Text offsets of one range (see createOffsetLookup). */
export function rangeOffsets(root: Node, range: Range): { start: number; end: number } {
  return createOffsetLookup(root)(range);
}

/** Page text covered by a range (unlike Range.toString, without script/style text). */
export function rangeText(root: Node, range: Range): string {
  const { start, end } = rangeOffsets(root, range);
  return pageText(root).slice(start, end);
}

/** Offset of the `occurrence`-th (0-based) appearance of `needle` in `text`, or throws. */
export function nthIndexOf(text: string, needle: string, occurrence = 0): number {
  let at = text.indexOf(needle);
  for (let i = 0; i < occurrence && at !== -1; i++) at = text.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`"${needle}" occurrence ${occurrence} not found`);
  return at;
}

/** Splits every page text node into pieces of `size` characters (same text, more nodes). */
export function splitTextNodes(root: Node, size: number): void {
  for (const t of textNodesOf(root)) {
    let node = t;
    while (node.data.length > size) node = node.splitText(size);
  }
}

/** Same folding the anchoring uses for comparisons, reimplemented for assertions. */
export function loose(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-');
}

