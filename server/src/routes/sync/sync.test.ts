import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from '../../../test/support/annotations';
import { readSse } from '../../../test/support/sse';
import { BACKENDS } from '../../../test/support/test-db';
import { openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';

describe.each(BACKENDS)('change feed and stream on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
  });

  async function push(n: number, token = g.member.token) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const a = makeComment({ text: `comment ${i}` });
      const r = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token, body: a, headers: { 'if-none-match': '*' } });
      expect(r.status).toBe(201);
      ids.push(a.id);
    }
    return ids;
  }

  it('pages the feed in order with next and hasMore, and an empty page at the end', async () => {
    const ids = await push(25);
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const r = await t.call('GET', `/api/groups/${g.group}/changes?limit=10${after ? `&after=${after}` : ''}`, { token: g.reader.token });
      expect(r.status).toBe(200);
      seen.push(...r.json.changes.map((c: { id: string }) => c.id));
      after = r.json.next;
      if (!r.json.hasMore) break;
    }
    expect(seen).toEqual(ids);
    const end = await t.call('GET', `/api/groups/${g.group}/changes?after=${after}`, { token: g.reader.token });
    expect(end.json).toEqual({ changes: [], next: after, hasMore: false });
  });

  it('moves an edited annotation to the end of the feed, with its new revision', async () => {
    const [first] = await push(3);
    const a = { ...makeComment({ uuid: first!.slice(9), text: 'comment 0' }) };
    const r = await t.call('PUT', `/api/groups/${g.group}/annotations/${first!.slice(9)}`, {
      token: g.member.token,
      body: { ...a, perspective: 'family' },
      headers: { 'if-match': '"1"' },
    });
    expect(r.status).toBe(200);
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(feed.json.changes.map((c: { id: string }) => c.id).at(-1)).toBe(first);
    expect(feed.json.changes.at(-1).revision).toBe('2');
    expect(feed.json.changes).toHaveLength(3);
  });

  it('orders the feed by transaction id as a number, not as text (9 < 10 < 100)', async () => {
    const ids: string[] = [];
    for (const [xid, seq] of [[100, 1], [9, 2], [10, 3], [10, 4]] as const) {
      const a = makeComment();
      ids.push(a.id);
      await t.testDb.db.query(
        `insert into annotations (group_id, id, author_id, revision, annotation, visibility, ever_shared, xid, seq, created_at, updated_at)
         values ($1, $2, $3, 1, $4::jsonb, 'group', true, $5::text::xid8, $6, now(), now())`,
        [g.group, uuidOf(a), g.member.memberId, JSON.stringify(a), String(xid), seq],
      );
    }
    const all = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(all.json.changes.map((c: { id: string }) => c.id)).toEqual([ids[1], ids[2], ids[3], ids[0]]);
    const firstTwo = await t.call('GET', `/api/groups/${g.group}/changes?limit=2`, { token: g.reader.token });
    const rest = await t.call('GET', `/api/groups/${g.group}/changes?after=${firstTwo.json.next}`, { token: g.reader.token });
    expect(rest.json.changes.map((c: { id: string }) => c.id)).toEqual([ids[3], ids[0]]);
  });

  it('rejects a cursor it did not give out and a bad limit with 400', async () => {
    const bad = await t.call('GET', `/api/groups/${g.group}/changes?after=hello!`, { token: g.reader.token });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid-body');
    const limit = await t.call('GET', `/api/groups/${g.group}/changes?limit=5000`, { token: g.reader.token });
    expect(limit.status).toBe(400);
  });

  it('"forget me" tombstones every comment of the member in everyone\'s feed and revokes them', async () => {
    const ids = await push(3);
    const before = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect((await t.call('DELETE', '/api/me', { token: g.member.token })).status).toBe(204);
    const after = await t.call('GET', `/api/groups/${g.group}/changes?after=${before.json.next}`, { token: g.reader.token });
    // One tombstone each, in random order (test/privacy.test.ts: nothing ties them together).
    expect(after.json.changes.map((c: { id: string; deleted: boolean; annotation: unknown }) => [c.id, c.deleted, c.annotation]).sort()).toEqual(
      ids.map((id) => [id, true, null]).sort(),
    );
    const again = await t.call('GET', '/api/me', { token: g.member.token });
    expect(again.status).toBe(401);
    // Forget me drops every token of the member (PROTOCOL "Auth"): it is no longer known at all.
    expect(again.json.error.code).toBe('unauthenticated');
    const members = await t.call('GET', `/api/groups/${g.group}/members`, { token: g.facilitator.token });
    expect(JSON.stringify(members.json)).not.toContain('Mo Member');
    const { rows } = await t.testDb.db.query('select annotation from annotations where annotation is not null');
    expect(rows).toEqual([]);
  });

  it('streams a change event with the cursor after a write, and resumes with Last-Event-ID', async () => {
    const open = async (lastEventId?: string) => {
      const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/stream`, {
        headers: { authorization: `Bearer ${g.reader.token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      return readSse(res);
    };
    const stream = await open();
    // Give the stream time to subscribe before the write.
    await new Promise((r) => setTimeout(r, 100));
    const [id] = await push(1);
    const event = await stream.next();
    expect(event.event).toBe('change');
    const { cursor } = JSON.parse(event.data) as { cursor: string };
    expect(event.id).toBe(cursor);
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(feed.json.changes.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(feed.json.next).toBe(cursor);
    await stream.close();

    // While disconnected, two more changes: resuming sends the new head at once.
    await push(2);
    const resumed = await open(cursor);
    const head = await resumed.next();
    const after = await t.call('GET', `/api/groups/${g.group}/changes?after=${cursor}`, { token: g.reader.token });
    expect(after.json.changes).toHaveLength(2);
    expect(head.id).toBe(after.json.next);
    await resumed.close();

    // Up to date: nothing is sent on connect.
    const quiet = await open(after.json.next);
    await expect(quiet.next(300)).rejects.toThrow(/no SSE event/);
    await quiet.close();
  });

  it('catches up at the next ping when a NOTIFY was lost, and ends a revoked member\'s stream', async () => {
    const fast = await openTestStore(kind, { pingMs: 300 });
    try {
      const fg = await fast.createGroup();
      const res = await fast.store.app.request(`http://store.test/api/groups/${fg.group}/stream`, { headers: { authorization: `Bearer ${fg.reader.token}` } });
      const stream = readSse(res);
      // A change committed without any NOTIFY (as if its process died right after commit).
      const a = makeComment();
      await fast.testDb.db.query(
        `insert into annotations (group_id, id, author_id, revision, annotation, visibility, ever_shared, xid, seq, created_at, updated_at)
         values ($1, $2, $3, 1, $4::jsonb, 'group', true, pg_current_xact_id(), nextval('change_seq'), now(), now())`,
        [fg.group, uuidOf(a), fg.member.memberId, JSON.stringify(a)],
      );
      const event = await stream.next(3000);
      const feed = await fast.call('GET', `/api/groups/${fg.group}/changes`, { token: fg.reader.token });
      expect(event.id).toBe(feed.json.next);
      await fast.call('DELETE', `/api/groups/${fg.group}/members/${fg.reader.memberId}`, { token: fg.facilitator.token });
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), 3000));
      await Promise.race([stream.ended, timeout]);
      await stream.close();
    } finally {
      await fast.close();
    }
  });

  it('does not tell other members\' streams about a private comment', async () => {
    const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/stream`, { headers: { authorization: `Bearer ${g.reader.token}` } });
    const stream = readSse(res);
    await new Promise((r) => setTimeout(r, 100));
    const a = makeComment({ visibility: 'private' });
    await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    await expect(stream.next(500)).rejects.toThrow(/no SSE event/);
    await push(1);
    expect((await stream.next()).event).toBe('change');
    await stream.close();
  });
});
