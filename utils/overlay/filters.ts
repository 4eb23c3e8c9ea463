import * as v from 'valibot';
import { ANSWER_STATUSES, ANSWER_STATUS_VALUES, DEFAULT_THEMES, KINDS, PERSPECTIVES, kindOf, labelFor, passageOf, themeIdOf, themeLabel, themesOf, type LeaAnnotation, type Theme } from '../model';
import { matchesAnswerFilter, NOT_ANSWERED, type AnswerFilter, type CommentThread } from '../conversation/build-thread';

/** The officer's (and member's) choices for which comments to show. Empty means "any". */
export interface CommentFilters {
  /** A theme id (a legacy English label is read as its id), or another tool's tag. */
  theme: string;
  perspective: string;
  kind: string;
  /** A display name, or "Anonymous". */
  author: string;
  /** Inclusive ISO dates (YYYY-MM-DD) on the comment's creation day. */
  from: string;
  to: string;
  /** Only passages with at least this many comments (1 = all). */
  minPerPassage: number;
  /** The answer an officer gave ('' any, NOT_ANSWERED, or a status). Needs the threads to apply. */
  answer: AnswerFilter;
  /**
   * Set by the side panel for the page, which has no threads: exactly the comment ids its list
   * shows (so an answer filter paints the same comments). Never set by people.
   */
  only?: string[];
}

export const NO_FILTERS: CommentFilters = { theme: '', perspective: '', kind: '', author: '', from: '', to: '', minPerPassage: 1, answer: '' };

/** The orders the side panel lists comments in: the page's, or most "this is my experience too" first. */
export type CommentOrder = 'page' | 'support';

const FilterText = v.pipe(v.string(), v.maxLength(200));

/** The filters as they cross from the side panel to the page (validated there: a page is untrusted ground). */
export const CommentFiltersSchema = v.object({
  theme: FilterText,
  perspective: FilterText,
  kind: FilterText,
  author: FilterText,
  from: FilterText,
  to: FilterText,
  minPerPassage: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  answer: v.optional(v.picklist(['', NOT_ANSWERED, ...ANSWER_STATUS_VALUES] as const), ''),
  only: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(10_000))),
});

/** True when the filters let every comment through. */
export function showsEverything(filters: CommentFilters): boolean {
  return filters.only === undefined && (Object.keys(NO_FILTERS) as (keyof CommentFilters)[]).every((key) => (filters[key] ?? NO_FILTERS[key]) === NO_FILTERS[key]);
}

/** The author as people read it: never a name on an anonymous comment. */
export function authorName(annotation: LeaAnnotation): string {
  return annotation.attribution === 'named' && annotation.creator ? annotation.creator.name : 'Anonymous';
}

/** Comments on the same passage share this key (same quote at the same recorded place). */
export function passageKey(annotation: LeaAnnotation): string {
  const passage = passageOf(annotation);
  return `${passage.page ?? ''}:${passage.start}:${passage.end}:${passage.quote}`;
}

type Facet = 'theme' | 'perspective' | 'kind' | 'author';

function matches(annotation: LeaAnnotation, filters: CommentFilters, skip?: Facet): boolean {
  if (skip !== 'theme' && filters.theme && !themesOf(annotation).includes(themeIdOf(filters.theme))) return false;
  if (skip !== 'perspective' && filters.perspective && annotation.perspective !== filters.perspective) return false;
  if (skip !== 'kind' && filters.kind && kindOf(annotation) !== filters.kind) return false;
  if (skip !== 'author' && filters.author && authorName(annotation) !== filters.author) return false;
  const day = annotation.created.slice(0, 10);
  if (filters.from && day < filters.from) return false;
  if (filters.to && day > filters.to) return false;
  return true;
}

/** A comment with no conversation yet: what the answer filter sees for a comment nobody replied to. */
const QUIET: Pick<CommentThread, 'latestAnswer'> = { latestAnswer: null };

/**
 * Apply the filters; the "N or more comments" rule counts the comments that pass the other
 * filters, so "3 or more about Workforce" means three Workforce comments on one passage.
 * The answer filter applies when `threads` are given (the side panel); the page, which has
 * none, follows `only` instead.
 */
export function filterComments<T extends { annotation: LeaAnnotation }>(items: readonly T[], filters: CommentFilters, threads?: ReadonlyMap<string, Pick<CommentThread, 'latestAnswer'>>): T[] {
  const only = filters.only ? new Set(filters.only) : null;
  const answer = filters.answer ?? '';
  const kept = items.filter(
    (item) =>
      matches(item.annotation, filters) &&
      (!only || only.has(item.annotation.id)) &&
      (!threads || answer === '' || matchesAnswerFilter((threads.get(item.annotation.id) ?? QUIET) as CommentThread, answer)),
  );
  if (filters.minPerPassage <= 1) return kept;
  const perPassage = new Map<string, number>();
  for (const item of kept) perPassage.set(passageKey(item.annotation), (perPassage.get(passageKey(item.annotation)) ?? 0) + 1);
  return kept.filter((item) => (perPassage.get(passageKey(item.annotation)) ?? 0) >= filters.minPerPassage);
}

/** One choice in a filter list, with how many comments it would show. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** A vocabulary given as themes, or (older callers) as Making It Real labels. */
function asThemes(vocabulary: readonly (Theme | string)[]): Theme[] {
  return vocabulary.map((t) => (typeof t === 'string' ? { id: themeIdOf(t), label: themeLabel(DEFAULT_THEMES, t), retired: false } : t));
}

/**
 * Counts per filter value, each counted with the other filters applied (so the numbers say
 * what choosing that value would show). Values with no comments are still listed for the
 * fixed vocabularies, so the choices don't jump around. Themes are the group's current ones
 * (by id, with its labels), then any other theme or tag the comments have.
 */
export function facetCounts(annotations: readonly LeaAnnotation[], filters: CommentFilters, themeVocabulary: readonly (Theme | string)[] = DEFAULT_THEMES): Record<Facet, FacetOption[]> {
  const vocabulary = asThemes(themeVocabulary);
  const count = (facet: Facet, valuesOf: (a: LeaAnnotation) => string[]) => {
    const counts = new Map<string, number>();
    for (const a of annotations) {
      if (!matches(a, filters, facet)) continue;
      for (const value of valuesOf(a)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  };
  const themes = count('theme', themesOf);
  const perspectives = count('perspective', (a) => [a.perspective]);
  const kinds = count('kind', (a) => [kindOf(a)]);
  const authors = count('author', (a) => [authorName(a)]);
  return {
    theme: [...new Set([...vocabulary.filter((t) => !t.retired).map((t) => t.id), ...themes.keys()])].map((id) => ({ value: id, label: themeLabel(vocabulary, id), count: themes.get(id) ?? 0 })),
    perspective: PERSPECTIVES.map((p) => ({ value: p.value, label: p.label, count: perspectives.get(p.value) ?? 0 })),
    kind: KINDS.map((k) => ({ value: k.value, label: labelFor(KINDS, k.value), count: kinds.get(k.value) ?? 0 })),
    author: [...authors.keys()].sort((a, b) => (a === 'Anonymous' ? 1 : b === 'Anonymous' ? -1 : a.localeCompare(b))).map((name) => ({ value: name, label: name, count: authors.get(name)! })),
  };
}

/** The answer filter's choices with how many comments each would show ("Not answered yet (4)"). */
export function answerFacet(annotations: readonly LeaAnnotation[], threads: ReadonlyMap<string, Pick<CommentThread, 'latestAnswer'>>, filters: CommentFilters): FacetOption[] {
  const counts = new Map<string, number>();
  for (const a of annotations) {
    if (!matches(a, filters)) continue;
    const key = threads.get(a.id)?.latestAnswer?.status ?? NOT_ANSWERED;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [
    { value: NOT_ANSWERED, label: 'Not answered yet', count: counts.get(NOT_ANSWERED) ?? 0 },
    ...ANSWER_STATUSES.map((s) => ({ value: s.value, label: s.label, count: counts.get(s.value) ?? 0 })),
  ];
}
