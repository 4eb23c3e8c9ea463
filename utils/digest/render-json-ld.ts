import { ANNO_CONTEXT, LEA_CONTEXT, type LeaAnnotation } from '../model/annotation';
import type { LeaReply } from '../model/conversation';
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
  first: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: (LeaAnnotation | LeaReply)[] };
  last: string;
  /**
   * "This is my experience too", counted per comment (only comments that have any): never who.
   * `lea:` terms, so consumers that know only the anno context can ignore them.
   */
  'lea:supportCounts'?: { target: string; 'lea:count': number }[];
}

/**
 * The digest's comments as a W3C `AnnotationCollection` (anno context plus our terms), every
 * comment in the embedded first page, in digest order, each followed by the replies of its
 * thread (answers included) as W3C replies: `motivation: "replying"`, `target` the id of the
 * comment, or of the reply, they answer (Web Annotation Data Model, Example 34). Anonymous
 * comments and replies carry no `creator`; hidden comments and replies and (in group digests)
 * private comments are not there. Supports are counted per comment, without who.
 */
export function toAnnotationCollection(digest: Digest, options: JsonLdOptions = {}): AnnotationCollectionJson {
  const id = options.id ?? `urn:lea:digest:${digest.generatedAt}`;
  const items: (LeaAnnotation | LeaReply)[] = [];
  const supportCounts: { target: string; 'lea:count': number }[] = [];
  for (const { comment: c } of digest.ordered) {
    items.push(c.annotation);
    for (const r of c.replies) if (r.annotation) items.push(r.annotation);
    if (c.supportCount > 0) supportCounts.push({ target: c.id, 'lea:count': c.supportCount });
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
    ...(digest.conversation ? { 'lea:supportCounts': supportCounts } : {}),
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
