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

/**
 * `POST /api/groups/{group}/invites` body: a role; `reusable` (left out: reusable, as invites
 * always were; false: the first join uses it up); `expiresInDays` (1-90; left out: never).
 */
export const InviteSchema = v.strictObject({
  role: RoleSchema,
  reusable: v.optional(v.boolean('"reusable" must be true or false.')),
  expiresInDays: v.optional(
    v.pipe(
      v.number('"expiresInDays" must be a number of days.'),
      v.integer('"expiresInDays" must be a whole number of days.'),
      v.minValue(1, 'An invite must last at least 1 day ("expiresInDays" from 1 to 90).'),
      v.maxValue(90, 'An invite can last at most 90 days ("expiresInDays" from 1 to 90).'),
    ),
  ),
});

/** `PATCH /api/groups/{group}/members/{memberId}` body. */
export const MemberPatchSchema = v.strictObject({ role: RoleSchema });

/**
 * `POST /api/web/sign-in` body: an invite code (with the name to show the group when the
 * code is new to us), a one-time sign-in link's code, or a code for linking another browser.
 */
export const SignInSchema = v.strictObject({
  code: v.pipe(v.string('The code must be text.'), v.trim(), v.minLength(1, 'Please enter your invite code.'), v.maxLength(100, 'That code is too long.')),
  name: v.optional(JoinNameSchema),
});
