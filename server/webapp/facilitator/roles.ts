import type { Translate } from '../../../utils/i18n/translate';
import type { Role } from '../../../utils/model/roles';

/** The roles in the order the pages offer them: the usual choice first. */
export const OFFERED_ROLES: readonly Role[] = ['member', 'reader', 'facilitator'];

/** A role's name as a facilitator reads it in a table or a list ("Member", "Aelod"). */
export const roleName = (t: Translate, role: Role): string => t(`facilitator.role.${role}`);

/** A role after "for" in a sentence: "Invite code for a member" ("… ar gyfer aelod"). */
export const roleFor = (t: Translate, role: Role): string => t(`facilitator.roleFor.${role}`);

/**
 * A role as what someone is, inside a sentence: "Sam is now a member" ("Mae Sam yn aelod nawr";
 * Welsh mutates the noun after "yn", so each language words this form itself).
 */
export const roleAs = (t: Translate, role: Role): string => t(`facilitator.roleAs.${role}`);

/** What each role may do, in plain words (utils/model/roles.ts `roleCan`). */
export const rolePowers = (t: Translate, role: Role): string => t(`facilitator.rolePowers.${role}`);
