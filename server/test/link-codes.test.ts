import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from './support/annotations';
import { readSse } from './support/sse';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';

describe.each(BACKENDS)('linking another browser to the same member on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let now = new Date('2026-12-01T10:00:00.000Z');

  beforeAll(async () => {
    t = await openTestStore(kind, { clock: () => now, pingMs: 200, limits: { write: { max: 100_000, windowSeconds: 60 }, join: { max: 10_000, windowSeconds: 60 }, joinFailures: { max: 3, windowSeconds: 600 } } });
  });
  beforeEach(async () => {
    now = new Date('2026-12-01T10:00:00.000Z');
    await t.reset();
    g = await t.createGroup();
  });
  afterAll(async () => t.close());

  const linkCode = async (token: string) => {
    const r = await t.call('POST', '/api/me/link-codes', { token });
    expect(r.status).toBe(201);
    return r.json as { code: string; expiresAt: string };
  };
  const joinWith = (code: string, client = 'link') => t.call('POST', '/api/join', { body: { code }, headers: { 'x-test-client': client } });

  it('a link code gives a new token for the same member, group and role, once', async () => {
    const { code, expiresAt } = await linkCode(g.reader.token);
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(expiresAt).toBe('2026-12-01T10:15:00.000Z');
    const joined = await joinWith(code.toUpperCase().replace(/-/g, ' '));
    expect(joined.status).toBe(201);
    expect(joined.json).toEqual({ token: expect.any(String), group: g.group, role: 'reader', memberId: g.reader.memberId });
    expect(joined.json.token).not.toBe(g.reader.token);
    const me = await t.call('GET', '/api/me', { token: joined.json.token });
    expect(me.json).toMatchObject({ memberId: g.reader.memberId, displayName: 'Ria Reader', role: 'reader' });
    // The old token still works; the code does not work twice.
    expect((await t.call('GET', '/api/me', { token: g.reader.token })).status).toBe(200);
    const again = await joinWith(code);
    expect(again.status).toBe(403);
    expect(again.json.error.code).toBe('invite-invalid');
    // Only its hash is stored.
    const dump = JSON.stringify((await t.testDb.db.query('select * from link_codes, member_tokens')).rows);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(joined.json.token);
  });

  it('two browsers racing with one code: exactly one gets a token', async () => {
    const { code } = await linkCode(g.member.token);
    // Three, so the losers' wrong tries (3 allowed per bucket here) do not reach the limit.
    const answers = await Promise.all(Array.from({ length: 3 }, () => joinWith(code)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 403, 403]);
    expect(new Set(answers.filter((a) => a.status === 403).map((a) => a.json.error.message)).size).toBe(1);
  });

  it('a link code expires after 15 minutes', async () => {
    const { code } = await linkCode(g.member.token);
    now = new Date('2026-12-01T10:14:59.000Z');
    const { code: second } = await linkCode(g.member.token);
    now = new Date('2026-12-01T10:15:00.000Z');
    expect((await joinWith(code)).status).toBe(403);
    expect((await joinWith(second)).status).toBe(201);
  });

  it('written through the linked token, a comment is the member\'s own (same author)', async () => {
    const other = (await joinWith((await linkCode(g.member.token)).code)).json as { token: string };
    const a = makeComment();
    expect((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: other.token, body: a, headers: { 'if-none-match': '*' } })).status).toBe(201);
    const edit = makeComment({ uuid: uuidOf(a), text: 'Edited from the first browser' });
    expect((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: edit, headers: { 'if-match': '"1"' } })).status).toBe(200);
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: other.token });
    expect(feed.json.changes[0].mine).toBe(true);
  });

  it('revoking the member revokes every token and ends the streams of both browsers', async () => {
    const other = (await joinWith((await linkCode(g.member.token)).code)).json as { token: string };
    const streams = await Promise.all(
      [g.member.token, other.token].map(async (token) => {
        const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/stream`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        return readSse(res);
      }),
    );
    const unused = await linkCode(g.member.token);
    expect((await t.call('DELETE', `/api/groups/${g.group}/members/${g.member.memberId}`, { token: g.facilitator.token })).status).toBe(204);
    for (const token of [g.member.token, other.token]) {
      const r = await t.call('GET', '/api/me', { token });
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe('token-revoked');
      const a = makeComment();
      expect((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token, body: a, headers: { 'if-none-match': '*' } })).status).toBe(401);
    }
    await Promise.race([Promise.all(streams.map((s) => s.ended)), new Promise((_, reject) => setTimeout(() => reject(new Error('streams still open')), 3000))]);
    // A code made before the revocation gives no token now.
    expect((await joinWith(unused.code)).status).toBe(403);
    for (const s of streams) await s.close();
  });

  it('forget me removes every token and link code of the member', async () => {
    const other = (await joinWith((await linkCode(g.member.token)).code)).json as { token: string };
    const pending = await linkCode(other.token);
    expect((await t.call('DELETE', '/api/me', { token: other.token })).status).toBe(204);
    for (const token of [g.member.token, other.token]) expect((await t.call('GET', '/api/me', { token })).status).toBe(401);
    // The code is gone with the rest: unknown now, like any wrong code.
    expect([400, 403]).toContain((await joinWith(pending.code)).status);
    const { rows } = await t.testDb.db.query(
      `select 1 from member_tokens where member_id = $1 union all select 1 from link_codes where member_id = $1
       union all select 1 from members where id = $1 and token_hash is not null`,
      [g.member.memberId],
    );
    expect(rows).toHaveLength(0);
  });

  it('wrong link codes count against the same limits as wrong invite codes; a link code needs no name, an invite does', async () => {
    const { code } = await linkCode(g.member.token);
    const noName = await t.call('POST', '/api/join', { body: { code: g.invites.member } });
    expect(noName.status).toBe(400);
    expect(noName.json.error.message).toContain('displayName');
    // Its bucket of wrong tries (3 allowed here) fills with wrong guesses, then even the right code waits.
    const { rows } = await t.testDb.db.query<{ bucket: string }>("select 'join-code:' || left(encode(sha256(convert_to($1, 'UTF8')), 'hex'), 3) as bucket", [code]);
    await t.testDb.db.query('insert into rate_limits (bucket, window_start, hits) values ($1, $2, 3)', [rows[0]!.bucket, '2026-12-01T10:00:00.000Z']);
    const limited = await joinWith(code);
    expect(limited.status).toBe(429);
    now = new Date('2026-12-01T10:11:00.000Z');
    expect((await joinWith(code)).status).toBe(201);
    // Joins per client address are limited as before, link codes included.
    const few = await openTestStore(kind, { limits: { join: { max: 2, windowSeconds: 600 } } });
    try {
      const made = await few.call('POST', '/api/admin/groups', { token: 'test-admin-token-0123456789', body: { name: 'Few' } });
      const first = await few.join(made.json.invites.member, 'Only One');
      const code1 = await few.call('POST', '/api/me/link-codes', { token: first.token });
      expect((await few.call('POST', '/api/join', { body: { code: code1.json.code } })).status).toBe(201);
      const code2 = await few.call('POST', '/api/me/link-codes', { token: first.token });
      const third = await few.call('POST', '/api/join', { body: { code: code2.json.code } });
      expect(third.status).toBe(429);
      expect(third.json.error.code).toBe('rate-limited');
    } finally {
      await few.close();
    }
  });

  it('refuses link codes to the signed out and bad join bodies with 4xx', async () => {
    expect((await t.call('POST', '/api/me/link-codes')).status).toBe(401);
    expect((await t.call('POST', '/api/join', { body: { code: '' } })).status).toBe(400);
    expect((await t.call('POST', '/api/join', { body: { code: 'abcd-efgh-jkmn', displayName: '' } })).status).toBe(400);
    expect((await t.call('POST', '/api/join', { body: { code: 'abcd-efgh-jkmn', memberId: g.member.memberId } })).json.error.code).toBe('unknown-field');
  });
});
