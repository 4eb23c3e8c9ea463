import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

// pdf.js in node for tests and benchmarks: the legacy build (the modern one needs newer
// language features than node 20 has), the worker run in-process (pdf.js's "fake worker",
// which it uses in node when `globalThis.pdfjsWorker` holds the worker module), no eval.

const requireFromHere = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(requireFromHere.resolve('pdfjs-dist/package.json'));

/** pdf.js's bundled standard fonts (a directory path ending in a separator, as pdf.js wants in node). */
export const PDFJS_STANDARD_FONTS_DIR: string = path.join(pdfjsRoot, 'standard_fonts') + path.sep;

/** What `page.getTextContent()` resolves to; items are `TextItem | TextMarkedContent`. */
export type PdfTextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
/** One item of a page's text content: a run of text, or a marked-content begin/end marker. */
export type PdfTextContentItem = PdfTextContent['items'][number];
/** A run of text (an item with `str`). */
export type PdfTextItem = Extract<PdfTextContentItem, { str: string }>;

/**
 * The parameters pdf.js's own viewer passes for its text layer (web/text_layer_builder.js):
 * text offsets the extension computes must come from exactly these items.
 */
export const VIEWER_TEXT_CONTENT_PARAMS = { includeMarkedContent: true, disableNormalization: true } as const;

/** True for an item that carries text (`TextItem`), false for marked-content markers. */
export function isTextItem(item: PdfTextContentItem): item is PdfTextItem {
  return 'str' in item;
}

type PdfjsModule = typeof import('pdfjs-dist');
let pdfjsPromise: Promise<PdfjsModule> | undefined;

/** Loads the legacy build once, with its worker module registered for in-process use. */
function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsPromise ??= (async () => {
    // Imported by file URL: the worker build ships no type declarations, and only its
    // `WorkerMessageHandler` export matters here.
    const workerUrl = pathToFileURL(requireFromHere.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
    const worker: unknown = await import(workerUrl);
    // pdf.js looks for `globalThis.pdfjsWorker.WorkerMessageHandler` before loading a worker
    // file (display/api.js, PDFWorker.#mainThreadWorkerMessageHandler).
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfjsModule;
  })();
  return pdfjsPromise;
}

/** An open PDF with the facts tests compare; call `destroy()` when done. */
export interface NodePdf {
  numPages: number;
  /** pdf.js's `fingerprints`: [from the trailer /ID or a hash of the file start, second /ID or null]. */
  fingerprints: [string, string | null];
  /** The document information dictionary's /Title, if any. */
  title: string | undefined;
  /** Page `pageNumber` (1-based) text items exactly as the viewer's text layer gets them. */
  textContentItems(pageNumber: number): Promise<PdfTextContentItem[]>;
  /** The page's text runs joined with "\n" at `hasEOL` and "" otherwise (for phrase checks). */
  pageText(pageNumber: number): Promise<string>;
  /** The underlying pdf.js document, for anything else. */
  document: PDFDocumentProxy;
  destroy(): Promise<void>;
}

/** Options for {@link openPdf}. */
export interface OpenPdfOptions {
  /** User or owner password of an encrypted PDF. */
  password?: string;
}

/**
 * Opens `source` (a file path or the bytes) with pdf.js in node. Rejects with pdf.js's own
 * error (name `PasswordException`, `InvalidPDFException`, ...): see {@link tryOpenPdf}.
 */
export async function openPdf(source: string | Uint8Array, options: OpenPdfOptions = {}): Promise<NodePdf> {
  const pdfjs = await loadPdfjs();
  // pdf.js transfers (detaches) the buffer it is given: always hand it a private copy.
  const data = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source.slice();
  const task = pdfjs.getDocument({
    data,
    password: options.password,
    standardFontDataUrl: PDFJS_STANDARD_FONTS_DIR,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw error;
  }
  const { info } = await document.getMetadata();
  const title = readTitle(info);
  const textContentItems = async (pageNumber: number): Promise<PdfTextContentItem[]> => {
    const page = await document.getPage(pageNumber);
    try {
      return (await page.getTextContent(VIEWER_TEXT_CONTENT_PARAMS)).items;
    } finally {
      page.cleanup();
    }
  };
  return {
    numPages: document.numPages,
    fingerprints: [document.fingerprints[0] ?? '', document.fingerprints[1] ?? null],
    title,
    textContentItems,
    async pageText(pageNumber) {
      const items = (await textContentItems(pageNumber)).filter(isTextItem);
      return items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
    },
    document,
    destroy: () => document.destroy(),
  };
}

function readTitle(info: unknown): string | undefined {
  if (typeof info !== 'object' || info === null || !('Title' in info)) return undefined;
  return typeof info.Title === 'string' && info.Title !== '' ? info.Title : undefined;
}

/** Why a PDF did not open, as a value: pdf.js's exception name and, for passwords, its code. */
export interface PdfOpenFailure {
  ok: false;
  /** pdf.js's exception name, e.g. `PasswordException`, `InvalidPDFException`, `UnknownErrorException`. */
  name: string;
  message: string;
  /** For `PasswordException`: 1 = a password is needed, 2 = the given one is wrong (`PasswordResponses`). */
  passwordCode?: number;
}

/** {@link openPdf} with the failure returned rather than thrown. */
export async function tryOpenPdf(
  source: string | Uint8Array,
  options: OpenPdfOptions = {},
): Promise<{ ok: true; pdf: NodePdf } | PdfOpenFailure> {
  try {
    return { ok: true, pdf: await openPdf(source, options) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'NonError';
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof Error && 'code' in error && typeof error.code === 'number' ? error.code : undefined;
    return name === 'PasswordException' && code !== undefined
      ? { ok: false, name, message, passwordCode: code }
      : { ok: false, name, message };
  }
}
