import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { feedHead, readFeed } from '../../annotations/read-annotations';
import { compareCursors, cursorCodecFor, START, type Cursor } from '../../changes/cursor';
import type { AppEnv } from '../../context';
import { ApiError, msg } from '../../errors';

/** Largest page of the change feed (PROTOCOL: limit ≤ 1000). */
export const MAX_FEED_LIMIT = 1000;
const DEFAULT_FEED_LIMIT = 500;

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_FEED_LIMIT;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > MAX_FEED_LIMIT) {
    throw new ApiError(400, 'invalid-body', msg('server.limitRange', { max: MAX_FEED_LIMIT }));
  }
  return Number(text);
}

/** `GET /api/groups/{group}/changes?after=&limit=`: one page of the change feed. */
export async function getChanges(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const after = c.req.query('after');
  const cursor = after ? (await cursorCodecFor(db)).decode(member.groupId, after, 'after') : START;
  const limit = parseLimit(c.req.query('limit'));
  return c.json(await readFeed(db, member, cursor, limit));
}

/** How often a stream sends a `: ping` comment (keeps proxies open, re-checks the head). */
export const PING_MS = 15_000;

/**
 * `GET /api/groups/{group}/stream` (Server-Sent Events): an event with the newest (opaque) cursor
 * whenever the group's feed advances. On connect (or resume with Last-Event-ID) the current
 * head is sent at once if it is newer than what the client has.
 */
export async function getStream(c: Context<AppEnv>) {
  const { db, hub, pingMs } = c.get('deps');
  const member = c.get('member');
  const codec = await cursorCodecFor(db);
  const lastEventId = c.req.header('last-event-id');
  const resumeFrom: Cursor | null = lastEventId ? codec.decode(member.groupId, lastEventId, 'lastEventId') : null;
  c.header('Cache-Control', 'no-cache, no-transform');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let sent: Cursor | null = resumeFrom;
    let writing = Promise.resolve();
    const send = (cursor: Cursor) => {
      if (sent && compareCursors(cursor, sent) <= 0) return;
      sent = cursor;
      const id = codec.encode(member.groupId, cursor);
      writing = writing.then(() => stream.writeSSE({ id, event: 'change', data: JSON.stringify({ cursor: id }) })).catch(() => undefined);
    };
    let closed = false;
    let wake: () => void = () => undefined;
    const close = () => {
      closed = true;
      wake();
    };
    // Subscribe before reading the head, so a change committed in between is not lost.
    const unsubscribe = hub.subscribe({ group: member.groupId, memberId: member.id, send, close });
    stream.onAbort(() => {
      unsubscribe();
      close();
    });
    const head = await feedHead(db, member);
    if (head) send(head);
    else await stream.write(': connected\n\n');
    while (!closed) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pingMs).unref();
      });
      if (closed) break;
      // A revoked member's open stream ends at the next ping.
      const { rows: current } = await db.query('select 1 from members where id = $1 and revoked_at is null', [member.id]).catch(() => ({ rows: [1] }));
      if (current.length === 0) break;
      await stream.write(': ping\n\n');
      // A missed NOTIFY (a process died between commit and NOTIFY, or the LISTEN connection
      // dropped) costs at most one ping interval: compare with the feed head each time.
      const latest = await feedHead(db, member).catch(() => null);
      if (latest) send(latest);
    }
    unsubscribe();
    await writing;
  });
}
