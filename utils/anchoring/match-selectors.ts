/**
 * The anchoring order on a text index, with no DOM: position check, exact quote with
 * context, fuzzy quote. Shared by the DOM adapter and (later) the PDF viewer.
 */
import type { AnchorStatus, Selector, TextPositionSelector, TextQuoteSelector } from '../model/selectors';
import { normalizeQuote } from './normalize';
import { matchQuote } from './match-quote';
import type { TextIndex } from './text-index';

/** Where a selector set attached, in raw offsets of the index text. */
export interface TextAnchor {
  start: number;
  end: number;
  status: Exclude<AnchorStatus, 'orphan'>;
}

/** The first TextQuoteSelector in a list (other selector types are ignored). */
export function findQuoteSelector(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string') return s as TextQuoteSelector;
  }
  return undefined;
}

/** The first TextPositionSelector in a list with integer start/end. */
export function findPositionSelector(selectors: readonly Selector[]): TextPositionSelector | undefined {
  for (const s of selectors) {
    if (s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end)) return s as TextPositionSelector;
  }
  return undefined;
}

/**
 * Anchors one selector set. A quote is required: a position alone cannot be checked, so it
 * is an orphan (null). 'exact': the text at the recorded position equals the quote after
 * folding (whitespace, quote marks, dashes), or the same text starts at the recorded
 * start. 'moved': the same folded text elsewhere. 'fuzzy': an approximate match.
 */
export function anchorInText(index: TextIndex, selectors: readonly Selector[]): TextAnchor | null {
  const quote = findQuoteSelector(selectors);
  if (!quote || quote.exact.length === 0) return null;
  const position = findPositionSelector(selectors);
  if (position) {
    if (atPosition(index, quote.exact, position.start, position.end)) return { start: position.start, end: position.end, status: 'exact' };
    // Hypothesis counts script and style text in its positions: the same place, re-based.
    const start = index.fromContentOffset?.(position.start) ?? null;
    const end = index.fromContentOffset?.(position.end) ?? null;
    if (start !== null && end !== null && start !== position.start && atPosition(index, quote.exact, start, end)) return { start, end, status: 'exact' };
  }
  const match = matchQuote(index, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start });
  if (!match) return null;
  const sameStart = match.errors === 0 && position !== undefined && match.start === position.start;
  return { start: match.start, end: match.end, status: match.errors > 0 ? 'fuzzy' : sameStart ? 'exact' : 'moved' };
}

/** Is the quote at [start, end) of the index text, as is or after folding? O(quote). */
function atPosition(index: TextIndex, exact: string, start: number, end: number): boolean {
  const { text } = index;
  if (!(start >= 0 && start < end && end <= text.length)) return false;
  const slice = text.slice(start, end);
  if (slice === exact) return true;
  const folded = normalizeQuote(exact);
  return folded.length > 0 && normalizeQuote(slice) === folded;
}
