/**
 * Maps a page's text (see page-text.ts) onto pdf.js's text layer: the transparent spans,
 * one per text item, that pdf.js lays over the rendered page so text can be selected.
 * Highlights are DOM Ranges in that layer; the PDF itself is never changed. The document
 * comes from the layer element, so this runs in the viewer and under happy-dom alike.
 */
import { buildTextIndex, locateOffset, offsetsToRange, rangeToOffsets, type DomTextIndex } from '../anchoring';
import type { PdfPageText } from './page-text';

export interface TextLayerMap {
  readonly page: PdfPageText;
  readonly layer: Element;
  /** A Range over page-text offsets, or null when they cover no text on screen. */
  toRange(start: number, end: number): Range | null;
  /** Page-text offsets of a Range inside the layer. */
  fromRange(range: Range): { start: number; end: number };
}

/**
 * Connects a rendered text layer with its page text, or returns null when they disagree
 * (e.g. the layer was cut short by pdf.js's limit on text spans), so nothing is painted in
 * the wrong place.
 */
export function mapTextLayer(page: PdfPageText, layer: Element): TextLayerMap | null {
  const dom: DomTextIndex = buildTextIndex(layer);
  const { index, textSegments } = page;
  if (dom.segmentCount !== textSegments.length) return null;
  for (let k = 0; k < textSegments.length; k++) {
    const seg = textSegments[k]!;
    if (dom.nodes[k]!.data !== index.text.slice(index.starts[seg]!, index.starts[seg + 1]!)) return null;
  }
  // For every page segment, how many text segments come before it: the DOM node it maps to.
  const textBefore = new Int32Array(index.segmentCount + 1);
  for (let seg = 0, k = 0; seg <= index.segmentCount; seg++) {
    textBefore[seg] = k;
    if (k < textSegments.length && textSegments[k] === seg) k++;
  }
  const isText = (seg: number) => textBefore[seg + 1]! > textBefore[seg]!;

  const toDom = (offset: number, side: 'start' | 'end'): number => {
    const at = locateOffset(index, offset, side);
    if (!at) return 0;
    const k = textBefore[at.segment]!;
    if (!isText(at.segment)) return k < dom.segmentCount ? dom.starts[k]! : dom.text.length;
    return dom.starts[k]! + at.offset;
  };
  const fromDom = (offset: number, side: 'start' | 'end'): number => {
    const at = locateOffset(dom, offset, side);
    if (!at) return 0;
    const seg = textSegments[at.segment]!;
    return index.starts[seg]! + at.offset;
  };

  return {
    page,
    layer,
    toRange(start, end) {
      if (dom.segmentCount === 0) return null;
      const from = toDom(start, 'start');
      const to = toDom(end, 'end');
      if (to <= from) return null;
      return offsetsToRange(dom, from, to);
    },
    fromRange(range) {
      const { start, end } = rangeToOffsets(dom, range);
      return { start: fromDom(start, 'start'), end: fromDom(end, 'end') };
    },
  };
}
