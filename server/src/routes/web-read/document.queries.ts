import type { CommentPage, DocumentPage } from '../../../../utils/webapp/read-types';
import { urnFor } from '../../annotations/rows';
import { can, type Member } from '../../auth/roles';
import type { Db } from '../../db/db';
import { ApiError } from '../../errors';
import { onDocumentOf, READ_COLUMNS, readThreadRows, threadRoots, toThreadData, visibleTo, type ReadRow } from './read-items';

/** SQL: a comment's place in its document, for document order (PDF page, then start offset). */
const DOCUMENT_ORDER = `
  case when jsonb_typeof(a.annotation #> '{target,selector,1,page}') = 'number' then (a.annotation #>> '{target,selector,1,page}')::numeric end nulls first,
  case when jsonb_typeof(a.annotation #> '{target,selector,1,start}') = 'number' then (a.annotation #>> '{target,selector,1,start}')::numeric end nulls last,
  a.created_at, a.id`;

/** The newest title recorded by a comment the caller may read. */
function titleOf(rows: readonly ReadRow[], member: Member): string | null {
  let best: { at: number; title: string } | null = null;
  for (const row of rows) {
    if (row.hidden_reason !== null && !can.seeHidden(member)) continue;
    const title = row.annotation?.documentTitle;
    const at = new Date(row.created_at).getTime();
    if (typeof title === 'string' && title.trim() !== '' && (!best || at >= best.at)) best = { at, title };
  }
  return best?.title ?? null;
}

/**
 * One document as the caller may read it: its comments (written on `source`, or a PDF read
 * there) in document order, their threads, and threads on it whose comment was removed
 * (replies naming it in `onDocument`).
 */
export async function readDocumentPage(db: Db, member: Member, source: string): Promise<DocumentPage> {
  const [{ rows: comments }, { rows: orphans }] = await Promise.all([
    db.query<ReadRow>(
      `select ${READ_COLUMNS} from annotations a
       where ${visibleTo('a', 'placeholder')} and a.kind in ('comment', 'other')
         and (a.annotation -> 'target' ->> 'source' = $3 or a.annotation -> 'target' ->> 'scope' = $3)
       order by ${DOCUMENT_ORDER}`,
      [member.groupId, member.id, source],
    ),
    db.query<ReadRow>(
      `select ${READ_COLUMNS} from annotations a
       where ${visibleTo('a', 'placeholder')} and a.kind in ('reply', 'answer') and a.annotation ->> 'onDocument' = $3
       order by a.created_at, a.id`,
      [member.groupId, member.id, source],
    ),
  ]);
  const below = await readThreadRows(db, member, [...comments.map((r) => r.id), ...orphans.map((r) => r.id)]);
  const thread = [...orphans, ...below].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1));
  return { source, title: titleOf(comments, member), ...toThreadData(comments, thread, member) };
}

const NOT_FOUND = 'server.noSuchCommentOrGroup';

/**
 * The thread of a comment, or of the reply `uuid` names, for its permanent link. Missing,
 * deleted, someone else's "only me", a support, or another group's → 404 `not-found` (one
 * answer for all, so ids cannot be probed). A hidden comment is a placeholder with its replies.
 */
export async function readCommentPage(db: Db, member: Member, uuid: string): Promise<CommentPage> {
  const { rows } = await db.query<ReadRow>(
    `select ${READ_COLUMNS} from annotations a where ${visibleTo('a', 'placeholder')} and a.id = $3 and a.kind in ('comment', 'other', 'reply', 'answer')`,
    [member.groupId, member.id, uuid],
  );
  const asked = rows[0];
  if (!asked) throw new ApiError(404, 'not-found', NOT_FOUND);
  let comment: ReadRow | null = asked;
  let rootId = asked.id;
  if (asked.kind === 'reply' || asked.kind === 'answer') {
    const root = (await threadRoots(db, member, [asked.id])).get(asked.id);
    rootId = root?.id ?? asked.target_id ?? asked.id;
    comment = null;
    if (root?.known) {
      const { rows: found } = await db.query<ReadRow>(`select ${READ_COLUMNS} from annotations a where ${visibleTo('a', 'placeholder')} and a.id = $3`, [
        member.groupId,
        member.id,
        rootId,
      ]);
      comment = found[0] ?? null;
    }
  }
  const thread = await readThreadRows(db, member, [rootId]);
  const data = toThreadData(comment ? [comment] : [], thread, member);
  const readable = comment !== null && (comment.hidden_reason === null || can.seeHidden(member));
  const commentSource = readable ? comment!.annotation?.target : undefined;
  const fromComment = commentSource && typeof commentSource === 'object' && typeof (commentSource as { source?: unknown }).source === 'string' ? ((commentSource as { source: string }).source) : null;
  const fromReplies = thread.map((r) => (r.hidden_reason === null || can.seeHidden(member) ? onDocumentOf(r.annotation) : null)).find((s) => s !== null) ?? null;
  return {
    source: fromComment ?? fromReplies,
    title: comment ? titleOf([comment], member) : null,
    comment: comment ? urnFor(comment.id) : null,
    focus: urnFor(asked.id),
    ...data,
  };
}
