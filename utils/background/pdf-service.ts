import type { Settings } from '../model';

/** What the PDF service needs: where the viewer lives, the tabs API, and the person's settings. */
export interface PdfServiceDeps {
  /** The annotator's viewer page (`runtime.getURL('/pdf-viewer.html')`). */
  viewerPage: string;
  tabs: {
    create(properties: { url: string }): Promise<unknown>;
    update(tabId: number, properties: { url: string }): Promise<unknown>;
  };
  settings: () => Promise<Settings>;
}

/** The annotator's viewer showing the PDF at `pdfUrl`. */
export function pdfViewerUrl(viewerPage: string, pdfUrl: string): string {
  return `${viewerPage}?file=${encodeURIComponent(pdfUrl)}`;
}

/** Opening PDFs from websites in the annotator's own viewer, where they can be commented on. */
export function createPdfService({ viewerPage, tabs, settings }: PdfServiceDeps) {
  /** Show the web PDF at `url` in the viewer, in tab `tabId` or a new tab; false for other addresses. */
  async function open(url: string, tabId?: number): Promise<boolean> {
    if (!/^https?:/i.test(url)) return false;
    const target = { url: pdfViewerUrl(viewerPage, url) };
    if (tabId === undefined) await tabs.create(target);
    else await tabs.update(tabId, target);
    return true;
  }

  return {
    open,
    /** A content script found its tab shows a PDF: move it to the viewer if the person asked for that. */
    async detected(tab: { id?: number; url?: string } | undefined): Promise<{ redirected: boolean }> {
      if (!(await settings()).openPdfsInAnnotator || tab?.id === undefined || !tab.url) return { redirected: false };
      return { redirected: await open(tab.url, tab.id) };
    },
  };
}

/** The PDF service as the message handlers and menus use it. */
export type PdfService = ReturnType<typeof createPdfService>;
