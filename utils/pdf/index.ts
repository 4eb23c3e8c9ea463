/**
 * PDFs: page text from pdf.js items, a lazily read whole-document text, anchoring with page
 * hints (on utils/anchoring: there is no second anchoring implementation), the mapping onto
 * pdf.js's text layer, and a PDF's identity by fingerprint. No pdf.js import here: callers
 * pass items in, so this runs in the viewer, in node and in unit tests alike.
 */
export { pageTextFromItems, TEXT_CONTENT_PARAMS, type PdfPageText, type PdfTextItem } from './page-text';
export { createPdfDocumentText, joinPages, type PdfDocumentText, type PdfTextSource, type PdfWholeText } from './document-text';
export { anchorInPdf, anchorInWhole, wholePageOf, describePdfPassage, pageHint, type PdfAnchor } from './anchor-pdf';
export { mapTextLayer, type TextLayerMap } from './text-layer';
export { pdfDocumentIdentity, isPdfUri, PDF_URN_PREFIX, type PdfFacts } from './pdf-identity';
