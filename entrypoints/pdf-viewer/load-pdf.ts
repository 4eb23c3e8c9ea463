/**
 * Opening a PDF with pdf.js, with every failure turned into plain words (catalogue keys): a password, a
 * damaged or truncated file (downloading is in fetch-pdf.ts).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { PdfProblem } from './fetch-pdf';

export { fetchPdfBytes, MAX_PDF_BYTES, PdfProblem } from './fetch-pdf';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

let worker: pdfjs.PDFWorker | null = null;

/**
 * Starts pdf.js's worker (a large script to load and compile) so it is ready by the time
 * the PDF has downloaded, instead of starting only then.
 */
export function startPdfWorker(): pdfjs.PDFWorker {
  const started = (globalThis as { leaPdfBoot?: { worker: Worker | null } }).leaPdfBoot?.worker;
  worker ??= started ? pdfjs.PDFWorker.create({ port: started }) : new pdfjs.PDFWorker();
  return worker;
}

/** Asks the person for the PDF's password; resolves null when they give up. */
export type AskPassword = (wrongBefore: boolean) => Promise<string | null>;

/** Opens PDF bytes with pdf.js, asking for a password when the file has one. */
export async function openPdf(data: Uint8Array, askPassword: AskPassword): Promise<PDFDocumentProxy> {
  if (data.byteLength === 0) throw new PdfProblem({ key: 'pdf.problem.empty' });
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
  if (gaveUp) return new PdfProblem({ key: 'pdf.problem.gaveUpPassword' });
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return new PdfProblem({ key: 'pdf.problem.damaged' });
  }
  if (name === 'PasswordException') return new PdfProblem({ key: 'pdf.problem.passwordRefused' });
  const detail = error instanceof Error ? error.message : String(error);
  return new PdfProblem({ key: 'pdf.problem.other', params: { detail } });
}
