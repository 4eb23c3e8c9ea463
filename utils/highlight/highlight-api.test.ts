import { afterEach, describe, expect, it } from 'vitest';
import { createHighlighter } from './create-highlighter';
import type { Highlighter } from './create-highlighter';
import { HIGHLIGHT_NAMES, HIGHLIGHT_PRIORITY } from './highlight-styles';
import { FakeHighlight, RecordingSheet, fakeHighlightWindow, manualTimers, rangeOf } from '../../tests/support/highlight-harness';

const HTML = '<p>(a) personal dignity; (b) physical and mental health and emotional well-being;</p>';

function setUp({ paintPlainComments }: { paintPlainComments?: boolean } = {}) {
  document.body.innerHTML = `<main>${HTML}</main>`;
  const main = document.querySelector('main')!;
  const view = fakeHighlightWindow();
  const timers = manualTimers();
  const highlighter = createHighlighter({
    doc: document,
    view,
    ...(paintPlainComments === undefined ? {} : { paintPlainComments }),
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    css: '/* extra */',
  });
  current = highlighter;
  const a = { id: 'a', range: rangeOf(main, 'personal dignity') };
  const b = { id: 'b', range: rangeOf(main, 'mental health') };
  const highlight = (name: keyof typeof HIGHLIGHT_NAMES) => view.registry.get(HIGHLIGHT_NAMES[name])!;
  return { main, view, timers, highlighter, a, b, highlight };
}

let current: Highlighter | null = null;
afterEach(() => {
  current?.dispose();
  current = null;
  document.adoptedStyleSheets = [];
});

describe('Highlight API painter', () => {
  it('paints into registered highlights without touching the page DOM', () => {
    const { main, highlighter, a, b, highlight } = setUp();
    expect(highlighter.mode).toBe('highlight-api');
    highlighter.paint([a, { ...b, className: 'draft' }]);
    expect([...highlight('comment')]).toEqual([a.range]);
    expect([...highlight('draft')]).toEqual([b.range]);
    expect(main.innerHTML).toBe(HTML);
    expect(document.querySelector('mark, style')).toBeNull();
  });

  it('leaves plain comments to another layer when asked, still finding, focusing and flashing them', () => {
    const { highlighter, a, b, highlight } = setUp({ paintPlainComments: false });
    highlighter.paint([a, { ...b, className: 'draft' }]);
    expect(highlight('comment').size).toBe(0);
    expect([...highlight('draft')]).toEqual([b.range]);
    expect(highlighter.rangeFor('a')?.toString()).toBe('personal dignity');
    expect(highlighter.focus('a')).toBe(true);
    expect([...highlight('focused')]).toEqual([a.range]);
    highlighter.focus(null);
    expect(highlighter.flash('a')).toBe(true);
    expect([...highlight('flash')]).toEqual([a.range]);
    expect(highlight('comment').size).toBe(0);
  });

  it('gives each look its priority so focus and flash draw on top', () => {
    const { highlight } = setUp();
    for (const name of ['comment', 'draft', 'focused', 'flash'] as const) {
      expect(highlight(name).priority).toBe(HIGHLIGHT_PRIORITY[name]);
    }
    expect(HIGHLIGHT_PRIORITY.comment).toBeLessThan(HIGHLIGHT_PRIORITY.focused);
    expect(HIGHLIGHT_PRIORITY.focused).toBeLessThan(HIGHLIGHT_PRIORITY.flash);
  });

  it('replaces what is painted on each paint', () => {
    const { highlighter, a, b, highlight } = setUp();
    highlighter.paint([a, b]);
    highlighter.paint([b]);
    expect([...highlight('comment')]).toEqual([b.range]);
    expect(highlighter.rangeFor('a')).toBeNull();
    expect(highlighter.rangeFor('b')?.toString()).toBe('mental health');
    expect(highlighter.rangeFor('b')).not.toBe(b.range);
  });

  it('moves the focused passage to the focused highlight, and back', () => {
    const { highlighter, a, b, highlight } = setUp();
    highlighter.paint([a, b]);
    expect(highlighter.focus('b')).toBe(true);
    expect([...highlight('focused')]).toEqual([b.range]);
    expect([...highlight('comment')]).toEqual([a.range]);
    expect(highlighter.focus(null)).toBe(false);
    expect(highlight('focused').size).toBe(0);
    expect(highlight('comment').size).toBe(2);
  });

  it('keeps a focus asked for before the passage is painted', () => {
    const { highlighter, a, highlight } = setUp();
    expect(highlighter.focus('a')).toBe(false);
    highlighter.paint([a]);
    expect([...highlight('focused')]).toEqual([a.range]);
  });

  it('flashes a passage for flashMs, restarting on a second flash', () => {
    const { highlighter, timers, a, highlight } = setUp();
    highlighter.paint([a]);
    expect(highlighter.flash('a')).toBe(true);
    expect([...highlight('flash')]).toEqual([a.range]);
    expect([...highlight('comment')]).toEqual([a.range]);
    timers.advance(1000);
    highlighter.flash('a');
    timers.advance(1000);
    expect(highlight('flash').size).toBe(1);
    timers.advance(200);
    expect(highlight('flash').size).toBe(0);
    expect(timers.pending()).toBe(0);
    expect(highlighter.flash('missing')).toBe(false);
  });

  it('stops a flash when its passage is no longer painted', () => {
    const { highlighter, timers, a, b, highlight } = setUp();
    highlighter.paint([a, b]);
    highlighter.flash('a');
    highlighter.paint([b]);
    expect(highlight('flash').size).toBe(0);
    expect(timers.pending()).toBe(0);
  });

  it('ensurePainted restores highlights and the stylesheet a page script removed', () => {
    const { highlighter, view, a, highlight } = setUp();
    highlighter.paint([a]);
    expect(highlighter.ensurePainted()).toBe(false);

    view.registry.clear();
    document.adoptedStyleSheets = [];
    expect(highlighter.ensurePainted()).toBe(true);
    expect([...highlight('comment')]).toEqual([a.range]);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(highlighter.ensurePainted()).toBe(false);

    view.registry.set(HIGHLIGHT_NAMES.comment, new FakeHighlight());
    expect(highlighter.ensurePainted()).toBe(true);
    expect([...highlight('comment')]).toEqual([a.range]);
  });

  it('adopts one stylesheet with the ::highlight rules and the extra CSS', () => {
    const { highlighter } = setUp();
    highlighter.paint([]);
    const sheets = document.adoptedStyleSheets as RecordingSheet[];
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.text).toContain('::highlight(lea-comment)');
    expect(sheets[0]!.text).toContain('::highlight(lea-flash)');
    expect(sheets[0]!.text).toContain('/* extra */');
    expect(sheets[0]!.text).not.toContain('mark[');
  });

  it('dispose removes only what it added, and later calls do nothing', () => {
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    const { highlighter, view, a, timers } = setUp();
    const pageHighlight = new FakeHighlight();
    view.registry.set('page-own', pageHighlight);
    highlighter.paint([a]);
    highlighter.flash('a');

    highlighter.dispose();
    expect([...view.registry.keys()]).toEqual(['page-own']);
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    expect(timers.pending()).toBe(0);

    highlighter.paint([a]);
    expect(view.registry.size).toBe(1);
    expect(highlighter.ensurePainted()).toBe(false);
    expect(highlighter.rangeFor('a')).toBeNull();
    expect(highlighter.hitTest(1, 1)).toEqual([]);
    highlighter.dispose();
  });

  it('falls back to marks when the window has no registry', () => {
    document.body.innerHTML = HTML;
    current = createHighlighter({ doc: document, view: { Highlight: FakeHighlight, CSS: {} } });
    expect(current.mode).toBe('mark-fallback');
  });

  it("reads the Highlight API from the document's own window by default", () => {
    document.body.innerHTML = HTML;
    const win = window as unknown as { Highlight?: unknown; CSS?: unknown };
    const registry = new Map<string, FakeHighlight>();
    win.Highlight = FakeHighlight;
    // happy-dom's window.CSS is a getter returning a new object each time: shadow it.
    const originalCss = Object.getOwnPropertyDescriptor(window, 'CSS');
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    try {
      current = createHighlighter({ doc: document });
      expect(current.mode).toBe('highlight-api');
      expect(registry.has(HIGHLIGHT_NAMES.comment)).toBe(true);
    } finally {
      current?.dispose();
      current = null;
      delete win.Highlight;
      delete win.CSS;
      if (originalCss) Object.defineProperty(window, 'CSS', originalCss);
    }
    expect(registry.size).toBe(0);
  });
});
