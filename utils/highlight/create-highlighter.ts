import { createApiPainter } from './api-painter';
import type { ApiPainter, HighlightConstructor, HighlightRegistryLike } from './api-painter';
import { caretPointAt, hitTestRanges } from './hit-test';
import { DEFAULT_PALETTE, buildHighlightCss, buildMarkCss } from './highlight-styles';
import type { HighlightClass, HighlightPalette } from './highlight-styles';
import { createMarkPainter } from './mark-painter';
import type { MarkPainter } from './mark-painter';
import type { PaintEntry } from './paint-entry';
import { installStyles } from './style-sheet';
import type { InstalledStyles, StyleSheetConstructor } from './style-sheet';

/** One passage to paint. `className` picks its look; `focus()` overrides it for one id. */
export interface HighlightItem {
  id: string;
  range: Range;
  className?: HighlightClass;
}

/** The parts of the page's window the highlighter uses; `doc.defaultView` unless given. */
export interface HighlightWindow {
  Highlight?: HighlightConstructor;
  CSS?: { highlights?: HighlightRegistryLike };
  CSSStyleSheet?: StyleSheetConstructor;
}

/** Options for {@link createHighlighter}. */
export interface HighlighterOptions {
  doc: Document;
  /** Where to find `Highlight`, `CSS.highlights` and `CSSStyleSheet`; tests pass a fake. */
  view?: HighlightWindow | null;
  /** Colours; the default meets WCAG AAA for text. */
  palette?: HighlightPalette;
  /**
   * False when another layer (the overlay's theme colours) paints plain comments: they are
   * then kept for hit-testing, focus and flash but not registered, which spares the browser
   * a second set of highlight ranges. Highlight API only; the `<mark>` fallback always
   * paints them. Default true.
   */
  paintPlainComments?: boolean;
  /** Extra CSS appended to the highlighter's stylesheet. */
  css?: string;
  /** Timer for `flash`; defaults to the document's window. */
  setTimeout?(callback: () => void, ms: number): unknown;
  clearTimeout?(handle: unknown): void;
  /** How long a flash lasts, in milliseconds (default 1200). */
  flashMs?: number;
}

/** Paints comment passages on a page and maps points back to them. */
export interface Highlighter {
  /** `highlight-api`: CSS Custom Highlights, page DOM untouched; `mark-fallback`: `<mark>` wrapping. */
  readonly mode: 'highlight-api' | 'mark-fallback';
  /**
   * Replace everything painted with `items` (a later duplicate id wins). In fallback mode the
   * items' ranges are moved onto the wrapped text and keep covering the same characters;
   * do not keep other ranges into painted text across a paint (see README.md).
   */
  paint(items: readonly HighlightItem[]): void;
  /** Give one passage the focused look (null: none); true when that id is painted. */
  focus(id: string | null): boolean;
  /** Briefly emphasise a passage, then revert; false when the id is not painted. */
  flash(id: string): boolean;
  /** Ids of the passages under viewport point (x, y) (e.g. a MouseEvent's clientX/Y), most specific first. */
  hitTest(x: number, y: number): string[];
  /** A copy of the painted range for `id` (to scroll to or measure), or null. */
  rangeFor(id: string): Range | null;
  /** Put back highlights and styles a page script removed; true when something was restored. */
  ensurePainted(): boolean;
  /** Remove every highlight, mark, stylesheet and timer this highlighter added; idempotent. */
  dispose(): void;
}

const DEFAULT_FLASH_MS = 1200;

/**
 * Create the page's highlighter. Uses the CSS Custom Highlight API from the document's window
 * when present, otherwise wraps text in `<mark data-lea-highlight>` (the only page DOM it adds).
 */
export function createHighlighter(options: HighlighterOptions): Highlighter {
  const { doc } = options;
  const view = options.view !== undefined ? options.view : (doc.defaultView as unknown as HighlightWindow | null);
  const win = doc.defaultView;
  const setTimer = options.setTimeout ?? (win ? (cb: () => void, ms: number) => win.setTimeout(cb, ms) : undefined);
  const clearTimer =
    options.clearTimeout ?? (win ? (handle: unknown) => win.clearTimeout(handle as number) : undefined);
  const flashMs = options.flashMs ?? DEFAULT_FLASH_MS;
  const palette = options.palette ?? DEFAULT_PALETTE;
  const extraCss = options.css ? `\n${options.css}` : '';

  const registry = view?.CSS?.highlights;
  const HighlightCtor = view?.Highlight;
  const useApi = typeof HighlightCtor === 'function' && registry !== undefined && registry !== null;

  const styles: InstalledStyles = installStyles(
    doc,
    (useApi ? buildHighlightCss(palette) : buildMarkCss(palette)) + extraCss,
    view?.CSSStyleSheet,
  );
  const api: ApiPainter | null = useApi
    ? createApiPainter(registry, HighlightCtor, { paintPlainComments: options.paintPlainComments ?? true })
    : null;
  const marks: MarkPainter | null = useApi ? null : createMarkPainter(doc);

  let items = new Map<string, HighlightItem>();
  let focusedId: string | null = null;
  const flashing = new Map<string, { handle: unknown }>();
  let disposed = false;

  function render(): void {
    const entries: PaintEntry[] = [...items.values()].map((item) => ({
      id: item.id,
      range: item.range,
      look: item.id === focusedId ? 'focused' : (item.className ?? 'comment'),
      flash: flashing.has(item.id),
    }));
    if (api) api.render(entries);
    else marks!.render(entries);
  }

  function stopFlash(id: string): void {
    const flash = flashing.get(id);
    if (!flash) return;
    flashing.delete(id);
    clearTimer?.(flash.handle);
  }

  return {
    mode: useApi ? 'highlight-api' : 'mark-fallback',

    paint(next) {
      if (disposed) return;
      const nextItems = new Map(next.map((item) => [item.id, item]));
      if (marks) {
        const ranges = [...new Set([...items.values(), ...nextItems.values()].map((item) => item.range))];
        marks.unwrap(ranges);
        marks.wrap([...nextItems.values()], ranges);
      }
      for (const id of [...flashing.keys()]) if (!nextItems.has(id)) stopFlash(id);
      items = nextItems;
      render();
    },

    focus(id) {
      if (disposed) return false;
      focusedId = id;
      render();
      return id !== null && items.has(id);
    },

    flash(id) {
      if (disposed || !items.has(id) || !setTimer) return false;
      stopFlash(id);
      const flash = { handle: undefined as unknown };
      flashing.set(id, flash);
      flash.handle = setTimer(() => {
        if (flashing.get(id) !== flash) return;
        flashing.delete(id);
        if (!disposed) render();
      }, flashMs);
      render();
      return true;
    },

    hitTest(x, y) {
      if (disposed || items.size === 0) return [];
      const entries = [...items.values()].map((item) => [item.id, item.range] as const);
      return hitTestRanges(entries, caretPointAt(doc, x, y), x, y);
    },

    rangeFor(id) {
      if (disposed) return null;
      return items.get(id)?.range.cloneRange() ?? null;
    },

    ensurePainted() {
      if (disposed) return false;
      const stylesRestored = styles.ensure();
      const highlightsRestored = api?.ensure() ?? false;
      return stylesRestored || highlightsRestored;
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const id of [...flashing.keys()]) stopFlash(id);
      api?.remove();
      marks?.unwrap([...items.values()].map((item) => item.range));
      styles.remove();
      items = new Map();
    },
  };
}
