import * as v from 'valibot';
import { LeaAnnotationSchema } from '../../../utils/model/annotation';
import { LeaReplySchema, LeaSupportSchema } from '../../../utils/model/conversation';
import type { Visibility } from '../../../utils/model/visibility';
import { ApiError, msg } from '../errors';
import { check } from '../validate';

/** Who may see an annotation: the group, or only its author ("only me"); defined in utils/model. */
export type { Visibility };

/**
 * What a stored annotation is: an extension comment, a reply, an answer (a reply with a
 * status), a support ("this is my experience too"), or any other W3C annotation.
 */
export type AnnotationKind = 'comment' | 'reply' | 'answer' | 'support' | 'other';

/** An annotation accepted for storage, as it will be stored. */
export interface CheckedAnnotation {
  annotation: Record<string, unknown>;
  visibility: Visibility;
  /** True when it is one of the extension's items (validated against utils/model). */
  lea: boolean;
  kind: AnnotationKind;
  /** For a reply, answer or support: the uuid of the annotation it is about (same group). */
  targetId: string | null;
}

/**
 * Where a write is addressed, so a target given as this group's W3C container IRI
 * (`<base>/annotations/<group>/<uuid>`) can be stored as `urn:uuid:<uuid>`.
 */
export interface TargetContext {
  group: string;
  /** The store's origins the container IRI may start with (PUBLIC_URL, the request's own). */
  bases: readonly string[];
}

/** The refusal for a target that is not a live, readable annotation of the caller's group. */
export const TARGET_NOT_FOUND = 'server.targetNotFound';

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
    '@context': v.optional(v.union([v.string(), v.looseObject({}), v.array(v.unknown())], 'validation.w3c.context')),
    target: v.union(
      [TargetItem, v.pipe(v.array(TargetItem), v.minLength(1))],
      'validation.w3c.target',
    ),
  }),
  v.check((a) => isAnnotationType(a.type) || isAnnotationType(a['@type']), 'validation.w3c.type'),
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
// Replies and supports are strict at the top level too; the reply's own checks (answers are
// named, "not changing" says why, ...) run after, as the model defines them.
const [replyObject, ...replyChecks] = LeaReplySchema.pipe;
const StrictReplySchema = v.pipe(v.strictObject(replyObject.entries), ...replyChecks);
const StrictSupportSchema = v.strictObject(LeaSupportSchema.entries);

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const URN = new RegExp(`^urn:uuid:(${UUID})$`, 'i');
const IRI_PATH = new RegExp(`^/annotations/([^/?#]+)/(${UUID})$`, 'i');
/**
 * Any store's container IRI for one annotation, as the extension reads a W3C reply's target
 * (utils/conversation/adopt-w3c.ts): the uuid is what counts, whatever the host.
 */
const ANY_CONTAINER_IRI = new RegExp(`^https?://[^\\s]+/annotations/[^/\\s]+/(${UUID})/?$`, 'i');

/**
 * The uuid a string target names when it is an annotation of this store: `urn:uuid:<uuid>`,
 * or a container IRI of the store. A container IRI of another group is refused (404, as a
 * missing target); any other string (a web page, another store's annotation) is null.
 */
export function storeTargetOf(target: unknown, where: TargetContext | undefined): string | null {
  if (typeof target !== 'string') return null;
  const urn = URN.exec(target);
  if (urn) return urn[1]!.toLowerCase();
  if (!where) return null;
  for (const base of where.bases) {
    const prefix = base.replace(/\/$/, '');
    if (!target.startsWith(`${prefix}/`)) continue;
    const match = IRI_PATH.exec(target.slice(prefix.length));
    if (!match) continue;
    const group = safeDecode(match[1]!);
    if (group === null) continue;
    if (group !== where.group) throw new ApiError(404, 'not-found', TARGET_NOT_FOUND);
    return match[2]!.toLowerCase();
  }
  return null;
}

const REPLYING = ['replying', 'oa:replying', 'http://www.w3.org/ns/oa#replying'];
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Does a plain W3C annotation say it is a reply, in any of the spellings the extension reads? */
export function isW3cReply(motivation: unknown): boolean {
  return (Array.isArray(motivation) ? motivation : [motivation]).some((m) => typeof m === 'string' && REPLYING.includes(m));
}

/**
 * The uuid of the annotation a plain W3C reply is about, read as the extension reads it
 * (adopt-w3c.ts: the first target; a string, or an object's `id`, `@id` or `source`; a urn
 * or any container IRI), so that every reply the extension shows has met the reply rules.
 */
function w3cReplyTargetOf(target: unknown, where: TargetContext | undefined): string | null {
  const one = first(target);
  const candidates = isRecord(one) ? [one.id, one['@id'], first(one.source)] : [one];
  for (const candidate of candidates) {
    const own = storeTargetOf(candidate, where);
    if (own !== null) return own;
    const any = typeof candidate === 'string' ? ANY_CONTAINER_IRI.exec(candidate) : null;
    if (any) return any[1]!.toLowerCase();
  }
  return null;
}

/** A percent-decoded path part, or null when its encoding is broken. */
function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Is there a body item with purpose `assessing` (an answer's status)? */
function hasAssessingBody(body: unknown): boolean {
  return Array.isArray(body) && body.some((b) => b !== null && typeof b === 'object' && (b as { purpose?: unknown }).purpose === 'assessing');
}

/**
 * Check an annotation body for storage. Extension items (they use our `lea` terms) must
 * match utils/model exactly, by motivation: `replying` a reply (or answer), `assessing` a
 * support, anything else a comment; unknown top-level fields are refused. Any other valid
 * W3C annotation is accepted intact; one that is `replying` to an annotation, as the
 * extension reads it (adopt-w3c.ts), counts as a reply and follows the reply rules. A reply's
 * or support's target given as a container IRI is stored as `urn:uuid:<uuid>` (another
 * group's → 404). An anonymous item is stored without `creator`.
 */
export function checkAnnotation(input: unknown, expectedId: string, where?: TargetContext): CheckedAnnotation {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ApiError(400, 'invalid-body', 'server.annotationNotObject');
  }
  const record = input as Record<string, unknown>;
  const given = record[idKey(record)];
  if (given !== expectedId) {
    const got = typeof given === 'string' ? `"${given.slice(0, 80)}"` : 'no id';
    throw new ApiError(400, 'invalid-body', msg('server.idMismatch', { expected: expectedId, got }));
  }
  const motivation = record.motivation;
  const lea = looksLikeLea(record);
  const targetId = lea
    ? motivation === 'replying' || motivation === 'assessing'
      ? storeTargetOf(record.target, where)
      : null
    : isW3cReply(motivation)
      ? w3cReplyTargetOf(record.target, where)
      : null;
  // The stored form names a target given as one address by its urn (lists and objects are kept as sent).
  const normalised = targetId !== null && typeof record.target === 'string' && record.target !== `urn:uuid:${targetId}` ? { ...record, target: `urn:uuid:${targetId}` } : record;
  if (lea) {
    let kind: AnnotationKind = 'comment';
    if (motivation === 'replying') {
      check(StrictReplySchema, normalised, 'reply');
      kind = hasAssessingBody(normalised.body) ? 'answer' : 'reply';
    } else if (motivation === 'assessing') {
      check(StrictSupportSchema, normalised, 'support');
      kind = 'support';
    } else check(StrictLeaSchema, normalised, 'comment');
    const annotation = { ...normalised };
    if (annotation.attribution === 'anonymous') delete annotation.creator;
    else if (kind === 'reply' && annotation.creator !== null && typeof annotation.creator === 'object') {
      // A job title and organisation are shown only on answers, from the store's profile: a
      // plain reply cannot claim them.
      const { jobTitle: _jobTitle, organisation: _organisation, ...creator } = annotation.creator as Record<string, unknown>;
      annotation.creator = creator;
    }
    return {
      annotation,
      visibility: annotation.visibility === 'private' ? 'private' : 'group',
      lea: true,
      kind,
      targetId: kind === 'comment' ? null : targetId,
    };
  }
  check(W3cAnnotationSchema, normalised, 'annotation');
  // A plain W3C reply to an annotation of this group is part of its conversation; it is
  // kept as sent (apart from the target's form). Everything else is simply kept.
  if (targetId !== null) return { annotation: normalised, visibility: 'group', lea: false, kind: 'reply', targetId };
  return { annotation: record, visibility: 'group', lea: false, kind: 'other', targetId: null };
}

/** Remove what a reader must never see: `creator` of an anonymous comment. */
export function redactAnnotation(annotation: Record<string, unknown>): Record<string, unknown> {
  if (annotation.attribution !== 'anonymous' || !('creator' in annotation)) return annotation;
  const copy = { ...annotation };
  delete copy.creator;
  return copy;
}
