import * as v from 'valibot';

/** Free text of a few lines: line breaks and tabs are fine, other control characters are not. */
const PLAIN_TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const PLAIN_TEXT_MESSAGE = 'The reason must not contain control characters.';

/** `POST .../annotations/{uuid}/reports` body: why this should be looked at (1-1000 characters). */
export const ReportSchema = v.strictObject({
  reason: v.pipe(
    v.string('The reason must be text.'),
    v.trim(),
    v.minLength(1, 'Please say briefly why you are reporting this.'),
    v.maxLength(1000, 'Please keep the reason to 1000 characters or fewer.'),
    v.regex(PLAIN_TEXT, PLAIN_TEXT_MESSAGE),
  ),
});

/** `POST .../annotations/{uuid}/reports/dismiss` body: why no action is needed (as a hide's reason, 1-500). */
export const DismissSchema = v.strictObject({
  reason: v.pipe(
    v.string('The reason must be text.'),
    v.trim(),
    v.minLength(1, 'Please give a reason for dismissing the reports.'),
    v.maxLength(500, 'Please keep the reason to 500 characters or fewer.'),
    v.regex(PLAIN_TEXT, PLAIN_TEXT_MESSAGE),
  ),
});
