export {
  createHighlighter,
  type Highlighter,
  type HighlighterOptions,
  type HighlightItem,
  type HighlightWindow,
} from './create-highlighter';
export {
  DEFAULT_PALETTE,
  HIGHLIGHT_NAMES,
  HIGHLIGHT_PRIORITY,
  MARK_ATTRIBUTES,
  buildHighlightCss,
  buildMarkCss,
  type HighlightClass,
  type HighlightLook,
  type HighlightPalette,
} from './highlight-styles';
export { caretPointAt, hitTestRanges, type CaretPoint, type CaretSource } from './hit-test';
export type { HighlightConstructor, HighlightLike, HighlightRegistryLike } from './api-painter';
