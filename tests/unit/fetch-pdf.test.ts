import { describe, expect, it } from 'vitest';
import { fetchPdfBytes, MAX_PDF_BYTES } from '../../entrypoints/pdf-viewer/fetch-pdf';

const MB = 1024 * 1024;
const pdfStart = new TextEncoder().encode('%PDF-1.7\n');

/** A fetch answering with `chunks` streamed one by one, and the given headers. */
function fakeFetch(chunks: Uint8Array[], init: ResponseInit = {}): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          chunks.forEach((c) => controller.enqueue(c));
          controller.close();
        },
      }),
      init,
    );
}

describe('downloading a PDF for the viewer', () => {
  it('joins the streamed bytes and reports progress against the declared size', async () => {
    const progress: (number | null)[] = [];
    const bytes = await fetchPdfBytes('https://example.org/a.pdf', (p) => progress.push(p), fakeFetch([pdfStart, pdfStart], { headers: { 'content-length': String(pdfStart.length * 2) } }));
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7\n%PDF-1.7\n');
    expect(progress).toEqual([0.5, 1]);
  });

  it('refuses a file whose declared size is over the limit before reading it, in megabytes', async () => {
    const huge = fakeFetch([pdfStart], { headers: { 'content-length': String(400 * MB) } });
    await expect(fetchPdfBytes('https://example.org/big.pdf', () => undefined, huge)).rejects.toThrow(
      `This PDF is too large to open here (400 MB; the annotator opens PDFs up to ${MAX_PDF_BYTES / MB} MB)`,
    );
  });

  it('stops reading a file with no declared size once it passes the limit', async () => {
    const chunk = new Uint8Array(600 * 1024);
    await expect(fetchPdfBytes('https://example.org/endless.pdf', () => undefined, fakeFetch([chunk, chunk]), MB)).rejects.toThrow('too large to open here (more than 1 MB)');
  });

  it('says what the website answered when it refuses, and when it does not answer at all', async () => {
    await expect(fetchPdfBytes('https://example.org/gone.pdf', () => undefined, fakeFetch([], { status: 404, statusText: 'Not Found' }))).rejects.toThrow('the website answered “404 Not Found”');
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchPdfBytes('https://example.org/a.pdf', () => undefined, offline)).rejects.toThrow('the website didn’t answer');
  });
});
