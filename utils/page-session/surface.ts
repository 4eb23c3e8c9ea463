import type { DocumentIdentity } from '../document';
import type { AnchorStatus, LeaAnnotation, TextPositionSelector, TextQuoteSelector } from '../model';

/** Where one comment attached, as a document surface reports it. */
export interface SurfaceAnchor {
  status: AnchorStatus;
  /** The passage on screen now, or null (an orphan, or a PDF page not rendered yet). */
  range: Range | null;
  /** Offsets in the document's whole text (one space for every comment), or null for orphans. */
  span: { start: number; end: number } | null;
  /** PDF page, for listing comments on pages not rendered yet. */
  page?: number;
  /** A comment on a whole PDF page: nothing to paint, shown by going to the page. */
  wholePage?: boolean;
}

/**
 * What a page session needs from the document it runs on: a web page's DOM, or the PDF
 * viewer's text layers. The session keeps the UI logic (adder, editor, cards, highlights,
 * density strip, announcements); a surface knows how text is found and shown.
 */
export interface DocumentSurface {
  /** Where a PDF read from the web came from (kept on whole-page comments too). */
  scope?: string;
  /** The element whose text can be commented on. */
  root(): Element;
  identity(): DocumentIdentity | null;
  /** Anchors every comment, in the order given. */
  anchor(annotations: readonly LeaAnnotation[]): Promise<SurfaceAnchor[]>;
  /** A Range over whole-text offsets, when that text is on screen now. */
  rangeFor(span: { start: number; end: number }): Range | null;
  /** Selectors (and section heading, page) for a selected Range, or a plain reason it can't be described. */
  describe(range: Range): Promise<{ selectors: [TextQuoteSelector, TextPositionSelector]; section?: string; scope?: string } | { problem: string }>;
  /** Length of the whole text, the scale of the density strip's text positions. */
  textLength(): number;
  /** Pixel top of a passage in the scrolling content, for density marks; null when unknown. */
  topOf(anchor: SurfaceAnchor): number | null;
  /** Total scrollable height in pixels. */
  scrollHeight(): number;
  /** Bring an anchored passage on screen (e.g. render its PDF page) and return its Range. */
  reveal(anchor: SurfaceAnchor): Promise<Range | null>;
}
