/**
 * Comments written on other versions of a document, placed on this version. Pure: the
 * existing anchoring (anchorInText on a text index: position, exact quote, fuzzy quote)
 * does the finding; this module only names the result for people:
 *
 * - `exact` / `moved`: the same words, at the recorded place or elsewhere;
 * - `changed`: found approximately (fuzzy) and the words differ, with a word diff of the
 *   comment's quote against the words now there ("The words have changed since this
 *   comment was written");
 * - `not-in-this-version`: not found (orphan), listed under "Not in this version" with the
 *   original quote;
 * - `elsewhere`: not found, and written on another provision of the same legislation (s.6
 *   when this page is s.1's cross-heading): not listed, it is not missing from this version.
 *
 * Each placement carries the version the comment was written on ("Written on the Care Bill
 * (2013-14)"), or null when it was written on this version.
 */
import type { AnchorStatus, Selector, TextPositionSelector } from '../model/selectors';
import { normaliseUrl } from '../document/normalise-url';
import { linkedKeys, partsOfOneWork, versionKey, versionLabel, versionName, writtenOnLine, type DocumentLink, type VersionName } from '../document/versions';
import type { FoldedContext } from './match-fuzzy';
import { findExact } from './match-quote';
import { anchorInText, findPositionSelector, findQuoteSelector, type TextAnchor } from './match-selectors';
import { normalizeQuote, toNormalizedOffset, type NormalizedText } from './normalize';
import type { TextIndex } from './text-index';
import { hasChanges, wordDiff, type WordRun } from './word-diff';

export type VersionStatus = 'exact' | 'moved' | 'changed' | 'not-in-this-version' | 'elsewhere';

/** How the comment's document stands to the page's. */
export type VersionRelation = 'same' | 'version' | 'part' | 'unrelated';

/** A comment as this module needs it: the document it was written on and its selectors. */
export interface CommentOnVersion {
  source: string;
  selectors: readonly Selector[];
}

/** Where a comment goes on this version, and how to say so. */
export interface VersionPlacement {
  status: VersionStatus;
  relation: VersionRelation;
  /** The label of the version it was written on (null: written on this one). */
  writtenOn: string | null;
  /** "Written on the Care Bill (2013-14)" (null: written on this version). */
  writtenOnLine: string | null;
  /** The same as data, for a reader's own language (null: written on this version). */
  writtenOnName: VersionName | null;
  /** Offsets in the page text (null unless exact, moved or changed). */
  span: { start: number; end: number } | null;
  /** The passage the comment was written on, as it was. */
  quote: string;
  /** The words now at `span` (null when not found). */
  now: string | null;
  /** Old and new words, for `changed` only. */
  diff: WordRun[] | null;
}

/** The line shown above a changed comment's word diff. */
export const WORDS_CHANGED_LINE = 'The words have changed since this comment was written';
/** The heading of the list of comments whose words are gone from this version. */
export const NOT_IN_THIS_VERSION = 'Not in this version';

/** How a placement names the document a comment was written on (the same for all its comments). */
export interface SourceNames {
  relation: VersionRelation;
  writtenOn: string | null;
  writtenOnLine: string | null;
  writtenOnName: VersionName | null;
}

/** How the document `source` stands to the page `pageUri`, given the group's links. */
export function versionRelation(pageUri: string, source: string, links: readonly DocumentLink[] = []): VersionRelation {
  const page = normaliseUrl(pageUri);
  const from = normaliseUrl(source);
  if (page === null || from === null) return 'unrelated';
  if (page === from) return 'same';
  const key = versionKey(from);
  if (key !== null && linkedKeys(page, links).includes(key)) return 'version';
  return partsOfOneWork(page, from) ? 'part' : 'unrelated';
}

/**
 * Name an anchoring result (`status`, `span` in `text`) of `comment` on the page `pageUri`.
 * Use with the DOM anchor's result (AnchorResult has both) or through {@link placeAcrossVersions}.
 */
export function describePlacement(
  found: { status: AnchorStatus; span: { start: number; end: number } | null },
  text: string,
  comment: CommentOnVersion,
  pageUri: string,
  links: readonly DocumentLink[] = [],
  /** Names per source document, kept across calls for one page (addresses are parsed once). */
  names: Map<string, SourceNames> = new Map(),
): VersionPlacement {
  let named = names.get(comment.source);
  if (!named) {
    const relation = versionRelation(pageUri, comment.source, links);
    const label = relation === 'same' ? null : versionLabel(comment.source, links);
    named = {
      relation,
      writtenOn: label,
      writtenOnLine: relation === 'same' ? null : writtenOnLine(label),
      writtenOnName: relation === 'same' ? null : versionName(comment.source, links),
    };
    names.set(comment.source, named);
  }
  const { relation } = named;
  const quote = findQuoteSelector(comment.selectors)?.exact ?? '';
  const base = { relation, writtenOn: named.writtenOn, writtenOnLine: named.writtenOnLine, writtenOnName: named.writtenOnName, quote };
  if (found.status === 'orphan' || found.span === null) {
    return { ...base, status: relation === 'part' ? 'elsewhere' : 'not-in-this-version', span: null, now: null, diff: null };
  }
  const now = text.slice(found.span.start, found.span.end);
  if (found.status === 'fuzzy') {
    const diff = wordDiff(quote, now);
    // Approximate only in characters the words do not show (spacing, a dropped line break): moved.
    if (hasChanges(diff)) return { ...base, status: 'changed', span: found.span, now, diff };
    return { ...base, status: 'moved', span: found.span, now, diff: null };
  }
  return { ...base, status: found.status, span: found.span, now, diff: null };
}

/**
 * Anchor every comment (written on this page or any version of it) on the page's text index
 * with the existing anchoring, and name each result. Same order as `comments`.
 *
 * A later version shifts every passage by the words added and removed before it, so a
 * comment's recorded position points a little off and the fuzzy search's window around it
 * misses. First, each comment whose exact words are found with their full context (no fuzzy
 * search) says how far its version's text has moved at that place; then every comment is
 * anchored with its position moved by the median shift of the nearest such comments written
 * on the same version. Where those neighbours agree, the comment is anchored on the text
 * near the place they predict only (an identical or similar passage farther away is another
 * passage: legislation repeats itself), and is an orphan when nothing is there.
 * Status stays relative to the recorded position: found at a shifted place it is `moved`.
 */
export function placeAcrossVersions(
  index: TextIndex,
  pageUri: string,
  comments: readonly CommentOnVersion[],
  links: readonly DocumentLink[] = [],
): VersionPlacement[] {
  const shifts = shiftEstimator(index, comments);
  const names = new Map<string, SourceNames>();
  return comments.map((comment, i) => {
    const position = findPositionSelector(comment.selectors);
    const estimate = shifts(i);
    const selectors = position && estimate.shift !== 0 ? shiftPosition(comment.selectors, estimate.shift) : comment.selectors;
    // Where the sure neighbours agree, only the text near the place they predict is searched:
    // an identical or similar passage farther away (legislation repeats itself) is another
    // passage, so nothing near → orphan. Elsewhere, the whole text as usual.
    const found =
      position && estimate.reliable
        ? anchorNear(index, selectors, position.start + estimate.shift, position.end - position.start)
        : anchorInText(index, selectors);
    let status: AnchorStatus = found ? found.status : 'orphan';
    if (found && status === 'exact' && position && found.start !== position.start) status = 'moved';
    return describePlacement(found ? { status, span: { start: found.start, end: found.end } } : { status: 'orphan', span: null }, index.text, comment, pageUri, links, names);
  });
}

/**
 * How far either side of the predicted position a comment is looked for (the neighbours'
 * shifts are good to a few words; a passage farther off is another one, or moved alone).
 */
const CLOSE = 96;
/** Neighbour shifts agree when within half this of their median; three must agree to predict a position. */
const RELIABLE_SPREAD = 128;

/** The existing anchoring on the stretch of text around `at` only; offsets in the whole text. */
function anchorNear(index: TextIndex, selectors: readonly Selector[], at: number, length: number): TextAnchor | null {
  const from = Math.max(0, at - CLOSE);
  const to = Math.min(index.text.length, at + length + CLOSE);
  if (from >= to) return null;
  const local = anchorInText(windowIndex(index, from, to), shiftPosition(selectors, -from));
  return local ? { ...local, start: local.start + from, end: local.end + from } : null;
}

/** A text index of `index.text[from, to)` whose folded text is cut from the whole text's (folded once). */
function windowIndex(index: TextIndex, from: number, to: number): TextIndex {
  const text = index.text.slice(from, to);
  let cut: NormalizedText | null = null;
  return {
    text,
    starts: Int32Array.of(0, text.length),
    segmentCount: 1,
    normalized(): NormalizedText {
      if (cut) return cut;
      const norm = index.normalized();
      const start = toNormalizedOffset(norm, from);
      const end = toNormalizedOffset(norm, to);
      const toRaw = norm.toRaw.slice(start, end);
      for (let i = 0; i < toRaw.length; i++) toRaw[i] = toRaw[i]! - from;
      cut = { text: norm.text.slice(start, end), toRaw, rawLength: text.length };
      return cut;
    },
  };
}

/** How far (folded units) from its recorded position a comment's exact words count as a sample. */
const SAMPLE_WINDOW = 2048;

/** How many nearby sure placements a shift estimate takes the median of. */
const SHIFT_NEIGHBOURS = 7;

/** The selectors with the TextPositionSelector moved by `shift` (not below 0). */
function shiftPosition(selectors: readonly Selector[], shift: number): Selector[] {
  return selectors.map((s) => {
    if (s.type !== 'TextPositionSelector') return s;
    const p = s as TextPositionSelector;
    const start = Math.max(0, p.start + shift);
    return { ...p, start, end: start + (p.end - p.start) };
  });
}

/**
 * For comment `i`: the estimated shift of its recorded position in this text (0 when nothing
 * sure is near). Samples: comments whose folded quote occurs with full context agreement.
 */
function shiftEstimator(index: TextIndex, comments: readonly CommentOnVersion[]): (i: number) => { shift: number; reliable: boolean } {
  const samplesBySource = new Map<string, Array<{ at: number; shift: number; from: number }>>();
  const normal = new Map<string, string>();
  const sourceOf = comments.map((c) => {
    let n = normal.get(c.source);
    if (n === undefined) normal.set(c.source, (n = normaliseUrl(c.source) ?? c.source));
    return n;
  });
  let norm: ReturnType<TextIndex['normalized']> | null = null;
  comments.forEach((comment, i) => {
    const quote = findQuoteSelector(comment.selectors);
    const position = findPositionSelector(comment.selectors);
    if (!quote || !position) return;
    const text = index.text;
    // Already where it was recorded: a zero shift, no search needed.
    let shift: number | null = null;
    if (position.end <= text.length && text.slice(position.start, position.end) === quote.exact) shift = 0;
    else {
      const folded = normalizeQuote(quote.exact);
      if (folded.length === 0) return;
      norm ??= index.normalized();
      // Only near the recorded position (a sample from far away would mislead its neighbours).
      const hint = toNormalizedOffset(norm, Math.min(position.start, text.length));
      const from = Math.max(0, hint - SAMPLE_WINDOW);
      const ctx: FoldedContext = { prefix: normalizeQuote(quote.prefix ?? ''), suffix: normalizeQuote(quote.suffix ?? ''), hint: hint - from };
      const found = findExact(norm.text.slice(from, hint + folded.length + SAMPLE_WINDOW), folded, ctx);
      const full = ctx.prefix.length + ctx.suffix.length > 0;
      if (found && found !== 'ambiguous' && found.score === 1 && full) shift = norm.toRaw[found.start + from]! - position.start;
    }
    if (shift === null) return;
    const list = samplesBySource.get(sourceOf[i]!) ?? [];
    list.push({ at: position.start, shift, from: i });
    samplesBySource.set(sourceOf[i]!, list);
  });
  for (const list of samplesBySource.values()) list.sort((a, b) => a.at - b.at);
  return (i) => {
    const position = findPositionSelector(comments[i]!.selectors);
    const list = samplesBySource.get(sourceOf[i]!);
    if (!position || !list || list.length === 0) return { shift: 0, reliable: false };
    // Nearest samples by recorded position, both sides.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.at < position.start) lo = mid + 1;
      else hi = mid;
    }
    let left = lo - 1;
    let right = lo;
    const near: number[] = [];
    while (near.length < SHIFT_NEIGHBOURS && (left >= 0 || right < list.length)) {
      const dl = left >= 0 ? position.start - list[left]!.at : Infinity;
      const dr = right < list.length ? list[right]!.at - position.start : Infinity;
      const sample = dl <= dr ? list[left--]! : list[right++]!;
      // A comment's own result does not vouch for itself.
      if (sample.from !== i) near.push(sample.shift);
    }
    if (near.length === 0) return { shift: 0, reliable: false };
    near.sort((a, b) => a - b);
    const shift = near[near.length >> 1]!;
    // Most neighbours agree (one of them may itself sit on a repeated passage).
    const agreeing = near.filter((n) => Math.abs(n - shift) <= RELIABLE_SPREAD / 2).length;
    return { shift, reliable: agreeing >= 3 };
  };
}

/** The placements listed under "Not in this version", in the given order. */
export function notInThisVersion(placements: readonly VersionPlacement[]): VersionPlacement[] {
  return placements.filter((p) => p.status === 'not-in-this-version');
}
