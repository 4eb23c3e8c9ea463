/**
 * What the importers share: the result shape, themes by name, the comment they build and
 * the checks every imported comment passes (utils/model's schema). Pure: JSON in, data out.
 */
import {
  ANNO_CONTEXT,
  LEA_CONTEXT,
  checkAnnotation,
  type LeaAnnotation,
} from '../model/annotation';
import { DEFAULT_THEMES, themeIdForTag, themeIdOf, themeLabel, type Theme } from '../model/themes';
import { createAnnotationId } from '../model/ids';

/** One item of a file that could not become a comment, and why, in plain English. */
export interface RefusedItem {
  /** Where it is in the file (0-based, in reading order). */
  position: number;
  /** The original id, when it has one. */
  via: string | null;
  reason: string;
}

/** A file read as comments (each with `via` = the original id), or why the file cannot be read. */
export type ImportRead =
  | {
      ok: true;
      format: 'hypothesis' | 'w3c';
      comments: LeaAnnotation[];
      refused: RefusedItem[];
      /** Tags that could not be kept (empty, or longer than a theme may be). */
      tagsLeftOut: number;
    }
  | { ok: false; reason: string };

/** Options shared by the readers. */
export interface ReadOptions {
  /**
   * The vocabulary tags are matched to by label or id, ignoring case (default: Making It Real);
   * Making It Real labels as plain strings are still accepted.
   */
  themes?: readonly (Theme | string)[];
  /** A new `urn:uuid:` id for each comment (default: UUID v7 now). */
  newId?: () => string;
  /** The time used when an item has none (default: now). */
  now?: () => Date;
}

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
export const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** The longest tag kept as a theme body (utils/model ThemeBodySchema). */
const MAX_TAG = 200;

export function defaultNewId(): string {
  return createAnnotationId(Date.now(), (bytes) => globalThis.crypto.getRandomValues(bytes));
}

/** An ISO 8601 time (UTC, milliseconds) from any date string JavaScript reads, or null. */
export function isoOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * Tags as themes: a tag naming a theme of the vocabulary or of Making It Real (by label or
 * id, ignoring case and spacing) becomes that theme's id; any other tag is kept as it is (a
 * tagging body may hold any name); empty or over-long tags are left out and counted. No
 * theme twice.
 */
export function tagsToThemes(tags: readonly unknown[], themes: readonly (Theme | string)[] = DEFAULT_THEMES): { themes: string[]; leftOut: number } {
  const vocabulary = themes.map((t): Theme => (typeof t === 'string' ? { id: themeIdOf(t), label: themeLabel(DEFAULT_THEMES, t), retired: false } : t));
  const out: string[] = [];
  const seen = new Set<string>();
  let leftOut = 0;
  for (const tag of tags) {
    const name = typeof tag === 'string' ? tag.trim() : '';
    if (!name || name.length > MAX_TAG) {
      leftOut++;
      continue;
    }
    const theme = themeIdForTag(vocabulary, name);
    if (seen.has(theme.toLowerCase())) continue;
    seen.add(theme.toLowerCase());
    out.push(theme);
  }
  return { themes: out, leftOut };
}

/** What an importer knows about one item, before it becomes a comment. */
export interface CommentParts {
  via: string;
  text: string;
  themes: string[];
  motivation?: 'commenting' | 'questioning' | 'editing';
  source: string;
  scope?: string;
  quote: { exact: string; prefix?: string; suffix?: string } | null;
  position: { start: number; end: number; page?: number } | null;
  /** A whole PDF page (no text to quote), 1-based. */
  wholePage?: number;
  creatorName: string;
  created: string | null;
  modified: string | null;
  documentTitle?: string;
}

/**
 * The extension comment for one imported item: shared with the group, named when the
 * original gives a display name, perspective not said. Checked against utils/model: the
 * schema's own plain-English problems are the refusal.
 */
export function buildComment(parts: CommentParts, options: ReadOptions): { ok: true; comment: LeaAnnotation } | { ok: false; reason: string } {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const created = parts.created ?? parts.modified ?? now;
  const modified = parts.modified && parts.modified >= created ? parts.modified : created;
  const name = parts.creatorName.trim().slice(0, 200);
  let selector: unknown[];
  if (parts.wholePage !== undefined) {
    selector = [{ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${parts.wholePage}` }];
  } else {
    if (!parts.quote) return { ok: false, reason: 'It is not about a quoted passage (a page note, or a whole page): comments here are always on a passage.' };
    const q = parts.quote;
    const quote = { type: 'TextQuoteSelector', exact: q.exact, ...(q.prefix ? { prefix: q.prefix } : {}), ...(q.suffix ? { suffix: q.suffix } : {}) };
    // No recorded position: an empty one at 0, so anchoring searches the quote with its context.
    const p = parts.position ?? { start: 0, end: 0 };
    selector = [quote, { type: 'TextPositionSelector', start: p.start, end: p.end, ...(p.page ? { page: p.page } : {}) }];
  }
  const title = parts.documentTitle?.trim().slice(0, 500);
  const candidate = {
    '@context': [ANNO_CONTEXT, LEA_CONTEXT],
    id: (options.newId ?? defaultNewId)(),
    type: 'Annotation',
    motivation: parts.motivation ?? 'commenting',
    created,
    modified,
    ...(name ? { creator: { type: 'Person', name } } : {}),
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: parts.text },
      ...parts.themes.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
    ],
    target: { source: parts.source, selector, ...(parts.scope ? { scope: parts.scope } : {}) },
    perspective: 'not-said',
    visibility: 'group',
    attribution: name ? 'named' : 'anonymous',
    ...(title ? { documentTitle: title } : {}),
    via: parts.via,
  };
  const checked = checkAnnotation(candidate);
  if (!checked.ok) return { ok: false, reason: `It does not make a valid comment: ${[...new Set(checked.problems)].join('; ')}.` };
  return { ok: true, comment: checked.value };
}
