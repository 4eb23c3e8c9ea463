/** Shared helpers for this folder's tests (not exported from index.ts). */
import type { HighlightLike } from '../../utils/highlight/api-painter';
import type { HighlightWindow } from '../../utils/highlight/create-highlighter';

/** A Range over characters [start, end) of `root`'s text content, wherever the text nodes split. */
export function rangeAt(root: Node, start: number, end: number): Range {
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  if (root.nodeType === 3) {
    range.setStart(root, start);
    range.setEnd(root, end);
    return range;
  }
  const walker = doc.createTreeWalker(root, 0x4);
  let seen = 0;
  let startSet = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.length;
    if (!startSet && start <= seen + length) {
      range.setStart(node, start - seen);
      startSet = true;
    }
    if (startSet && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen += length;
  }
  throw new Error(`No text at ${start}-${end}`);
}

/** A Range over the first occurrence of `quote` in `root`'s text. */
export function rangeOf(root: Node, quote: string, occurrence = 0): Range {
  const text = root.textContent ?? '';
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`Quote not found: ${quote}`);
  return rangeAt(root, at, at + quote.length);
}

/** A stand-in for CSS `Highlight`: a set of ranges with a priority. */
export class FakeHighlight extends Set<AbstractRange> implements HighlightLike {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** A constructed stylesheet that remembers the CSS text it was given (happy-dom drops ::highlight rules). */
export class RecordingSheet extends CSSStyleSheet {
  text = '';
  override replaceSync(text: string): void {
    this.text = text;
    super.replaceSync(text);
  }
}

/** A fake window with the Highlight API, for the Highlight path in happy-dom. */
export function fakeHighlightWindow(): HighlightWindow & { registry: Map<string, FakeHighlight> } {
  const registry = new Map<string, FakeHighlight>();
  return { Highlight: FakeHighlight, CSS: { highlights: registry }, CSSStyleSheet: RecordingSheet, registry };
}

/** Manual timers: `run()` fires what is due after advancing the clock by `ms`. */
export function manualTimers(): {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: unknown): void;
  advance(ms: number): void;
  pending(): number;
} {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      timers.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [handle, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          timers.delete(handle);
          timer.callback();
        }
      }
    },
    pending: () => timers.size,
  };
}

/** A DOMRectList-like list of rects for stubbing `Range.getClientRects` where there is no layout. */
export function stubRects(range: Range, rects: Array<{ left: number; top: number; right: number; bottom: number }>): void {
  range.getClientRects = () => rects as unknown as DOMRectList;
}
