/**
 * Downloading a PDF's bytes for the viewer, with every failure in plain words: a site that
 * doesn't answer or refuses, a file too large to open. No pdf.js here, so it is unit-tested.
 */
import { translator, type MessageRef } from '../../utils/i18n/translate';

/** The largest PDF the viewer opens: larger files can exhaust a tab's memory. */
export const MAX_PDF_BYTES = 300 * 1024 * 1024;

/**
 * A problem to show instead of the PDF, in words a person can act on: `ref` is translated
 * into the viewer's language when shown; `message` is the English, for logs and tests.
 */
export class PdfProblem extends Error {
  override name = 'PdfProblem';
  constructor(readonly ref: MessageRef) {
    super(translator('en-GB').tr(ref));
  }
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Downloads a PDF's bytes, reporting progress (0–1, or null when the size is unknown). */
export async function fetchPdfBytes(
  url: string,
  onProgress: (fraction: number | null) => void,
  fetchImpl: typeof fetch = fetch,
  limit = MAX_PDF_BYTES,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'include' });
  } catch {
    throw new PdfProblem({ key: 'pdf.problem.noAnswer' });
  }
  if (!response.ok) {
    throw new PdfProblem({ key: 'pdf.problem.refused', params: { status: `${response.status} ${response.statusText}`.trim() } });
  }
  const declared = Number(response.headers.get('content-length')) || null;
  if (declared !== null && declared > limit) {
    throw new PdfProblem({ key: 'pdf.problem.tooLarge', params: { size: megabytes(declared), limit: megabytes(limit) } });
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw new PdfProblem({ key: 'pdf.problem.tooLargeStream', params: { limit: megabytes(limit) } });
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

