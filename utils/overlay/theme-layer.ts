import type { HighlightConstructor, HighlightLike, HighlightRegistryLike } from '../highlight';
import { bandAround, bandIsStale, inBand, type Band } from './near-viewport';
import { buildThemeCss, OVERLAP_NAMES, THEME_HIGHLIGHT_NAMES } from './theme-palette';

/** What the theme layer needs from the page's window; missing parts turn it off. */
export interface ThemeLayerView {
  Highlight?: HighlightConstructor;
  CSS?: { highlights?: HighlightRegistryLike };
  CSSStyleSheet?: new () => CSSStyleSheet;
  /** Scroll position and viewport height, for registering only passages near the viewport. */
  scrollY?: number;
  innerHeight?: number;
  addEventListener?(type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
  /** Tells when the page's height changes without a scroll (a section opened or closed). */
  ResizeObserver?: new (callback: () => void) => { observe(target: Element): void; disconnect(): void };
}

/** An element that scrolls and is at least this share of the viewport holds the page's text. */
const MAIN_SCROLLER_SHARE = 0.5;

interface Placed {
  range: Range;
  top: number;
  bottom: number;
}

/**
 * Colours comments by theme and darkens overlaps, on top of the highlighter (which keeps
 * hit-testing, focus and flash). Needs the CSS Custom Highlight API; where it is missing the
 * highlighter's own fallback paint is used instead, so nothing is lost but the colours.
 *
 * With `nearViewportOnly` (a page that scrolls in its window) only passages within two
 * viewports of the visible one are registered, and more as the reader scrolls (see
 * near-viewport.ts for why). Everything is registered for printing, and from the moment a
 * large element of the page turns out to scroll its own content (positions in the window
 * would no longer tell what is visible).
 */
export function createThemeLayer(doc: Document, view: ThemeLayerView | null, options: { nearViewportOnly?: boolean } = {}) {
  const Highlight = view?.Highlight;
  const registry = view?.CSS?.highlights;
  const SheetCtor = view?.CSSStyleSheet;
  if (!view || !Highlight || !registry || !SheetCtor) return null;
  const sheet = new SheetCtor();
  sheet.replaceSync(buildThemeCss());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const names = [...THEME_HIGHLIGHT_NAMES, ...OVERLAP_NAMES];
  const painted = new Map<string, HighlightLike>();
  const listening = new AbortController();

  let layers = new Map<string, Range[]>();
  let placed = new Map<string, Placed[]>();
  let measuredHeight = -1;
  let band: Band | null = null;
  let printing = false;
  let ownScroller = false;
  const windowed = () => options.nearViewportOnly === true && !printing && !ownScroller && typeof view.scrollY === 'number' && typeof view.innerHeight === 'number';

  /**
   * Page coordinates of every passage, taken from the element holding all of it: a superset
   * of the passage's own lines, so nothing near the viewport is missed, and far cheaper than
   * measuring 2,000 Ranges (one layout box read per element, shared by its passages).
   */
  function measure() {
    const scrollY = view!.scrollY ?? 0;
    const boxes = new Map<Node, { top: number; bottom: number }>();
    const extentOf = (range: Range) => {
      const common = range.commonAncestorContainer;
      const holder = common.nodeType === 1 ? common : (common.parentNode ?? common);
      let box = boxes.get(holder);
      if (!box) {
        const rect = holder.nodeType === 1 ? (holder as Element).getBoundingClientRect() : range.getBoundingClientRect();
        box = { top: rect.top + scrollY, bottom: rect.bottom + scrollY };
        boxes.set(holder, box);
      }
      return box;
    };
    placed = new Map([...layers].map(([name, ranges]) => [name, ranges.map((range) => ({ range, ...extentOf(range) }))]));
    measuredHeight = doc.documentElement.scrollHeight;
  }

  function register() {
    const near = windowed() ? band : null;
    for (const name of names) {
      const ranges = near ? (placed.get(name) ?? []).filter((p) => inBand(p, near)).map((p) => p.range) : (layers.get(name) ?? []);
      if (ranges.length === 0) {
        registry!.delete(name);
        painted.delete(name);
        continue;
      }
      const highlight = new Highlight!(...ranges);
      // Overlap layers paint above theme colours so stacked comments read darker.
      highlight.priority = name.startsWith('lea-overlap') ? 1 : 0;
      registry!.set(name, highlight);
      painted.set(name, highlight);
    }
  }

  /** Move the band with the reader (re-measuring when the page's height changed); true when it moved. */
  function follow(force: boolean): boolean {
    if (!windowed()) return false;
    const scrollY = view!.scrollY!;
    const height = view!.innerHeight!;
    const resized = doc.documentElement.scrollHeight !== measuredHeight;
    if (!force && !resized && !bandIsStale(band, scrollY, height)) return false;
    if (force || resized) measure();
    band = bandAround(scrollY, height);
    return true;
  }

  if (options.nearViewportOnly && view.addEventListener) {
    const { signal } = listening;
    // Scroll events run just before the frame is drawn, so newly registered passages show in it.
    view.addEventListener('scroll', () => follow(false) && register(), { passive: true, signal });
    view.addEventListener('resize', () => follow(true) && register(), { passive: true, signal });
    view.addEventListener('beforeprint', () => ((printing = true), register()), { signal });
    view.addEventListener('afterprint', () => ((printing = false), follow(true), register()), { signal });
    doc.addEventListener(
      'scroll',
      (event) => {
        const target = event.target as Element | null;
        if (ownScroller || target?.nodeType !== 1 || target === doc.documentElement || target === doc.scrollingElement) return;
        if (target.clientHeight < MAIN_SCROLLER_SHARE * (view.innerHeight ?? 0)) return;
        ownScroller = true;
        register();
      },
      { capture: true, passive: true, signal },
    );
    // An accordion opened where the reader is moves passages without a scroll event; the
    // observer runs after layout and before that frame is drawn, so they show painted in it.
    if (view.ResizeObserver) {
      const heightWatch = new view.ResizeObserver(() => follow(false) && register());
      for (const element of [doc.documentElement, doc.body]) if (element) heightWatch.observe(element);
      signal.addEventListener('abort', () => heightWatch.disconnect());
    }
  }

  return {
    /** Replace what is painted: ranges per theme highlight name, and the overlap stretches. */
    paint(byName: ReadonlyMap<string, Range[]>, overlaps: { two: Range[]; three: Range[] }) {
      layers = new Map(byName);
      layers.set(OVERLAP_NAMES[0], overlaps.two);
      layers.set(OVERLAP_NAMES[1], overlaps.three);
      follow(true);
      register();
    },
    /** Put back highlights a page script removed from the shared registry. */
    ensurePainted() {
      for (const [name, highlight] of painted) if (registry.get(name) !== highlight) registry.set(name, highlight);
    },
    dispose() {
      listening.abort();
      for (const name of names) registry.delete(name);
      painted.clear();
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

export type ThemeLayer = NonNullable<ReturnType<typeof createThemeLayer>>;
