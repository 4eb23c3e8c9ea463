/**
 * The text of a whole PDF, built lazily page by page: anchoring a comment needs only the
 * page its selector names, and the whole document is read only when a passage moved.
 */
import { createTextIndex, type TextIndex } from '../anchoring';
import { pageTextFromItems, type PdfPageText, type PdfTextItem } from './page-text';

/** Where page texts come from (pdf.js in the viewer, the legacy build in node). */
export interface PdfTextSource {
  pageCount: number;
  /** The items of page `pageNumber` (1-based), as `getTextContent(TEXT_CONTENT_PARAMS)` gives them. */
  loadItems(pageNumber: number): Promise<readonly PdfTextItem[]>;
}

/** Every page's text joined in page order, with the offset where each page starts. */
export interface PdfWholeText {
  index: TextIndex;
  /** `pageStarts[p - 1]` is where page p starts; the last entry is the text's length. */
  pageStarts: Int32Array;
  /** The 1-based page holding the character at `offset`. */
  pageOf(offset: number): number;
}

export interface PdfDocumentText {
  readonly pageCount: number;
  /** One page's text, read on first use and then kept. */
  page(pageNumber: number): Promise<PdfPageText>;
  /** A page's text if it has been read already. */
  loadedPage(pageNumber: number): PdfPageText | undefined;
  /** The whole document's text; reads every page not yet read, in order. */
  whole(): Promise<PdfWholeText>;
  /** The whole text if every page has been read and joined already. */
  loadedWhole(): PdfWholeText | null;
}

export function createPdfDocumentText(source: PdfTextSource): PdfDocumentText {
  const pages = new Map<number, Promise<PdfPageText>>();
  const loaded = new Map<number, PdfPageText>();
  let whole: Promise<PdfWholeText> | null = null;
  let wholeLoaded: PdfWholeText | null = null;

  function page(pageNumber: number): Promise<PdfPageText> {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > source.pageCount) {
      return Promise.reject(new RangeError(`This document has no page ${pageNumber}: it has ${source.pageCount}.`));
    }
    let pending = pages.get(pageNumber);
    if (!pending) {
      pending = source.loadItems(pageNumber).then((items) => {
        const text = pageTextFromItems(pageNumber, items);
        loaded.set(pageNumber, text);
        return text;
      });
      // A failed read may be retried later (e.g. a worker restarted).
      pending.catch(() => pages.delete(pageNumber));
      pages.set(pageNumber, pending);
    }
    return pending;
  }

  async function readWhole(): Promise<PdfWholeText> {
    const texts: PdfPageText[] = [];
    for (let p = 1; p <= source.pageCount; p++) texts.push(await page(p));
    return joinPages(texts);
  }

  return {
    pageCount: source.pageCount,
    page,
    loadedPage: (pageNumber) => loaded.get(pageNumber),
    whole() {
      whole ??= readWhole().then((w) => (wholeLoaded = w));
      whole.catch(() => (whole = null));
      return whole;
    },
    loadedWhole: () => wholeLoaded,
  };
}

/** Joins page texts (in page order) into one index. */
export function joinPages(texts: readonly PdfPageText[]): PdfWholeText {
  const segments: string[] = [];
  const pageStarts = new Int32Array(texts.length + 1);
  let offset = 0;
  texts.forEach((t, i) => {
    pageStarts[i] = offset;
    const { index } = t;
    for (let s = 0; s < index.segmentCount; s++) segments.push(index.text.slice(index.starts[s]!, index.starts[s + 1]!));
    offset += index.text.length;
  });
  pageStarts[texts.length] = offset;
  const index = createTextIndex(segments);
  return {
    index,
    pageStarts,
    pageOf(at: number): number {
      let lo = 0;
      let hi = texts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (pageStarts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}
