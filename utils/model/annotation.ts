import * as v from 'valibot';
import { MAKING_IT_REAL_THEMES, type Kind, kindFromMotivation } from './vocabulary';
import { themeIdOf } from './themes';
import { PdfPageSelectorSchema, TextPositionSelectorSchema, TextQuoteSelectorSchema } from './selectors';
import { VisibilitySchema } from './visibility';
import { currentTranslator } from '../i18n/current-language';
import { describeIssues } from '../i18n/issue-message';
import type { MessageRef } from '../i18n/translate';

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

const isoDate = v.pipe(v.string(), v.isoTimestamp('validation.date'));

export const CommentBodySchema = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('commenting'),
  format: v.literal('text/markdown'),
  value: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'validation.comment.empty'),
    v.maxLength(MAX_COMMENT_LENGTH, 'validation.comment.tooLong'),
  ),
});

export const ThemeBodySchema = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('tagging'),
  value: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
});

export const LeaTargetSchema = v.object({
  source: v.pipe(v.string(), v.url('validation.documentAddress')),
  // A quoted passage (quote, then position), or a whole PDF page that has no text to quote.
  selector: v.union([
    v.tuple([PdfPageSelectorSchema]),
    v.tuple([
    v.object({
      ...TextQuoteSelectorSchema.entries,
      exact: v.pipe(
        v.string(),
        v.minLength(1, 'validation.quote.empty'),
        v.maxLength(
          MAX_QUOTE_LENGTH,
          'validation.quote.tooLong',
        ),
      ),
    }),
    TextPositionSelectorSchema,
    ]),
  ]),
  /** For a PDF known by fingerprint (source `urn:x-pdf:...`): the web address it was read at. */
  scope: v.optional(v.pipe(v.string(), v.url('validation.documentAddress'))),
});

/**
 * A lived-experience comment: a W3C Web Annotation with our terms (see LEA_CONTEXT).
 * The creator is present only when the writer chose to be named, so an anonymous comment
 * carries no name anywhere it travels.
 */
export const LeaAnnotationSchema = v.object({
  '@context': v.tuple([v.literal(ANNO_CONTEXT), v.looseObject({})]),
  id: v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/, 'validation.comment.id')),
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
  via: v.optional(v.pipe(v.string(), v.maxLength(2048), v.url('validation.comment.via'))),
});
export type LeaAnnotation = v.InferOutput<typeof LeaAnnotationSchema>;

export { MAKING_IT_REAL_THEMES };

/** Result of checking untrusted data: the value, or problems to show a person (in their language). */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * How a check says its problems: `tr` of the reader's translator. Left out, the language of
 * sentences made away from any UI (i18n/current-language.ts: the background's setting, else English).
 */
export type SayProblem = (ref: MessageRef) => string;

/** The default SayProblem, read when a check fails (so a language set later is used). */
export const sayInCurrentLanguage: SayProblem = (ref) => currentTranslator().tr(ref);

/** Validate data that crossed a boundary (storage, message, network, file) as a comment. */
export function checkAnnotation(input: unknown, say: SayProblem = sayInCurrentLanguage): Checked<LeaAnnotation> {
  const result = v.safeParse(LeaAnnotationSchema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: describeIssues(result.issues, say) };
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
