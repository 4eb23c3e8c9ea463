/**
 * Hit-testing for painted ranges. Highlights take no events
 * (https://drafts.csswg.org/css-highlight-api-1/#interactions), so clicks and hovers are
 * mapped to ranges by hand: caret position at the point, then which ranges hold it.
 */

/** A DOM position: a node and an offset in it. */
export interface CaretPoint {
  node: Node;
  offset: number;
}

/** The caret-from-point methods of a document; either may be missing in a given browser. */
export interface CaretSource {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/**
 * The caret position under viewport point (x, y), or null when the browser has no caret API
 * or finds no text there. Uses the standard method first, then WebKit/Blink's older one.
 */
export function caretPointAt(doc: CaretSource, x: number, y: number): CaretPoint | null {
  try {
    if (typeof doc.caretPositionFromPoint === 'function') {
      const position = doc.caretPositionFromPoint(x, y);
      return position ? { node: position.offsetNode, offset: position.offset } : null;
    }
    if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      return range ? { node: range.startContainer, offset: range.startOffset } : null;
    }
  } catch {
    // Some engines throw for points outside the viewport.
  }
  return null;
}

/**
 * Ids of the ranges under viewport point (x, y), shortest range first (the most specific
 * passage). With a caret: ranges holding it, confirmed by their client rects when layout has
 * any (so a caret snapped to a line's end does not count). Without one: rect containment.
 */
export function hitTestRanges(
  entries: Iterable<readonly [string, Range]>,
  caret: CaretPoint | null,
  x: number,
  y: number,
): string[] {
  const hits: Array<{ id: string; length: number; order: number }> = [];
  let order = 0;
  for (const [id, range] of entries) {
    order += 1;
    if (range.collapsed) continue;
    // Rects force layout, so they are read only for ranges the caret already matched.
    const hit = caret
      ? containsPoint(range, caret) && rectsContain(range, x, y) !== false
      : rectsContain(range, x, y) === true;
    if (hit) hits.push({ id, length: range.toString().length, order });
  }
  hits.sort((a, b) => a.length - b.length || a.order - b.order);
  return hits.map((h) => h.id);
}

/** True when `point` is within `range`, boundaries included; false across documents or trees. */
function containsPoint(range: Range, point: CaretPoint): boolean {
  try {
    return range.isPointInRange(point.node, point.offset);
  } catch {
    return false;
  }
}

/** Whether a client rect of `range` holds (x, y); undefined when the range has no rects (no layout). */
function rectsContain(range: Range, x: number, y: number): boolean | undefined {
  const rects = typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
  if (rects.length === 0) return undefined;
  return rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}
