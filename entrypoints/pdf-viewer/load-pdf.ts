/**
 * Fetching and opening a PDF with pdf.js, with every failure turned into plain English:
 * a site that refuses, a file too large, a password, a damaged or truncated file.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

let worker: pdfjs.PDFWorker | null = null;

/**
 * Starts pdf.js's worker (a large script to load and compile) so it is ready by the time
 * the PDF has downloaded, instead of starting only then.
 */
export function startPdfWorker(): pdfjs.PDFWorker {
  worker ??= new pdfjs.PDFWorker();
  return worker;
}

/** The largest PDF the viewer opens: larger files can exhaust a tab's memory. */
export const MAX_PDF_BYTES = 300 * 1024 * 1024;

/** A problem to show instead of the PDF, in words a person can act on. */
export class PdfProblem extends Error {
  override name = 'PdfProblem';
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`;

/** Downloads a PDF's bytes, reporting progress (0–1, or null when the size is unknown). */
export async function fetchPdfBytes(url: string, onProgress: (fraction: number | null) => void, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'include' });
  } catch {
    throw new PdfProblem('The PDF couldn’t be downloaded: the website didn’t answer. Check your internet connection and try again.');
  }
  if (!response.ok) {
    throw new PdfProblem(`The PDF couldn’t be downloaded: the website answered “${response.status} ${response.statusText || 'error'}”. Check the address, or open the page it came from and try again.`);
  }
  const declared = Number(response.headers.get('content-length')) || null;
  if (declared !== null && declared > MAX_PDF_BYTES) {
    throw new PdfProblem(`This PDF is too large to open here (${megabytes(declared)}; the annotator opens PDFs up to ${megabytes(MAX_PDF_BYTES)}). Your browser’s own PDF viewer can still show it.`);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_PDF_BYTES) {
      await reader.cancel();
      throw new PdfProblem(`This PDF is too large to open here (more than ${megabytes(MAX_PDF_BYTES)}). Your browser’s own PDF viewer can still show it.`);
    }
    chunks.push(value);
    onProgress(declared ? Math.min(1, received / declared) : null);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Asks the person for the PDF's password; resolves null when they give up. */
export type AskPassword = (wrongBefore: boolean) => Promise<string | null>;

/** Opens PDF bytes with pdf.js, asking for a password when the file has one. */
export async function openPdf(data: Uint8Array, askPassword: AskPassword): Promise<PDFDocumentProxy> {
  if (data.byteLength === 0) throw new PdfProblem('This file is empty, so there is nothing to show.');
  const task = pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false, worker: startPdfWorker() });
  let gaveUp = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    void askPassword(reason === pdfjs.PasswordResponses.INCORRECT_PASSWORD).then((password) => {
      if (password === null) {
        gaveUp = true;
        void task.destroy();
      } else {
        update(password);
      }
    });
  };
  try {
    return await task.promise;
  } catch (error) {
    throw explainOpenError(error, gaveUp);
  }
}

/** A pdf.js error as a problem to show. */
export function explainOpenError(error: unknown, gaveUp = false): PdfProblem {
  if (gaveUp) return new PdfProblem('This PDF is protected by a password. Without the password it can’t be shown. Reload the page to try again.');
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return new PdfProblem('This file is damaged or isn’t a PDF, so it can’t be opened. If you downloaded it, try downloading it again.');
  }
  if (name === 'PasswordException') return new PdfProblem('This PDF is protected by a password, and the password wasn’t accepted.');
  const detail = error instanceof Error ? error.message : String(error);
  return new PdfProblem(`The PDF couldn’t be opened (${detail}). If you downloaded it, try downloading it again.`);
}
