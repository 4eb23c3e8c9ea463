import type { HighlightClass } from './highlight-styles';

/** One passage as a painter draws it: its range, its look, and whether it is flashing. */
export interface PaintEntry {
  id: string;
  range: Range;
  look: HighlightClass;
  flash: boolean;
}
