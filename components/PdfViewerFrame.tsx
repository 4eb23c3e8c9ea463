import { Button } from '@hypothesis/frontend-shared';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Zoom choices, in the words the toolbar shows; values are pdf.js scale values. */
export const ZOOM_CHOICES: readonly { value: string; label: string }[] = [
  { value: 'page-width', label: 'Fit to width' },
  { value: 'page-fit', label: 'Whole page' },
  { value: '0.75', label: '75%' },
  { value: '1', label: '100%' },
  { value: '1.25', label: '125%' },
  { value: '1.5', label: '150%' },
  { value: '2', label: '200%' },
  { value: '3', label: '300%' },
];

export type PdfViewerStatus =
  | { kind: 'choose-file' }
  | { kind: 'loading'; progress: number | null; what: string }
  | { kind: 'password'; wrongBefore: boolean }
  | { kind: 'problem'; message: string }
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
 * pages, and plain-English screens for loading, passwords and problems.
 */
export function PdfViewerFrame(props: PdfViewerFrameProps) {
  const { status, toolbar } = props;
  const canWrite = props.canWrite !== false;
  return (
    <div class="font-sans text-base text-grey-9">
      <header class="fixed inset-x-0 top-0 z-10 flex h-14 items-center gap-2 border-b border-grey-4 bg-white px-3">
        <h1 class="min-w-0 flex-1 truncate text-base font-bold" title={toolbar?.title}>
          {toolbar?.title ?? 'PDF viewer — Lived Experience Annotator'}
        </h1>
        {toolbar && status.kind === 'ready' && <PdfToolbar {...props} toolbar={toolbar} />}
        {status.kind === 'ready' ? (
          // One PDF per viewer page: another file opens in a new viewer tab.
          <a class="text-sm text-blue-700 underline" href={location.pathname} target="_blank" rel="noopener">
            Open another PDF
          </a>
        ) : (
          <FilePicker onOpenFile={props.onOpenFile} />
        )}
      </header>
      <main aria-label="PDF document" class="fixed inset-x-0 bottom-0 top-14">
        {status.kind !== 'ready' && <StatusScreen {...props} />}
        {status.kind === 'ready' && canWrite && <FindToComment onFind={props.onFindToComment} />}
        {toolbar && toolbar.scannedPages > 0 && status.kind === 'ready' && canWrite && (
          <p class="absolute inset-x-0 top-0 z-[5] border-b border-grey-4 bg-yellow-100 px-3 py-1 text-sm">
            {toolbar.scannedPages === toolbar.pageCount
              ? 'This PDF is made of pictures of pages (it may have been scanned), so its words can’t be selected. You can still comment on a whole page: choose “Comment on this whole page”.'
              : `${toolbar.scannedPages} of its pages are pictures (they may have been scanned), so their words can’t be selected. On those pages, choose “Comment on this whole page”.`}
          </p>
        )}
        <div
          ref={props.pagesRef}
          id="viewerContainer"
          tabIndex={0}
          aria-label="Pages of the PDF. Use the arrow keys or Page Up and Page Down to scroll."
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
  const { toolbar } = props;
  const [typed, setTyped] = useState(String(toolbar.page));
  useEffect(() => setTyped(String(toolbar.page)), [toolbar.page]);
  const goTo = () => {
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 1 && n <= toolbar.pageCount) props.onPage(n);
    else setTyped(String(toolbar.page));
  };
  return (
    <nav aria-label="Pages and zoom" class="flex items-center gap-2 text-sm">
      <Button size="sm" disabled={toolbar.page <= 1} onClick={() => props.onPage(toolbar.page - 1)}>
        Previous page
      </Button>
      <label class="flex items-center gap-1">
        <span aria-hidden="true">Page</span>
        <input
          aria-label={`Page number, of ${toolbar.pageCount}. Type a number and press Enter to go there.`}
          class="w-14 rounded border border-grey-6 px-1 py-0.5"
          inputMode="numeric"
          value={typed}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => e.key === 'Enter' && goTo()}
          onBlur={goTo}
        />
        <span aria-hidden="true">of {toolbar.pageCount}</span>
      </label>
      <Button size="sm" disabled={toolbar.page >= toolbar.pageCount} onClick={() => props.onPage(toolbar.page + 1)}>
        Next page
      </Button>
      <Button size="sm" onClick={() => props.onZoomStep(-1)}>
        Zoom out
      </Button>
      <label class="flex items-center gap-1">
        <span class="sr-only">Zoom</span>
        <select class="rounded border border-grey-6 px-1 py-0.5" value={toolbar.zoom} onChange={(e) => props.onZoom((e.target as HTMLSelectElement).value)}>
          {!ZOOM_CHOICES.some((z) => z.value === toolbar.zoom) && <option value={toolbar.zoom}>{`${Math.round(Number(toolbar.zoom) * 100)}%`}</option>}
          {ZOOM_CHOICES.map((z) => (
            <option key={z.value} value={z.value}>
              {z.label}
            </option>
          ))}
        </select>
      </label>
      <Button size="sm" onClick={() => props.onZoomStep(1)}>
        Zoom in
      </Button>
      {toolbar.pageHasText === false && props.canWrite !== false && (
        <Button size="sm" onClick={props.onWholePageComment}>
          Comment on this whole page
        </Button>
      )}
      <Button size="sm" variant="primary" onClick={props.onShowComments}>
        Show comments
      </Button>
    </nav>
  );
}

/**
 * Selecting words with the mouse is hard for many people; typing some of them finds and
 * selects the passage, then opens the comment editor on it.
 */
function FindToComment({ onFind }: { onFind(words: string): Promise<string> }) {
  const [words, setWords] = useState('');
  const [message, setMessage] = useState('');
  return (
    <form
      role="search"
      aria-label="Find words to comment on"
      class="absolute bottom-3 left-3 z-[6] flex max-w-[calc(100%-2rem)] items-center gap-2 rounded border border-grey-5 bg-white p-2 text-sm shadow"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage('Looking for those words…');
        void onFind(words).then(setMessage, (error: unknown) => setMessage(error instanceof Error ? error.message : String(error)));
      }}
    >
      <label for="lea-find" class="font-semibold">
        Find words to comment on
      </label>
      <input id="lea-find" class="w-56 rounded border border-grey-6 px-1 py-0.5" value={words} onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
      <Button size="sm" type="submit">
        Find
      </Button>
      <span role="status" aria-live="polite">
        {message}
      </span>
    </form>
  );
}

function FilePicker({ onOpenFile }: { onOpenFile(file: File): void }) {
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
        Open a PDF from this computer
      </Button>
    </>
  );
}

function StatusScreen(props: PdfViewerFrameProps) {
  const { status } = props;
  const [password, setPassword] = useState('');
  return (
    <section class="mx-auto mt-10 max-w-xl space-y-3 rounded-lg border border-grey-4 bg-white p-6" aria-live="polite">
      {status.kind === 'choose-file' && (
        <>
          <h2 class="text-lg font-bold">Open a PDF to comment on</h2>
          <p>Choose “Open a PDF from this computer” above, or open a PDF on a website and choose “Open in the annotator”.</p>
        </>
      )}
      {status.kind === 'loading' && (
        <>
          <h2 class="text-lg font-bold">{status.what}</h2>
          {status.progress !== null && <progress class="w-full" max={1} value={status.progress} aria-label={status.what} />}
        </>
      )}
      {status.kind === 'problem' && (
        <>
          <h2 class="text-lg font-bold">This PDF can’t be shown</h2>
          <p role="alert">{status.message}</p>
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
          <h2 class="text-lg font-bold">This PDF needs a password</h2>
          {status.wrongBefore && <p role="alert">That password wasn’t right. Please try again.</p>}
          <label class="block">
            Password
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
              Open the PDF
            </Button>
            <Button onClick={() => props.onPassword(null)}>Cancel</Button>
          </div>
        </form>
      )}
    </section>
  );
}
