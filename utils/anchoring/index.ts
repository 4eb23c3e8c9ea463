/**
 * Anchoring: describe a selection as W3C selectors and find it again, even in a changed
 * page. Two layers: pure text matching (text-index, normalize, match-*) under a thin DOM
 * adapter (dom-text, describe, anchor). See README.md.
 */
export { anchor, anchorAll, type AnchorResult } from './anchor';
export { describeRange, describeOffsets, CONTEXT_LENGTH } from './describe';
export { buildTextIndex, offsetsToRange, rangeToOffsets, pointToOffset, type DomTextIndex } from './dom-text';
export { createTextIndex, locateOffset, type TextIndex, type SegmentPoint } from './text-index';
export { normalizeText, normalizeQuote, toNormalizedOffset, type NormalizedText } from './normalize';
export { matchQuote, findExact, type QuoteContext, type QuoteMatch } from './match-quote';
export { findFuzzy, errorBudget, MIN_FUZZY_LENGTH, MIN_FUZZY_SCORE, SHORT_QUOTE_LENGTH } from './match-fuzzy';
export { anchorInText, findQuoteSelector, findPositionSelector, type TextAnchor } from './match-selectors';
