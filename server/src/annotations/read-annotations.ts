import { can, type Member } from '../auth/roles';
import { cursorCodecFor, cursorFromRow, type Cursor, type CursorCodec } from '../changes/cursor';
import type { Db } from '../db/db';
import { ApiError, msg } from '../errors';
import { redactAnnotation } from './check-annotation';
import { belowHorizon, feedQuery, ROW_COLUMNS, rowCursorText, urnFor, type AnnotationRow } from './rows';

/** One entry of the change feed (PROTOCOL.md "Sync API"). */
export interface FeedChange {
  cursor: string;
  id: string;
  revision: string;
  deleted: boolean;
  hidden: { reason: string } | null;
  annotation: Record<string, unknown> | null;
  /** Present (true) when the caller wrote it. */
  mine?: true;
  /** For a hidden reply (or answer): the urn of what it replies to, so threads can place it. */
  target?: string;
}

/** A page of the change feed. */
export interface FeedPage {
  changes: FeedChange[];
  next: string;
  hasMore: boolean;
}

/**
 * The feed entry a row becomes for `member`: tombstone, hidden, or the redacted annotation;
 * `mine` on the caller's own rows, and `target` on a hidden reply.
 */
export function toFeedChange(codec: CursorCodec, row: AnnotationRow, member: Member): FeedChange {
  const goneForMe = row.deleted || (row.visibility === 'private' && row.author_id !== member.id);
  const hidden = !goneForMe && row.hidden_reason !== null ? { reason: row.hidden_reason } : null;
  const annotation = goneForMe || !row.annotation || (hidden && !can.seeHidden(member)) ? null : redactAnnotation(row.annotation);
  // Others see the revision they last saw while the newest changes are the author's alone.
  const revision = row.author_id !== member.id && row.shared_revision !== null ? row.shared_revision : row.revision;
  const hiddenReply = hidden !== null && (row.kind === 'reply' || row.kind === 'answer') && row.target_id !== null;
  return {
    cursor: rowCursorText(codec, row),
    id: urnFor(row.id),
    revision: String(revision),
    deleted: goneForMe,
    hidden,
    annotation,
    ...(row.author_id === member.id ? { mine: true as const } : {}),
    ...(hiddenReply ? { target: urnFor(row.target_id!) } : {}),
  };
}

/** How long a feed read waits for changes held back behind an older running transaction. */
export const FEED_WAIT_MS = 1000;

async function queryPage(db: Db, member: Member, after: Cursor, limit: number): Promise<FeedPage> {
  const { rows } = await db.query<AnnotationRow>(
    feedQuery('$4', (x, s) => `(${x}, ${s}) > ($2::text::xid8, $3::bigint) and ${belowHorizon(x)}`, 'asc', '$5'),
    [member.groupId, after.xid.toString(), after.seq.toString(), member.id, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const codec = await cursorCodecFor(db);
  return {
    changes: page.map((r) => toFeedChange(codec, r, member)),
    next: last ? rowCursorText(codec, last) : codec.encode(member.groupId, after),
    hasMore: rows.length > limit,
  };
}

/**
 * Changes after `after`, in cursor order, at most `limit`. Only changes committed below the
 * visibility horizon are served, so a later page can never gain an entry before `next`.
 * When committed changes wait above the horizon (a transaction that started earlier, anywhere
 * on the database server, has not finished), the read waits for them up to FEED_WAIT_MS, so
 * a client that pulls right after a write normally sees it.
 */
export async function readFeed(db: Db, member: Member, after: Cursor, limit: number, waitMs = FEED_WAIT_MS): Promise<FeedPage> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const page = await queryPage(db, member, after, limit);
    if (page.hasMore || page.changes.length === limit || Date.now() >= deadline) return page;
    const { rows: held } = await db.query(
      feedQuery('$4', (x, s) => `(${x}, ${s}) > ($2::text::xid8, $3::bigint) and not ${belowHorizon(x)}`, 'asc', '1', '1'),
      [member.groupId, after.xid.toString(), after.seq.toString(), member.id],
    );
    if (held.length === 0) return page;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The newest feed position `member` may see, or null for an empty feed (stream start and
 * pings). Like readFeed, it waits up to `waitMs` for changes held above the horizon.
 */
export async function feedHead(db: Db, member: Member, waitMs = FEED_WAIT_MS): Promise<Cursor | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { rows } = await db.query<{ xid: string; seq: string; held: boolean }>(
      feedQuery('$2', () => 'true', 'desc', '1', `pxid::text as xid, pseq::text as seq, not ${belowHorizon('pxid')} as held`),
      [member.groupId, member.id],
    );
    const top = rows[0];
    if (!top) return null;
    if (!top.held) return cursorFromRow(top);
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const { rows } = await db.query<{ xid: string; seq: string }>(
    feedQuery('$2', (x) => belowHorizon(x), 'desc', '1', 'pxid::text as xid, pseq::text as seq'),
    [member.groupId, member.id],
  );
  return rows[0] ? cursorFromRow(rows[0]) : null;
}

/**
 * One live annotation as `member` may see it, or a 404 that says why (never the content of
 * someone else's private or a hidden comment).
 */
export async function getAnnotation(db: Db, member: Member, uuid: string): Promise<{ annotation: Record<string, unknown>; revision: string; row: AnnotationRow }> {
  const { rows } = await db.query<AnnotationRow>(`select ${ROW_COLUMNS} from annotations where group_id = $1 and id = $2`, [member.groupId, uuid]);
  const row = rows[0];
  if (!row || !row.annotation || row.deleted || (row.visibility === 'private' && row.author_id !== member.id)) {
    throw new ApiError(404, 'not-found', 'server.noSuchComment');
  }
  if (row.hidden_reason !== null && !can.seeHidden(member)) {
    throw new ApiError(404, 'not-found', msg('server.hiddenByFacilitator', { reason: row.hidden_reason }));
  }
  return { annotation: redactAnnotation(row.annotation), revision: String(row.revision), row };
}

/** SQL condition for the W3C container: live annotations `member` may read. `$1` group, `$2` member. */
function containerWhere(member: Member): string {
  return `group_id = $1 and not deleted and (visibility = 'group' or author_id = $2)${can.seeHidden(member) ? '' : ' and hidden_reason is null'}`;
}

/**
 * Size, last change and ETag tag of the W3C container as `member` sees it, all computed
 * from the rows they may read only: another member's "only me" comment or another group's
 * writes change none of it. The tag is keyed (CursorCodec.tag), so it shows no sequence number.
 */
export async function containerSummary(db: Db, member: Member): Promise<{ total: number; modified: string | null; tag: string }> {
  const { rows } = await db.query<{ total: number; modified: Date | string | null; top: string | null }>(
    `select count(*)::int as total, max(updated_at) as modified, max(coalesce(own_seq, seq))::text as top
     from annotations where ${containerWhere(member)}`,
    [member.groupId, member.id],
  );
  const row = rows[0]!;
  const modified = row.modified === null ? null : new Date(row.modified).toISOString();
  const codec = await cursorCodecFor(db);
  return { total: Number(row.total), modified, tag: codec.tag(member.groupId, ['container', String(row.total), row.top ?? '0']) };
}

/** A page of the W3C container in creation order. */
export async function listContainer(db: Db, member: Member, offset: number, limit: number): Promise<AnnotationRow[]> {
  const { rows } = await db.query<AnnotationRow>(
    `select ${ROW_COLUMNS} from annotations where ${containerWhere(member)} order by annotations.row_id limit $3 offset $4`,
    [member.groupId, member.id, limit, offset],
  );
  return rows;
}
