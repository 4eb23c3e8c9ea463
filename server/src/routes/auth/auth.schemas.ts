import * as v from 'valibot';
import { RoleSchema } from '../../auth/roles';

/** `POST /api/join` body. */
export const JoinSchema = v.strictObject({
  code: v.pipe(v.string('The invite code must be text.'), v.trim(), v.minLength(1, 'Please enter your invite code.'), v.maxLength(100, 'That invite code is too long.')),
  displayName: v.pipe(
    v.string('Your name must be text.'),
    v.trim(),
    v.minLength(1, 'Please choose a name to show the group.'),
    v.maxLength(80, 'Please choose a name of 80 characters or fewer.'),
  ),
});

/** `POST /api/groups/{group}/invites` body. */
export const InviteSchema = v.strictObject({ role: RoleSchema });
