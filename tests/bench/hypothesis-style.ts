/**
 * Benchmark peer: a per-annotation anchorer in the style of the Hypothesis client
 * (written for this benchmark from its published approach, not copied). For EACH
 * annotation it re-reads `root.textContent`, checks the position selector, looks for the
 * exact quote with indexOf, otherwise runs approx-string-match over the whole text
 * (maxErrors = min(256, quote.length / 2)) and ranks candidates by quote 50 / prefix 20 /
 * suffix 20 / position 2; then it walks the text nodes to turn offsets into a Range.
 * This is the cost profile the project's anchoring must beat.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../../utils/model/selectors';

interface Found {
  start: number;
  end: number;
  errors: number;
}

function findAll(text: string, quote: string, maxErrors: number): Found[] {
  const exact: Found[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    exact.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, quote, maxErrors);
}

function similarity(actual: string, expected: string): number {
  if (expected.length === 0 || actual.length === 0) return 0;
  const [best] = search(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

/** Best match of a quote in a text, Hypothesis-style scoring. */
export function matchQuoteHypothesisStyle(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number },
): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null;
  const candidates = findAll(text, quote, Math.min(256, quote.length / 2));
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of candidates) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const posScore = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

/** Offsets → Range by walking text nodes from the start (as a NodeIterator-based resolver does). */
function rangeFromOffsets(root: Node, start: number, end: number): Range | null {
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 0x4);
  const range = doc.createRange();
  let pos = 0;
  let startSet = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const next = pos + n.data.length;
    if (!startSet && start < next) {
      range.setStart(n, start - pos);
      startSet = true;
    }
    if (startSet && end <= next) {
      range.setEnd(n, end - pos);
      return range;
    }
    pos = next;
  }
  return null;
}

/** Anchors one annotation the per-annotation way. Null when nothing matched. */
export function anchorHypothesisStyle(root: Node, quote: TextQuoteSelector, position?: TextPositionSelector): Range | null {
  const text = root.textContent ?? '';
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return rangeFromOffsets(root, position.start, position.end);
  }
  const m = matchQuoteHypothesisStyle(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start });
  return m ? rangeFromOffsets(root, m.start, m.end) : null;
}
