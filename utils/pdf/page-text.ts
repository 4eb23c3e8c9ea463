/**
 * The text of one PDF page as the anchoring layer sees it, built from pdf.js text items.
 * Pure: the items come in as plain data (from `page.getTextContent()` in the viewer, or the
 * legacy build in node), so the same offsets are computed everywhere.
 */
import { createTextIndex, type TextIndex } from '../anchoring';

/**
 * One entry of `textContent.items`. Marked-content entries have no `str`; pdf.js's text
 * layer skips them, and so do we. `hasEOL` ends a line.
 */
export interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

/**
 * The parameters pdf.js's own viewer passes to `getTextContent` for its text layer. Text
 * extracted with any others may differ from the text layer and would not map onto it.
 */
export const TEXT_CONTENT_PARAMS = { includeMarkedContent: true, disableNormalization: true } as const;

/** A page's text: the item strings with a line break after each line and at the page end. */
export interface PdfPageText {
  /** 1-based. */
  pageNumber: number;
  /** Segments: item strings and "\n" line breaks, in reading order. */
  index: TextIndex;
  /**
   * For each text item that shows text (non-empty `str`, in order: the spans of pdf.js's
   * text layer that hold a text node), the segment it became.
   */
  textSegments: Int32Array;
  /** Whether the page has any text at all (scanned pages have none). */
  hasText: boolean;
}

/** Builds a page's text from its items (see {@link PdfTextItem}). */
export function pageTextFromItems(pageNumber: number, items: readonly PdfTextItem[]): PdfPageText {
  const segments: string[] = [];
  const textSegments: number[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    if (item.str !== '') {
      textSegments.push(segments.length);
      segments.push(item.str);
    }
    if (item.hasEOL) segments.push('\n');
  }
  const hasText = textSegments.length > 0;
  // Pages end with a line break so a quote never runs one page's last word into the next page's first.
  if (segments[segments.length - 1] !== '\n') segments.push('\n');
  return { pageNumber, index: createTextIndex(segments), textSegments: Int32Array.from(textSegments), hasText };
}
