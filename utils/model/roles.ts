import * as v from 'valibot';

/**
 * The roles of a group and what each may do: the one list the store (server/src/auth/roles.ts,
 * including the SQL of a one-statement create), the extension and the test fake store all use.
 */
export const ROLES = ['facilitator', 'member', 'reader'] as const;
/** A member's role in a group. */
export type Role = (typeof ROLES)[number];
/** A role as it crosses a boundary (a join answer, a stored connection, an invite request). */
export const RoleSchema = v.picklist(ROLES, 'validation.role');

/** Roles that write comments: members, and facilitators, who usually have lived experience too. */
export const WRITER_ROLES: readonly Role[] = ['facilitator', 'member'];
/** Roles that moderate: invite and remove people, hide and unhide comments, see hidden text. */
export const MODERATOR_ROLES: readonly Role[] = ['facilitator'];
/** Roles that read the group's comments (readers read, filter and export, reply and answer). */
export const READER_ROLES: readonly Role[] = ROLES;
/** Roles that reply in a comment's conversation: everyone in the group. */
export const REPLIER_ROLES: readonly Role[] = ROLES;
/** Roles that answer a comment with what was done (officers join as readers; facilitators too). */
export const ANSWERER_ROLES: readonly Role[] = ['facilitator', 'reader'];
/** Roles that say "This is my experience too" on a comment: those with lived experience. */
export const SUPPORTER_ROLES: readonly Role[] = ['facilitator', 'member'];

/** What a role may do; callers ask these, never compare role names themselves. */
export const roleCan = {
  /** Write, edit and delete their own comments. */
  write: (role: Role): boolean => WRITER_ROLES.includes(role),
  /** Invite, remove members, hide and unhide comments, and see a hidden comment's text. */
  moderate: (role: Role): boolean => MODERATOR_ROLES.includes(role),
  /** Read the group's feed, comments, stream and digests. */
  read: (role: Role): boolean => READER_ROLES.includes(role),
  /** Reply to a comment or a reply (and change or delete their own replies). */
  reply: (role: Role): boolean => REPLIER_ROLES.includes(role),
  /** Answer a comment: a reply with a status ("noted", "will-change", "changed", "not-changing"). */
  answer: (role: Role): boolean => ANSWERER_ROLES.includes(role),
  /** Say "This is my experience too" on a comment (and take it back). */
  support: (role: Role): boolean => SUPPORTER_ROLES.includes(role),
};

/** Each role in words, for "Connected … as <this>." */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  facilitator: 'a facilitator (you can comment, invite people and moderate)',
  member: 'a member (you can comment)',
  reader: 'a reader (you can read and export comments)',
};
