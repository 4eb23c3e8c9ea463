import { renderCsv } from './render-csv';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderJsonLd } from './render-json-ld';
import { renderMarkdown } from './render-markdown';
import { createIsoDay, type DateOptions } from './text';
import type { Digest } from './types';
import { DIGEST_FORMATS, type DigestFormat } from './format-list';

export { DIGEST_FORMATS, isDigestFormat, type DigestFormat } from './format-list';

/**
 * Options for any format: date display, the language of headings and dates (default: the
 * digest's own, `digest.locale`; the model's labels are in the language it was built in), and
 * the collection IRI for JSON-LD.
 */
export interface RenderOptions extends DateOptions {
  jsonLdId?: string;
}

/** A rendered digest, ready to download. */
export interface RenderedDigest {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

/** The download name: `lived-experience-digest-2026-11-23.csv` (the day it was made). */
export function digestFileName(digest: Digest, format: DigestFormat, options: DateOptions = {}): string {
  return `lived-experience-digest-${createIsoDay(options)(digest.generatedAt)}.${DIGEST_FORMATS[format].extension}`;
}

/** Render a digest in one format (the one entry point the digest page and the server share). */
export async function renderDigest(digest: Digest, format: DigestFormat, options: RenderOptions = {}): Promise<RenderedDigest> {
  const dates: DateOptions = { ...(options.timeZone ? { timeZone: options.timeZone } : {}), ...(options.i18n ? { i18n: options.i18n } : {}) };
  const body =
    format === 'docx'
      ? await renderDocx(digest, dates)
      : format === 'csv'
        ? renderCsv(digest, dates)
        : format === 'md'
          ? renderMarkdown(digest, dates)
          : format === 'html'
            ? renderHtml(digest, dates)
            : renderJsonLd(digest, options.jsonLdId ? { id: options.jsonLdId } : {});
  return { body, contentType: DIGEST_FORMATS[format].contentType, fileName: digestFileName(digest, format, dates) };
}
