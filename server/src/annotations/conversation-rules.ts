import type { MessageKey } from '../../../utils/i18n/catalogue';
import { can, type Member, type Role } from '../auth/roles';
import type { Queryable } from '../db/db';
import { ApiError } from '../errors';
import { isW3cReply, TARGET_NOT_FOUND, type AnnotationKind, type CheckedAnnotation } from './check-annotation';
import type { AnnotationRow } from './rows';

/**
 * The rules of a comment's conversation (PROTOCOL.md "Conversation: replies, answers,
 * supports"), checked inside the writing transaction: who may write what, what a reply or
 * support may target, who an answer's creator is, "the author of this comment", and one
 * support per member per comment. utils/model/roles.ts says which role may do what.
 */

/** What each role may do, in words, for a refusal. */
const WHAT_YOU_CAN: Record<Role, MessageKey> = {
  facilitator: 'server.roleFacilitator',
  member: 'server.roleMember',
  reader: 'server.roleReader',
};

/** Is this kind part of a comment's conversation (it has a target in the group)? */
export function isConversation(kind: AnnotationKind): kind is 'reply' | 'answer' | 'support' {
  return kind === 'reply' || kind === 'answer' || kind === 'support';
}

/** 403 unless the caller's role may write this kind of annotation. */
export function requireRoleFor(member: Member, kind: AnnotationKind): void {
  const refuse = (what: MessageKey) => {
    throw new ApiError(403, 'forbidden', [what, WHAT_YOU_CAN[member.role]]);
  };
  if (kind === 'reply' && !can.reply(member)) refuse('server.cannotReply');
  if (kind === 'answer' && !can.answer(member)) refuse('server.onlyAnswerers');
  if (kind === 'support' && !can.support(member)) refuse('server.onlySupporters');
  if ((kind === 'comment' || kind === 'other') && !can.write(member)) refuse('server.onlyWriters');
}

/**
 * The role check before the body is checked, from its motivation alone, so a reader
 * sending a comment hears "not for your role" (403) before any problem with its body.
 * Replies are open to every role; an answer is told apart later (putAnnotation checks
 * the exact kind again).
 */
export function requireRoleForMotivation(member: Member, input: unknown): void {
  const motivation = input !== null && typeof input === 'object' ? (input as { motivation?: unknown }).motivation : undefined;
  if (isW3cReply(motivation)) return;
  if (motivation === 'assessing' && (can.support(member) || can.write(member))) return;
  requireRoleFor(member, motivation === 'assessing' ? 'support' : 'comment');
}

/** Comments and other annotations, replies (answers too) and supports: what a row may become. */
function family(kind: AnnotationKind | null): string {
  if (kind === 'reply' || kind === 'answer') return 'reply';
  if (kind === 'support') return 'support';
  return 'annotation';
}

/** What a reply (or answer) may target: anything of the conversation but a support. */
const REPLY_TARGET_KINDS = ['comment', 'other', 'reply', 'answer'];

interface TargetRow {
  kind: AnnotationKind | null;
  visibility: string;
  deleted: boolean;
  hidden_reason: string | null;
}

/**
 * The annotation as it will be stored, once the conversation's rules hold for it; `row` is
 * the caller's existing row with this id (locked), if any. Throws the contract's refusals:
 * 400 for a changed kind or target, a wrong "author of this comment" or an answer without a
 * name; 404 `not-found` for a target that is missing, removed, private, hidden from the
 * caller or in another group; 409 `already-supported`.
 */
export async function conversationAnnotation(tx: Queryable, member: Member, uuid: string, checked: CheckedAnnotation, row: AnnotationRow | undefined): Promise<Record<string, unknown>> {
  const live = row !== undefined && !row.deleted;
  if (live && row.kind !== null && family(row.kind) !== family(checked.kind)) {
    throw new ApiError(400, 'invalid-body', 'server.kindCannotChange');
  }
  if (!isConversation(checked.kind) || checked.targetId === null) return checked.annotation;
  const targetId = checked.targetId;
  if (live && row.target_id !== targetId) {
    throw new ApiError(400, 'invalid-body', 'server.replyTargetFixed');
  }
  // A new reply or support (or one brought back): its target must be there for the caller.
  // An edit of a live one keeps working after its comment was removed.
  if (!live) {
    const { rows } = await tx.query<TargetRow>(
      'select kind, visibility, deleted, hidden_reason from annotations where group_id = $1 and id = $2 for share',
      [member.groupId, targetId],
    );
    const target = rows[0];
    const allowed = checked.kind === 'support' ? ['comment'] : REPLY_TARGET_KINDS;
    if (
      !target ||
      target.deleted ||
      target.visibility !== 'group' ||
      (target.hidden_reason !== null && !can.seeHidden(member)) ||
      target.kind === null ||
      !allowed.includes(target.kind) ||
      targetId === uuid
    ) {
      throw new ApiError(404, 'not-found', TARGET_NOT_FOUND);
    }
  }
  if (checked.kind === 'support') {
    const { rows } = await tx.query(
      `select 1 from annotations where group_id = $1 and author_id = $2 and target_id = $3 and kind = 'support' and not deleted and id <> $4 limit 1`,
      [member.groupId, member.id, targetId, uuid],
    );
    if (rows.length > 0) throw alreadySupported();
    return checked.annotation;
  }
  const annotation = { ...checked.annotation };
  if (annotation.byCommentAuthor === true) await requireCommentAuthor(tx, member, targetId);
  if (checked.kind === 'answer') annotation.creator = await answerCreator(tx, member);
  return annotation;
}

/** 409: the member already says this is their experience too. */
export function alreadySupported(): ApiError {
  return new ApiError(409, 'already-supported', 'server.alreadySupported');
}

/** How far up a thread the root is looked for (threads are shown two levels deep). */
const MAX_THREAD_DEPTH = 200;

/**
 * `byCommentAuthor: true` only from the author of the thread's root comment, and only when
 * that comment is anonymous (so they show as "The author of this comment", never by name).
 */
async function requireCommentAuthor(tx: Queryable, member: Member, targetId: string): Promise<void> {
  const { rows } = await tx.query<{ kind: AnnotationKind | null; author_id: string | null; attribution: string | null; deleted: boolean }>(
    `with recursive chain as (
       select id, target_id, kind, author_id, annotation ->> 'attribution' as attribution, deleted, 0 as depth
       from annotations where group_id = $1 and id = $2
       union all
       select a.id, a.target_id, a.kind, a.author_id, a.annotation ->> 'attribution', a.deleted, c.depth + 1
       from chain c join annotations a on a.group_id = $1 and a.id = c.target_id
       where c.kind in ('reply', 'answer') and c.depth < $3)
     select kind, author_id, attribution, deleted from chain order by depth desc limit 1`,
    [member.groupId, targetId, MAX_THREAD_DEPTH],
  );
  const root = rows[0];
  if (!root || root.kind !== 'comment' || root.deleted || root.author_id !== member.id || root.attribution !== 'anonymous') {
    throw new ApiError(400, 'invalid-body', 'server.anonymousAuthorOnly');
  }
}

const PROFILE_MAX = 200;
const profileText = (value: string | null): string | null => {
  const text = value?.trim() ?? '';
  return text === '' || text.length > PROFILE_MAX ? null : text;
};

/** An answer's creator, from the caller's profile (never from the client). */
async function answerCreator(tx: Queryable, member: Member): Promise<Record<string, unknown>> {
  const { rows } = await tx.query<{ display_name: string | null; job_title: string | null; organisation: string | null }>(
    'select display_name, job_title, organisation from members where id = $1',
    [member.id],
  );
  const profile = rows[0];
  const name = profileText(profile?.display_name ?? null);
  if (!profile || name === null) throw new ApiError(400, 'invalid-body', 'server.nameBeforeAnswer');
  const jobTitle = profileText(profile.job_title);
  const organisation = profileText(profile.organisation);
  return { type: 'Person', name, ...(jobTitle ? { jobTitle } : {}), ...(organisation ? { organisation } : {}) };
}
