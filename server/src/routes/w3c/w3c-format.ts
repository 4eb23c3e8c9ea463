import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { idKey, redactAnnotation, type AnnotationKind, type TargetContext } from '../../annotations/check-annotation';
import { isConversation } from '../../annotations/conversation-rules';
import type { AnnotationRow } from '../../annotations/rows';
import type { AppEnv } from '../../context';
import { themeIdForTag, themeLabel, type Theme } from '../../../../utils/model/themes';

/** The anno JSON-LD media type (W3C Web Annotation Protocol §4). */
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const LDP_RESOURCE_LINK = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';
export const CONTAINER_LINKS = [
  '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"',
  '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
].join(', ');
export const CONTAINER_ALLOW = 'POST, GET, OPTIONS, HEAD';
export const ANNOTATION_ALLOW = 'PUT, GET, OPTIONS, HEAD, DELETE';
/** Annotations per AnnotationPage. */
export const PAGE_SIZE = 100;

/** Prefer include IRIs (Protocol §4.2); the ldp# spellings are accepted too. */
const MINIMAL = ['http://www.w3.org/ns/ldp#PreferMinimalContainer'];
const IRIS = ['http://www.w3.org/ns/oa#PreferContainedIRIs', 'http://www.w3.org/ns/ldp#PreferContainedIRIs'];
const DESCRIPTIONS = ['http://www.w3.org/ns/oa#PreferContainedDescriptions', 'http://www.w3.org/ns/ldp#PreferContainedDescriptions'];

/** What the client asked the container for. */
export interface ContainerPreference {
  minimal: boolean;
  iris: boolean;
  /** True when a Prefer include was understood (then Preference-Applied is sent). */
  applied: boolean;
}

/** Parse `Prefer: return=representation; include="..."`; no preference → full descriptions. */
export function parsePrefer(header: string | undefined): ContainerPreference {
  const include = /include\s*=\s*"([^"]*)"/i.exec(header ?? '')?.[1]?.split(/\s+/) ?? [];
  const minimal = include.some((i) => MINIMAL.includes(i));
  const iris = include.some((i) => IRIS.includes(i));
  const descriptions = include.some((i) => DESCRIPTIONS.includes(i));
  return { minimal, iris: iris && !descriptions, applied: minimal || iris || descriptions };
}

/** The store's origin for container IRIs: PUBLIC_URL, or the request's own origin. */
export function storeBase(c: Context<AppEnv>): string {
  return (c.get('deps').publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

/**
 * Where a write to `group` is addressed, for reading a reply's or support's target given as
 * a container IRI: under PUBLIC_URL or under the origin the request came to.
 */
export function targetContext(c: Context<AppEnv>, group: string): TargetContext {
  const bases = [storeBase(c), new URL(c.req.url).origin];
  return { group, bases: [...new Set(bases)] };
}

const URN_TARGET = /^urn:uuid:([0-9a-f-]{36})$/;

/** `annotation` with each tagging body's value passed through `map` (the body may be one object or a list). */
function mapTags(annotation: Record<string, unknown>, map: (tag: string) => string): Record<string, unknown> {
  const one = (b: unknown): unknown => {
    const part = b as { purpose?: unknown; value?: unknown } | null;
    return part && typeof part === 'object' && part.purpose === 'tagging' && typeof part.value === 'string' ? { ...part, value: map(part.value) } : b;
  };
  const { body } = annotation;
  if (Array.isArray(body)) return { ...annotation, body: body.map(one) };
  if (body && typeof body === 'object') return { ...annotation, body: one(body) };
  return annotation;
}

/**
 * What a W3C client sends, in the store's terms: a tag that names one of the group's themes
 * (its label or id, any case and spacing) becomes the theme's id; other tags stay as they are.
 */
export function fromW3cTags(annotation: Record<string, unknown>, themes: readonly Theme[]): Record<string, unknown> {
  return mapTags(annotation, (tag) => themeIdForTag(themes, tag));
}

/**
 * The W3C view of a stored annotation: its id is the item's IRI and, for a reply or
 * support, its target (stored as `urn:uuid:<uuid>` of this group) the target's IRI in the
 * same container. Themes (stored by id) are tags with the group's name for them, as other
 * tools show and search tags; another tool's own tags are unchanged. Nothing else changes.
 */
export function toW3c(annotation: Record<string, unknown>, iri: string, kind: AnnotationKind | null, themes: readonly Theme[]): Record<string, unknown> {
  const view = mapTags(redactAnnotation(annotation), (tag) => themeLabel(themes, tag));
  const out: Record<string, unknown> = { ...view, [idKey(view)]: iri };
  const target = typeof view.target === 'string' ? URN_TARGET.exec(view.target) : null;
  if (kind !== null && isConversation(kind) && target) out.target = `${iri.slice(0, iri.lastIndexOf('/') + 1)}${target[1]}`;
  return out;
}

/** A short ASCII digest of the group's theme names, for the container's ETag. */
export function vocabularyTag(themes: readonly Theme[]): string {
  return createHash('sha256')
    .update(JSON.stringify(themes.map((t) => [t.id, t.label])))
    .digest('base64url')
    .slice(0, 10);
}

/** The W3C item of a row, as a description or only its IRI. */
export function containedItem(row: AnnotationRow, containerIri: string, iris: boolean, themes: readonly Theme[]): unknown {
  const iri = `${containerIri}${row.id}`;
  return iris || !row.annotation ? iri : toW3c(row.annotation, iri, row.kind, themes);
}
