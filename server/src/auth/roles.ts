import * as v from 'valibot';

/** The three roles of a group (see PROTOCOL.md). */
export const ROLES = ['facilitator', 'member', 'reader'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = v.picklist(ROLES, 'The role must be "facilitator", "member" or "reader".');

/** Who is calling: the member behind a bearer token. */
export interface Member {
  id: string;
  groupId: string;
  role: Role;
  displayName: string | null;
}

/** Roles that write annotations (also used by the one-statement create's SQL). */
export const WRITER_ROLES: readonly Role[] = ['member'];

/** What each role may do; routes ask these, never compare role names themselves. */
export const can = {
  /** Write annotations through the sync API or the W3C container. */
  write: (m: Member) => WRITER_ROLES.includes(m.role),
  /** Read the group's feed, annotations and stream. */
  read: (_m: Member) => true,
  /** Invite, revoke, list members, hide and unhide. */
  facilitate: (m: Member) => m.role === 'facilitator',
  /** See the content of hidden annotations. */
  seeHidden: (m: Member) => m.role === 'facilitator',
};
