import * as v from 'valibot';
import { RoleSchema } from '../../auth/roles';

/** A display name chosen when joining. */
const JoinNameSchema = v.pipe(
  v.string('validation.displayName.text'),
  v.trim(),
  v.minLength(1, 'validation.displayName.empty'),
  v.maxLength(80, 'validation.displayName.tooLong'),
);

/**
 * `POST /api/join` body: an invite code with a display name, or a link code from another
 * browser of the same member (no name: the member keeps theirs). Which one it is is known
 * only once the code is looked up, so the name is checked there (join.handlers).
 */
export const JoinSchema = v.strictObject({
  code: v.pipe(v.string('validation.inviteCode.text'), v.trim(), v.minLength(1, 'validation.inviteCode.empty'), v.maxLength(100, 'validation.inviteCode.tooLong')),
  displayName: v.optional(JoinNameSchema),
});

/** Printable text: no control characters (names and job titles end up in digests and headers of documents). */
const PROFILE_TEXT = /^[^\p{Cc}\u2028\u2029]*$/u;

// Each field written out: a schema's messages are catalogue keys, literal where they are given
// (server/test/error-messages.test.ts checks every one).
const displayNameField = v.optional(
  v.pipe(v.string('validation.displayName.text'), v.trim(), v.maxLength(200, 'validation.profile.nameTooLong'), v.regex(PROFILE_TEXT, 'validation.profile.nameOneLine')),
);
const jobTitleField = v.optional(
  v.pipe(v.string('validation.profile.jobTitleText'), v.trim(), v.maxLength(200, 'validation.profile.jobTitleTooLong'), v.regex(PROFILE_TEXT, 'validation.profile.jobTitleOneLine')),
);
const organisationField = v.optional(
  v.pipe(
    v.string('validation.profile.organisationText'),
    v.trim(),
    v.maxLength(200, 'validation.profile.organisationTooLong'),
    v.regex(PROFILE_TEXT, 'validation.profile.organisationOneLine'),
  ),
);

/** `PATCH /api/me` body: each field trimmed, at most 200 characters; an empty string clears it. */
export const ProfileSchema = v.strictObject({
  displayName: displayNameField,
  jobTitle: jobTitleField,
  organisation: organisationField,
});

/**
 * `POST /api/groups/{group}/invites` body: a role; `reusable` (left out: reusable, as invites
 * always were; false: the first join uses it up); `expiresInDays` (1-90; left out: never).
 */
export const InviteSchema = v.strictObject({
  role: RoleSchema,
  reusable: v.optional(v.boolean('validation.trueOrFalse')),
  expiresInDays: v.optional(
    v.pipe(
      v.number('validation.invite.daysNumber'),
      v.integer('validation.invite.daysWhole'),
      v.minValue(1, 'validation.invite.daysTooFew'),
      v.maxValue(90, 'validation.invite.daysTooMany'),
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
  code: v.pipe(v.string('validation.linkCode.text'), v.trim(), v.minLength(1, 'validation.inviteCode.empty'), v.maxLength(100, 'validation.linkCode.tooLong')),
  name: v.optional(JoinNameSchema),
});
