import { ANNO_CONTEXT, LEA_CONTEXT, type LeaAnnotation } from '../model/annotation';
import type { Digest } from './types';

/** Options for the JSON-LD export. */
export interface JsonLdOptions {
  /** IRI of the collection (the server passes the digest's own address). */
  id?: string;
}

/** A W3C AnnotationCollection with its one page embedded (Web Annotation Data Model §5). */
export interface AnnotationCollectionJson {
  '@context': [typeof ANNO_CONTEXT, typeof LEA_CONTEXT];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: LeaAnnotation[] };
  last: string;
}

/**
 * The digest's comments as a W3C `AnnotationCollection` (anno context plus our terms), every
 * comment in the embedded first page, in digest order. Anonymous comments carry no `creator`;
 * hidden and (in group digests) private ones are not there.
 */
export function toAnnotationCollection(digest: Digest, options: JsonLdOptions = {}): AnnotationCollectionJson {
  const id = options.id ?? `urn:lea:digest:${digest.generatedAt}`;
  const items: LeaAnnotation[] = [];
  for (const doc of digest.documents) {
    for (const section of doc.sections) {
      for (const passage of section.passages) for (const c of passage.comments) items.push(c.annotation);
    }
  }
  const pageId = `${id}${id.includes('?') ? '&' : '?'}page=0`;
  return {
    '@context': [ANNO_CONTEXT, LEA_CONTEXT],
    id,
    type: 'AnnotationCollection',
    label: digest.title,
    total: items.length,
    generated: digest.generatedAt,
    first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    last: pageId,
  };
}

const JSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * `toAnnotationCollection` as JSON text, with `< > &` and the line separators written as
 * `\u` escapes: the same data, but safe to embed in a `<script type="application/ld+json">`
 * (no `</script>` or `<!--` can appear) and in any JavaScript source.
 */
export function renderJsonLd(digest: Digest, options: JsonLdOptions = {}): string {
  return `${JSON.stringify(toAnnotationCollection(digest, options), null, 2).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c]!)}\n`;
}
