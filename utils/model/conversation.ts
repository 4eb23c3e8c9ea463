import { vocabulary as EN } from '../i18n/messages/en-GB/vocabulary';
import * as v from 'valibot';
import { ANNO_CONTEXT, CommentBodySchema, LEA_CONTEXT, MAX_COMMENT_LENGTH, sayInCurrentLanguage, type Checked, type LeaAnnotation, type SayProblem } from './annotation';
import { describeIssues } from '../i18n/issue-message';

/**
 * The conversation around a comment: replies (some of them officers' answers) and "this is my
 * experience too" supports. Each is a W3C Web Annotation whose `target` is the `id` of the
 * annotation it is about, as in the W3C model's reply example (Example 34): the extension and
 * the sync API name it `urn:uuid:…`, the W3C container its IRI `…/annotations/{group}/{uuid}`.
 * Comments (annotation.ts) and these make one closed union, `LeaItem`, so nothing downstream
 * guesses what it holds. Shapes on the wire: server/PROTOCOL.md "Conversation".
 */

/**
 * What an officer's answer says was done, by stable id (stored in an `assessing` body item).
 * `needsReason`: the answer must say why in its text.
 */
export const ANSWER_STATUSES = [
  { value: 'noted', label: EN['vocabulary.status.noted'], needsReason: false },
  { value: 'will-change', label: EN['vocabulary.status.will-change'], needsReason: false },
  { value: 'changed', label: EN['vocabulary.status.changed'], needsReason: false },
  { value: 'not-changing', label: EN['vocabulary.status.not-changing'], needsReason: true },
] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number]['value'];
export const ANSWER_STATUS_VALUES = ANSWER_STATUSES.map((s) => s.value) as [AnswerStatus, ...AnswerStatus[]];
/** The body value of a support: the one thing a support says. */
export const SUPPORT_VALUE = 'me-too';
/** What people read for a support, and the button that adds one. */
export const SUPPORT_LABEL = 'This is my experience too';
/** The longest reason a report or a moderation action may give. */
export const MAX_REASON_LENGTH = 1000;

const uuidUrn = v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/, 'validation.id'));
const isoDate = v.pipe(v.string(), v.isoTimestamp('validation.date'));
const personName = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const profileText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const Context = v.tuple([v.literal(ANNO_CONTEXT), v.looseObject({})]);

/** An answer's status, as a W3C body item with purpose `assessing`. */
export const AnswerBodySchema = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('assessing'),
  value: v.picklist(ANSWER_STATUS_VALUES, 'validation.answer.status'),
});

/**
 * Who wrote a reply, when named. An answer's creator also carries the officer's job title and
 * organisation from their profile (the store fills these in from the profile, never the client).
 */
export const ReplyCreatorSchema = v.object({
  type: v.literal('Person'),
  name: personName,
  jobTitle: v.optional(profileText),
  organisation: v.optional(profileText),
});

const ReplyTextSchema = v.object({ ...CommentBodySchema.entries, value: v.pipe(v.string(), v.trim(), v.minLength(1, 'validation.reply.empty'), v.maxLength(MAX_COMMENT_LENGTH, 'validation.reply.tooLong')) });

/**
 * A reply: `motivation: "replying"`, its text first; an answer adds an `assessing` item.
 * Always shared with the group ("only me" comments take no replies). `byCommentAuthor` is set
 * (and checked by the store) when the author of an anonymous comment replies in its thread, so
 * they show as "the author of this comment", never by name. `onDocument` is the document the
 * thread is on, so a thread stays findable after its comment is removed.
 */
export const LeaReplySchema = v.pipe(
  v.object({
    '@context': Context,
    id: uuidUrn,
    type: v.literal('Annotation'),
    motivation: v.literal('replying'),
    created: isoDate,
    modified: isoDate,
    creator: v.optional(ReplyCreatorSchema),
    body: v.union([v.strictTuple([ReplyTextSchema]), v.strictTuple([ReplyTextSchema, AnswerBodySchema]), v.strictTuple([AnswerBodySchema])], 'validation.reply.body'),
    target: uuidUrn,
    visibility: v.literal('group', 'validation.reply.shared'),
    attribution: v.picklist(['named', 'anonymous']),
    byCommentAuthor: v.optional(v.literal(true)),
    onDocument: v.optional(v.pipe(v.string(), v.url('validation.documentAddress'))),
  }),
  v.check((r) => answerOfBody(r.body) === null || r.attribution === 'named', 'validation.answer.named'),
  v.check((r) => {
    const status = answerOfBody(r.body);
    return status === null || !ANSWER_STATUSES.find((s) => s.value === status)!.needsReason || r.body[0].purpose === 'commenting';
  }, 'validation.answer.needsReason'),
  v.check((r) => !(r.byCommentAuthor && r.attribution === 'named'), 'validation.reply.anonymousAuthor'),
);
export type LeaReply = v.InferOutput<typeof LeaReplySchema>;

/**
 * "This is my experience too": `motivation: "assessing"` with one `assessing` body item
 * `me-too`. One per member per comment (the store enforces it); taken back by deleting it.
 * Named only when the supporter chose to be.
 */
export const LeaSupportSchema = v.object({
  '@context': Context,
  id: uuidUrn,
  type: v.literal('Annotation'),
  motivation: v.literal('assessing'),
  created: isoDate,
  modified: isoDate,
  creator: v.optional(v.object({ type: v.literal('Person'), name: personName })),
  body: v.strictTuple([v.object({ type: v.literal('TextualBody'), purpose: v.literal('assessing'), value: v.literal(SUPPORT_VALUE) })]),
  target: uuidUrn,
  visibility: v.literal('group', 'validation.support.shared'),
  attribution: v.picklist(['named', 'anonymous']),
});
export type LeaSupport = v.InferOutput<typeof LeaSupportSchema>;

/** Anything the extension keeps and shows: a comment on a passage, a reply, or a support. */
export type LeaItem = LeaAnnotation | LeaReply | LeaSupport;

/** The status of an answer body, or null for a plain reply. */
function answerOfBody(body: ReadonlyArray<{ purpose: string; value: string }>): AnswerStatus | null {
  for (const item of body) if (item.purpose === 'assessing') return item.value as AnswerStatus;
  return null;
}

/** The answer status a reply carries, or null when it is a plain reply. */
export function answerStatusOf(reply: LeaReply): AnswerStatus | null {
  return answerOfBody(reply.body);
}

/** The text of a reply ('' for an answer that gives only its status). */
export function replyText(reply: LeaReply): string {
  const first = reply.body[0];
  return first.purpose === 'commenting' ? first.value : '';
}

/** Plain-English label of an answer status. */
export function answerStatusLabel(status: AnswerStatus): string {
  return ANSWER_STATUSES.find((s) => s.value === status)!.label;
}

/** Is this item a reply (answers included)? */
export function isReply(item: LeaItem): item is LeaReply {
  return item.motivation === 'replying';
}

/** Is this item a "this is my experience too"? */
export function isSupport(item: LeaItem): item is LeaSupport {
  return item.motivation === 'assessing';
}

/** Is this item a comment on a passage? */
export function isComment(item: LeaItem): item is LeaAnnotation {
  return !isReply(item) && !isSupport(item);
}

/** Validate untrusted data as a reply (problems said by `say`, see SayProblem). */
export function checkReply(input: unknown, say: SayProblem = sayInCurrentLanguage): Checked<LeaReply> {
  const result = v.safeParse(LeaReplySchema, input);
  return result.success ? { ok: true, value: result.output } : { ok: false, problems: describeIssues(result.issues, say) };
}

/** Validate untrusted data as a support (problems said by `say`, see SayProblem). */
export function checkSupport(input: unknown, say: SayProblem = sayInCurrentLanguage): Checked<LeaSupport> {
  const result = v.safeParse(LeaSupportSchema, input);
  return result.success ? { ok: true, value: result.output } : { ok: false, problems: describeIssues(result.issues, say) };
}

/** What a reply says, as the reply editor holds it. */
export interface ReplyDraft {
  text: string;
  /** Set by officers and facilitators to answer. */
  answer: AnswerStatus | null;
  attribution: 'named' | 'anonymous';
}

/** Build a reply (or an answer) to `parentId`, validated. */
export function buildReply(options: {
  id: string;
  now: Date;
  parentId: string;
  draft: ReplyDraft;
  authorName: string;
  /** The replier wrote the thread's anonymous comment: they show as its author, unnamed. */
  byCommentAuthor?: boolean;
  onDocument?: string;
  /** How to say a problem (the reader's translator); see SayProblem. */
  say?: SayProblem;
}): Checked<LeaReply> {
  const { id, now, parentId, draft, authorName } = options;
  const stamp = now.toISOString();
  const name = authorName.trim();
  const anonymous = options.byCommentAuthor === true || (draft.attribution === 'anonymous' && draft.answer === null) || name === '';
  const body = replyBody(draft);
  return checkReply({
    '@context': [ANNO_CONTEXT, LEA_CONTEXT],
    id,
    type: 'Annotation',
    motivation: 'replying',
    created: stamp,
    modified: stamp,
    ...(anonymous ? {} : { creator: { type: 'Person', name } }),
    body,
    target: parentId,
    visibility: 'group',
    attribution: anonymous ? 'anonymous' : 'named',
    ...(options.byCommentAuthor ? { byCommentAuthor: true } : {}),
    ...(options.onDocument ? { onDocument: options.onDocument } : {}),
  }, options.say);
}

/** A reply's body from its draft: the text (left out of an answer that gives only its status), then the answer status. */
function replyBody(draft: Pick<ReplyDraft, 'text' | 'answer'>): unknown[] {
  const body: unknown[] = [];
  if (draft.text.trim() !== '' || draft.answer === null) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: draft.text });
  if (draft.answer !== null) body.push({ type: 'TextualBody', purpose: 'assessing', value: draft.answer });
  return body;
}

/**
 * A reply with its words (and, for an answer, its status) changed, validated. Everything else
 * stays: who it is by and how they show, what it answers, when it was written. An answer stays
 * an answer and a reply stays a reply, so an edit never changes whether a name is shown.
 */
export function editReply(reply: LeaReply, draft: Pick<ReplyDraft, 'text' | 'answer'>, now: Date, say?: SayProblem): Checked<LeaReply> {
  const wasAnswer = answerStatusOf(reply) !== null;
  const answer = wasAnswer ? (draft.answer ?? answerStatusOf(reply)) : null;
  return checkReply({ ...reply, modified: now.toISOString(), body: replyBody({ text: draft.text, answer }) }, say);
}

/** Build a "this is my experience too" on `targetId`, validated. */
export function buildSupport(options: { id: string; now: Date; targetId: string; named: boolean; authorName: string; say?: SayProblem }): Checked<LeaSupport> {
  const stamp = options.now.toISOString();
  const name = options.authorName.trim();
  const named = options.named && name !== '';
  return checkSupport({
    '@context': [ANNO_CONTEXT, LEA_CONTEXT],
    id: options.id,
    type: 'Annotation',
    motivation: 'assessing',
    created: stamp,
    modified: stamp,
    ...(named ? { creator: { type: 'Person', name } } : {}),
    body: [{ type: 'TextualBody', purpose: 'assessing', value: SUPPORT_VALUE }],
    target: options.targetId,
    visibility: 'group',
    attribution: named ? 'named' : 'anonymous',
  }, options.say);
}

/**
 * How a reply's writer is shown: their name (with job title and organisation for an answer),
 * "The author of this comment", or "A group member".
 */
export function replyAuthorLine(reply: LeaReply): string {
  if (reply.byCommentAuthor) return 'The author of this comment';
  if (!reply.creator || reply.attribution === 'anonymous') return 'A group member';
  const role = [reply.creator.jobTitle, reply.creator.organisation].filter(Boolean).join(', ');
  return role ? `${reply.creator.name} (${role})` : reply.creator.name;
}

/** The line a thread shows for a reply a facilitator hid. */
export const HIDDEN_REPLY_LINE = 'This reply was hidden by a facilitator.';
/** The line a thread shows where a facilitator hid its comment (its replies stay readable). */
export const HIDDEN_COMMENT_LINE = 'Reply to a comment a facilitator hid.';
/** The line a thread shows where its comment was removed by its author. */
export const REMOVED_COMMENT_LINE = 'Reply to a comment its author removed.';
