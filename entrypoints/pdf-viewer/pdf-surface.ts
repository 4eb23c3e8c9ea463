/**
 * The PDF viewer as a document surface for the page session: comments anchor on the text
 * pdf.js extracts (page by page, see utils/pdf) and are painted on pdf.js's text layer for
 * the pages on screen. Positions are "page × PAGE_STRIDE + offset in page", one space for
 * every comment whether or not the whole document's text has been read yet.
 */
import type { DocumentIdentity } from '../../utils/document';
import { anchorInPdf, describePdfPassage, mapTextLayer, type PdfAnchor, type PdfDocumentText, type TextLayerMap } from '../../utils/pdf';
import { normalizeQuote } from '../../utils/anchoring';
import type { LeaAnnotation } from '../../utils/model';
import type { DocumentSurface, SurfaceAnchor } from '../../utils/page-session/surface';
import { translator, type Translate } from '../../utils/i18n/translate';

/** Wider than any page's text, so page and offset pack into one number. */
export const PAGE_STRIDE = 10_000_000;

/** What the surface needs from the pdf.js viewer (kept small so it can be faked in tests). */
export interface PdfViewerView {
  /** The scrolling element that holds the pages. */
  container: HTMLElement;
  pageCount: number;
  /** The div of page `n` (1-based): present for every page, rendered or not. */
  pageElement(pageNumber: number): HTMLElement | null;
  /** The text layer of page `n` when it is rendered, else null. */
  textLayer(pageNumber: number): HTMLElement | null;
  /** Scroll page `n` into view and resolve once its text layer is rendered. */
  showPage(pageNumber: number): Promise<void>;
}

/** The PDF surface, plus finding words so keyboard and screen-reader users can select a passage. */
export interface PdfSurface extends DocumentSurface {
  /**
   * Finds `words` (ignoring spacing, line breaks, quote and dash styles) after whole-text
   * position `after`, shows its page and returns the passage's Range, or null when absent.
   */
  find(words: string, after: number): Promise<{ range: Range; position: number; page: number } | null>;
}

export function createPdfSurface(options: {
  view: PdfViewerView;
  text: PdfDocumentText;
  identity: DocumentIdentity;
  /** The http(s) address the PDF was read from, kept on new comments; null for a local file. */
  scope: string | null;
  /** Words for "why this selection can't be commented on", in the viewer's language now (English by default). */
  t?: Translate;
}): PdfSurface {
  const { view, text, identity, scope } = options;
  const t: Translate = options.t ?? translator('en-GB').t;
  const anchorCache = new Map<string, Promise<PdfAnchor | null>>();
  const layerMaps = new Map<number, TextLayerMap>();

  /** The text-layer map of a rendered page, rebuilt when pdf.js re-rendered the layer. */
  function layerMap(pageNumber: number): TextLayerMap | null {
    const layer = view.textLayer(pageNumber);
    const pageText = text.loadedPage(pageNumber);
    if (!layer || !layer.isConnected || !pageText) return null;
    const known = layerMaps.get(pageNumber);
    if (known && known.layer === layer && known.page === pageText) return known;
    const map = mapTextLayer(pageText, layer);
    if (map) layerMaps.set(pageNumber, map);
    return map;
  }

  const pageOfPosition = (position: number) => Math.floor(position / PAGE_STRIDE);

  function rangeFor(span: { start: number; end: number }): Range | null {
    const page = pageOfPosition(span.start);
    const map = layerMap(page);
    if (!map) return null;
    return map.toRange(span.start - page * PAGE_STRIDE, Math.min(span.end, (page + 1) * PAGE_STRIDE - 1) - page * PAGE_STRIDE);
  }

  function anchorOf(annotation: LeaAnnotation): Promise<PdfAnchor | null> {
    const key = `${annotation.id}@${annotation.modified}`;
    let pending = anchorCache.get(key);
    if (!pending) {
      pending = anchorInPdf(text, annotation.target.selector);
      pending.catch(() => anchorCache.delete(key));
      anchorCache.set(key, pending);
    }
    return pending;
  }

  return {
    ...(scope ? { scope } : {}),
    root: () => view.container,
    identity: () => identity,
    async anchor(annotations) {
      const found = await Promise.all(annotations.map((a) => anchorOf(a).catch(() => null)));
      // Ranges only for pages whose text layer is drawn; the others get theirs when drawn (repaint).
      return found.map((anchor): SurfaceAnchor => {
        if (!anchor) return { status: 'orphan', range: null, span: null };
        const span = { start: anchor.page * PAGE_STRIDE + anchor.start, end: anchor.page * PAGE_STRIDE + anchor.end };
        if (anchor.wholePage) return { status: anchor.status, span, page: anchor.page, range: null, wholePage: true };
        return { status: anchor.status, span, page: anchor.page, range: rangeFor(span) };
      });
    },
    rangeFor,
    async describe(range) {
      const pageOf = (node: Node) => {
        const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
        const page = element?.closest('.page[data-page-number]');
        return page ? Number(page.getAttribute('data-page-number')) : null;
      };
      const first = pageOf(range.startContainer);
      const last = pageOf(range.endContainer);
      if (first === null) return { problem: t('pdf.select.outside') };
      if (last !== first) return { problem: t('pdf.select.twoPages') };
      await text.page(first);
      const map = layerMap(first);
      if (!map) return { problem: t('pdf.select.drawing') };
      if (!map.page.hasText) return { problem: t('pdf.select.picture') };
      const { start, end } = map.fromRange(range);
      if (end <= start) return { problem: t('pdf.select.empty') };
      const whole = await text.whole();
      return { selectors: describePdfPassage(whole, first, start, end), ...(scope ? { scope } : {}) };
    },
    textLength: () => (view.pageCount + 1) * PAGE_STRIDE,
    topOf(anchor) {
      if (!anchor.page || !anchor.span) return null;
      const pageElement = view.pageElement(anchor.page);
      if (!pageElement) return null;
      const pageText = text.loadedPage(anchor.page);
      const within = pageText && pageText.index.text.length > 0 ? (anchor.span.start - anchor.page * PAGE_STRIDE) / pageText.index.text.length : 0;
      return pageElement.offsetTop + within * pageElement.offsetHeight;
    },
    scrollHeight: () => view.container.scrollHeight,
    async find(words, after) {
      const needle = normalizeQuote(words);
      if (!needle) return null;
      const whole = await text.whole();
      const folded = whole.index.normalized();
      const search = (from: number) => folded.text.indexOf(needle, from);
      let at = search(Math.max(0, folded.toRaw.findIndex((raw) => raw > after)));
      if (at < 0) at = search(0); // Wrap round to the start, as find in a browser does.
      if (at < 0) return null;
      const rawStart = folded.toRaw[at]!;
      const rawEnd = folded.toRaw[at + needle.length - 1]! + 1;
      const page = whole.pageOf(rawStart);
      const pageStart = whole.pageStarts[page - 1]!;
      const pageEnd = whole.pageStarts[page]!;
      await view.showPage(page);
      await text.page(page);
      const map = layerMap(page);
      const range = map?.toRange(rawStart - pageStart, Math.min(rawEnd, pageEnd) - pageStart) ?? null;
      if (!range) return null;
      const element = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center' });
      return { range, position: rawStart, page };
    },
    async reveal(anchor) {
      if (!anchor.page || !anchor.span) return null;
      await view.showPage(anchor.page);
      if (anchor.wholePage) {
        view.pageElement(anchor.page)?.scrollIntoView({ block: 'start' });
        return null;
      }
      await text.page(anchor.page);
      const range = rangeFor(anchor.span);
      const target = range ? (range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement) : null;
      target?.scrollIntoView({ block: 'center' });
      return range;
    },
  };
}
