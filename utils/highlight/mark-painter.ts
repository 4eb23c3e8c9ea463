import { MARK_ATTRIBUTES } from './highlight-styles';
import type { HighlightClass } from './highlight-styles';
import type { PaintEntry } from './paint-entry';

/**
 * The fallback painter for browsers without the CSS Custom Highlight API: wraps each
 * highlighted run of text in `<mark data-lea-highlight>` and undoes it exactly, merging the
 * text nodes it split and moving the boundaries of the ranges it was given back onto them.
 */
export interface MarkPainter {
  /**
   * Split text and wrap the items' text. The items' ranges, and any in `keep`, are set back on
   * the same characters afterwards (other live ranges inside wrapped text collapse).
   */
  wrap(items: ReadonlyArray<{ id: string; range: Range }>, keep?: readonly Range[]): void;
  /** Set look and flash attributes on the marks; no DOM structure changes. */
  render(entries: readonly PaintEntry[]): void;
  /** Remove every mark and merge split text back, keeping `ranges` on the same characters. */
  unwrap(ranges: readonly Range[]): void;
}

interface Piece {
  /** The text node the piece was split from (itself for the first piece). */
  origin: Text;
  /** Where the piece's text started in the origin when it was split. */
  offset: number;
}

interface PieceRef {
  node: Text;
  offset: number;
}

interface Wrapped {
  mark: HTMLElement;
  piece: Text;
  ids: string[];
}

interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT, without reading the global.
const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** Elements whose text is not rendered as page text, or where a <mark> would be invalid. */
const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'OPTION', 'SELECT']);
const LOOK_RANK: Record<HighlightClass, number> = { comment: 0, draft: 1, focused: 2 };

/** Create the fallback painter for `doc`; it holds no marks until `wrap` is called. */
export function createMarkPainter(doc: Document): MarkPainter {
  let wrapped: Wrapped[] = [];
  let pieces = new Map<Text, Piece>();

  function wrap(items: ReadonlyArray<{ id: string; range: Range }>, keep: readonly Range[] = []): void {
    const plans = items.map(({ id, range }) => ({ id, segments: textSegments(doc, range) }));
    const saved = [...new Set([...items.map((item) => item.range), ...keep])].map((range) => ({
      range,
      start: isText(range.startContainer) ? { node: range.startContainer, offset: range.startOffset } : null,
      end: isText(range.endContainer) ? { node: range.endContainer, offset: range.endOffset } : null,
    }));

    // Split every text node at every boundary first, so each piece is wholly in or out of each item.
    const cuts = new Map<Text, Set<number>>();
    for (const { segments } of plans) {
      for (const { node, start, end } of segments) {
        const set = cuts.get(node) ?? new Set<number>();
        for (const at of [start, end]) if (at > 0 && at < node.length) set.add(at);
        cuts.set(node, set);
      }
    }
    const piecesOf = new Map<Text, PieceRef[]>();
    for (const [node, offsets] of cuts) {
      const list: PieceRef[] = [{ node, offset: 0 }];
      for (const at of [...offsets].sort((a, b) => b - a)) list.splice(1, 0, { node: node.splitText(at), offset: at });
      piecesOf.set(node, list);
      for (const piece of list) pieces.set(piece.node, { origin: node, offset: piece.offset });
    }

    const idsOfPiece = new Map<Text, string[]>();
    for (const { id, segments } of plans) {
      for (const { node, start, end } of segments) {
        for (const piece of piecesOf.get(node)!) {
          if (piece.offset >= start && piece.offset < end) idsOfPiece.set(piece.node, [...(idsOfPiece.get(piece.node) ?? []), id]);
        }
      }
    }

    for (const [piece, ids] of idsOfPiece) {
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTES.marker, '');
      piece.parentNode!.insertBefore(mark, piece);
      mark.appendChild(piece);
      wrapped.push({ mark, piece, ids });
    }

    // Splitting and moving text collapses boundaries inside it (DOM "split" and "remove"
    // steps, unevenly implemented): put text boundaries back on the same characters.
    for (const { range, start, end } of saved) {
      if (start) {
        const at = pieceAt(piecesOf.get(start.node), start, 'start');
        range.setStart(at.node, at.offset);
      }
      if (end) {
        const at = pieceAt(piecesOf.get(end.node), end, 'end');
        range.setEnd(at.node, at.offset);
      }
    }
  }

  function render(entries: readonly PaintEntry[]): void {
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    for (const { mark, ids } of wrapped) {
      const painted = ids.map((id) => byId.get(id)).filter((entry) => entry !== undefined);
      const look = painted.reduce<HighlightClass>((best, e) => (LOOK_RANK[e.look] > LOOK_RANK[best] ? e.look : best), 'comment');
      if (look === 'comment') mark.removeAttribute(MARK_ATTRIBUTES.look);
      else mark.setAttribute(MARK_ATTRIBUTES.look, look);
      if (painted.some((e) => e.flash)) mark.setAttribute(MARK_ATTRIBUTES.flash, '');
      else mark.removeAttribute(MARK_ATTRIBUTES.flash);
    }
  }

  function unwrap(ranges: readonly Range[]): void {
    const markOf = new Map(wrapped.map((w) => [w.mark as Node, w]));
    // Boundaries inside our marks or pieces would be collapsed by the DOM changes: note them as text positions.
    const saved = ranges.map((range) => ({
      range,
      start: textPosition(range.startContainer, range.startOffset, markOf, pieces),
      end: textPosition(range.endContainer, range.endOffset, markOf, pieces),
    }));

    for (const { mark } of wrapped) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }

    // Merge split pieces back into their origin where they are still neighbours.
    const moved = new Map<Text, { node: Text; base: number }>();
    const byOrigin = new Map<Text, Array<{ node: Text; offset: number }>>();
    for (const [node, { origin, offset }] of pieces) {
      if (node !== origin) byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), { node, offset }]);
    }
    for (const [origin, tails] of byOrigin) {
      let head = origin;
      for (const { node } of tails.sort((a, b) => a.offset - b.offset)) {
        if (node.previousSibling === head && head.parentNode) {
          moved.set(node, { node: head, base: head.length });
          head.appendData(node.data);
          node.remove();
        } else {
          head = node;
        }
      }
    }

    for (const { range, start, end } of saved) {
      const s = start ? relocate(start, moved) : null;
      const e = end ? relocate(end, moved) : null;
      if (s) range.setStart(s.node, s.offset);
      if (e) range.setEnd(e.node, e.offset);
    }
    wrapped = [];
    pieces = new Map();
  }

  return { wrap, render, unwrap };
}

/**
 * The text nodes of `range` with the part of each inside it, in document order, empty parts
 * left out. Walks from the start boundary to the end boundary only (no per-node comparePoint,
 * which is slow on large pages in some DOM implementations).
 */
function textSegments(doc: Document, range: Range): TextSegment[] {
  const { startContainer, startOffset, endContainer, endOffset, commonAncestorContainer: root } = range;
  if (range.collapsed) return [];
  const first = isText(startContainer)
    ? startContainer
    : (startContainer.childNodes[startOffset] ?? nodeAfter(startContainer, root));
  // Text at or inside `stop` is past the end (an element end boundary sits before `stop`).
  const stop = isText(endContainer) ? null : (endContainer.childNodes[endOffset] ?? nodeAfter(endContainer, root));
  if (!first) return [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  walker.currentNode = first;
  const segments: TextSegment[] = [];
  for (let node: Node | null = isText(first) ? first : walker.nextNode(); node; node = walker.nextNode()) {
    if (!isText(node)) continue;
    if (stop && (stop === node || stop.contains(node))) break;
    const start = node === startContainer ? startOffset : 0;
    const end = node === endContainer ? endOffset : node.length;
    if (start < end && isWrappable(node)) segments.push({ node, start, end });
    if (node === endContainer) break;
  }
  return segments;
}

/** The first node after `node`'s subtree, staying inside `root`; null at the end of `root`. */
function nodeAfter(node: Node, root: Node): Node | null {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

/** Text that can take a <mark>: rendered HTML text with something other than spaces. */
function isWrappable(node: Text): boolean {
  const parent = node.parentElement;
  return (
    parent !== null &&
    parent.namespaceURI === HTML_NS &&
    !SKIPPED_PARENTS.has(parent.tagName.toUpperCase()) &&
    /\S/.test(node.data)
  );
}

function isText(node: Node): node is Text {
  return node.nodeType === 3;
}

/** A boundary inside one of our marks or pieces, as (piece, offset); null for any other boundary. */
function textPosition(
  container: Node,
  offset: number,
  markOf: Map<Node, Wrapped>,
  pieces: Map<Text, Piece>,
): { node: Text; offset: number } | null {
  const w = markOf.get(container);
  if (w) return { node: w.piece, offset: offset === 0 ? 0 : w.piece.length };
  if (isText(container) && pieces.has(container)) return { node: container, offset };
  return null;
}

/**
 * Where offset `at.offset` of a split text node now lives. A start goes to the piece that
 * begins there; an end to the piece that finishes there, so a range never reaches into a
 * neighbouring mark.
 */
function pieceAt(list: PieceRef[] | undefined, at: { node: Text; offset: number }, edge: 'start' | 'end'): { node: Text; offset: number } {
  if (!list) return at;
  let chosen = list[0]!;
  for (const piece of list) {
    if (edge === 'start' ? piece.offset <= at.offset : piece.offset < at.offset) chosen = piece;
  }
  return { node: chosen.node, offset: Math.min(at.offset - chosen.offset, chosen.node.length) };
}

function relocate(
  position: { node: Text; offset: number },
  moved: Map<Text, { node: Text; base: number }>,
): { node: Text; offset: number } {
  const target = moved.get(position.node);
  const node = target?.node ?? position.node;
  return { node, offset: Math.min((target?.base ?? 0) + position.offset, node.length) };
}
