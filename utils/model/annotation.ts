import * as v from 'valibot';
import { MAKING_IT_REAL_THEMES, type Kind, kindFromMotivation } from './vocabulary';
import { themeIdOf } from './themes';
import { PdfPageSelectorSchema, TextPositionSelectorSchema, TextQuoteSelectorSchema } from './selectors';
import { VisibilitySchema } from './visibility';

/** The longest passage a comment may quote: long selections are almost always accidental. */
export const MAX_QUOTE_LENGTH = 5000;
/** The longest comment text we accept (about 3 pages of writing). */
export const MAX_COMMENT_LENGTH = 20000;

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/**
 * Project terms layered over the anno context, so every field is still valid JSON-LD.
 * Defined here once; exports and the store reuse this object.
 */
export const LEA_CONTEXT = {
  lea: 'https://lived-experience-annotator.org/ns#',
  perspective: 'lea:perspective',
  visibility: 'lea:visibility',
  attribution: 'lea:attribution',
  section: 'lea:section',
  documentTitle: 'lea:documentTitle',
  jobTitle: 'lea:jobTitle',
  organisation: 'lea:organisation',
  byCommentAuthor: 'lea:byCommentAuthor',
  onDocument: { '@id': 'lea:onDocument', '@type': '@id' },
} as const;

const isoDate = v.pipe(v.string(), v.isoTimestamp('A date is not in ISO 8601 form.'));

export const CommentBodySchema = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('commenting'),
  format: v.literal('text/markdown'),
  value: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'Please write something in your comment before saving.'),
    v.maxLength(MAX_COMMENT_LENGTH, `Comments can be up to ${MAX_COMMENT_LENGTH} characters long.`),
  ),
});

export const ThemeBodySchema = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('tagging'),
  value: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
});

export const LeaTargetSchema = v.object({
  source: v.pipe(v.string(), v.url('The document address is not a valid web address.')),
  // A quoted passage (quote, then position), or a whole PDF page that has no text to quote.
  selector: v.union([
    v.tuple([PdfPageSelectorSchema]),
    v.tuple([
    v.object({
      ...TextQuoteSelectorSchema.entries,
      exact: v.pipe(
        v.string(),
        v.minLength(1, 'The quoted passage is empty.'),
        v.maxLength(
          MAX_QUOTE_LENGTH,
          `That passage is too long to comment on: please select ${MAX_QUOTE_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
        ),
      ),
    }),
    TextPositionSelectorSchema,
    ]),
  ]),
  /** For a PDF known by fingerprint (source `urn:x-pdf:...`): the web address it was read at. */
  scope: v.optional(v.pipe(v.string(), v.url('The document address is not a valid web address.'))),
});

/**
 * A lived-experience comment: a W3C Web Annotation with our terms (see LEA_CONTEXT).
 * The creator is present only when the writer chose to be named, so an anonymous comment
 * carries no name anywhere it travels.
 */
export const LeaAnnotationSchema = v.object({
  '@context': v.tuple([v.literal(ANNO_CONTEXT), v.looseObject({})]),
  id: v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/, 'The comment id is not a UUID URN.')),
  type: v.literal('Annotation'),
  motivation: v.picklist(['commenting', 'questioning', 'editing']),
  created: isoDate,
  modified: isoDate,
  creator: v.optional(v.object({ type: v.literal('Person'), name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) })),
  body: v.tupleWithRest([CommentBodySchema], ThemeBodySchema),
  target: LeaTargetSchema,
  perspective: v.picklist(['uses-care', 'carer', 'family', 'works-in-care', 'not-said']),
  visibility: VisibilitySchema,
  attribution: v.picklist(['named', 'anonymous']),
  section: v.optional(v.pipe(v.string(), v.maxLength(500))),
  documentTitle: v.optional(v.pipe(v.string(), v.maxLength(500))),
  /**
   * For a comment imported from another tool: the original annotation's IRI (the W3C
   * model's `via`, already in the anno context), so a second import knows it is there.
   */
  via: v.optional(v.pipe(v.string(), v.maxLength(2048), v.url('The original annotation\'s address ("via") is not a valid address.'))),
});
export type LeaAnnotation = v.InferOutput<typeof LeaAnnotationSchema>;

export { MAKING_IT_REAL_THEMES };

/** Result of checking untrusted data: the value, or plain-English problems to show a person. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Validate data that crossed a boundary (storage, message, network, file) as a comment. */
export function checkAnnotation(input: unknown): Checked<LeaAnnotation> {
  const result = v.safeParse(LeaAnnotationSchema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: result.issues.map(describeIssue) };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${issue.message} (at ${path})` : issue.message;
}

/** The comment text of an annotation. */
export function commentText(annotation: LeaAnnotation): string {
  return annotation.body[0].value;
}

/**
 * Theme ids tagged on an annotation, in the order chosen. A comment saved before themes had
 * ids carries the English label: it reads back as the id (themes.ts themeIdOf), so comments
 * already on people's computers need no migration. Other tools' tags stay as they are.
 */
export function themesOf(annotation: LeaAnnotation): string[] {
  return [...new Set(annotation.body.slice(1).map((b) => themeIdOf(b.value)))];
}

export function kindOf(annotation: LeaAnnotation): Kind {
  return kindFromMotivation(annotation.motivation);
}

/** What a comment is about: a quoted passage, or a whole PDF page (with no text to quote). */
export interface Passage {
  quote: string;
  start: number;
  end: number;
  page?: number;
  wholePage: boolean;
}

/** How a comment on a whole PDF page names its passage, wherever it is shown. */
export function wholePageQuote(page: number): string {
  return `The whole of page ${page}`;
}

export function passageOf(annotation: LeaAnnotation): Passage {
  const selector = annotation.target.selector;
  if (selector.length === 1) {
    const page = Number(selector[0].value.slice('page='.length));
    return { quote: wholePageQuote(page), start: 0, end: 0, page, wholePage: true };
  }
  const [quote, position] = selector;
  return { quote: quote.exact, start: position.start, end: position.end, ...(position.page ? { page: position.page } : {}), wholePage: false };
}

export function quoteOf(annotation: LeaAnnotation): string {
  return passageOf(annotation).quote;
}
