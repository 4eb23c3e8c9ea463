/**
 * Anchoring on PDFs: the same text anchoring as web pages (utils/anchoring) on the text
 * pdf.js extracts, tried first on the page the selectors name and only then on the whole
 * document, so opening a 300-page report does not wait for every page's text.
 */
import { anchorInText, describeOffsets, findPositionSelector, findQuoteSelector, normalizeQuote, type TextAnchor } from '../anchoring';
import { PDF_FRAGMENT_SPEC, type Selector, type TextPositionSelector, type TextQuoteSelector } from '../model/selectors';
import type { PdfDocumentText, PdfWholeText } from './document-text';

/** Where a comment attached: a page and offsets within that page's text. */
export interface PdfAnchor {
  page: number;
  start: number;
  end: number;
  status: TextAnchor['status'];
  /** Offsets in the whole document's text, when it has been read. */
  documentStart: number | null;
  /** A comment on a whole page (a FragmentSelector `page=N`), which has no passage to paint. */
  wholePage?: true;
}

/** The page of a whole-page selector (RFC 3778 `page=N`), if the list has one. */
export function wholePageOf(selectors: readonly Selector[]): number | undefined {
  for (const s of selectors) {
    if (s.type === 'FragmentSelector' && s.conformsTo === PDF_FRAGMENT_SPEC && typeof s.value === 'string') {
      const match = /^page=([1-9][0-9]*)$/.exec(s.value);
      if (match) return Number(match[1]);
    }
  }
  return undefined;
}

/** The page a selector set names (TextPositionSelector `page`), if any. */
export function pageHint(selectors: readonly Selector[]): number | undefined {
  return findPositionSelector(selectors)?.page;
}

/**
 * Anchors one comment. Order: the named page alone (exact or moved there); then the whole
 * document (exact, moved or fuzzy); a fuzzy match on the named page is the last resort.
 */
export async function anchorInPdf(text: PdfDocumentText, selectors: readonly Selector[]): Promise<PdfAnchor | null> {
  const wholePage = wholePageOf(selectors);
  if (wholePage !== undefined) return wholePage <= text.pageCount ? { page: wholePage, start: 0, end: 0, status: 'exact', documentStart: null, wholePage: true } : null;
  const quote = findQuoteSelector(selectors);
  if (!quote) return null;
  const position = findPositionSelector(selectors);
  const hint = position?.page;
  let onPage: PdfAnchor | null = null;
  if (hint !== undefined && hint >= 1 && hint <= text.pageCount) {
    const pageText = await text.page(hint);
    const whole = text.loadedWhole();
    const pageStart = whole ? whole.pageStarts[hint - 1]! : null;
    const local: Selector[] = [quote];
    if (position && pageStart !== null) local.push({ ...position, start: position.start - pageStart, end: position.end - pageStart });
    const found = anchorInText(pageText.index, local);
    if (found) {
      // Without the whole text the recorded position can't be checked, but a quote found
      // just once on its own page is the same passage: exact. A quote that repeats on the
      // page is settled by the whole document, where the position and context tell copies apart.
      const unique = pageStart !== null || occursOnce(pageText.index.normalized().text, normalizeQuote(quote.exact));
      const status = found.status === 'moved' && pageStart === null && unique ? 'exact' : found.status;
      onPage = { page: hint, start: found.start, end: found.end, status, documentStart: pageStart === null ? null : pageStart + found.start };
      if (status !== 'fuzzy' && unique) return onPage;
    }
  }
  const whole = await text.whole();
  return anchorInWhole(whole, selectors) ?? onPage;
}

function occursOnce(text: string, needle: string): boolean {
  if (needle.length === 0) return false;
  const first = text.indexOf(needle);
  return first >= 0 && text.indexOf(needle, first + 1) < 0;
}

/** Anchors on the whole text (already read): for callers that have it, such as the benchmark. */
export function anchorInWhole(whole: PdfWholeText, selectors: readonly Selector[]): PdfAnchor | null {
  const found = anchorInText(whole.index, selectors);
  if (!found) return null;
  const page = whole.pageOf(found.start);
  const pageStart = whole.pageStarts[page - 1]!;
  return { page, start: found.start - pageStart, end: found.end - pageStart, status: found.status, documentStart: found.start };
}

/**
 * Selectors for a passage on page `page` (offsets in that page's text): a quote with
 * context from the whole document, and a position in the whole document's text carrying
 * the page number as a hint.
 */
export function describePdfPassage(
  whole: PdfWholeText,
  page: number,
  start: number,
  end: number,
): [TextQuoteSelector, TextPositionSelector & { page: number }] {
  const pageStart = whole.pageStarts[page - 1]!;
  const [quote, position] = describeOffsets(whole.index, pageStart + start, pageStart + end);
  return [quote, { ...position, page }];
}
