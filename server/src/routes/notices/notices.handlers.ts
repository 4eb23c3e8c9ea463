import type { Context } from 'hono';
import { encodeNoticesChanged } from '../../changes/hub';
import type { AppEnv } from '../../context';
import type { Db } from '../../db/db';
import { ApiError, msg } from '../../errors';
import { readBody } from '../../validate';
import { FollowSchema, MAX_FOLLOWS, ReadSchema } from './notices.schemas';

async function followsOf(db: Db, memberId: string): Promise<string[]> {
  const { rows } = await db.query<{ document: string }>('select document from follows where member_id = $1 order by document', [memberId]);
  return rows.map((r) => r.document);
}

/** Tell the member's open streams, in every store process, that their notice state changed. */
async function announce(c: Context<AppEnv>): Promise<void> {
  const { db, channel } = c.get('deps');
  await db.query('select pg_notify($1, $2)', [channel, encodeNoticesChanged(c.get('member').id)]);
}

/**
 * `GET /api/me/notices`: the notice ids this member has read and the documents they follow.
 * The notices themselves are derived by each client from the feed (notes/contract.md), so
 * this is all a second browser needs to agree with the first.
 */
export async function getNotices(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const { rows } = await db.query<{ notice_id: string }>('select notice_id from notice_reads where member_id = $1 order by notice_id', [member.id]);
  return c.json({ read: rows.map((r) => r.notice_id), follows: await followsOf(db, member.id) });
}

/**
 * `POST /api/me/notices/read {"ids"}`: mark notices read. Marking one again changes nothing
 * (204 either way); when something new was marked, the member's streams get `event: notices`.
 */
export async function markRead(c: Context<AppEnv>) {
  const { ids } = await readBody(c, ReadSchema);
  if (ids.length === 0) return c.body(null, 204);
  const { rows } = await c.get('deps').db.query(
    `insert into notice_reads (member_id, notice_id)
     select $1, id from (select distinct value as id from json_array_elements_text($2::json)) as given
     on conflict do nothing returning 1`,
    [c.get('member').id, JSON.stringify(ids)],
  );
  if (rows.length > 0) await announce(c);
  return c.body(null, 204);
}

/**
 * `PUT /api/me/follows {"document", "following"}`: follow a document (new comments on it
 * become notices) or stop. Answers the whole list; a change tells the member's streams.
 */
export async function putFollow(c: Context<AppEnv>) {
  const { document, following } = await readBody(c, FollowSchema);
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  let changed: number;
  if (following) {
    const { rows } = await db.query<{ inserted: boolean; had: boolean; full: boolean }>(
      `with counted as (select count(*) as n from follows where member_id = $1),
         ins as (insert into follows (member_id, document, created_at) select $1, $2, $3 from counted where n < $4
           on conflict do nothing returning 1)
       select (select count(*) from ins) > 0 as inserted,
         -- The statement's snapshot: whether it was followed before this insert.
         exists (select 1 from follows where member_id = $1 and document = $2) as had, (select n from counted) >= $4 as full`,
      [member.id, document, clock().toISOString(), MAX_FOLLOWS],
    );
    const r = rows[0]!;
    if (!r.inserted && !r.had && r.full) {
      throw new ApiError(400, 'invalid-body', msg('server.maxFollows', { max: MAX_FOLLOWS }));
    }
    changed = r.inserted ? 1 : 0;
  } else {
    const { rows } = await db.query('delete from follows where member_id = $1 and document = $2 returning 1', [member.id, document]);
    changed = rows.length;
  }
  if (changed > 0) await announce(c);
  return c.json({ follows: await followsOf(db, member.id) });
}
