/**
 * Runs before the viewer itself (main.tsx imports it, then loads app.tsx on demand), so
 * the PDF's download and pdf.js's worker start while the browser is still loading and
 * compiling the viewer itself: the largest share of the wait for the first page.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { fetchPdfBytes } from './fetch-pdf';

/** What boot.ts started, for main.tsx to pick up. */
export interface PdfBoot {
  /** The http(s) address in `?file=`, or null when there is none or it isn't one. */
  url: string | null;
  /** True when `?file=` held something that is not a web address. */
  badAddress: boolean;
  download: Promise<Uint8Array> | null;
  /** pdf.js's worker script, already loading. */
  worker: Worker | null;
  /** Set by the viewer to show download progress. */
  onProgress: (fraction: number | null) => void;
}

/** The web address in `?file=`, if it is one. */
function pdfAddress(param: string | null): string | null {
  if (!param) return null;
  try {
    const url = new URL(param);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const param = new URLSearchParams(location.search).get('file');
const url = pdfAddress(param);
const boot: PdfBoot = { url, badAddress: param !== null && url === null, download: null, worker: null, onProgress: () => undefined };
performance.mark('lea-pdf-boot');
if (url) {
  boot.download = fetchPdfBytes(url, (p) => boot.onProgress(p));
  boot.download.catch(() => undefined); // The viewer reports it when it awaits the download.
  try {
    boot.worker = new Worker(workerUrl, { type: 'module' });
  } catch {
    boot.worker = null; // pdf.js starts its own worker then.
  }
}
(globalThis as { leaPdfBoot?: PdfBoot }).leaPdfBoot = boot;
