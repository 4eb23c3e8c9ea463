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
import type { AnchorStatus, Selector } from '../model/selectors';
import { normaliseUrl } from '../document/normalise-url';
import { linkedKeys, partsOfOneWork, versionKey, versionLabel, writtenOnLine, type DocumentLink } from '../document/versions';
import { anchorInText, findQuoteSelector } from './match-selectors';
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
): VersionPlacement {
  const relation = versionRelation(pageUri, comment.source, links);
  const label = relation === 'same' ? null : versionLabel(comment.source, links);
  const quote = findQuoteSelector(comment.selectors)?.exact ?? '';
  const base = {
    relation,
    writtenOn: relation === 'same' ? null : label,
    writtenOnLine: relation === 'same' ? null : writtenOnLine(label),
    quote,
  };
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
 */
export function placeAcrossVersions(
  index: TextIndex,
  pageUri: string,
  comments: readonly CommentOnVersion[],
  links: readonly DocumentLink[] = [],
): VersionPlacement[] {
  return comments.map((comment) => {
    const found = anchorInText(index, comment.selectors);
    return describePlacement(
      found ? { status: found.status, span: { start: found.start, end: found.end } } : { status: 'orphan', span: null },
      index.text,
      comment,
      pageUri,
      links,
    );
  });
}

/** The placements listed under "Not in this version", in the given order. */
export function notInThisVersion(placements: readonly VersionPlacement[]): VersionPlacement[] {
  return placements.filter((p) => p.status === 'not-in-this-version');
}
