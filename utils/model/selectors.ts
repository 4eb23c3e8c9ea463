import * as v from 'valibot';

/**
 * W3C Web Annotation selectors used by this project (https://www.w3.org/TR/annotation-model/#selectors).
 * A page hint is carried for PDFs as a project extension of TextPositionSelector.
 */
export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'The quoted passage is empty.')),
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

/** Any selector: ours are validated strictly, others are kept intact but ignored by anchoring. */
export type Selector =
  | TextQuoteSelector
  | TextPositionSelector
  | { type: string; [key: string]: unknown };

/** How an annotation attached to the current page text. */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';
