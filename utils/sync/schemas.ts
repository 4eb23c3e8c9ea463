import * as v from 'valibot';
import { RoleSchema } from '../model/roles';

/**
 * Schemas for every body the group store sends (server/PROTOCOL.md). The store is a trust
 * boundary: nothing from the network is used before it passes one of these.
 */
const Text = v.pipe(v.string(), v.minLength(1));
/** Any W3C annotation the store keeps; the extension checks its own shape before showing one. */
export const WireAnnotationSchema = v.looseObject({ id: v.string() });

/** `POST /api/join` → 201. */
export const JoinResponseSchema = v.object({ token: Text, group: Text, role: RoleSchema, memberId: Text });
export type JoinResponse = v.InferOutput<typeof JoinResponseSchema>;

/** `GET /api/me`. */
export const MeResponseSchema = v.object({
  memberId: Text,
  displayName: v.string(),
  group: Text,
  role: RoleSchema,
  /** Profile fields for answers (null when unset; absent from older stores). */
  jobTitle: v.optional(v.nullable(v.string()), null),
  organisation: v.optional(v.nullable(v.string()), null),
});
export type MeResponse = v.InferOutput<typeof MeResponseSchema>;

/** `PUT /api/groups/{group}/annotations/{uuid}` → 200/201. */
export const PutResponseSchema = v.object({ annotation: WireAnnotationSchema, revision: Text, cursor: v.string() });

/** One entry of the change feed; a missing `hidden` is read as null. */
export const ChangeSchema = v.object({
  cursor: v.string(),
  id: Text,
  revision: Text,
  deleted: v.boolean(),
  hidden: v.pipe(
    v.nullish(v.object({ reason: v.string() })),
    v.transform((hidden) => hidden ?? null),
  ),
  annotation: v.nullable(WireAnnotationSchema),
  /** The caller wrote it (absent otherwise). */
  mine: v.optional(v.boolean()),
  /** For a hidden reply: the id it answers. */
  target: v.optional(v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/i))),
});
export type Change = v.InferOutput<typeof ChangeSchema>;

/** `GET /api/groups/{group}/changes`. */
export const ChangesResponseSchema = v.object({ changes: v.array(ChangeSchema), next: v.string(), hasMore: v.boolean() });
export type ChangesResponse = v.InferOutput<typeof ChangesResponseSchema>;

/** The error body of every 4xx/5xx. */
export const ErrorBodySchema = v.object({ error: v.object({ code: v.string(), message: v.string() }) });

/** The 412 body: the error plus the store's current version. */
export const ConflictBodySchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
  current: v.object({ annotation: v.nullable(WireAnnotationSchema), revision: Text }),
});

/** The data of a stream `change` event. */
export const StreamChangeSchema = v.object({ cursor: v.string() });

const Urn = v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/i));
const Ids = v.pipe(v.array(v.string()), v.maxLength(100_000));

/** `GET /api/me/notices`. */
export const NoticesStateResponseSchema = v.object({ read: Ids, follows: Ids });
export type NoticesStateResponse = v.InferOutput<typeof NoticesStateResponseSchema>;

/** `PUT /api/me/follows`. */
export const FollowsResponseSchema = v.object({ follows: Ids });

/** `POST …/annotations/{uuid}/reports` → 201/200. */
export const ReportResponseSchema = v.object({ report: v.object({ id: Text, target: Urn, reason: v.string(), created: v.string() }) });

/** `GET /api/groups/{g}/moderation`. */
export const ModerationResponseSchema = v.object({
  toReview: v.array(
    v.object({
      target: Urn,
      annotation: v.nullable(WireAnnotationSchema),
      hidden: v.nullable(v.object({ reason: v.string() })),
      reports: v.array(v.object({ id: Text, reason: v.string(), created: v.string() })),
    }),
  ),
  record: v.array(
    v.object({
      id: Text,
      at: v.string(),
      // A forgotten member: memberId null, displayName "A former member". An unhide may give no reason.
      by: v.object({ memberId: v.nullable(v.string()), displayName: v.string() }),
      action: v.picklist(['hide', 'unhide', 'dismiss']),
      target: v.string(),
      reason: v.pipe(v.optional(v.nullable(v.string()), null), v.transform((r) => r ?? '')),
    }),
  ),
});

/** `POST/DELETE …/annotations/{uuid}/hide`. */
export const HideResponseSchema = v.object({ id: v.string(), hidden: v.nullable(v.object({ reason: v.string() })), cursor: v.optional(v.string()) });

/** `POST /api/me/link-codes` → 201. */
export const LinkCodeResponseSchema = v.object({ code: Text, expiresAt: v.string() });
