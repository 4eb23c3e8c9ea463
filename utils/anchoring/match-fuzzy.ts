/**
 * Fuzzy quote search on folded text with approx-string-match (Myers' bit-parallel
 * algorithm). Searches a window around the expected position first, then the whole text.
 * Candidates are scored like Hypothesis' match-quote (quote 50, prefix 20, suffix 20,
 * position 2) but must also clear acceptance rules, because an orphan is better than a
 * comment shown next to the wrong words.
 */
import search from 'approx-string-match';

/** Context folded into the same coordinates as the folded document text. */
export interface FoldedContext {
  prefix: string;
  suffix: string;
  /** Expected start, as a folded offset. */
  hint: number | undefined;
}

/** A candidate span in folded coordinates. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
}

/** Folded quotes shorter than this never match fuzzily: a few edits make them mean anything. */
export const MIN_FUZZY_LENGTH = 8;
/** Below this folded length a fuzzy match also needs one side of its context to agree. */
export const SHORT_QUOTE_LENGTH = 32;
/** Minimum weighted score (0..1) for a fuzzy candidate. */
export const MIN_FUZZY_SCORE = 0.6;
/** Two non-overlapping candidates closer than this in score are ambiguous. */
const AMBIGUITY_MARGIN = 0.02;
/** Below this, an edited window candidate's context says it is a look-alike of the passage. */
const LOOK_ALIKE_CONTEXT = 0.5;
/** More equally close candidates than this: too many look-alikes to choose safely (ambiguous). */
const MAX_CANDIDATES = 64;

/**
 * Error budget for a folded quote of `length` units: a quarter of the length from 64 units
 * up (capped at 64 errors), ramping down quadratically below that (length²/256, at least
 * 1), because each edit changes a short quote's meaning more: 9 units allow 1 error, 28
 * allow 3, 40 allow 6. Folded quotes under 8 units get no fuzzy matching at all.
 */
export function errorBudget(length: number): number {
  if (length < MIN_FUZZY_LENGTH) return 0;
  return Math.min(64, Math.max(1, Math.floor((length * Math.min(length, 64)) / 256)));
}

/**
 * Approximate matching minimises edits, so where words were inserted it may prefer
 * substitutions that shift an edge (e.g. start inside the inserted words). If the quote's
 * first (last) 16 or 8 folded units occur exactly within reach of the edge, snap to them.
 */
function snapEdges(text: string, quote: string, m: { start: number; end: number; errors: number }) {
  const reach = m.errors + 4;
  let { start, end } = m;
  for (const h of [16, 8]) {
    if (h * 2 > quote.length) continue;
    const from = Math.max(0, m.start - reach);
    const at = nearest(text.slice(from, m.start + reach + h), quote.slice(0, h), m.start - from);
    if (at !== -1) {
      start = from + at;
      break;
    }
  }
  for (const h of [16, 8]) {
    if (h * 2 > quote.length) continue;
    const from = Math.max(0, m.end - reach - h);
    const at = nearest(text.slice(from, m.end + reach), quote.slice(-h), m.end - h - from);
    if (at !== -1) {
      end = from + at + h;
      break;
    }
  }
  return start < end ? { start, end, errors: m.errors } : m;
}

/** Occurrence of `needle` in `hay` closest to `target`, or -1. */
function nearest(hay: string, needle: string, target: number): number {
  let best = -1;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    if (best === -1 || Math.abs(at - target) < Math.abs(best - target)) best = at;
  }
  return best;
}

/** 0..1 similarity of `expected` to the best-matching part of `actual`; null if nothing was expected. */
function contextSimilarity(actual: string, expected: string): number | null {
  if (expected.length === 0) return null;
  if (actual.length === 0) return 0;
  const [best] = search(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

interface Scored extends Candidate {
  contextBest: number;
}

function scoreCandidate(text: string, quoteLength: number, m: { start: number; end: number; errors: number }, ctx: FoldedContext): Scored {
  const quoteSim = 1 - m.errors / quoteLength;
  const prefixSim = contextSimilarity(text.slice(Math.max(0, m.start - ctx.prefix.length), m.start), ctx.prefix);
  const suffixSim = contextSimilarity(text.slice(m.end, m.end + ctx.suffix.length), ctx.suffix);
  // Missing context counts as "no evidence" (0.5), neither for nor against.
  let raw = 50 * quoteSim + 20 * (prefixSim ?? 0.5) + 20 * (suffixSim ?? 0.5);
  let max = 90;
  if (ctx.hint !== undefined) {
    raw += 2 * (1 - Math.min(1, Math.abs(m.start - ctx.hint) / Math.max(1, text.length)));
    max += 2;
  }
  return { ...m, score: raw / max, contextBest: Math.max(prefixSim ?? 0, suffixSim ?? 0) };
}

function isAcceptable(c: Scored, quoteLength: number): boolean {
  if (c.score < MIN_FUZZY_SCORE) return false;
  return quoteLength >= SHORT_QUOTE_LENGTH || c.contextBest >= 0.7;
}

/** Best candidate among approx-string-match results, 'ambiguous' on a near tie elsewhere, or null. */
function pickBest(text: string, quote: string, matches: readonly { start: number; end: number; errors: number }[], ctx: FoldedContext): Scored | 'ambiguous' | null {
  const quoteLength = quote.length;
  if (matches.length > MAX_CANDIDATES) return 'ambiguous';
  const scored = matches.map((m) => scoreCandidate(text, quoteLength, snapEdges(text, quote, m), ctx));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || !isAcceptable(best, quoteLength)) return null;
  const rival = scored.find((c) => c !== best && (c.end <= best.start || c.start >= best.end));
  if (rival && best.score - rival.score < AMBIGUITY_MARGIN) return 'ambiguous';
  return best;
}

/**
 * Fuzzy search for a folded quote. Near the hint first (window of the quote's length plus
 * 64 units each side, cheap), then the whole text (O(n·k/32)). Returns null when no
 * candidate clears the acceptance rules.
 */
export function findFuzzy(text: string, quote: string, ctx: FoldedContext): Candidate | 'ambiguous' | null {
  const length = quote.length;
  const budget = errorBudget(length);
  if (budget === 0) return null;
  let windowCoversAll = false;
  if (ctx.hint !== undefined) {
    const slack = length + 64;
    const from = Math.max(0, ctx.hint - slack);
    const to = Math.min(text.length, ctx.hint + length + slack);
    windowCoversAll = from === 0 && to === text.length;
    const local = search(text.slice(from, to), quote, budget).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
    let best = pickBest(text, quote, local, ctx);
    // Other words either side of an edited match: a look-alike near the place ("tax those
    // charged" beside "tax charged", which lost more words than the budget allows), not the
    // passage. Not here, rather than next to the wrong words.
    if (best !== null && best !== 'ambiguous' && best.errors > 0 && best.contextBest < LOOK_ALIKE_CONTEXT && ctx.prefix.length + ctx.suffix.length > 0) best = null;
    if (best !== null && best !== 'ambiguous') return best;
  }
  if (windowCoversAll) return null;
  return pickBest(text, quote, search(text, quote, budget), ctx);
}
