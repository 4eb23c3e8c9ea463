import * as v from 'valibot';

/** `POST .../annotations/{uuid}/reports` body: why this should be looked at (1-1000 characters). */
export const ReportSchema = v.strictObject({
  reason: v.pipe(
    v.string('The reason must be text.'),
    v.trim(),
    v.minLength(1, 'Please say briefly why you are reporting this.'),
    v.maxLength(1000, 'Please keep the reason to 1000 characters or fewer.'),
  ),
});

/** `POST .../annotations/{uuid}/reports/dismiss` body: why no action is needed (as a hide's reason, 1-500). */
export const DismissSchema = v.strictObject({
  reason: v.pipe(
    v.string('The reason must be text.'),
    v.trim(),
    v.minLength(1, 'Please give a reason for dismissing the reports.'),
    v.maxLength(500, 'Please keep the reason to 500 characters or fewer.'),
  ),
});
