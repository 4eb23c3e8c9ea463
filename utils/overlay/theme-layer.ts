import type { HighlightConstructor, HighlightLike, HighlightRegistryLike } from '../highlight';
import { buildThemeCss, OVERLAP_NAMES, THEME_LOOKS } from './theme-palette';

/** What the theme layer needs from the page's window; missing parts turn it off. */
export interface ThemeLayerView {
  Highlight?: HighlightConstructor;
  CSS?: { highlights?: HighlightRegistryLike };
  CSSStyleSheet?: new () => CSSStyleSheet;
}

/**
 * Colours comments by theme and darkens overlaps, on top of the highlighter (which keeps
 * hit-testing, focus and flash). Needs the CSS Custom Highlight API; where it is missing the
 * highlighter's own fallback paint is used instead, so nothing is lost but the colours.
 */
export function createThemeLayer(doc: Document, view: ThemeLayerView | null) {
  const Highlight = view?.Highlight;
  const registry = view?.CSS?.highlights;
  const SheetCtor = view?.CSSStyleSheet;
  if (!Highlight || !registry || !SheetCtor) return null;
  const sheet = new SheetCtor();
  sheet.replaceSync(buildThemeCss());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const names = [...THEME_LOOKS.map((_, i) => `lea-theme-${i}`), 'lea-theme-none', ...OVERLAP_NAMES];
  const painted = new Map<string, HighlightLike>();

  return {
    /** Replace what is painted: ranges per theme highlight name, and the overlap stretches. */
    paint(byName: ReadonlyMap<string, Range[]>, overlaps: { two: Range[]; three: Range[] }) {
      const all = new Map(byName);
      all.set(OVERLAP_NAMES[0], overlaps.two);
      all.set(OVERLAP_NAMES[1], overlaps.three);
      for (const name of names) {
        const ranges = all.get(name) ?? [];
        if (ranges.length === 0) {
          registry.delete(name);
          painted.delete(name);
          continue;
        }
        const highlight = new Highlight(...ranges);
        // Overlap layers paint above theme colours so stacked comments read darker.
        highlight.priority = name.startsWith('lea-overlap') ? 1 : 0;
        registry.set(name, highlight);
        painted.set(name, highlight);
      }
    },
    /** Put back highlights a page script removed from the shared registry. */
    ensurePainted() {
      for (const [name, highlight] of painted) if (registry.get(name) !== highlight) registry.set(name, highlight);
    },
    dispose() {
      for (const name of names) registry.delete(name);
      painted.clear();
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

export type ThemeLayer = NonNullable<ReturnType<typeof createThemeLayer>>;
