import { afterEach, describe, expect, it } from 'vitest';
import { FakeHighlight, RecordingSheet, rangeOf } from '../../tests/support/highlight-harness';
import { bandAround, bandIsStale, inBand } from './near-viewport';
import { createThemeLayer, type ThemeLayer } from './theme-layer';

// happy-dom has no layout: each paragraph is given a page position by stubbing its
// getBoundingClientRect (viewport coordinates, so they move as the fake window scrolls).
const PARAGRAPHS = 40;
const LINE = 100;
const VIEWPORT = 800;

function setUp({ nearViewportOnly = true } = {}) {
  document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) => `<p>Paragraph ${i} on the duty to promote well-being.</p>`).join('');
  const view = Object.assign(new EventTarget(), {
    Highlight: FakeHighlight,
    CSS: { highlights: new Map<string, FakeHighlight>() },
    CSSStyleSheet: RecordingSheet,
    scrollY: 0,
    innerHeight: VIEWPORT,
    ResizeObserver: FakeResizeObserver,
  });
  const paragraphs = [...document.querySelectorAll('p')];
  paragraphs.forEach((p, i) => {
    p.getBoundingClientRect = () => ({ top: i * LINE - view.scrollY, bottom: i * LINE + 40 - view.scrollY }) as DOMRect;
  });
  const layer = createThemeLayer(document, view, { nearViewportOnly })!;
  current = layer;
  const ranges = paragraphs.map((p) => rangeOf(p, 'duty'));
  const scrollTo = (y: number) => {
    view.scrollY = y;
    view.dispatchEvent(new Event('scroll'));
  };
  /** Paragraph numbers whose passage is registered in the theme colour. */
  const registered = () => [...(view.CSS.highlights.get('lea-theme-0') ?? [])].map((r) => ranges.indexOf(r as Range)).sort((a, b) => a - b);
  return { view, layer, ranges, scrollTo, registered };
}

/** Observers in use; `notify` plays the browser telling of a size change. */
class FakeResizeObserver {
  static live = new Set<FakeResizeObserver>();
  constructor(private readonly callback: () => void) {}
  observe() {
    FakeResizeObserver.live.add(this);
  }
  disconnect() {
    FakeResizeObserver.live.delete(this);
  }
  notify() {
    this.callback();
  }
}

let current: ThemeLayer | null = null;
afterEach(() => {
  current?.dispose();
  current = null;
  document.adoptedStyleSheets = [];
});

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('theme layer, near the viewport only', () => {
  it('registers the passages within two viewports of the visible one, not the whole page', () => {
    const { layer, ranges, registered } = setUp();
    layer.paint(new Map([['lea-theme-0', ranges]]), { two: [], three: [] });
    // Visible: 0–799 px, kept: up to 3 viewports down (2,400 px) = paragraphs 0–24.
    expect(registered()).toEqual(span(0, 24));
  });

  it('registers more as the reader scrolls, before they come into view', () => {
    const { layer, ranges, scrollTo, registered } = setUp();
    layer.paint(new Map([['lea-theme-0', ranges]]), { two: [], three: [] });
    scrollTo(700); // still more than a viewport from the band's edge: nothing to do
    expect(registered()).toEqual(span(0, 24));
    scrollTo(2000);
    // Band 400–4,000 px: paragraph 3 ends at 340 (out), 39 starts at 3,900 (in).
    expect(registered()).toEqual(span(4, 39));
    for (const visible of span(20, 27)) expect(registered()).toContain(visible);
  });

  it('registers everything for printing, and goes back after', () => {
    const { view, layer, ranges, registered } = setUp();
    layer.paint(new Map([['lea-theme-0', ranges]]), { two: [], three: [] });
    view.dispatchEvent(new Event('beforeprint'));
    expect(registered()).toEqual(span(0, PARAGRAPHS - 1));
    view.dispatchEvent(new Event('afterprint'));
    expect(registered()).toEqual(span(0, 24));
  });

  it('registers everything once a large element turns out to scroll the text itself', () => {
    const { layer, ranges, registered } = setUp();
    layer.paint(new Map([['lea-theme-0', ranges]]), { two: [], three: [] });
    const small = document.body.appendChild(document.createElement('textarea'));
    Object.defineProperty(small, 'clientHeight', { value: 60 });
    small.dispatchEvent(new Event('scroll'));
    expect(registered()).toEqual(span(0, 24));
    const pane = document.body.appendChild(document.createElement('main'));
    Object.defineProperty(pane, 'clientHeight', { value: VIEWPORT });
    pane.dispatchEvent(new Event('scroll'));
    expect(registered()).toEqual(span(0, PARAGRAPHS - 1));
  });

  it('paints passages in a section opened where the reader is, without waiting for a scroll', () => {
    const { view, layer, ranges, scrollTo, registered } = setUp();
    // Paragraphs 30–34 are in a closed accordion (no layout box) when the comments are painted.
    const closed = new Set(span(30, 34));
    const paragraphs = [...document.querySelectorAll('p')];
    paragraphs.forEach((p, i) => {
      p.getBoundingClientRect = () => (closed.has(i) ? ({ top: 0, bottom: 0 }) : ({ top: i * LINE - view.scrollY, bottom: i * LINE + 40 - view.scrollY })) as DOMRect;
    });
    let pageHeight = PARAGRAPHS * LINE;
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: () => pageHeight });
    try {
      layer.paint(new Map([['lea-theme-0', ranges]]), { two: [], three: [] });
      scrollTo(2800);
      expect(registered()).not.toContain(30);
      // The reader opens the accordion on screen: the page grows, nothing scrolls.
      closed.clear();
      pageHeight += 500;
      for (const watch of FakeResizeObserver.live) watch.notify();
      expect(registered()).toEqual(expect.arrayContaining(span(28, 35)));
    } finally {
      delete (document.documentElement as { scrollHeight?: number }).scrollHeight;
    }
  });

  it('puts the overlap layers through the same window, above the theme colours', () => {
    const { view, layer, ranges } = setUp();
    layer.paint(new Map([['lea-theme-0', ranges]]), { two: [ranges[1]!, ranges[35]!], three: [] });
    const overlap = view.CSS.highlights.get('lea-overlap-2')!;
    expect([...overlap]).toEqual([ranges[1]]);
    expect(overlap.priority).toBeGreaterThan(view.CSS.highlights.get('lea-theme-0')!.priority);
    expect(view.CSS.highlights.has('lea-overlap-3')).toBe(false);
  });

  it('registers everything when not asked to window (the PDF viewer scrolls its own pane)', () => {
    const { layer, ranges, registered } = setUp({ nearViewportOnly: false });
    layer.paint(new Map([['lea-theme-0', ranges]]), { two: [], three: [] });
    expect(registered()).toEqual(span(0, PARAGRAPHS - 1));
  });

  it('stops following the scroll once disposed, leaving nothing registered', () => {
    const { view, layer, ranges, scrollTo } = setUp();
    layer.paint(new Map([['lea-theme-0', ranges]]), { two: [], three: [] });
    layer.dispose();
    current = null;
    scrollTo(3000);
    expect([...view.CSS.highlights.keys()]).toEqual([]);
  });
});

describe('near-viewport band', () => {
  it('keeps two viewports either side and moves within one viewport of its edge', () => {
    const band = bandAround(1000, 500);
    expect(band).toEqual({ top: 0, bottom: 2500 });
    expect(bandIsStale(band, 1000, 500)).toBe(false);
    expect(bandIsStale(band, 499, 500)).toBe(true);
    expect(bandIsStale(band, 1500, 500)).toBe(false);
    expect(bandIsStale(band, 1501, 500)).toBe(true);
    expect(bandIsStale(null, 0, 500)).toBe(true);
    expect(inBand({ top: 2500, bottom: 2600 }, band)).toBe(true);
    expect(inBand({ top: -100, bottom: -1 }, band)).toBe(false);
  });
});
