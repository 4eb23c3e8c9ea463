// The digest's formats by name, apart from their renderers: pages that only offer the
// choice (the side panel, the web app) load the renderers when a person asks for a digest.

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
