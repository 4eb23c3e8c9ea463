import { buildReply, buildSupport, editReply, type LeaReply, type LeaSupport, type ReplyDraft, type SayProblem } from '../../utils/model';
import { createAnnotationId } from '../../utils/model/ids';
import type { WebSession } from '../../utils/webapp/session-types';
import type { WebApi } from './api';
import { uuidOf } from './router';
import { groupPath } from './use-load';

/** What the web app needs to write: the store, the session, a clock and randomness. */
export interface WriteDeps {
  api: WebApi;
  session: WebSession;
  now?: () => Date;
  fillRandom?: (bytes: Uint8Array) => void;
  /** How to say a problem the model finds (the reader's translator `tr`); English when left out. */
  say?: SayProblem;
}

const defaultRandom = (bytes: Uint8Array) => void crypto.getRandomValues(bytes);

function newId(deps: WriteDeps): { id: string; now: Date } {
  const now = (deps.now ?? (() => new Date()))();
  return { id: createAnnotationId(now.getTime(), deps.fillRandom ?? defaultRandom), now };
}

/** PUT a new item through the sync API (server/PROTOCOL.md "Sync API"), with the cookie session. */
async function create(deps: WriteDeps, item: { id: string }): Promise<void> {
  await deps.api.send('PUT', `${groupPath(deps.session.group.id)}/annotations/${uuidOf(item.id)}`, item, { headers: { 'If-None-Match': '*' } });
}

/**
 * Send a reply (or, for readers and facilitators, an answer) to `parentId`, built and checked
 * by the model exactly as the extension builds it (utils/model/conversation.ts buildReply).
 * Resolves with the reply the store kept; rejects with a plain sentence.
 */
export async function sendReply(deps: WriteDeps, input: { parentId: string; draft: ReplyDraft; document?: string; byCommentAuthor?: boolean }): Promise<LeaReply> {
  const { id, now } = newId(deps);
  const built = buildReply({
    id,
    now,
    parentId: input.parentId,
    draft: input.draft,
    authorName: deps.session.displayName ?? '',
    ...(input.byCommentAuthor ? { byCommentAuthor: true } : {}),
    ...(input.document ? { onDocument: input.document } : {}),
    ...(deps.say ? { say: deps.say } : {}),
  });
  if (!built.ok) throw new Error(built.problems[0] ?? 'This reply could not be sent.');
  await create(deps, built.value);
  return built.value;
}

/**
 * Change the words (and an answer's status) of the person's own reply, as the extension does
 * (utils/model editReply: who it shows as and what it answers stay). Only its author may, and
 * the store checks that; `If-Match: *` because nobody else can have changed it meanwhile.
 */
export async function changeReply(deps: WriteDeps, reply: LeaReply, draft: Pick<ReplyDraft, 'text' | 'answer'>): Promise<LeaReply> {
  const now = (deps.now ?? (() => new Date()))();
  const edited = editReply(reply, draft, now, deps.say);
  if (!edited.ok) throw new Error(edited.problems[0] ?? 'This reply could not be changed.');
  await deps.api.send('PUT', `${groupPath(deps.session.group.id)}/annotations/${uuidOf(reply.id)}`, edited.value, { headers: { 'If-Match': '*' } });
  return edited.value;
}

/** Delete one of the person's own replies (the store refuses anyone else's). */
export async function deleteReply(deps: WriteDeps, replyId: string): Promise<void> {
  await deps.api.send('DELETE', `${groupPath(deps.session.group.id)}/annotations/${uuidOf(replyId)}`);
}

/** Put back a reply the person has just deleted ("Undo"): the store lets its author bring it back. */
export async function restoreReply(deps: WriteDeps, reply: LeaReply): Promise<void> {
  await create(deps, reply);
}

/** Say "This is my experience too" on a comment (members and facilitators). */
export async function sendSupport(deps: WriteDeps, targetId: string, named: boolean): Promise<LeaSupport> {
  const { id, now } = newId(deps);
  const built = buildSupport({ id, now, targetId, named, authorName: deps.session.displayName ?? '', ...(deps.say ? { say: deps.say } : {}) });
  if (!built.ok) throw new Error(built.problems[0] ?? 'This could not be sent.');
  await create(deps, built.value);
  return built.value;
}

/** Take back one's own support (delete it). */
export async function takeBackSupport(deps: WriteDeps, supportId: string): Promise<void> {
  await deps.api.send('DELETE', `${groupPath(deps.session.group.id)}/annotations/${uuidOf(supportId)}`);
}

/**
 * Report a comment or reply to the group's facilitators with a reason (members and
 * facilitators; PROTOCOL.md "Reports"). Reporting the same item again keeps one report.
 */
export async function sendReport(deps: WriteDeps, id: string, reason: string): Promise<void> {
  await deps.api.send('POST', `${groupPath(deps.session.group.id)}/annotations/${uuidOf(id)}/reports`, { reason });
}
