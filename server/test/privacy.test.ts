import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from './support/annotations';
import { readSse } from './support/sse';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';

/** The old wire form `<xid>-<seq>` in base 36, which showed transactions and the server-wide count. */
const PLAIN_CURSOR = /^[0-9a-z]{1,14}-[0-9a-z]{1,14}$/;

/** Length of the longest common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

describe.each(BACKENDS)('privacy of the feed and the container on %s', (kind) => {
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

  async function push(token: string, group: string, options: Parameters<typeof makeComment>[0] = {}) {
    const a = makeComment(options);
    const r = await t.call('PUT', `/api/groups/${group}/annotations/${uuidOf(a)}`, { token, body: a, headers: { 'if-none-match': '*' } });
    expect(r.status).toBe(201);
    return { annotation: a, cursor: r.json.cursor as string };
  }

  async function pullAll(token: string, group: string, after = '') {
    const r = await t.call('GET', `/api/groups/${group}/changes?limit=1000${after ? `&after=${after}` : ''}`, { token });
    expect(r.status).toBe(200);
    return r.json as { changes: Array<{ cursor: string; id: string; deleted: boolean }>; next: string; hasMore: boolean };
  }

  async function firstStreamEvent(token: string, group: string): Promise<string | undefined> {
    const res = await t.store.app.request(`http://store.test/api/groups/${group}/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const stream = readSse(res);
    const event = await stream.next(3000);
    await stream.close();
    return event.id;
  }

  it('forget me: the tombstones share no cursor structure, come in no telling order and keep no author', async () => {
    const alex = await t.join(g.invites.member, 'Alex Example');
    const written: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { annotation } = await push(alex.token, g.group, { text: `story ${i}`, attribution: i % 2 === 0 ? 'named' : 'anonymous', creator: 'Alex Example' });
      written.push(annotation.id);
      // Someone else writes in between, as in a real group.
      if (i % 4 === 0) await push(g.member.token, g.group, { text: `other ${i}` });
    }
    const before = await pullAll(g.reader.token, g.group);
    const forget = await t.call('DELETE', '/api/me', { token: alex.token });
    expect(forget.status).toBe(204);
    const after = await pullAll(g.reader.token, g.group, before.next);
    const tombstones = after.changes.filter((c) => c.deleted);
    expect(tombstones.map((c) => c.id).sort()).toEqual([...written].sort());

    // Nothing in the cursors ties the tombstones together: no shared prefix, no counter.
    const cursors = tombstones.map((c) => c.cursor);
    for (const c of cursors) expect(c).not.toMatch(PLAIN_CURSOR);
    for (let i = 0; i < cursors.length; i++) {
      for (let j = i + 1; j < cursors.length; j++) expect(commonPrefix(cursors[i]!, cursors[j]!)).toBeLessThan(4);
    }
    // They arrive in neither the order the comments were written nor its reverse.
    const order = tombstones.map((c) => c.id);
    expect(order).not.toEqual(written);
    expect(order).not.toEqual([...written].reverse());

    // Each tombstone was its own transaction, and none of them names the member any more.
    const { rows } = await t.testDb.db.query<{ xids: number; linked: number }>(
      `select count(distinct xid)::int as xids, count(author_id)::int as linked from annotations where id = any($1::text[])`,
      [written.map((id) => id.replace(/^urn:uuid:/, ''))],
    );
    expect(rows[0]).toEqual({ xids: 12, linked: 0 });
    const { rows: byAuthor } = await t.testDb.db.query('select 1 from annotations where author_id = $1', [alex.memberId]);
    expect(byAuthor).toEqual([]);
  });

  it('forget me, leaving anonymous ones: nothing reaches the feed for them and nothing links them to the member', async () => {
    const alex = await t.join(g.invites.member, 'Alex Example');
    const named: string[] = [];
    const anonymous: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { annotation } = await push(alex.token, g.group, { text: `story ${i}`, attribution: i % 2 === 0 ? 'named' : 'anonymous', creator: 'Alex Example' });
      (i % 2 === 0 ? named : anonymous).push(annotation.id);
    }
    const { annotation: privateOne } = await push(alex.token, g.group, { text: 'only me', visibility: 'private' });
    const before = await pullAll(g.reader.token, g.group);
    // A choice the store does not know forgets nothing, and says what to send.
    const bad = await t.call('DELETE', '/api/me?anonymous=later', { token: alex.token });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/anonymous=keep/);
    expect((await t.call('GET', '/api/me', { token: alex.token })).status).toBe(200);

    const forget = await t.call('DELETE', '/api/me?anonymous=keep', { token: alex.token });
    expect(forget.status).toBe(204);
    const after = await pullAll(g.reader.token, g.group, before.next);
    // Only the named ones go; the anonymous ones do not appear in the feed at all.
    expect(after.changes.map((c) => c.id).sort()).toEqual([...named].sort());
    expect(after.changes.every((c) => c.deleted)).toBe(true);
    // The group still has them, as before, and the store no longer knows whose they were.
    const everything = await pullAll(g.reader.token, g.group);
    const live = everything.changes.filter((c) => !c.deleted).map((c) => c.id);
    for (const id of anonymous) expect(live).toContain(id);
    expect(live).not.toContain(privateOne.id);
    const { rows } = await t.testDb.db.query('select 1 from annotations where author_id = $1', [alex.memberId]);
    expect(rows).toEqual([]);
  });

  it('refuses a cursor from another group, or one altered by hand, with a plain 400', async () => {
    const other = await t.createGroup('Other');
    await push(other.member.token, other.group);
    await push(g.member.token, g.group);
    const theirs = (await pullAll(other.reader.token, other.group)).next;
    const mine = (await pullAll(g.reader.token, g.group)).next;
    const foreign = await t.call('GET', `/api/groups/${g.group}/changes?after=${theirs}`, { token: g.reader.token });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.code).toBe('invalid-body');
    expect(foreign.json.error.message).toMatch(/not one this store gave out/);
    const flipped = mine.slice(0, -1) + (mine.endsWith('A') ? 'B' : 'A');
    const altered = await t.call('GET', `/api/groups/${g.group}/changes?after=${flipped}`, { token: g.reader.token });
    expect(altered.status).toBe(400);
    const legacy = await t.call('GET', `/api/groups/${g.group}/changes?after=1a-2b`, { token: g.reader.token });
    expect(legacy.status).toBe(400);
    const stream = await t.store.app.request(`http://store.test/api/groups/${g.group}/stream`, {
      headers: { authorization: `Bearer ${g.reader.token}`, 'last-event-id': theirs },
    });
    expect(stream.status).toBe(400);
  });

  it("a member's container ETag does not move when someone else writes, edits or deletes an only-me comment", async () => {
    const alex = await t.join(g.invites.member, 'Alex Example');
    await push(g.member.token, g.group, { text: 'shared with the group' });
    const etagOf = async () => {
      const r = await t.call('GET', `/annotations/${g.group}/`, { token: g.member.token });
      expect(r.status).toBe(200);
      return { etag: r.headers.get('etag')!, body: r.json };
    };
    const first = await etagOf();

    const { annotation } = await push(alex.token, g.group, { visibility: 'private', text: 'only for me' });
    expect((await etagOf()).etag).toBe(first.etag);
    const edit = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(annotation)}`, {
      token: alex.token,
      body: { ...annotation, perspective: 'family' },
      headers: { 'if-match': '"1"' },
    });
    expect(edit.status).toBe(200);
    expect((await etagOf()).etag).toBe(first.etag);
    const del = await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuidOf(annotation)}`, { token: alex.token });
    expect(del.status).toBe(204);
    const last = await etagOf();
    expect(last.etag).toBe(first.etag);
    expect(last.body).toEqual(first.body);
    const cached = await t.call('GET', `/annotations/${g.group}/`, { token: g.member.token, headers: { 'if-none-match': first.etag } });
    expect(cached.status).toBe(304);
  });

  it('a comment shared and then made only-me: others see one tombstone, and nothing of its later edits or deletion', async () => {
    const alex = await t.join(g.invites.member, 'Alex Example');
    const { annotation } = await push(alex.token, g.group, { text: 'shared at first' });
    const path = `/api/groups/${g.group}/annotations/${uuidOf(annotation)}`;
    const edit = async (revision: string, changes: Record<string, unknown>) => {
      const r = await t.call('PUT', path, { token: alex.token, body: { ...annotation, ...changes }, headers: { 'if-match': `"${revision}"` } });
      expect(r.status).toBe(200);
    };
    await edit('1', { visibility: 'private' });
    const seen = await pullAll(g.reader.token, g.group);
    expect(seen.changes.map((c) => [c.id, c.deleted])).toEqual([[annotation.id, true]]);
    const tombstone = seen.changes[0]!;
    const mineBefore = await pullAll(alex.token, g.group);

    await edit('2', { visibility: 'private', perspective: 'family' });
    await edit('3', { visibility: 'private', perspective: 'works-in-care' });
    // Alex's own feed (their other computers) has the edit; the reader's has nothing new.
    const mine = await pullAll(alex.token, g.group, mineBefore.next);
    expect(mine.changes.map((c) => c.id)).toEqual([annotation.id]);
    expect((await pullAll(g.reader.token, g.group, seen.next)).changes).toEqual([]);
    expect((await pullAll(g.reader.token, g.group)).changes).toEqual([tombstone]);
    expect(await firstStreamEvent(g.reader.token, g.group)).toBe(seen.next);

    expect((await t.call('DELETE', path, { token: alex.token })).status).toBe(204);
    expect((await pullAll(g.reader.token, g.group, seen.next)).changes).toEqual([]);
    expect((await pullAll(g.reader.token, g.group)).changes).toEqual([tombstone]);
    const mineAfter = await pullAll(alex.token, g.group, mine.next);
    expect(mineAfter.changes.map((c) => [c.id, c.deleted])).toEqual([[annotation.id, true]]);

    // Shared again: everyone sees it once more.
    const undo = await t.call('PUT', path, { token: alex.token, body: { ...annotation, visibility: 'group' }, headers: { 'if-none-match': '*' } });
    expect(undo.status).toBe(201);
    const back = await pullAll(g.reader.token, g.group, seen.next);
    expect(back.changes.map((c) => [c.id, c.deleted])).toEqual([[annotation.id, false]]);
  });

  it("a reader in one group sees the same cursors and ETags however much another group writes", async () => {
    const busy = await t.createGroup('Busy');
    await push(g.member.token, g.group, { text: 'ours 1' });
    await push(g.member.token, g.group, { text: 'ours 2' });
    const snapshot = async () => {
      const feed = await pullAll(g.reader.token, g.group);
      const end = await pullAll(g.reader.token, g.group, feed.next);
      const container = await t.call('GET', `/annotations/${g.group}/`, { token: g.reader.token });
      return {
        cursors: feed.changes.map((c) => c.cursor),
        next: feed.next,
        emptyNext: end.next,
        etag: container.headers.get('etag'),
        total: container.json.total,
        modified: container.json.modified,
        head: await firstStreamEvent(g.reader.token, g.group),
      };
    };
    const before = await snapshot();
    expect(before.head).toBe(before.next);

    // The group's own next write, before and after 50 writes elsewhere: its cursor must not
    // count them (the old cursors' sequence numbers jumped by exactly 50).
    const ownBefore = await push(g.member.token, g.group, { text: 'ours 3' });
    for (let i = 0; i < 50; i++) await push(busy.member.token, busy.group, { text: `theirs ${i}`, visibility: i % 2 === 0 ? 'private' : 'group' });
    const afterBusy = await snapshot();
    const ownAfter = await push(g.member.token, g.group, { text: 'ours 4' });

    expect(afterBusy.cursors.slice(0, 2)).toEqual(before.cursors);
    expect(afterBusy.total).toBe(before.total + 1);
    for (const c of [ownBefore.cursor, ownAfter.cursor, ...afterBusy.cursors]) expect(c).not.toMatch(PLAIN_CURSOR);
    expect(commonPrefix(ownBefore.cursor, ownAfter.cursor)).toBeLessThan(4);

    // Reads only: nothing the reader sees changes while the other group writes 50 more.
    const quiet = await snapshot();
    for (let i = 0; i < 50; i++) await push(busy.member.token, busy.group, { text: `more ${i}` });
    expect(await snapshot()).toEqual(quiet);
  });
});
