import type { Role } from '../../../utils/model/roles';

/** The roles in the order the pages offer them: the usual choice first. */
export const OFFERED_ROLES: readonly Role[] = ['member', 'reader', 'facilitator'];

/** A role's name as a facilitator reads it in a table or a list. */
export const ROLE_NAMES: Record<Role, string> = {
  facilitator: 'Facilitator',
  member: 'Member',
  reader: 'Reader',
};

/** A role with its article, inside a sentence: "a member", "a facilitator". */
export const ROLE_IN_A_SENTENCE: Record<Role, string> = {
  facilitator: 'a facilitator',
  member: 'a member',
  reader: 'a reader',
};

/** What each role may do, in plain words (utils/model/roles.ts `roleCan`). */
export const ROLE_POWERS: Record<Role, string> = {
  facilitator: 'Facilitators comment, make invites, change roles, revoke people and moderate.',
  member: 'Members write comments, reply and say “this is my experience too”.',
  reader: 'Readers (usually policy officers) read, search, reply, answer comments and download digests, but do not write comments.',
};
