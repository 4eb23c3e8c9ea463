import * as v from 'valibot';
import { checkAnnotation, checkReply, checkSupport, type Checked, type LeaItem } from '../model';

/**
 * What the annotations store holds (schema v3): comments, replies and supports, each validated
 * by the model on the way in and out, and placeholders for replies a facilitator hid from this
 * member (`{id, target, placeholder: 'hidden'}`), known only by their place in a thread.
 */

/** A reply hidden from this member: where it sat, nothing of what it said. */
export const PlaceholderSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/)),
  target: v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/)),
  placeholder: v.literal('hidden'),
  created: v.optional(v.string()),
});
export type Placeholder = v.InferOutput<typeof PlaceholderSchema>;

/**
 * Another member's comment a facilitator hid (`{id, placeholder: 'hidden-comment'}`): nothing of
 * it is kept, only that it was hidden, so replies to it say so instead of "removed by its author".
 */
export const HiddenCommentSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/)),
  placeholder: v.literal('hidden-comment'),
});

/** A stored hidden-comment placeholder's id, or null. */
export function readHiddenComment(record: unknown): string | null {
  const result = v.safeParse(HiddenCommentSchema, record);
  return result.success ? result.output.id : null;
}

/** What kind of item a stored record claims to be (by motivation), before validation. */
export type ItemKind = 'comment' | 'reply' | 'support' | 'placeholder';

/** The kind a stored record claims to be, from its motivation (comments: anything else). */
export function claimedKind(record: unknown): ItemKind {
  const r = (record ?? {}) as { motivation?: unknown; placeholder?: unknown };
  if (r.placeholder === 'hidden' || r.placeholder === 'hidden-comment') return 'placeholder';
  if (r.motivation === 'replying') return 'reply';
  if (r.motivation === 'assessing') return 'support';
  return 'comment';
}

/** Validate a record as the item it claims to be (a comment, a reply or a support). */
export function checkItem(record: unknown): Checked<LeaItem> {
  const kind = claimedKind(record);
  if (kind === 'reply') return checkReply(record);
  if (kind === 'support') return checkSupport(record);
  if (kind === 'placeholder') return { ok: false, problems: ['This was hidden by a facilitator: there is nothing to show.'] };
  return checkAnnotation(record);
}

/** A stored placeholder, or null. */
export function readPlaceholder(record: unknown): Placeholder | null {
  const result = v.safeParse(PlaceholderSchema, record);
  return result.success ? result.output : null;
}
