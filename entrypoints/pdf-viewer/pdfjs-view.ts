/**
 * pdf.js's own viewer component (lazy page rendering, text layer, zoom) set up for the
 * annotator, and the small view the PDF surface works through.
 */
import 'pdfjs-dist';
import 'pdfjs-dist/web/pdf_viewer.css';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfViewerView } from './pdf-surface';

/** pdf.js's "rendering finished" state (RenderingStates.FINISHED). */
const FINISHED = 3;

export interface PdfjsView extends PdfViewerView {
  setPage(pageNumber: number): void;
  setZoom(value: string): void;
  zoomStep(direction: 1 | -1): void;
  currentPage(): number;
  currentZoom(): string;
  /** Called with the page number after each text layer is drawn (on scroll and zoom). */
  onTextLayer(listener: (pageNumber: number) => void): void;
  onPageChange(listener: () => void): void;
}

export async function createPdfjsView(container: HTMLDivElement, pdf: PDFDocumentProxy, onFirstPage: () => void): Promise<PdfjsView> {
  // pdf_viewer.mjs reads the library from globalThis.pdfjsLib, which pdf.mjs (imported above) sets.
  const { EventBus, PDFLinkService, PDFViewer } = await import('pdfjs-dist/web/pdf_viewer.mjs');
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const viewer = new PDFViewer({ container, eventBus, linkService, textLayerMode: 1 });
  linkService.setViewer(viewer);
  const textListeners = new Set<(page: number) => void>();
  const pageListeners = new Set<() => void>();
  let firstPageShown = false;

  eventBus.on('pagesinit', () => {
    performance.mark('lea-pdf-pages-init');
    viewer.currentScaleValue = 'page-width';
  });
  eventBus.on('pagerendered', ({ pageNumber }: { pageNumber: number }) => {
    if (pageNumber === 1 && !firstPageShown) {
      firstPageShown = true;
      onFirstPage();
    }
  });
  eventBus.on('textlayerrendered', ({ pageNumber }: { pageNumber: number }) => textListeners.forEach((l) => l(pageNumber)));
  eventBus.on('pagechanging', () => pageListeners.forEach((l) => l()));
  eventBus.on('scalechanging', () => pageListeners.forEach((l) => l()));

  viewer.setDocument(pdf);
  linkService.setDocument(pdf, null);

  const pageView = (n: number) => (n >= 1 && n <= pdf.numPages ? viewer.getPageView(n - 1) : undefined);
  const textLayerOf = (n: number): HTMLElement | null => {
    const view = pageView(n);
    if (!view || view.renderingState !== FINISHED) return null;
    const div = view.textLayer?.div;
    return div && div.isConnected && div.querySelector('.endOfContent') ? div : null;
  };

  return {
    container,
    pageCount: pdf.numPages,
    pageElement: (n) => pageView(n)?.div ?? null,
    textLayer: textLayerOf,
    showPage(n) {
      return new Promise<void>((resolve) => {
        if (textLayerOf(n)) {
          viewer.scrollPageIntoView({ pageNumber: n });
          resolve();
          return;
        }
        const done = (page: number) => {
          if (page !== n) return;
          textListeners.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => (textListeners.delete(done), resolve()), 10_000);
        textListeners.add(done);
        viewer.scrollPageIntoView({ pageNumber: n });
      });
    },
    setPage(n) {
      viewer.currentPageNumber = n;
    },
    setZoom(value) {
      viewer.currentScaleValue = value;
    },
    zoomStep(direction) {
      if (direction > 0) viewer.increaseScale();
      else viewer.decreaseScale();
    },
    currentPage: () => viewer.currentPageNumber,
    currentZoom: () => (['page-width', 'page-fit', 'auto', 'page-actual'].includes(viewer.currentScaleValue) ? viewer.currentScaleValue : String(Math.round(viewer.currentScale * 100) / 100)),
    onTextLayer: (listener) => void textListeners.add(listener),
    onPageChange: (listener) => void pageListeners.add(listener),
  };
}
