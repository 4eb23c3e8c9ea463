import { Button } from '@hypothesis/frontend-shared';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n/catalogue';
import type { MessageRef, Translate } from '../utils/i18n/translate';
import { useI18n, useT } from './i18n';

/** Zoom choices the toolbar offers; values are pdf.js scale values (numbers: a scale, shown as a percentage). */
export const ZOOM_CHOICES: readonly string[] = ['page-width', 'page-fit', '0.75', '1', '1.25', '1.5', '2', '3'];

/** A zoom value in words: "Fit to width", "Whole page" or a percentage. */
export function zoomLabel(t: Translate, value: string): string {
  if (value === 'page-width') return t('pdf.zoom.pageWidth');
  if (value === 'page-fit') return t('pdf.zoom.pageFit');
  return t('pdf.zoom.percent', { percent: Math.round(Number(value) * 100) });
}

export type PdfViewerStatus =
  | { kind: 'choose-file' }
  | { kind: 'loading'; progress: number | null; what: MessageKey }
  | { kind: 'password'; wrongBefore: boolean }
  /** `message`: a catalogue message, or the text of an unexpected error (shown as it is). */
  | { kind: 'problem'; message: MessageRef | string }
  | { kind: 'ready' };

export interface PdfToolbarState {
  title: string;
  page: number;
  pageCount: number;
  zoom: string;
  /** Pages with no text at all (scanned), for the plain-words note. */
  scannedPages: number;
  /** False when the page on screen is a picture with no words to select (null: not known yet). */
  pageHasText: boolean | null;
}

export interface PdfViewerFrameProps {
  status: PdfViewerStatus;
  toolbar: PdfToolbarState | null;
  /** False for readers: no control offers to write a comment. Default true. */
  canWrite?: boolean;
  onPage(page: number): void;
  onZoom(zoom: string): void;
  onZoomStep(direction: 1 | -1): void;
  onOpenFile(file: File): void;
  onPassword(password: string | null): void;
  onShowComments(): void;
  /** Start a comment on the whole page on screen (for pages with no words to select). */
  onWholePageComment(): void;
  /** Find words in the PDF, select them and open the editor; resolves with what to announce. */
  onFindToComment(words: string): Promise<string>;
  /** The pdf.js pages live in this element (managed outside Preact). */
  pagesRef: (element: HTMLDivElement | null) => void;
  children?: ComponentChildren;
}

/**
 * The annotator's PDF viewer page: a toolbar (page, zoom, comments, open a file), the
 * pages, and plain-words screens for loading, passwords and problems.
 */
export function PdfViewerFrame(props: PdfViewerFrameProps) {
  const t = useT();
  const { status, toolbar } = props;
  const canWrite = props.canWrite !== false;
  return (
    <div class="font-sans text-base text-grey-9">
      <header class="fixed inset-x-0 top-0 z-10 flex h-14 items-center gap-2 border-b border-grey-4 bg-white px-3">
        <h1 class="min-w-0 flex-1 truncate text-base font-bold" title={toolbar?.title}>
          {toolbar?.title ?? t('pdf.viewerTitle')}
        </h1>
        {toolbar && status.kind === 'ready' && <PdfToolbar {...props} toolbar={toolbar} />}
        {status.kind === 'ready' ? (
          // One PDF per viewer page: another file opens in a new viewer tab.
          <a class="text-sm text-blue-700 underline" href={location.pathname} target="_blank" rel="noopener">
            {t('pdf.openAnother')}
          </a>
        ) : (
          <FilePicker onOpenFile={props.onOpenFile} />
        )}
      </header>
      <main aria-label={t('pdf.documentRegion')} class="fixed inset-x-0 bottom-0 top-14">
        {status.kind !== 'ready' && <StatusScreen {...props} />}
        {status.kind === 'ready' && canWrite && <FindToComment onFind={props.onFindToComment} />}
        {toolbar && toolbar.scannedPages > 0 && status.kind === 'ready' && canWrite && (
          <p class="absolute inset-x-0 top-0 z-[5] border-b border-grey-4 bg-yellow-100 px-3 py-1 text-sm">
            {toolbar.scannedPages === toolbar.pageCount ? t('pdf.allScanned') : t('pdf.someScanned', { count: toolbar.scannedPages })}
          </p>
        )}
        <div
          ref={props.pagesRef}
          id="viewerContainer"
          tabIndex={0}
          aria-label={t('pdf.pagesRegion')}
          class="absolute inset-0 right-4 overflow-auto bg-grey-3"
          hidden={status.kind !== 'ready'}
        >
          <div class="pdfViewer" />
        </div>
      </main>
      {props.children}
    </div>
  );
}

function PdfToolbar(props: PdfViewerFrameProps & { toolbar: PdfToolbarState }) {
  const t = useT();
  const { toolbar } = props;
  const [typed, setTyped] = useState(String(toolbar.page));
  useEffect(() => setTyped(String(toolbar.page)), [toolbar.page]);
  const goTo = () => {
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 1 && n <= toolbar.pageCount) props.onPage(n);
    else setTyped(String(toolbar.page));
  };
  return (
    <nav aria-label={t('pdf.toolbar')} class="flex items-center gap-2 text-sm">
      <Button size="sm" disabled={toolbar.page <= 1} onClick={() => props.onPage(toolbar.page - 1)}>
        {t('pdf.previousPage')}
      </Button>
      <label class="flex items-center gap-1">
        <span aria-hidden="true">{t('pdf.page')}</span>
        <input
          aria-label={t('pdf.pageNumber', { count: toolbar.pageCount })}
          class="w-14 rounded border border-grey-6 px-1 py-0.5"
          inputMode="numeric"
          value={typed}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => e.key === 'Enter' && goTo()}
          onBlur={goTo}
        />
        <span aria-hidden="true">{t('pdf.ofPages', { count: toolbar.pageCount })}</span>
      </label>
      <Button size="sm" disabled={toolbar.page >= toolbar.pageCount} onClick={() => props.onPage(toolbar.page + 1)}>
        {t('pdf.nextPage')}
      </Button>
      <Button size="sm" onClick={() => props.onZoomStep(-1)}>
        {t('pdf.zoomOut')}
      </Button>
      <label class="flex items-center gap-1">
        <span class="sr-only">{t('pdf.zoom')}</span>
        <select class="rounded border border-grey-6 px-1 py-0.5" value={toolbar.zoom} onChange={(e) => props.onZoom((e.target as HTMLSelectElement).value)}>
          {!ZOOM_CHOICES.includes(toolbar.zoom) && <option value={toolbar.zoom}>{zoomLabel(t, toolbar.zoom)}</option>}
          {ZOOM_CHOICES.map((z) => (
            <option key={z} value={z}>
              {zoomLabel(t, z)}
            </option>
          ))}
        </select>
      </label>
      <Button size="sm" onClick={() => props.onZoomStep(1)}>
        {t('pdf.zoomIn')}
      </Button>
      {toolbar.pageHasText === false && props.canWrite !== false && (
        <Button size="sm" onClick={props.onWholePageComment}>
          {t('pdf.wholePageComment')}
        </Button>
      )}
      <Button size="sm" variant="primary" onClick={props.onShowComments}>
        {t('pdf.showComments')}
      </Button>
    </nav>
  );
}

/**
 * Selecting words with the mouse is hard for many people; typing some of them finds and
 * selects the passage, then opens the comment editor on it.
 */
function FindToComment({ onFind }: { onFind(words: string): Promise<string> }) {
  const t = useT();
  const [words, setWords] = useState('');
  const [message, setMessage] = useState('');
  return (
    <form
      role="search"
      aria-label={t('pdf.find.label')}
      class="absolute bottom-3 left-3 z-[6] flex max-w-[calc(100%-2rem)] items-center gap-2 rounded border border-grey-5 bg-white p-2 text-sm shadow"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage(t('pdf.find.looking'));
        void onFind(words).then(setMessage, (error: unknown) => setMessage(error instanceof Error ? error.message : String(error)));
      }}
    >
      <label for="lea-find" class="font-semibold">
        {t('pdf.find.label')}
      </label>
      <input id="lea-find" class="w-56 rounded border border-grey-6 px-1 py-0.5" value={words} onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
      <Button size="sm" type="submit">
        {t('pdf.find.button')}
      </Button>
      <span role="status" aria-live="polite">
        {message}
      </span>
    </form>
  );
}

function FilePicker({ onOpenFile }: { onOpenFile(file: File): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        class="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (file) onOpenFile(file);
        }}
      />
      <Button size="sm" onClick={() => input.current?.click()}>
        {t('pdf.openFromComputer')}
      </Button>
    </>
  );
}

function StatusScreen(props: PdfViewerFrameProps) {
  const { t, tr } = useI18n();
  const { status } = props;
  const [password, setPassword] = useState('');
  return (
    <section class="mx-auto mt-10 max-w-xl space-y-3 rounded-lg border border-grey-4 bg-white p-6" aria-live="polite">
      {status.kind === 'choose-file' && (
        <>
          <h2 class="text-lg font-bold">{t('pdf.choose.heading')}</h2>
          <p>{t('pdf.choose.body')}</p>
        </>
      )}
      {status.kind === 'loading' && (
        <>
          <h2 class="text-lg font-bold">{t(status.what)}</h2>
          {status.progress !== null && <progress class="w-full" max={1} value={status.progress} aria-label={t(status.what)} />}
        </>
      )}
      {status.kind === 'problem' && (
        <>
          <h2 class="text-lg font-bold">{t('pdf.problem.heading')}</h2>
          <p role="alert">{typeof status.message === 'string' ? status.message : tr(status.message)}</p>
        </>
      )}
      {status.kind === 'password' && (
        <form
          class="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            props.onPassword(password);
            setPassword('');
          }}
        >
          <h2 class="text-lg font-bold">{t('pdf.password.heading')}</h2>
          {status.wrongBefore && <p role="alert">{t('pdf.password.wrong')}</p>}
          <label class="block">
            {t('pdf.password.label')}
            <input
              type="password"
              autoComplete="off"
              class="mt-1 block w-full rounded border border-grey-6 px-2 py-1"
              value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
              autoFocus
            />
          </label>
          <div class="flex gap-2">
            <Button type="submit" variant="primary">
              {t('pdf.password.open')}
            </Button>
            <Button onClick={() => props.onPassword(null)}>{t('common.cancel')}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
