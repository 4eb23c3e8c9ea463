import { MODERATOR_ROLES, ROLES, RoleSchema, WRITER_ROLES, roleCan, type Role } from '../../../utils/model/roles';

// The role list and what each role may do are defined once, in utils/model/roles.ts, shared
// with the extension and its test fake store; the store re-exports them for its routes.
export { MODERATOR_ROLES, ROLES, RoleSchema, WRITER_ROLES, type Role };

/** Who is calling: the member behind a bearer token. */
export interface Member {
  id: string;
  groupId: string;
  role: Role;
  displayName: string | null;
}

/** What each role may do; routes ask these, never compare role names themselves. */
export const can = {
  /** Write annotations through the sync API or the W3C container (members and facilitators). */
  write: (m: Member) => roleCan.write(m.role),
  /** Read the group's feed, annotations and stream. */
  read: (m: Member) => roleCan.read(m.role),
  /** Invite, revoke, list members, hide and unhide. */
  facilitate: (m: Member) => roleCan.moderate(m.role),
  /** See the content of hidden annotations. */
  seeHidden: (m: Member) => roleCan.moderate(m.role),
};
