import { renderExtensionPage } from '../shared/extension-page';
import '../../components/styles.css';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { PdfViewerFrame, type PdfToolbarState, type PdfViewerStatus } from '../../components/PdfViewerFrame';
import { SessionOverlay } from '../../components/SessionOverlay';
import { ViewerRelaySchema, type BackgroundRequest } from '../../utils/messaging';
import { createPdfDocumentText, pdfDocumentIdentity, TEXT_CONTENT_PARAMS, type PdfTextItem } from '../../utils/pdf';
import { createPageSession, type PageSession } from '../../utils/page-session/page-session';
import { createPageRequestListener } from '../../utils/page-session/page-requests';
import type { PdfBoot } from './boot';
import { openPdf, PdfProblem, startPdfWorker } from './load-pdf';
import { createPdfjsView, type PdfjsView } from './pdfjs-view';
import { createPdfSurface, type PdfSurface } from './pdf-surface';
import { openSidePanel } from '../../utils/browser/side-panel';
import { useI18n } from '../../components/i18n';
import type { Translate } from '../../utils/i18n/translate';

performance.mark('lea-pdf-open');
const send = (m: BackgroundRequest) => browser.runtime.sendMessage(m);

// boot.ts (loaded first) has started the download and pdf.js's worker already.
const boot: PdfBoot = (globalThis as { leaPdfBoot?: PdfBoot }).leaPdfBoot ?? { url: null, badAddress: false, download: null, worker: null, onProgress: () => undefined };
if (boot.download) startPdfWorker();

function App() {
  const { t } = useI18n();
  // The page session keeps the surface for the PDF's life; it asks for words in the language shown now.
  const tNow = useRef<Translate>(t);
  tNow.current = t;
  const [status, setStatus] = useState<PdfViewerStatus>({ kind: 'choose-file' });
  const [toolbar, setToolbar] = useState<PdfToolbarState | null>(null);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [session, setSession] = useState<PageSession | null>(null);
  const [canWrite, setCanWrite] = useState(true);
  const [view, setView] = useState<PdfjsView | null>(null);
  const lastFind = useRef(-1);
  const [finder, setFinder] = useState<PdfSurface | null>(null);
  const [passwordReply, setPasswordReply] = useState<((p: string | null) => void) | null>(null);

  const open = useCallback(
    async (load: () => Promise<Uint8Array>, source: { url: string | null; fileName: string | null }) => {
      if (!container) return;
      try {
        setStatus({ kind: 'loading', progress: null, what: 'pdf.loading.opening' });
        const bytes = await load();
        performance.mark('lea-pdf-fetched');
        const pdf = await openPdf(bytes, (wrongBefore) => {
          setStatus({ kind: 'password', wrongBefore });
          return new Promise((resolve) => setPasswordReply(() => resolve));
        });
        performance.mark('lea-pdf-parsed');
        setStatus({ kind: 'loading', progress: null, what: 'pdf.loading.opening' });
        const metadata = await pdf.getMetadata().catch(() => null);
        const info = (metadata?.info ?? {}) as { Title?: unknown };
        const identity = pdfDocumentIdentity({
          fingerprint: pdf.fingerprints[0] ?? '',
          url: source.url,
          title: typeof info.Title === 'string' ? info.Title : null,
          fileName: source.fileName,
        });
        if (!identity) throw new PdfProblem({ key: 'pdf.problem.noIdentity' });
        setStatus({ kind: 'ready' });
        const text = createPdfDocumentText({
          pageCount: pdf.numPages,
          loadItems: async (n) => (await (await pdf.getPage(n)).getTextContent(TEXT_CONTENT_PARAMS)).items as PdfTextItem[],
        });
        const pdfView = await createPdfjsView(container, pdf, () => {
          performance.mark('lea-pdf-first-page');
          // Read the rest of the text once the first page is on screen, for comments and selections.
          void text.whole().then(() => updateToolbar(), () => undefined);
        });
        const controller = new AbortController();
        const surface = createPdfSurface({ view: pdfView, text, identity, scope: source.url, t: (key, params) => tNow.current(key, params) });
        setFinder(surface);
        const created = createPageSession({
          doc: document,
          win: window,
          send,
          ownHost: () => document.getElementById('lea-overlay'),
          signal: controller.signal,
          surface,
          onCommentsChanged: () => void browser.runtime.sendMessage({ type: 'broadcast/comments-changed' }).catch(() => undefined),
        });
        const updateToolbar = () => {
          let scannedPages = 0;
          for (let p = 1; p <= pdf.numPages; p++) if (text.loadedPage(p)?.hasText === false) scannedPages++;
          const page = pdfView.currentPage();
          const pageHasText = text.loadedPage(page)?.hasText ?? null;
          setToolbar({ title: identity.title, page, pageCount: pdf.numPages, zoom: pdfView.currentZoom(), scannedPages, pageHasText });
        };
        let timer = 0;
        pdfView.onTextLayer(() => {
          // Several pages draw at once when scrolling fast: repaint once for all of them.
          clearTimeout(timer);
          timer = window.setTimeout(() => void created.repaint().then(updateToolbar), 30);
        });
        pdfView.onPageChange(updateToolbar);
        updateToolbar();
        setView(pdfView);
        setSession(created);
        await created.reload();
      } catch (error) {
        setStatus({ kind: 'problem', message: error instanceof PdfProblem ? error.ref : error instanceof Error ? error.message : String(error) });
      }
    },
    [container],
  );

  useEffect(() => {
    if (!container) return;
    if (boot.badAddress) {
      setStatus({ kind: 'problem', message: { key: 'pdf.problem.badAddress' } });
      return;
    }
    if (!boot.url || !boot.download) return;
    boot.onProgress = (progress) => setStatus({ kind: 'loading', progress, what: 'pdf.loading.downloading' });
    const download = boot.download;
    void open(() => download, { url: boot.url, fileName: null });
  }, [container, open]);

  useEffect(() => session?.subscribe(() => setCanWrite(session.getState().canWrite)), [session]);

  // The tab's title: the PDF's own title once it is open, in the language shown.
  const title = toolbar?.title;
  useEffect(() => {
    document.title = title ? t('pdf.documentTitle', { title }) : t('pdf.viewerTitle');
  }, [title, t]);

  useEffect(() => {
    if (!session) return;
    const handler = createPageRequestListener(session);
    // The side panel reaches this tab through the background, which names the tab it means.
    const ownTab = browser.tabs.getCurrent().then((tab) => tab?.id);
    const relay = (message: unknown, sender: unknown) => {
      const parsed = v.safeParse(ViewerRelaySchema, message);
      if (!parsed.success) return handler(message, sender);
      return ownTab.then((id) => (parsed.output.tabId === undefined || parsed.output.tabId === id ? handler(parsed.output.request, sender) : undefined));
    };
    browser.runtime.onMessage.addListener(relay);
    const keepLive = () => document.visibilityState === 'visible' && void send({ type: 'sync/keep-live' }).catch(() => undefined);
    keepLive();
    const interval = setInterval(keepLive, 20_000);
    return () => {
      browser.runtime.onMessage.removeListener(relay);
      clearInterval(interval);
    };
  }, [session]);

  return (
    <PdfViewerFrame
      status={status}
      toolbar={toolbar}
      canWrite={canWrite}
      pagesRef={setContainer}
      onPage={(n) => view?.setPage(n)}
      onZoom={(z) => view?.setZoom(z)}
      onZoomStep={(d) => view?.zoomStep(d)}
      onFindToComment={async (words) => {
        if (!finder || !session || !container) return '';
        if (!words.trim()) return t('pdf.find.empty');
        const found = await finder.find(words, lastFind.current);
        if (!found) return t('pdf.find.notFound');
        lastFind.current = found.position;
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(found.range);
        // Focus leaves the search box, so the selection counts as words in the document.
        container.focus({ preventScroll: true });
        const started = await session.startComment();
        return started.started ? t('pdf.find.found', { page: found.page }) : (started.reason ?? '');
      }}
      onWholePageComment={() => view && session?.startWholePageComment(view.currentPage())}
      onShowComments={() => void browser.tabs.getCurrent().then((tab) => openSidePanel(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}))}
      onOpenFile={(file) => {
        history.replaceState(null, '', location.pathname);
        void open(async () => new Uint8Array(await file.arrayBuffer()), { url: null, fileName: file.name });
      }}
      onPassword={(password) => {
        passwordReply?.(password);
        setPasswordReply(null);
        setStatus({ kind: 'loading', progress: null, what: 'pdf.loading.opening' });
      }}
    >
      <div id="lea-overlay">{session && <SessionOverlay session={session} />}</div>
    </PdfViewerFrame>
  );
}

renderExtensionPage(() => <App />);
