import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from '../../../test/support/annotations';
import { BACKENDS } from '../../../test/support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';

describe.each(BACKENDS)('auth on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind, { limits: { join: { max: 3, windowSeconds: 60 }, write: { max: 5, windowSeconds: 60 } } });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
  });

  it('joins with an invite code per role and tells the caller who they are', async () => {
    const r = await t.call('POST', '/api/join', { body: { code: g.invites.reader.toUpperCase(), displayName: '  Pat  ' }, headers: { 'x-test-client': 'a' } });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ token: expect.any(String), group: g.group, role: 'reader', memberId: expect.any(String) });
    const me = await t.call('GET', '/api/me', { token: r.json.token });
    expect(me.json).toEqual({ memberId: r.json.memberId, displayName: 'Pat', group: g.group, role: 'reader', jobTitle: null, organisation: null });
  });

  it('stores tokens and invite codes only as sha256 hashes', async () => {
    const { rows } = await t.testDb.db.query<{ token_hash: string }>('select token_hash from members union all select token_hash from member_tokens');
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    const dump = JSON.stringify((await t.testDb.db.query('select * from members, invites, member_tokens')).rows);
    expect(dump).not.toContain(g.member.token);
    expect(dump).not.toContain(g.invites.member);
  });

  it('refuses a withdrawn invite with invite-invalid but keeps those who joined', async () => {
    const w = await t.call('DELETE', `/api/groups/${g.group}/invites/${g.invites.member}`, { token: g.facilitator.token });
    expect(w.status).toBe(204);
    const r = await t.call('POST', '/api/join', { body: { code: g.invites.member, displayName: 'Late' }, headers: { 'x-test-client': 'b' } });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('invite-invalid');
    expect((await t.call('GET', '/api/me', { token: g.member.token })).status).toBe(200);
  });

  it('lets a facilitator make invites, list and revoke members', async () => {
    const inv = await t.call('POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'member' } });
    expect(inv.status).toBe(201);
    const joined = await t.call('POST', '/api/join', { body: { code: inv.json.code, displayName: 'New' }, headers: { 'x-test-client': 'c' } });
    expect(joined.json.role).toBe('member');
    const list = await t.call('GET', `/api/groups/${g.group}/members`, { token: g.facilitator.token });
    expect(list.json.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Fran Facilitator', 'Mo Member', 'New', 'Ria Reader']);
    const revoke = await t.call('DELETE', `/api/groups/${g.group}/members/${joined.json.memberId}`, { token: g.facilitator.token });
    expect(revoke.status).toBe(204);
    const refused = await t.call('GET', '/api/me', { token: joined.json.token });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toMatchObject({ code: 'token-revoked', message: expect.stringContaining('Your invite has been withdrawn') });
    expect((await t.call('POST', `/api/groups/${g.group}/invites`, { token: g.member.token, body: { role: 'member' } })).status).toBe(403);
  });

  it('rate-limits joins per address in the database', async () => {
    const codes = [1, 2, 3, 4].map(() => ({ code: g.invites.member, displayName: 'x' }));
    const statuses: number[] = [];
    for (const body of codes) statuses.push((await t.call('POST', '/api/join', { body, headers: { 'x-test-client': 'flood' } })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await t.call('POST', '/api/join', { body: codes[0], headers: { 'x-test-client': 'flood' } });
    expect(limited.json.error.code).toBe('rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const { rows } = await t.testDb.db.query<{ hits: number }>(`select hits from rate_limits where bucket = 'join:flood'`);
    expect(Number(rows[0]!.hits)).toBe(5);
  });

  it('rate-limits writes per member', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.call('DELETE', `/api/groups/${g.group}/annotations/0190f0e8-7c1a-7000-8000-00000000000${i}`, { token: g.member.token });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([204, 204, 204, 204, 204, 429]);
  });

  it('rate-limits new comments (the one-statement create) and counts each request once', async () => {
    const comments = Array.from({ length: 6 }, () => makeComment());
    const statuses: number[] = [];
    for (const a of comments.slice(0, 4)) {
      statuses.push((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } })).status);
    }
    // A repeated push falls through to the usual path: still one hit, not two.
    const again = comments[0]!;
    statuses.push((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(again)}`, { token: g.member.token, body: again, headers: { 'if-none-match': '*' } })).status);
    const sixth = comments[5]!;
    const limited = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(sixth)}`, { token: g.member.token, body: sixth, headers: { 'if-none-match': '*' } });
    statuses.push(limited.status);
    expect(statuses).toEqual([201, 201, 201, 201, 200, 429]);
    expect(limited.json.error.code).toBe('rate-limited');
    const { rows } = await t.testDb.db.query<{ hits: number }>(`select hits from rate_limits where bucket = $1`, [`write:${g.member.memberId}`]);
    expect(Number(rows[0]!.hits)).toBe(6);
    const { rows: stored } = await t.testDb.db.query(`select 1 from annotations where id = $1`, [uuidOf(sixth)]);
    expect(stored).toEqual([]);
  });

  it('creates groups only with the admin token', async () => {
    expect((await t.call('POST', '/api/admin/groups', { token: g.facilitator.token, body: { name: 'X' } })).status).toBe(403);
    expect((await t.call('POST', '/api/admin/groups', { body: { name: 'X' } })).status).toBe(401);
    expect((await t.call('POST', '/api/admin/groups', { token: ADMIN_TOKEN, body: { name: 'X' } })).status).toBe(201);
  });
});
