import { normalizeQuote, normalizeText, toRawSpan } from '../anchoring/normalize';

/** One place the words were found: offsets in the document's whole text, and words either side to tell matches apart. */
export interface WordMatch {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/** How many characters of context a match shows on each side. */
export const FIND_CONTEXT = 40;

/**
 * Finds `words` in `text` (a document's whole text), ignoring case, spacing, line breaks and
 * typographic quote marks and dashes, as the anchoring does. Returns at most `limit` matches in
 * page order and the total count. Pure: text in, offsets out.
 */
export function findWords(text: string, words: string, limit = 50): { matches: WordMatch[]; total: number } {
  const needle = normalizeQuote(words).toLowerCase();
  if (needle.length < 2) return { matches: [], total: 0 };
  const folded = normalizeText(text);
  const lower = folded.text.toLowerCase();
  // Lower-casing that changes length (rare letters) would shift offsets: match case-sensitively then.
  const hay = lower.length === folded.text.length ? lower : folded.text;
  const matches: WordMatch[] = [];
  let total = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) {
    total++;
    if (matches.length >= limit) continue;
    const { start, end } = toRawSpan(folded, at, at + needle.length);
    matches.push({
      start,
      end,
      before: squash(text.slice(Math.max(0, start - FIND_CONTEXT), start)).trimStart(),
      match: squash(text.slice(start, end)),
      after: squash(text.slice(end, end + FIND_CONTEXT)).trimEnd(),
    });
  }
  return { matches, total };
}

/** Runs of whitespace as one space, so context reads as a line. */
const squash = (s: string) => s.replace(/\s+/g, ' ');
