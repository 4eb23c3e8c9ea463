/**
 * W3C Web Annotations from other tools as extension comments: for import (one annotation,
 * a list, or an AnnotationCollection / AnnotationPage with its pages embedded) and for
 * showing what another client POSTed to the store's container (`adoptW3cComment`). Pure.
 */
import { checkAnnotation, type LeaAnnotation } from '../model/annotation';
import { PDF_FRAGMENT_SPEC } from '../model/selectors';
import {
  asArray,
  buildComment,
  defaultNewId,
  first,
  isObject,
  isoOf,
  tagsToThemes,
  type CommentParts,
  type ImportRead,
  type Json,
  type ReadOptions,
  type RefusedItem,
} from './common';

const COMMENTING = ['commenting', 'questioning', 'editing'] as const;
const REPLYING = ['replying', 'oa:replying', 'http://www.w3.org/ns/oa#replying'];
const ANNOTATION_TYPES = ['Annotation', 'oa:Annotation', 'http://www.w3.org/ns/oa#Annotation'];
const hasType = (value: unknown, names: readonly string[]) => asArray(value).some((t) => typeof t === 'string' && names.includes(t));
const localName = (value: string) => value.replace(/^(oa:|http:\/\/www\.w3\.org\/ns\/oa#)/, '');

/** Text from HTML, for a plain-text comment: tags dropped, the common entities decoded. */
function textOfHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[^]*?<\/\1\s*>/gi, '')
    .replace(/<(br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The comment text and tags of a body (a string, an object, a list; Choice → its first). */
function readBody(annotation: Json): { text: string; tags: string[] } {
  const texts: string[] = [];
  const tags: string[] = [];
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      // In the W3C model a body given as a string is the address of another resource, not text.
      if (!/^[a-z][a-z0-9+.-]*:\S*$/i.test(item.trim())) texts.push(item);
      return;
    }
    if (!isObject(item)) return;
    if (item.type === 'Choice') return visit(first(item.items ?? item.members));
    const purpose = typeof (item.purpose ?? item.role) === 'string' ? localName((item.purpose ?? item.role) as string) : '';
    const value = typeof item.value === 'string' ? item.value : typeof item.text === 'string' ? item.text : '';
    if (purpose === 'tagging' || purpose === 'classifying') {
      if (value.trim()) tags.push(value);
      return;
    }
    if (purpose === 'assessing') return;
    texts.push(item.format === 'text/html' ? textOfHtml(value) : value);
  };
  asArray(annotation.body).forEach(visit);
  if (typeof annotation.bodyValue === 'string') texts.push(annotation.bodyValue);
  return { text: texts.map((t) => t.trim()).filter(Boolean).join('\n\n'), tags };
}

function creatorName(creator: unknown): string {
  const one = first(creator);
  if (typeof one === 'string') return /^[a-z][a-z0-9+.-]*:/i.test(one) ? '' : one.trim();
  if (!isObject(one)) return '';
  const name = typeof one.name === 'string' ? one.name : typeof one.nickname === 'string' ? one.nickname : '';
  return name.trim();
}

/** The passage of a W3C target: quote, position, PDF page, or a whole PDF page. */
function readTarget(target: unknown): Pick<CommentParts, 'source' | 'quote' | 'position' | 'wholePage' | 'scope'> | string {
  const one = first(target);
  if (typeof one === 'string') return 'It is about a whole document, not a quoted passage: comments here are always on a passage.';
  if (!isObject(one)) return 'It has no target document.';
  const source = first(one.source);
  if (typeof source !== 'string' || !source) return 'Its target has no "source" document address.';
  const selectors: Json[] = [];
  const collect = (s: unknown): void => {
    for (const item of asArray(s)) {
      if (!isObject(item)) continue;
      selectors.push(item);
      if (item.refinedBy) collect(item.refinedBy);
    }
  };
  collect(one.selector);
  const type = (s: Json) => (typeof s.type === 'string' ? localName(s.type) : '');
  const quote = selectors.find((s) => type(s) === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact.length > 0);
  const pos = selectors.find((s) => type(s) === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end));
  const pageFragment = selectors.find((s) => type(s) === 'FragmentSelector' && s.conformsTo === PDF_FRAGMENT_SPEC && typeof s.value === 'string' && /^page=[1-9]\d{0,5}$/.test(s.value));
  const page = pageFragment ? Number((pageFragment.value as string).slice(5)) : typeof pos?.page === 'number' ? (pos.page as number) : undefined;
  const scope = typeof one.scope === 'string' ? one.scope : undefined;
  if (!quote) {
    if (page !== undefined && pageFragment) return { source, quote: null, position: null, wholePage: page, ...(scope ? { scope } : {}) };
    return 'It is not about a quoted passage (no TextQuoteSelector): comments here are always on a passage.';
  }
  return {
    source,
    quote: {
      exact: quote.exact as string,
      ...(typeof quote.prefix === 'string' ? { prefix: quote.prefix } : {}),
      ...(typeof quote.suffix === 'string' ? { suffix: quote.suffix } : {}),
    },
    position: pos ? { start: pos.start as number, end: pos.end as number, ...(page !== undefined ? { page } : {}) } : null,
    ...(scope ? { scope } : {}),
  };
}

/** The parts of a plain W3C annotation that make a comment, or why it cannot be one. */
function w3cParts(annotation: Json, via: string, themes: ReadOptions['themes']): { parts: CommentParts; tagsLeftOut: number } | string {
  if (!hasType(annotation.type, ANNOTATION_TYPES) && !hasType(annotation['@type'], ANNOTATION_TYPES)) return 'It is not an Annotation (its "type" is not "Annotation").';
  const motivations = asArray(annotation.motivation).filter((m): m is string => typeof m === 'string').map(localName);
  if (motivations.some((m) => REPLYING.includes(m))) return 'It is a reply to another annotation: only comments on a passage are imported.';
  const target = readTarget(annotation.target);
  if (typeof target === 'string') return target;
  const { text, tags } = readBody(annotation);
  if (!text) return 'It has no comment text (a highlight, bookmark or tag only).';
  const motivation = COMMENTING.find((m) => motivations.includes(m));
  const { themes: themeNames, leftOut } = tagsToThemes(tags, themes);
  return {
    parts: {
      via,
      text,
      themes: themeNames,
      ...(motivation ? { motivation } : {}),
      ...target,
      creatorName: creatorName(annotation.creator),
      created: isoOf(annotation.created),
      modified: isoOf(annotation.modified),
    },
    tagsLeftOut: leftOut,
  };
}

function idOf(annotation: Json): string | null {
  const id = annotation.id ?? annotation['@id'];
  return typeof id === 'string' && id.trim() ? id.trim() : null;
}

/** The annotations of a W3C file, in order, or why it cannot be read. */
function annotationsOf(json: unknown): unknown[] | string {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return 'This is not W3C Web Annotation JSON-LD: expected an annotation, a list of them, or an AnnotationCollection.';
  const isCollection = hasType(json.type, ['AnnotationCollection', 'as:OrderedCollection']) || hasType(json['@type'], ['AnnotationCollection']);
  const isPage = hasType(json.type, ['AnnotationPage']);
  if (!isCollection && !isPage) return [json];
  const out: unknown[] = [...asArray(json.items)];
  const seen = new Set<unknown>();
  // Pages embedded in each other by `first` / `next`; pages given only by address cannot be read here.
  let page: unknown = isCollection ? json.first : json.next;
  while (page !== undefined && page !== null) {
    if (typeof page === 'string') return 'This collection gives its pages by address only: fetch each page and put them in the file (embedded "first" and "next" pages, or one list of annotations).';
    if (!isObject(page) || seen.has(page)) break;
    seen.add(page);
    out.push(...asArray(page.items));
    page = page.next;
  }
  return out;
}

/**
 * Read W3C JSON-LD (one annotation, a list, or an AnnotationCollection with embedded pages)
 * as extension comments with `via` = the original id. Extension comments (from this store's
 * container or an export) keep everything but their id; other tools' annotations keep text,
 * tags (themes by name), passage, creator's name and times.
 */
export function readW3cAnnotations(json: unknown, options: ReadOptions = {}): ImportRead {
  const items = annotationsOf(json);
  if (typeof items === 'string') return { ok: false, reason: items };
  const comments: LeaAnnotation[] = [];
  const refused: RefusedItem[] = [];
  let tagsLeftOut = 0;
  items.forEach((item, position) => {
    if (!isObject(item)) {
      refused.push({ position, via: null, reason: 'It is not an annotation (not a JSON object).' });
      return;
    }
    const via = idOf(item);
    if (!via) {
      refused.push({ position, via: null, reason: 'It has no id, so a second import could not tell it is already here.' });
      return;
    }
    const own = checkAnnotation({ ...item, id: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
    if (own.ok) {
      // One of this extension's comments: kept as it is, under a new id, shared with the group.
      if (own.value.visibility !== 'group') {
        refused.push({ position, via, reason: 'It was private to its writer ("Only me"): only comments shared with a group are imported.' });
        return;
      }
      comments.push({ ...own.value, id: (options.newId ?? defaultNewId)(), via: own.value.via ?? via });
      return;
    }
    const parts = w3cParts(item, via, options.themes);
    if (typeof parts === 'string') {
      refused.push({ position, via, reason: parts });
      return;
    }
    const built = buildComment(parts.parts, options);
    if (!built.ok) {
      refused.push({ position, via, reason: built.reason });
      return;
    }
    comments.push(built.comment);
    tagsLeftOut += parts.tagsLeftOut;
  });
  return { ok: true, format: 'w3c', comments, refused, tagsLeftOut };
}

/**
 * A plain W3C annotation another client POSTed to the store's container, shown in the
 * extension as a group comment: its own id (`urn:uuid:` in the sync API), text, passage,
 * tags as themes by name, the creator's name as given, perspective not said. Null when it
 * is not a comment on a passage (a reply, a highlight without text, a whole-page note) or
 * is one of the extension's own items.
 */
export function adoptW3cComment(annotation: unknown, options: Pick<ReadOptions, 'themes' | 'now'> = {}): LeaAnnotation | null {
  if (!isObject(annotation)) return null;
  const id = idOf(annotation);
  if (!id || !/^urn:uuid:[0-9a-f-]{36}$/i.test(id)) return null;
  if (checkAnnotation(annotation).ok) return null;
  const parts = w3cParts(annotation, id, options.themes);
  if (typeof parts === 'string') return null;
  const { via: _via, ...rest } = parts.parts;
  const built = buildComment({ ...rest, via: id }, { ...options, newId: () => id.toLowerCase() });
  if (!built.ok) return null;
  const { via: _drop, ...comment } = built.comment;
  return comment;
}
