import { randomUUID } from 'node:crypto';
import { buildReply, buildSupport, type AnswerStatus, type LeaReply, type LeaSupport } from '../../../utils/model/conversation';
import type { Call, TestStore } from './test-store';

/** Options for a test reply (built by utils/model's buildReply, so it is what the extension sends). */
export interface ReplyOptions {
  uuid?: string;
  text?: string;
  answer?: AnswerStatus | null;
  attribution?: 'named' | 'anonymous';
  authorName?: string;
  byCommentAuthor?: boolean;
  onDocument?: string;
}

/** A reply (or, with `answer`, an answer) to `parentId` (`urn:uuid:…`). */
export function makeReply(parentId: string, o: ReplyOptions = {}): LeaReply {
  const built = buildReply({
    id: `urn:uuid:${o.uuid ?? randomUUID()}`,
    now: new Date('2026-11-24T10:00:00.000Z'),
    parentId,
    draft: { text: o.text ?? 'That happened to my dad too.', answer: o.answer ?? null, attribution: o.attribution ?? 'named' },
    authorName: o.authorName ?? 'Mo Member',
    ...(o.byCommentAuthor ? { byCommentAuthor: true } : {}),
    ...(o.onDocument ? { onDocument: o.onDocument } : {}),
  });
  if (!built.ok) throw new Error(built.problems.join('; '));
  return built.value;
}

/** A "this is my experience too" on `commentId`. */
export function makeSupport(commentId: string, o: { uuid?: string; named?: boolean; authorName?: string } = {}): LeaSupport {
  const built = buildSupport({ id: `urn:uuid:${o.uuid ?? randomUUID()}`, now: new Date('2026-11-24T10:00:00.000Z'), targetId: commentId, named: o.named ?? false, authorName: o.authorName ?? 'Mo Member' });
  if (!built.ok) throw new Error(built.problems.join('; '));
  return built.value;
}

/** PUT a new item (comment, reply or support) through the sync API as `token`. */
export function create(t: TestStore, group: string, item: { id: string; [key: string]: unknown }, token: string, extra: Omit<Call, 'token' | 'body'> = {}) {
  return t.call('PUT', `/api/groups/${group}/annotations/${item.id.replace(/^urn:uuid:/, '')}`, {
    ...extra,
    token,
    body: item,
    headers: { 'if-none-match': '*', ...extra.headers },
  });
}
