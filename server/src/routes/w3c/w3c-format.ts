import { idKey, redactAnnotation } from '../../annotations/check-annotation';
import type { AnnotationRow } from '../../annotations/rows';

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

/** The W3C view of a stored annotation: its id is the item's IRI, nothing else changes. */
export function toW3c(annotation: Record<string, unknown>, iri: string): Record<string, unknown> {
  const view = redactAnnotation(annotation);
  return { ...view, [idKey(view)]: iri };
}

/** The W3C item of a row, as a description or only its IRI. */
export function containedItem(row: AnnotationRow, containerIri: string, iris: boolean): unknown {
  const iri = `${containerIri}${row.id}`;
  return iris || !row.annotation ? iri : toW3c(row.annotation, iri);
}
