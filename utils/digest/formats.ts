import { renderCsv } from './render-csv';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderJsonLd } from './render-json-ld';
import { renderMarkdown } from './render-markdown';
import { createIsoDay, type DateOptions } from './text';
import type { Digest } from './types';

/** The export formats, by the name used in URLs and in the digest page. */
export const DIGEST_FORMATS = {
  docx: { label: 'Word', extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  csv: { label: 'CSV (Excel)', extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  md: { label: 'Markdown', extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  html: { label: 'Web page (print to PDF)', extension: 'html', contentType: 'text/html; charset=utf-8' },
  jsonld: { label: 'W3C annotations (JSON-LD)', extension: 'jsonld', contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
} as const;
export type DigestFormat = keyof typeof DIGEST_FORMATS;

/** Whether a string names an export format. */
export function isDigestFormat(value: string): value is DigestFormat {
  return Object.hasOwn(DIGEST_FORMATS, value);
}

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
