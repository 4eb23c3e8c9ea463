import * as v from 'valibot';

/**
 * W3C Web Annotation selectors used by this project (https://www.w3.org/TR/annotation-model/#selectors).
 * A page hint is carried for PDFs as a project extension of TextPositionSelector.
 */
export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'validation.quote.empty')),
  prefix: v.optional(v.string()),
  suffix: v.optional(v.string()),
});
export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = v.object({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** 1-based page number, for PDFs only. */
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelectorSchema>;

/** RFC 3778's PDF fragment identifiers, which W3C FragmentSelectors name by this URI. */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/**
 * A whole PDF page (`page=3`), for pages with no text to select, such as scanned pictures.
 * https://www.w3.org/TR/annotation-model/#fragment-selector
 */
export const PdfPageSelectorSchema = v.object({
  type: v.literal('FragmentSelector'),
  conformsTo: v.literal(PDF_FRAGMENT_SPEC),
  value: v.pipe(v.string(), v.regex(/^page=[1-9][0-9]{0,5}$/, 'validation.page')),
});
export type PdfPageSelector = v.InferOutput<typeof PdfPageSelectorSchema>;

/** The selector for page `page` of a PDF. */
export function pdfPageSelector(page: number): PdfPageSelector {
  return { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page}` };
}

/** Any selector: ours are validated strictly, others are kept intact but ignored by anchoring. */
export type Selector =
  | TextQuoteSelector
  | TextPositionSelector
  | { type: string; [key: string]: unknown };

/** How an annotation attached to the current page text. */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';
