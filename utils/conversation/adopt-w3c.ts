import { ANNO_CONTEXT, LEA_CONTEXT, MAX_COMMENT_LENGTH, checkReply, type LeaReply } from '../model';

/**
 * Replies written by other W3C Web Annotation tools, adapted for display. The store keeps them
 * intact (server/PROTOCOL.md "W3C Web Annotation Protocol"); the extension shows them in threads
 * as plain, unnamed-or-named replies. Pure: JSON in, a valid LeaReply or null out.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const URN = new RegExp(`^urn:uuid:(${UUID})$`, 'i');
/** A store's W3C container IRI for one annotation: `…/annotations/{group}/{uuid}`. */
const CONTAINER_IRI = new RegExp(`^https?://[^\\s]+/annotations/[^/\\s]+/(${UUID})/?$`, 'i');

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** `urn:uuid:…` for an annotation known by its URN or its container IRI; null for anything else. */
export function annotationUrn(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = URN.exec(value) ?? CONTAINER_IRI.exec(value);
  return match ? `urn:uuid:${match[1]!.toLowerCase()}` : null;
}

function isReplying(motivation: unknown): boolean {
  const values = Array.isArray(motivation) ? motivation : [motivation];
  return values.some((m) => m === 'replying' || m === 'oa:replying' || m === 'http://www.w3.org/ns/oa#replying');
}

function targetUrn(target: unknown): string | null {
  const one = first(target);
  if (typeof one === 'string') return annotationUrn(one);
  if (isObject(one)) return annotationUrn(one.id) ?? annotationUrn(one['@id']) ?? annotationUrn(first(one.source));
  return null;
}

/** Text from HTML, for display as plain text: tags dropped, the common entities decoded. */
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

/** The text of one body item: a string, or a TextualBody's `value` (older drafts: `text`). */
function textOfBodyItem(item: unknown): string {
  if (typeof item === 'string') return item;
  if (!isObject(item)) return '';
  // A Choice between bodies (say, languages): the first one, as the W3C model suggests.
  if (item.type === 'Choice') return textOfBodyItem(first(item.items ?? item.members));
  const purpose = item.purpose ?? item.role;
  if (purpose === 'tagging' || purpose === 'assessing' || purpose === 'classifying') return '';
  const value = typeof item.value === 'string' ? item.value : typeof item.text === 'string' ? item.text : '';
  return item.format === 'text/html' ? textOfHtml(value) : value;
}

function bodyText(annotation: Json): string {
  const body = annotation.body ?? annotation.bodyValue;
  const items = Array.isArray(body) ? body : [body];
  return items.map(textOfBodyItem).map((t) => t.trim()).filter(Boolean).join('\n\n');
}

function creatorName(creator: unknown): string {
  const one = first(creator);
  if (typeof one === 'string') return one.trim();
  if (!isObject(one)) return '';
  const name = typeof one.name === 'string' ? one.name : typeof one.nickname === 'string' ? one.nickname : typeof one.nick === 'string' ? one.nick : '';
  return name.trim();
}

function isoOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * A plain W3C reply (`motivation: "replying"`, a text body as a string, an object or an array,
 * a target naming another annotation by `urn:uuid:` or container IRI) as a LeaReply, shared with
 * the group, named when it has a creator's name. Anything it cannot read (not a reply, no text,
 * a target outside any store) → null. With no time of its own it takes `receivedAt` (the time
 * the change arrived), and without that it is null.
 */
export function adoptW3cReply(annotation: unknown, receivedAt?: Date): LeaReply | null {
  if (!isObject(annotation) || !isReplying(annotation.motivation)) return null;
  const id = annotationUrn(annotation.id) ?? annotationUrn(annotation['@id']);
  const target = targetUrn(annotation.target);
  const text = bodyText(annotation).slice(0, MAX_COMMENT_LENGTH);
  // No time at all (the W3C model's reply example has none): when the client received it.
  const created = isoOf(annotation.created) ?? isoOf(annotation.modified) ?? isoOf(annotation.generated) ?? receivedAt?.toISOString() ?? null;
  if (!id || !target || id === target || !text || !created) return null;
  const modified = isoOf(annotation.modified) ?? created;
  const name = creatorName(annotation.creator).slice(0, 200);
  const checked = checkReply({
    '@context': [ANNO_CONTEXT, LEA_CONTEXT],
    id,
    type: 'Annotation',
    motivation: 'replying',
    created,
    modified,
    ...(name ? { creator: { type: 'Person', name } } : {}),
    body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: text }],
    target,
    visibility: 'group',
    attribution: name ? 'named' : 'anonymous',
  });
  return checked.ok ? checked.value : null;
}
