import * as v from 'valibot';
import { LeaAnnotationSchema } from '../../../utils/model/annotation';
import type { Visibility } from '../../../utils/model/visibility';
import { ApiError } from '../errors';
import { check } from '../validate';

/** Who may see an annotation: the group, or only its author ("only me"); defined in utils/model. */
export type { Visibility };

/** An annotation accepted for storage, as it will be stored. */
export interface CheckedAnnotation {
  annotation: Record<string, unknown>;
  visibility: Visibility;
  /** True when it is one of the extension's comments (validated against utils/model). */
  lea: boolean;
}

const ANNOTATION_TYPES = ['Annotation', 'oa:Annotation', 'http://www.w3.org/ns/oa#Annotation'];
const isAnnotationType = (t: unknown) =>
  (typeof t === 'string' && ANNOTATION_TYPES.includes(t)) || (Array.isArray(t) && t.some((x) => ANNOTATION_TYPES.includes(x)));
const TargetItem = v.union([v.pipe(v.string(), v.minLength(1)), v.looseObject({})]);

/**
 * The W3C Web Annotation Data Model's required shape (§3.1): type Annotation and at least
 * one target. The context is not checked beyond being JSON-LD-shaped: the model's own
 * examples include an Open Annotation (2013) one with `@type: "oa:Annotation"` and no
 * context, and "any valid annotation is kept intact". Every property is kept as sent.
 */
const W3cAnnotationSchema = v.pipe(
  v.looseObject({
    '@context': v.optional(v.union([v.string(), v.looseObject({}), v.array(v.unknown())], '"@context" must be an address, an object or a list')),
    target: v.union(
      [TargetItem, v.pipe(v.array(TargetItem), v.minLength(1))],
      '"target" must be an address or an object with "source", or a list of them',
    ),
  }),
  v.check((a) => isAnnotationType(a.type) || isAnnotationType(a['@type']), '"type" must be "Annotation" (or a list including it)'),
);

/**
 * The key holding an annotation's identity: `id` under the anno context, `@id` in plain
 * JSON-LD that does not alias it. The store replaces that one key and nothing else.
 */
export function idKey(annotation: Record<string, unknown>): 'id' | '@id' {
  return '@id' in annotation && !('id' in annotation) ? '@id' : 'id';
}

/** Our own terms mark an extension comment: those must pass the extension's schema. */
function looksLikeLea(input: Record<string, unknown>): boolean {
  const ctx = input['@context'];
  const leaContext = Array.isArray(ctx) && ctx.some((c) => c !== null && typeof c === 'object' && 'lea' in c);
  return leaContext || 'visibility' in input || 'perspective' in input || 'attribution' in input;
}

const StrictLeaSchema = v.strictObject(LeaAnnotationSchema.entries);

/**
 * Check an annotation body for storage. Extension comments (they use our `lea` terms) must
 * match utils/model exactly, unknown top-level fields refused; any other valid W3C
 * annotation is accepted intact. An anonymous comment is stored without `creator`.
 */
export function checkAnnotation(input: unknown, expectedId: string): CheckedAnnotation {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ApiError(400, 'invalid-body', 'The annotation must be a JSON object.');
  }
  const record = input as Record<string, unknown>;
  const given = record[idKey(record)];
  if (given !== expectedId) {
    const got = typeof given === 'string' ? `"${given.slice(0, 80)}"` : 'no id';
    throw new ApiError(400, 'invalid-body', `The annotation's "id" must be "${expectedId}" to match its address, but it has ${got}.`);
  }
  if (looksLikeLea(record)) {
    check(StrictLeaSchema, record, 'The comment');
    const annotation = { ...record };
    if (annotation.attribution === 'anonymous') delete annotation.creator;
    return { annotation, visibility: annotation.visibility === 'private' ? 'private' : 'group', lea: true };
  }
  check(W3cAnnotationSchema, record, 'The annotation');
  return { annotation: record, visibility: 'group', lea: false };
}

/** Remove what a reader must never see: `creator` of an anonymous comment. */
export function redactAnnotation(annotation: Record<string, unknown>): Record<string, unknown> {
  if (annotation.attribution !== 'anonymous' || !('creator' in annotation)) return annotation;
  const copy = { ...annotation };
  delete copy.creator;
  return copy;
}
