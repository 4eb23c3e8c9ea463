import * as v from 'valibot';
import { RoleSchema } from '../../auth/roles';

/** A display name chosen when joining. */
const JoinNameSchema = v.pipe(
  v.string('Your name must be text.'),
  v.trim(),
  v.minLength(1, 'Please choose a name to show the group.'),
  v.maxLength(80, 'Please choose a name of 80 characters or fewer.'),
);

/**
 * `POST /api/join` body: an invite code with a display name, or a link code from another
 * browser of the same member (no name: the member keeps theirs). Which one it is is known
 * only once the code is looked up, so the name is checked there (join.handlers).
 */
export const JoinSchema = v.strictObject({
  code: v.pipe(v.string('The invite code must be text.'), v.trim(), v.minLength(1, 'Please enter your invite code.'), v.maxLength(100, 'That invite code is too long.')),
  displayName: v.optional(JoinNameSchema),
});

/** Printable text: no control characters (names and job titles end up in digests and headers of documents). */
const PROFILE_TEXT = /^[^\p{Cc}\u2028\u2029]*$/u;

function profileField(what: string) {
  return v.optional(
    v.pipe(
      v.string(`${what} must be text.`),
      v.trim(),
      v.maxLength(200, `Please keep ${what.toLowerCase()} to 200 characters or fewer.`),
      v.regex(PROFILE_TEXT, `${what} must not contain control characters or line breaks.`),
    ),
  );
}

/** `PATCH /api/me` body: each field trimmed, at most 200 characters; an empty string clears it. */
export const ProfileSchema = v.strictObject({
  displayName: profileField('Your name'),
  jobTitle: profileField('Your job title'),
  organisation: profileField('Your organisation'),
});

/** `POST /api/groups/{group}/invites` body. */
export const InviteSchema = v.strictObject({ role: RoleSchema });
