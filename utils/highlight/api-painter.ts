import { HIGHLIGHT_NAMES, HIGHLIGHT_PRIORITY } from './highlight-styles';
import type { PaintEntry } from './paint-entry';

/** The part of a CSS `Highlight` this module uses (a real one, or a test double). */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  clear(): void;
  priority: number;
}

/** The `Highlight` constructor of the page's window. */
export type HighlightConstructor = new (...ranges: AbstractRange[]) => HighlightLike;

/** The part of `CSS.highlights` (a maplike HighlightRegistry) this module uses. */
export interface HighlightRegistryLike {
  get(name: string): unknown;
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
}

/** Paints entries into one registered `Highlight` per look; the page's DOM is untouched. */
export interface ApiPainter {
  render(entries: readonly PaintEntry[]): void;
  ensure(): boolean;
  remove(): void;
}

type Name = keyof typeof HIGHLIGHT_NAMES;
const NAMES = Object.keys(HIGHLIGHT_NAMES) as Name[];

/**
 * Registers our highlights (https://drafts.csswg.org/css-highlight-api-1/#registration) and
 * refills them on each render. The registry is shared with page scripts, which may clear it.
 */
export function createApiPainter(
  registry: HighlightRegistryLike,
  HighlightCtor: HighlightConstructor,
  { paintPlainComments = true }: { paintPlainComments?: boolean } = {},
): ApiPainter {
  const highlights = new Map<Name, HighlightLike>();
  for (const name of NAMES) {
    const highlight = new HighlightCtor();
    highlight.priority = HIGHLIGHT_PRIORITY[name];
    highlights.set(name, highlight);
    registry.set(HIGHLIGHT_NAMES[name], highlight);
  }
  return {
    render(entries) {
      for (const highlight of highlights.values()) highlight.clear();
      for (const entry of entries) {
        // Every registered range costs the browser work on each frame the page changes in.
        if (entry.look !== 'comment' || paintPlainComments) highlights.get(entry.look)!.add(entry.range);
        if (entry.flash) highlights.get('flash')!.add(entry.range);
      }
    },
    ensure() {
      let repaired = false;
      for (const [name, highlight] of highlights) {
        if (registry.get(HIGHLIGHT_NAMES[name]) !== highlight) {
          registry.set(HIGHLIGHT_NAMES[name], highlight);
          repaired = true;
        }
      }
      return repaired;
    },
    remove() {
      for (const [name, highlight] of highlights) {
        if (registry.get(HIGHLIGHT_NAMES[name]) === highlight) registry.delete(HIGHLIGHT_NAMES[name]);
        highlight.clear();
      }
      highlights.clear();
    },
  };
}
