/**
 * Pure quote matching: text in, best candidate out. Matching happens on folded text (see
 * normalize.ts) and results are mapped back to raw offsets. Exact occurrences are tried
 * first and ranked by prefix/suffix agreement, then closeness to the expected position;
 * only when the quote occurs nowhere does the fuzzy search (match-fuzzy.ts) run.
 */
import { normalizeQuote, toNormalizedOffset, toRawSpan, isFoldedAway, type NormalizedText } from './normalize';
import { createTextIndex, type TextIndex } from './text-index';
import { findFuzzy, type FoldedContext, type Candidate } from './match-fuzzy';

/** What is known about where the quote was: the W3C prefix/suffix and a raw position hint. */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected raw start offset (from a TextPositionSelector). */
  hint?: number;
}

/** A located quote, in raw offsets of the index text. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Edit distance between the folded quote and the folded match; 0 means same text. */
  errors: number;
  /** 0..1: quote similarity and context agreement (1 for an exact match with full context). */
  score: number;
}

/**
 * Finds `quote` in `source` (a string or a prepared TextIndex). Returns null when the
 * quote is absent, when several places fit equally well and nothing tells them apart, or
 * when the best fuzzy candidate is below the acceptance threshold: orphan rather than wrong.
 */
export function matchQuote(source: string | TextIndex, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  const index = typeof source === 'string' ? createTextIndex([source]) : source;
  const folded = normalizeQuote(quote);
  if (folded.length === 0) return null;
  const norm = index.normalized();
  const ctx: FoldedContext = {
    prefix: normalizeQuote(context.prefix ?? ''),
    suffix: normalizeQuote(context.suffix ?? ''),
    hint: context.hint === undefined ? undefined : toNormalizedOffset(norm, context.hint),
  };
  const found = findExact(norm.text, folded, ctx) ?? findFuzzy(norm.text, folded, ctx);
  if (found === null || found === 'ambiguous') return null;
  return { ...toRawMatch(index.text, norm, found, quote), errors: found.errors, score: found.score };
}

/** Length of the common run ending at text[end) and at the end of `prefix`. */
function prefixAgreement(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < end && text.charCodeAt(end - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** Length of the common run starting at text[start] and at the start of `suffix`. */
function suffixAgreement(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text.charCodeAt(start + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/** Occurrences examined first: those starting within this many folded units of the hint. */
const EXACT_WINDOW = 2048;

interface Scan {
  best: Candidate | null;
  agreement: number;
  tied: boolean;
}

/** Best exact occurrence lying inside text[from, to): most context agreement, then nearest the hint. */
function scanOccurrences(text: string, quote: string, ctx: FoldedContext, from: number, to: number): Scan {
  const scan: Scan = { best: null, agreement: -1, tied: false };
  let bestDistance = Infinity;
  // A window is searched as its own (cheap, shared-memory) substring so indexOf stops at its end.
  const hay = from === 0 && to >= text.length ? text : text.slice(from, to);
  for (let i = hay.indexOf(quote); i !== -1; i = hay.indexOf(quote, i + 1)) {
    const at = from + i;
    const agreement = prefixAgreement(text, at, ctx.prefix) + suffixAgreement(text, at + quote.length, ctx.suffix);
    const distance = ctx.hint === undefined ? 0 : Math.abs(at - ctx.hint);
    if (agreement > scan.agreement || (agreement === scan.agreement && distance < bestDistance)) {
      scan.best = { start: at, end: at + quote.length, errors: 0, score: 0 };
      scan.agreement = agreement;
      scan.tied = false;
      bestDistance = distance;
    } else if (agreement === scan.agreement && distance === bestDistance) {
      scan.tied = true;
    }
  }
  return scan;
}

/**
 * Every exact occurrence (indexOf), scored by how many context characters agree on each
 * side. Ties go to the occurrence nearest the hint; with no hint, a tie between several
 * occurrences is 'ambiguous'. Shortcut: an occurrence near the hint with full context
 * agreement cannot be beaten by any farther one, so the whole text is scanned only when
 * the window around the hint has none.
 */
export function findExact(text: string, quote: string, ctx: FoldedContext): Candidate | 'ambiguous' | null {
  const contextLength = ctx.prefix.length + ctx.suffix.length;
  let scan: Scan | null = null;
  if (ctx.hint !== undefined) {
    const local = scanOccurrences(text, quote, ctx, Math.max(0, ctx.hint - EXACT_WINDOW), ctx.hint + quote.length + EXACT_WINDOW);
    if (local.agreement === contextLength) scan = local;
  }
  scan ??= scanOccurrences(text, quote, ctx, 0, text.length);
  if (scan.best === null) return null;
  if (scan.tied) return 'ambiguous';
  scan.best.score = contextLength === 0 ? 1 : 0.5 + (0.5 * scan.agreement) / contextLength;
  return scan.best;
}

/**
 * Folded span → raw span. When the raw quote began or ended with whitespace (a common
 * selection habit) the same amount of adjacent raw whitespace is included again, so a
 * described range round-trips to the same offsets.
 */
function toRawMatch(raw: string, norm: NormalizedText, found: Candidate, quote: string): { start: number; end: number } {
  let { start, end } = toRawSpan(norm, found.start, found.end);
  let lead = 0;
  while (lead < quote.length && isFoldedAway(quote.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < quote.length - lead && isFoldedAway(quote.charCodeAt(quote.length - 1 - trail))) trail++;
  for (; lead > 0 && start > 0 && isFoldedAway(raw.charCodeAt(start - 1)); lead--) start--;
  for (; trail > 0 && end < raw.length && isFoldedAway(raw.charCodeAt(end)); trail--) end++;
  return { start, end };
}
