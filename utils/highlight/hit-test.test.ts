import { afterEach, describe, expect, it } from 'vitest';
import { createHighlighter } from './create-highlighter';
import type { Highlighter } from './create-highlighter';
import { caretPointAt, hitTestRanges } from './hit-test';
import { HIT_RANGES, HIT_TEXT, hitCases } from './hit-test-cases';
import { fakeHighlightWindow, rangeAt, stubRects } from '../../tests/support/highlight-harness';

function paragraph(): Text {
  document.body.innerHTML = `<p>${HIT_TEXT}</p><p>elsewhere</p>`;
  return document.querySelector('p')!.firstChild as Text;
}

describe('hitTestRanges', () => {
  it.each(hitCases)('$name', ({ caret, rects = {}, point = { x: 1, y: 1 }, expected }) => {
    const text = paragraph();
    const entries = Object.entries(HIT_RANGES).map(([id, [start, end]]) => {
      const range = rangeAt(text, start, end);
      stubRects(range, rects[id] ?? []);
      return [id, range] as const;
    });
    const caretPoint = caret === null ? null : { node: text, offset: caret };
    expect(hitTestRanges(entries, caretPoint, point.x, point.y)).toEqual(expected);
  });

  it('ignores a caret in another tree (e.g. a shadow root) instead of throwing', () => {
    const text = paragraph();
    const host = document.createElement('div');
    const shadowText = host.attachShadow({ mode: 'open' }).appendChild(document.createTextNode('x'));
    document.body.appendChild(host);
    expect(hitTestRanges([['a', rangeAt(text, 0, 4)]], { node: shadowText, offset: 0 }, 0, 0)).toEqual([]);
  });
});

describe('caretPointAt', () => {
  it('prefers caretPositionFromPoint', () => {
    const text = paragraph();
    const other = document.createRange();
    other.setStart(text, 9);
    const doc = {
      caretPositionFromPoint: (x: number, y: number) => ({ offsetNode: text, offset: x + y }),
      caretRangeFromPoint: () => other,
    };
    expect(caretPointAt(doc, 2, 3)).toEqual({ node: text, offset: 5 });
  });

  it('falls back to caretRangeFromPoint', () => {
    const text = paragraph();
    const range = document.createRange();
    range.setStart(text, 7);
    expect(caretPointAt({ caretRangeFromPoint: () => range }, 0, 0)).toEqual({ node: text, offset: 7 });
  });

  it('returns null with no API, no caret, or an engine that throws', () => {
    expect(caretPointAt({}, 0, 0)).toBeNull();
    expect(caretPointAt({ caretPositionFromPoint: () => null }, 0, 0)).toBeNull();
    expect(caretPointAt({ caretRangeFromPoint: () => { throw new Error('out of view'); } }, 0, 0)).toBeNull();
  });
});

describe('Highlighter.hitTest', () => {
  let current: Highlighter | null = null;
  afterEach(() => {
    current?.dispose();
    current = null;
    delete (document as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
  });

  it('maps a point to painted passages through the document caret (Highlight API path)', () => {
    const text = paragraph();
    current = createHighlighter({ doc: document, view: fakeHighlightWindow() });
    current.paint(Object.entries(HIT_RANGES).map(([id, [start, end]]) => ({ id, range: rangeAt(text, start, end) })));
    let offset = 12;
    Object.defineProperty(document, 'caretRangeFromPoint', {
      configurable: true,
      value: () => {
        const r = document.createRange();
        r.setStart(text, offset);
        return r;
      },
    });
    expect(current.hitTest(5, 5)).toEqual(['a', 'b']);
    offset = 35;
    expect(current.hitTest(5, 5)).toEqual(['c']);
  });
});
