import * as v from 'valibot';

/** Free text of a few lines: line breaks and tabs are fine, other control characters are not. */
const PLAIN_TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** `POST .../annotations/{uuid}/reports` body: why this should be looked at (1-1000 characters). */
export const ReportSchema = v.strictObject({
  reason: v.pipe(
    v.string('validation.reason.text'),
    v.trim(),
    v.minLength(1, 'validation.reason.report'),
    v.maxLength(1000, 'validation.reason.tooLong'),
    v.regex(PLAIN_TEXT, 'validation.reason.plainText'),
  ),
});

/** `POST .../annotations/{uuid}/reports/dismiss` body: why no action is needed (as a hide's reason, 1-500). */
export const DismissSchema = v.strictObject({
  reason: v.pipe(
    v.string('validation.reason.text'),
    v.trim(),
    v.minLength(1, 'validation.reason.dismiss'),
    v.maxLength(500, 'validation.reason.tooLong'),
    v.regex(PLAIN_TEXT, 'validation.reason.plainText'),
  ),
});
