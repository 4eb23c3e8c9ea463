import * as v from 'valibot';
import { RoleSchema } from '../../../utils/model/roles';

/**
 * The store's answers the facilitator pages read (notes/webapp-contract.md "Sessions",
 * server/PROTOCOL.md "Auth"). Fields the store added in issue 13 are optional so a page still
 * shows what it can against an older store.
 */
const Text = v.pipe(v.string(), v.minLength(1));
const Time = v.string();

/** One row of `GET /api/groups/{group}/members`. */
export const MemberSchema = v.object({
  memberId: Text,
  displayName: v.nullable(v.string()),
  role: RoleSchema,
  joinedAt: Time,
  revoked: v.optional(v.boolean(), false),
  lastActiveAt: v.optional(v.nullable(Time), null),
});
export type Member = v.InferOutput<typeof MemberSchema>;

export const MembersResponseSchema = v.object({ members: v.array(MemberSchema) });

/** `POST …/members/{memberId}/sign-in-links` → 201. */
export const SignInLinkSchema = v.object({ url: Text, expiresAt: v.optional(v.nullable(Time), null) });

/** `POST …/invites` → 201 (only `code` from a store before issue 13). */
export const NewInviteSchema = v.object({
  code: Text,
  inviteId: v.optional(v.string()),
  role: v.optional(RoleSchema),
  reusable: v.optional(v.boolean()),
  expiresAt: v.optional(v.nullable(Time), null),
});
export type NewInvite = v.InferOutput<typeof NewInviteSchema>;

/** One row of `GET …/invites` (never the code). */
export const InviteSchema = v.object({
  inviteId: Text,
  role: RoleSchema,
  reusable: v.boolean(),
  uses: v.pipe(v.number(), v.integer(), v.minValue(0)),
  createdAt: Time,
  expiresAt: v.nullable(Time),
  withdrawn: v.boolean(),
  usable: v.boolean(),
});
export type Invite = v.InferOutput<typeof InviteSchema>;

export const InvitesResponseSchema = v.object({ invites: v.array(InviteSchema) });

/** One row of `GET …/document-links`: `later` is a later version of `earlier`. */
export const DocumentLinkRowSchema = v.object({
  id: Text,
  earlier: Text,
  later: Text,
  earlierLabel: v.optional(v.nullable(v.string()), null),
  laterLabel: v.optional(v.nullable(v.string()), null),
  created: v.optional(v.nullable(Time), null),
});
export type DocumentLinkRow = v.InferOutput<typeof DocumentLinkRowSchema>;

export const DocumentLinksResponseSchema = v.object({ links: v.array(DocumentLinkRowSchema) });

/** `POST …/document-links` → 201 (new) or 200 (the same pair again). */
export const DocumentLinkResponseSchema = v.object({ link: DocumentLinkRowSchema });
