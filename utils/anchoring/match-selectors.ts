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
  const { text } = index;
  if (position && position.start >= 0 && position.start < position.end && position.end <= text.length) {
    // O(quote): compare the raw slice, then its folded form.
    const slice = text.slice(position.start, position.end);
    if (slice === quote.exact) return { start: position.start, end: position.end, status: 'exact' };
    const folded = normalizeQuote(quote.exact);
    if (folded.length > 0 && normalizeQuote(slice) === folded) {
      return { start: position.start, end: position.end, status: 'exact' };
    }
  }
  const match = matchQuote(index, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start });
  if (!match) return null;
  const sameStart = match.errors === 0 && position !== undefined && match.start === position.start;
  return { start: match.start, end: match.end, status: match.errors > 0 ? 'fuzzy' : sameStart ? 'exact' : 'moved' };
}
