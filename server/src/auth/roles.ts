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
  /** Write comments (and other annotations) through the sync API or the W3C container (members and facilitators). */
  write: (m: Member) => roleCan.write(m.role),
  /** Reply to a comment or a reply (everyone in the group). */
  reply: (m: Member) => roleCan.reply(m.role),
  /** Answer a comment with a status (readers, such as officers, and facilitators). */
  answer: (m: Member) => roleCan.answer(m.role),
  /** Say "This is my experience too" (members and facilitators). */
  support: (m: Member) => roleCan.support(m.role),
  /** Write anything at all (a comment, reply, answer or support); each write then checks its kind. */
  writeAny: (m: Member) => roleCan.write(m.role) || roleCan.reply(m.role) || roleCan.answer(m.role) || roleCan.support(m.role),
  /** Read the group's feed, annotations and stream. */
  read: (m: Member) => roleCan.read(m.role),
  /** Invite, revoke, list members, hide and unhide. */
  facilitate: (m: Member) => roleCan.moderate(m.role),
  /** See the content of hidden annotations. */
  seeHidden: (m: Member) => roleCan.moderate(m.role),
};
