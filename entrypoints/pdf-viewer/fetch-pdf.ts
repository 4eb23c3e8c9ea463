/**
 * Downloading a PDF's bytes for the viewer, with every failure in plain English: a site that
 * doesn't answer or refuses, a file too large to open. No pdf.js here, so it is unit-tested.
 */
/** The largest PDF the viewer opens: larger files can exhaust a tab's memory. */
export const MAX_PDF_BYTES = 300 * 1024 * 1024;

/** A problem to show instead of the PDF, in words a person can act on. */
export class PdfProblem extends Error {
  override name = 'PdfProblem';
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`;

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
    throw new PdfProblem('The PDF couldn’t be downloaded: the website didn’t answer. Check your internet connection and try again.');
  }
  if (!response.ok) {
    throw new PdfProblem(`The PDF couldn’t be downloaded: the website answered “${response.status} ${response.statusText || 'error'}”. Check the address, or open the page it came from and try again.`);
  }
  const declared = Number(response.headers.get('content-length')) || null;
  if (declared !== null && declared > limit) {
    throw new PdfProblem(`This PDF is too large to open here (${megabytes(declared)}; the annotator opens PDFs up to ${megabytes(limit)}). Your browser’s own PDF viewer can still show it.`);
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
      throw new PdfProblem(`This PDF is too large to open here (more than ${megabytes(limit)}). Your browser’s own PDF viewer can still show it.`);
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

