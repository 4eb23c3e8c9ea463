/**
 * The DOM orchestrators: anchor one selector set, or many against one text index.
 */
import type { AnchorStatus, Selector } from '../model/selectors';
import { buildTextIndex, offsetsToRange, type DomTextIndex } from './dom-text';
import { anchorInText } from './match-selectors';

/** Outcome of anchoring one annotation: `range` and `span` are null exactly when `status` is 'orphan'. */
export interface AnchorResult {
  range: Range | null;
  status: AnchorStatus;
  /** The passage's offsets in the index's text, so callers need not map the Range back. */
  span: { start: number; end: number } | null;
}

function anchorWithIndex(index: DomTextIndex, selectors: readonly Selector[]): AnchorResult {
  const found = anchorInText(index, selectors);
  const range = found ? offsetsToRange(index, found.start, found.end) : null;
  return range && found ? { range, status: found.status, span: { start: found.start, end: found.end } } : { range: null, status: 'orphan', span: null };
}

/**
 * Anchors one annotation's selectors under `root` (see match-selectors.ts for the order).
 * Walks the page text each call: use `anchorAll` for many annotations.
 */
export function anchor(root: Node, selectors: readonly Selector[], index: DomTextIndex = buildTextIndex(root)): AnchorResult {
  return anchorWithIndex(index, selectors);
}

/**
 * Anchors many annotations synchronously against one text index built once (the folded
 * text, needed only when a position check fails, is also built at most once).
 */
export function anchorAll(
  root: Node,
  selectorLists: readonly (readonly Selector[])[],
  index: DomTextIndex = buildTextIndex(root),
): AnchorResult[] {
  return selectorLists.map((selectors) => anchorWithIndex(index, selectors));
}
