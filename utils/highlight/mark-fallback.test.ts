import { readFixture } from '../../tests/fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { createHighlighter } from './create-highlighter';
import type { Highlighter, HighlightItem } from './create-highlighter';
import { MARK_ATTRIBUTES } from './highlight-styles';
import { markCases } from './mark-painter-cases';
import { manualTimers, rangeOf } from '../../tests/support/highlight-harness';

/** Node types and text of a subtree, so "restored" means the same nodes, not just the same HTML. */
function shape(node: Node): unknown {
  if (node.nodeType === 3) return (node as Text).data;
  return [node.nodeName, ...Array.from(node.childNodes, shape)];
}

function setUp(html: string): HTMLElement {
  document.body.innerHTML = `<main>${html}</main>`;
  return document.querySelector('main')!;
}

/** Fallback mode in happy-dom: a window without the Highlight API or constructed sheets. */
function fallbackHighlighter(extra: { timers?: ReturnType<typeof manualTimers> } = {}): Highlighter {
  return createHighlighter({
    doc: document,
    view: {},
    setTimeout: extra.timers?.setTimeout,
    clearTimeout: extra.timers?.clearTimeout,
  });
}

let current: Highlighter | null = null;
afterEach(() => {
  current?.dispose();
  current = null;
  document.head.innerHTML = '';
});

describe('mark fallback', () => {
  it.each(markCases)('$name: wraps, keeps ranges on their text, restores the page', ({ html, items, painted }) => {
    const main = setUp(html);
    const before = shape(main);
    const paintItems: HighlightItem[] = items.map(({ id, quote, occurrence }) => ({ id, range: rangeOf(main, quote, occurrence) }));
    current = fallbackHighlighter();
    expect(current.mode).toBe('mark-fallback');

    current.paint(paintItems);
    expect(main.innerHTML).toBe(painted);
    for (const { id, quote, range } of items.map((item, i) => ({ ...item, range: paintItems[i]!.range }))) {
      expect(current.rangeFor(id)?.toString()).toBe(quote);
      expect(range.toString()).toBe(quote);
    }

    current.dispose();
    expect(main.innerHTML).toBe(html);
    expect(shape(main)).toEqual(before);
    items.forEach(({ quote }, i) => expect(paintItems[i]!.range.toString()).toBe(quote));
  });

  it('wraps ranges whose boundaries are elements, not text', () => {
    const main = setUp('<p id="one">(1) A local <i>authority</i></p><p id="two"><b>must</b> co-operate</p>');
    const before = shape(main);
    const [one, two] = [main.querySelector('#one')!, main.querySelector('#two')!];
    const whole = document.createRange();
    whole.selectNodeContents(one);
    const between = document.createRange();
    between.setStart(one, one.childNodes.length);
    between.setEnd(two, 1);
    current = fallbackHighlighter();
    current.paint([
      { id: 'whole', range: whole },
      { id: 'between', range: between },
    ]);
    expect(main.innerHTML).toBe(
      `<p id="one">${'<mark data-lea-highlight="">'}(1) A local </mark><i><mark data-lea-highlight="">authority</mark></i></p>` +
        '<p id="two"><b><mark data-lea-highlight="">must</mark></b> co-operate</p>',
    );
    expect(whole.toString()).toBe('(1) A local authority');
    expect(between.toString()).toBe('must');
    current.dispose();
    expect(shape(main)).toEqual(before);
    expect(whole.toString()).toBe('(1) A local authority');
    expect(between.toString()).toBe('must');
  });

  it('repaints without nesting marks and clears to the original', () => {
    const html = markCases[3]!.html;
    const main = setUp(html);
    const before = shape(main);
    const a = { id: 'a', range: rangeOf(main, 'that individual’s well') };
    current = fallbackHighlighter();
    current.paint([a]);
    const b = { id: 'b', range: rangeOf(main, 'well-being') };
    current.paint([a, b]);
    expect(main.innerHTML).toBe(markCases[3]!.painted);
    expect(main.querySelectorAll('mark mark')).toHaveLength(0);
    expect(b.range.toString()).toBe('well-being');

    current.paint([b]);
    expect(main.innerHTML).toBe('<p>promote that individual’s <mark data-lea-highlight="">well-being</mark></p>');
    expect(a.range.toString()).toBe('that individual’s well');

    current.paint([]);
    expect(shape(main)).toEqual(before);
    expect(main.querySelector('mark')).toBeNull();
  });

  it('marks the focused and flashing passages with attributes, then reverts', () => {
    const main = setUp('<p>choice and control, wellbeing and independence</p>');
    const timers = manualTimers();
    current = fallbackHighlighter({ timers });
    current.paint([
      { id: 'a', range: rangeOf(main, 'choice and control') },
      { id: 'b', range: rangeOf(main, 'independence'), className: 'draft' },
    ]);
    const [markA, markB] = Array.from(main.querySelectorAll('mark'));
    expect(markB!.getAttribute(MARK_ATTRIBUTES.look)).toBe('draft');
    expect(markA!.hasAttribute(MARK_ATTRIBUTES.look)).toBe(false);

    expect(current.focus('a')).toBe(true);
    expect(markA!.getAttribute(MARK_ATTRIBUTES.look)).toBe('focused');
    expect(current.flash('b')).toBe(true);
    expect(markB!.hasAttribute(MARK_ATTRIBUTES.flash)).toBe(true);
    timers.advance(1200);
    expect(markB!.hasAttribute(MARK_ATTRIBUTES.flash)).toBe(false);

    current.focus(null);
    expect(markA!.hasAttribute(MARK_ATTRIBUTES.look)).toBe(false);
  });

  it('styles marks with a <style> element that ensurePainted restores and dispose removes', () => {
    const main = setUp('<p>information and advice</p>');
    current = fallbackHighlighter();
    current.paint([{ id: 'a', range: rangeOf(main, 'advice') }]);
    const style = document.querySelector('style[data-lea-highlight-styles]');
    expect(style?.textContent).toContain('mark[data-lea-highlight]');
    expect(current.ensurePainted()).toBe(false);

    style!.remove();
    expect(current.ensurePainted()).toBe(true);
    expect(document.querySelector('style[data-lea-highlight-styles]')).not.toBeNull();

    current.dispose();
    expect(document.querySelector('style[data-lea-highlight-styles]')).toBeNull();
    expect(main.innerHTML).toBe('<p>information and advice</p>');
  });

  it('uses a constructed sheet, not a <style> element, when the window can make one', () => {
    setUp('<p>text</p>');
    const before = document.adoptedStyleSheets.length;
    current = createHighlighter({ doc: document, view: { CSSStyleSheet } });
    expect(current.mode).toBe('mark-fallback');
    expect(document.adoptedStyleSheets).toHaveLength(before + 1);
    expect(document.querySelector('style')).toBeNull();
    current.dispose();
    expect(document.adoptedStyleSheets).toHaveLength(before);
  });

  it('hit-tests a caret inside a mark', () => {
    const main = setUp('<p>active and supportive communities</p>');
    current = fallbackHighlighter();
    current.paint([{ id: 'a', range: rangeOf(main, 'supportive') }]);
    const markText = main.querySelector('mark')!.firstChild!;
    const caret = { offsetNode: markText, offset: 3 };
    Object.defineProperty(document, 'caretPositionFromPoint', { value: () => caret, configurable: true });
    try {
      expect(current.hitTest(10, 10)).toEqual(['a']);
      caret.offsetNode = main.querySelector('p')!.firstChild!;
      caret.offset = 2;
      expect(current.hitTest(10, 10)).toEqual([]);
    } finally {
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    }
  });

  it('paints and fully restores a real page (Care Act 2014 Part 1 fixture)', () => {
    const html = readFixture('care-act-2014-part-1.html');
    const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
    const main = setUp(body);
    const before = shape(main);
    const quotes = [
      '(2)“Well-being”, in relation to an individual',
      'emotional well-being;\n(c)protection from abuse and neglect;\n(d)control',
      'protection from abuse',
      'suitability of living accommodation',
    ];
    const items = quotes.map((quote, i) => ({ id: `q${i}`, range: rangeOf(main, quote) }));
    current = fallbackHighlighter();
    current.paint(items);
    expect(main.querySelectorAll('mark[data-lea-highlight]').length).toBeGreaterThan(quotes.length);
    expect(main.querySelectorAll('mark mark')).toHaveLength(0);
    items.forEach(({ range }, i) => expect(range.toString()).toBe(quotes[i]));
    current.focus('q2');
    current.paint(items.slice(1));
    current.dispose();
    expect(shape(main)).toEqual(before);
    items.forEach(({ range }, i) => expect(range.toString()).toBe(quotes[i]));
  });
});
