import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../src/env';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS } from './support/test-db';
import { openTestStore, type Answer, type Call, type TestGroup, type TestStore } from './support/test-store';

/**
 * The web app's sessions, invites and members (issue 13, PROTOCOL.md "Web sessions, invites
 * and members"): the cookie and its flags, CSRF, sessions ending, sign-out, single-use and
 * expiring invites (also through /api/join), role changes, one-time sign-in links.
 */

const DAY = 86_400_000;
const START = new Date('2026-12-01T10:00:00.000Z');

/** A web session as a browser holds it. */
interface Web {
  cookie: string;
  csrf: string;
  memberId: string;
  setCookie: string;
}

function sessionCookieOf(answer: Answer): string | null {
  return answer.headers.getSetCookie().find((line) => line.startsWith('lea_session=')) ?? null;
}

describe.each(BACKENDS)('web sessions on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let now = START;

  beforeAll(async () => {
    t = await openTestStore(kind, { clock: () => now });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    now = START;
    await t.reset();
    g = await t.createGroup();
  });

  const signInCall = (body: unknown, client = 'web') => t.call('POST', '/api/web/sign-in', { body, headers: { 'x-test-client': client } });

  async function signIn(code: string, name?: string): Promise<Web> {
    const r = await signInCall({ code, ...(name !== undefined ? { name } : {}) });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const line = sessionCookieOf(r)!;
    return { cookie: /^lea_session=([^;]+)/.exec(line)![1]!, csrf: r.json.csrfToken, memberId: r.json.memberId, setCookie: line };
  }

  /** A call with the session cookie; writes carry the CSRF token unless told otherwise. */
  function web(method: string, path: string, s: Web, c: Call & { csrf?: string | null; origin?: string } = {}) {
    const headers: Record<string, string> = { cookie: `lea_session=${s.cookie}`, ...c.headers };
    const csrf = c.csrf === undefined ? (method === 'GET' ? null : s.csrf) : c.csrf;
    if (csrf !== null) headers['x-csrf-token'] = csrf;
    if (c.origin) headers.origin = c.origin;
    return t.call(method, path, { ...c, headers });
  }

  const invite = async (body: Record<string, unknown>) => {
    const r = await t.call('POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json as { code: string; inviteId: string; role: string; reusable: boolean; expiresAt: string | null };
  };
  const join = (code: string, displayName = 'Sam', client = 'ext') => t.call('POST', '/api/join', { body: { code, displayName }, headers: { 'x-test-client': client } });
  const members = async () => (await t.call('GET', `/api/groups/${g.group}/members`, { token: g.facilitator.token })).json.members as Array<Record<string, unknown>>;

  describe('signing in and the cookie', () => {
    it('an invite code and a name make a new member and a session; the cookie is HttpOnly, SameSite=Strict, Path=/, lasts SESSION_DAYS, not Secure over http', async () => {
      const r = await signInCall({ code: g.invites.reader.toUpperCase(), name: '  Olu Officer ' });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        memberId: expect.any(String),
        displayName: 'Olu Officer',
        role: 'reader',
        group: { id: g.group, name: 'NCAG' },
        csrfToken: expect.any(String),
        expiresAt: new Date(START.getTime() + 14 * DAY).toISOString(),
      });
      const line = sessionCookieOf(r)!;
      const value = /^lea_session=([^;]+)/.exec(line)![1]!;
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const attributes = line.split(';').slice(1).map((a) => a.trim());
      expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${14 * 86_400}`]));
      expect(attributes.some((a) => /^secure$/i.test(a))).toBe(false);
      // Neither the cookie nor the CSRF token is in the database: only the cookie's sha256.
      const dump = JSON.stringify((await t.testDb.db.query('select * from web_sessions')).rows);
      expect(dump).not.toContain(value);
      expect(dump).not.toContain(r.json.csrfToken);
      // The session is that person's, and the new member is in the facilitator's list.
      const s = { cookie: value, csrf: r.json.csrfToken, memberId: r.json.memberId, setCookie: line };
      const me = await web('GET', '/api/web/session', s);
      expect(me.status).toBe(200);
      expect(me.json).toEqual(r.json);
      expect((await members()).map((m) => m.displayName)).toContain('Olu Officer');
    });

    it('the cookie is Secure over https, and whenever PUBLIC_URL is https; Max-Age follows sessionDays', async () => {
      const overHttps = await t.store.app.request('https://store.test/api/web/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: g.invites.member, name: 'Secure Sam' }),
      });
      expect(overHttps.status).toBe(200);
      expect(overHttps.headers.getSetCookie().find((l) => l.startsWith('lea_session='))).toMatch(/;\s*Secure/);
      const other = await openTestStore(kind, { publicUrl: 'https://store.example.org', sessionDays: 3 });
      try {
        const h = await other.createGroup();
        const r = await other.call('POST', '/api/web/sign-in', { body: { code: h.invites.member, name: 'Behind a proxy' } });
        expect(r.status).toBe(200);
        const line = sessionCookieOf(r)!;
        expect(line).toMatch(/;\s*Secure/);
        expect(line).toContain(`Max-Age=${3 * 86_400}`);
        expect(new Date(r.json.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3 * DAY);
      } finally {
        await other.close();
      }
    });

    it('a new invite with no name is 400 name-needed, a wrong code 403 invite-invalid; neither sets a cookie or makes anyone', async () => {
      const before = (await members()).length;
      const noName = await signInCall({ code: g.invites.member });
      expect(noName.status).toBe(400);
      expect(noName.json.error).toMatchObject({ code: 'name-needed', message: 'This code is new to us: enter your name as you want the group to see it.' });
      const wrong = await signInCall({ code: 'zzzz-zzzz-zzzz', name: 'Nobody' });
      expect(wrong.status).toBe(403);
      expect(wrong.json.error.code).toBe('invite-invalid');
      expect(wrong.json.error.message).toMatch(/not valid/);
      for (const r of [noName, wrong]) expect(sessionCookieOf(r)).toBeNull();
      expect((await members()).length).toBe(before);
    });

    it('an extension link code signs that same member in (no new member, no name), once', async () => {
      const { code } = (await t.call('POST', '/api/me/link-codes', { token: g.member.token })).json as { code: string };
      const s = await signIn(code);
      expect(s.memberId).toBe(g.member.memberId);
      expect((await web('GET', '/api/web/session', s)).json).toMatchObject({ displayName: 'Mo Member', role: 'member' });
      const again = await signInCall({ code });
      expect(again.status).toBe(403);
      expect(again.json.error.code).toBe('invite-invalid');
      expect((await members()).length).toBe(3);
    });

    it('GET /api/web/session: 401 unauthenticated signed out, with a bearer token only or an unknown cookie', async () => {
      expect((await t.call('GET', '/api/web/session')).json.error.code).toBe('unauthenticated');
      expect((await t.call('GET', '/api/web/session', { token: g.member.token })).json.error.code).toBe('unauthenticated');
      const unknown = await t.call('GET', '/api/web/session', { headers: { cookie: 'lea_session=not-a-session' } });
      expect(unknown.status).toBe(401);
      expect(unknown.json.error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/not signed in/) });
    });

    it('wrong codes at sign-in count in the same buckets as /api/join, and sign-ins share the per-address join limit', async () => {
      const few = await openTestStore(kind, { limits: { join: { max: 3, windowSeconds: 600 }, joinFailures: { max: 2, windowSeconds: 600 } } });
      try {
        const h = await few.createGroup();
        // Per address: joins and sign-ins use up the three allowed together; a fourth (either kind) waits.
        const headers = { 'x-test-client': 'one-address' };
        expect((await few.call('POST', '/api/join', { body: { code: h.invites.member, displayName: 'A' }, headers })).status).toBe(201);
        expect((await few.call('POST', '/api/web/sign-in', { body: { code: h.invites.member, name: 'B' }, headers })).status).toBe(200);
        expect((await few.call('POST', '/api/join', { body: { code: h.invites.member, displayName: 'C' }, headers })).status).toBe(201);
        const limited = await few.call('POST', '/api/web/sign-in', { body: { code: h.invites.member, name: 'D' }, headers });
        expect(limited.status).toBe(429);
        expect(limited.json.error.message).toMatch(/Too many attempts to join/);
        // Wrong codes: one at sign-in, one at join, fill the code's bucket; the next try of it waits, from anywhere.
        expect((await few.call('POST', '/api/web/sign-in', { body: { code: 'abcd-efgh-jkmn', name: 'X' }, headers: { 'x-test-client': 'g1' } })).status).toBe(403);
        expect((await few.call('POST', '/api/join', { body: { code: 'abcd-efgh-jkmn', displayName: 'X' }, headers: { 'x-test-client': 'g2' } })).status).toBe(403);
        const bucket = await few.call('POST', '/api/web/sign-in', { body: { code: 'abcd-efgh-jkmn', name: 'X' }, headers: { 'x-test-client': 'g3' } });
        expect(bucket.status).toBe(429);
        expect(bucket.json.error.message).toMatch(/wrong invite codes/);
      } finally {
        await few.close();
      }
    });
  });

  describe('the cookie on group routes, and CSRF', () => {
    it('the cookie reads and writes every group route the bearer token does (a new comment through the one-statement path too)', async () => {
      const s = await signIn(g.invites.member, 'Web Mo');
      expect((await web('GET', `/api/groups/${g.group}/changes`, s)).status).toBe(200);
      expect((await web('GET', '/api/me', s)).json).toMatchObject({ memberId: s.memberId, role: 'member', displayName: 'Web Mo' });
      const a = makeComment();
      const put = await web('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, s, { body: a, headers: { 'if-none-match': '*', origin: 'http://store.test' } });
      expect(put.status, JSON.stringify(put.json)).toBe(201);
      const { rows } = await t.testDb.db.query<{ author_id: string }>('select author_id from annotations where id = $1', [uuidOf(a)]);
      expect(rows[0]!.author_id).toBe(s.memberId);
      // Counted against the member's write limit like any other write.
      const { rows: hits } = await t.testDb.db.query<{ hits: number }>('select hits from rate_limits where bucket = $1', [`write:${s.memberId}`]);
      expect(Number(hits[0]!.hits)).toBe(1);
      expect((await web('PATCH', '/api/me', s, { body: { jobTitle: 'Expert by experience' } })).status).toBe(200);
    });

    it('a cookie write without the CSRF token, with a wrong one, or from another origin is 403 csrf-failed and changes nothing', async () => {
      const s = await signIn(g.invites.member, 'Web Mo');
      const a = makeComment();
      const path = `/api/groups/${g.group}/annotations/${uuidOf(a)}`;
      const refusals = [
        await web('PUT', path, s, { body: a, csrf: null, headers: { 'if-none-match': '*' } }),
        await web('PUT', path, s, { body: a, csrf: `${s.csrf.slice(0, -1)}x`, headers: { 'if-none-match': '*' } }),
        await web('PUT', path, s, { body: a, origin: 'https://evil.example', headers: { 'if-none-match': '*' } }),
        await web('PUT', path, s, { body: a, origin: 'null', headers: { 'if-none-match': '*' } }),
        await web('PATCH', '/api/me', s, { body: { jobTitle: 'Forged' }, csrf: null }),
        await web('POST', '/api/web/sign-out-everywhere', s, { csrf: null }),
        await web('POST', '/api/web/sign-out', s, { origin: 'https://evil.example' }),
      ];
      for (const r of refusals) {
        expect(r.status, JSON.stringify(r.json)).toBe(403);
        expect(r.json.error).toMatchObject({ code: 'csrf-failed', message: 'This form has expired. Reload the page and try again.' });
      }
      expect((await t.testDb.db.query('select 1 from annotations where id = $1', [uuidOf(a)])).rows).toEqual([]);
      // Not counted against the member's write limit either.
      expect((await t.testDb.db.query('select 1 from rate_limits where bucket = $1', [`write:${s.memberId}`])).rows).toEqual([]);
      expect((await web('GET', '/api/me', s)).json.jobTitle).toBeNull();
      expect((await web('GET', '/api/web/session', s)).status).toBe(200);
      // The extension's bearer token needs no CSRF token; a facilitator's cookie write with it is accepted.
      expect((await t.call('PATCH', '/api/me', { token: g.member.token, body: { organisation: 'Own' } })).status).toBe(200);
      const f = await signIn(g.invites.facilitator, 'Web Fran');
      expect((await web('POST', `/api/groups/${g.group}/invites`, f, { body: { role: 'reader' }, csrf: null })).json.error.code).toBe('csrf-failed');
      expect((await web('POST', `/api/groups/${g.group}/invites`, f, { body: { role: 'reader' }, origin: 'http://store.test' })).status).toBe(201);
    });

    it('a session ends after SESSION_DAYS: 401 session-expired with a plain sentence, on the web routes and the group routes', async () => {
      const s = await signIn(g.invites.reader, 'Olu');
      now = new Date(START.getTime() + 14 * DAY - 1000);
      expect((await web('GET', `/api/groups/${g.group}/changes`, s)).status).toBe(200);
      now = new Date(START.getTime() + 14 * DAY);
      for (const r of [
        await web('GET', '/api/web/session', s),
        await web('GET', `/api/groups/${g.group}/changes`, s),
        await web('PATCH', '/api/me', s, { body: { jobTitle: 'x' } }),
        await web('POST', '/api/web/sign-out-everywhere', s),
      ]) {
        expect(r.status).toBe(401);
        expect(r.json.error).toMatchObject({ code: 'session-expired', message: 'You have been signed out because your session ended. Sign in again.' });
      }
      // Signing in again starts a new one.
      const again = await signIn(g.invites.reader, 'Olu');
      expect((await web('GET', '/api/web/session', again)).status).toBe(200);
    });

    it('sign-out ends that session and clears the cookie; sign-out-everywhere ends all of that member\'s sessions and no one else\'s', async () => {
      const { code } = (await t.call('POST', '/api/me/link-codes', { token: g.member.token })).json as { code: string };
      const first = await signIn(code);
      const { code: code2 } = (await t.call('POST', '/api/me/link-codes', { token: g.member.token })).json as { code: string };
      const second = await signIn(code2);
      const third = await signIn((await t.call('POST', '/api/me/link-codes', { token: g.member.token })).json.code);
      const someoneElse = await signIn(g.invites.reader, 'Olu');
      const out = await web('POST', '/api/web/sign-out', first);
      expect(out.status).toBe(204);
      expect(sessionCookieOf(out)).toMatch(/^lea_session=;.*Max-Age=0/);
      expect((await web('GET', '/api/web/session', first)).status).toBe(401);
      expect((await web('GET', '/api/web/session', second)).status).toBe(200);
      expect((await web('POST', '/api/web/sign-out-everywhere', second)).status).toBe(204);
      for (const s of [second, third]) expect((await web('GET', '/api/web/session', s)).json.error.code).toBe('unauthenticated');
      expect((await web('GET', '/api/web/session', someoneElse)).status).toBe(200);
      // The extension's token is not a web session: it keeps working.
      expect((await t.call('GET', '/api/me', { token: g.member.token })).status).toBe(200);
      // Signing out again (or signed out) is a 401, never a 500.
      expect((await web('POST', '/api/web/sign-out', first)).status).toBe(401);
      expect((await t.call('POST', '/api/web/sign-out')).status).toBe(401);
    });
  });

  describe('invites', () => {
    it('single-use: the first join wins, the second is 403 invite-used, through /api/join and web sign-in alike', async () => {
      const one = await invite({ role: 'member', reusable: false });
      expect(one).toMatchObject({ role: 'member', reusable: false, expiresAt: null, inviteId: expect.any(String) });
      expect((await join(one.code)).status).toBe(201);
      const used = [await join(one.code, 'Second'), await signInCall({ code: one.code, name: 'Third' })];
      for (const r of used) {
        expect(r.status).toBe(403);
        expect(r.json.error).toMatchObject({ code: 'invite-used', message: 'This invite has already been used. Ask your facilitator for a new one.' });
      }
      // Through the web app first, then the extension.
      const two = await invite({ role: 'reader', reusable: false });
      await signIn(two.code, 'Web first');
      expect((await join(two.code)).json.error.code).toBe('invite-used');
    });

    it('reusable (and, left out, reusable as before) serve any number of joins; the CLI-style invites of a new group too', async () => {
      const many = await invite({ role: 'member', reusable: true });
      const old = await invite({ role: 'reader' });
      expect(old.reusable).toBe(true);
      for (const code of [many.code, old.code]) {
        expect((await join(code, 'One')).status).toBe(201);
        expect((await join(code, 'Two')).status).toBe(201);
        await signIn(code, 'Three');
      }
      // The admin's (and the CLI's) group invites: every test group's people joined with them; more still can.
      expect((await join(g.invites.member, 'Another')).status).toBe(201);
      const list = (await t.call('GET', `/api/groups/${g.group}/invites`, { token: g.facilitator.token })).json.invites as Array<{ inviteId: string; uses: number; usable: boolean }>;
      expect(list.find((i) => i.inviteId === many.inviteId)).toMatchObject({ uses: 3, usable: true });
    });

    it('an invite with an expiry works until then, and is 403 invite-expired after, through both doors', async () => {
      const soon = await invite({ role: 'member', expiresInDays: 2 });
      expect(soon.expiresAt).toBe(new Date(START.getTime() + 2 * DAY).toISOString());
      now = new Date(START.getTime() + 2 * DAY - 1000);
      expect((await join(soon.code)).status).toBe(201);
      now = new Date(START.getTime() + 2 * DAY);
      for (const r of [await join(soon.code), await signInCall({ code: soon.code, name: 'Late' }), await signInCall({ code: soon.code })]) {
        expect(r.status).toBe(403);
        expect(r.json.error).toMatchObject({ code: 'invite-expired', message: 'This invite has expired. Ask your facilitator for a new one.' });
      }
    });

    it('two people joining at once with one single-use code: exactly one gets in', async () => {
      for (let round = 0; round < 3; round++) {
        const one = await invite({ role: 'member', reusable: false });
        const tries = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? join(one.code, `Racer ${i}`, `race-${i}`) : signInCall({ code: one.code, name: `Racer ${i}` }, `race-${i}`))),
        );
        const won = tries.filter((r) => r.status === 201 || r.status === 200);
        expect(won, JSON.stringify(tries.map((r) => r.status))).toHaveLength(1);
        for (const r of tries.filter((x) => !won.includes(x))) expect(r.json.error.code).toBe('invite-used');
        const { rows } = await t.testDb.db.query<{ n: number }>(`select count(*)::int as n from members where group_id = $1 and display_name like 'Racer %'`, [g.group]);
        expect(Number(rows[0]!.n)).toBe(round + 1);
      }
    });

    it('the list shows each invite with its role, uses, expiry and whether it can be used, never a code', async () => {
      const one = await invite({ role: 'member', reusable: false, expiresInDays: 7 });
      const gone = await invite({ role: 'reader' });
      const ended = await invite({ role: 'reader', expiresInDays: 1 });
      await join(one.code);
      expect((await t.call('DELETE', `/api/groups/${g.group}/invites/${gone.inviteId}`, { token: g.facilitator.token })).status).toBe(204);
      now = new Date(START.getTime() + 1 * DAY + 1);
      const r = await t.call('GET', `/api/groups/${g.group}/invites`, { token: g.facilitator.token });
      expect(r.status).toBe(200);
      const text = JSON.stringify(r.json);
      for (const code of [one.code, gone.code, ended.code, ...Object.values(g.invites)]) {
        expect(text).not.toContain(code);
        expect(text).not.toContain(code.replace(/-/g, ''));
      }
      const byId = new Map((r.json.invites as Array<{ inviteId: string }>).map((i) => [i.inviteId, i]));
      expect(byId.get(one.inviteId)).toEqual({
        inviteId: one.inviteId,
        role: 'member',
        reusable: false,
        uses: 1,
        createdAt: START.toISOString(),
        expiresAt: new Date(START.getTime() + 7 * DAY).toISOString(),
        withdrawn: false,
        usable: false,
      });
      expect(byId.get(gone.inviteId)).toMatchObject({ withdrawn: true, usable: false, reusable: true, expiresAt: null });
      expect(byId.get(ended.inviteId)).toMatchObject({ withdrawn: false, usable: false });
      expect(r.json.invites).toHaveLength(6);
      expect(r.json.invites.filter((i: { usable: boolean }) => i.usable)).toHaveLength(3);
    });

    it('withdraws by invite id or by code; a withdrawn invite is 403 invite-invalid; another group\'s invite id is 404', async () => {
      const a = await invite({ role: 'member' });
      const b = await invite({ role: 'member' });
      expect((await t.call('DELETE', `/api/groups/${g.group}/invites/${a.inviteId}`, { token: g.facilitator.token })).status).toBe(204);
      expect((await t.call('DELETE', `/api/groups/${g.group}/invites/${b.code.toUpperCase()}`, { token: g.facilitator.token })).status).toBe(204);
      for (const code of [a.code, b.code]) expect((await signInCall({ code, name: 'Late' })).json.error.code).toBe('invite-invalid');
      const h = await t.createGroup('Other');
      const theirs = (await t.call('POST', `/api/groups/${h.group}/invites`, { token: h.facilitator.token, body: { role: 'member' } })).json as { inviteId: string; code: string };
      const r = await t.call('DELETE', `/api/groups/${g.group}/invites/${theirs.inviteId}`, { token: g.facilitator.token });
      expect(r.status).toBe(404);
      expect((await t.call('POST', '/api/join', { body: { code: theirs.code, displayName: 'Still fine' } })).status).toBe(201);
    });
  });

  describe('members', () => {
    it('lists when each member was last active, moved at most once per 5 minutes, by the extension and the web app', async () => {
      const at = (list: Array<Record<string, unknown>>, id: string) => list.find((m) => m.memberId === id)!.lastActiveAt;
      const before = await members();
      expect([at(before, g.member.memberId), at(before, g.reader.memberId)]).toEqual([null, null]);
      // The facilitator asking counts as their own activity.
      expect(at(before, g.facilitator.memberId)).toBe(START.toISOString());
      await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.member.token });
      expect(at(await members(), g.member.memberId)).toBe(START.toISOString());
      now = new Date(START.getTime() + 4 * 60_000);
      const a = makeComment();
      expect((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } })).status).toBe(201);
      expect(at(await members(), g.member.memberId)).toBe(START.toISOString());
      now = new Date(START.getTime() + 6 * 60_000);
      const b = makeComment();
      expect((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(b)}`, { token: g.member.token, body: b, headers: { 'if-none-match': '*' } })).status).toBe(201);
      expect(at(await members(), g.member.memberId)).toBe(now.toISOString());
      // Signing in to the web app and its requests count too; the reader, who did nothing, was never active.
      const s = await signIn(g.invites.member, 'Web Mo');
      expect(at(await members(), s.memberId)).toBe(now.toISOString());
      now = new Date(START.getTime() + 12 * 60_000);
      await web('GET', '/api/web/session', s);
      const list = await members();
      expect(at(list, s.memberId)).toBe(now.toISOString());
      expect(at(list, g.reader.memberId)).toBeNull();
    });

    it('a facilitator changes a role: it applies at once to the member\'s token and web session', async () => {
      const s = await signIn(g.invites.reader, 'Olu');
      const r = await t.call('PATCH', `/api/groups/${g.group}/members/${s.memberId}`, { token: g.facilitator.token, body: { role: 'member' } });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ memberId: s.memberId, displayName: 'Olu', role: 'member', joinedAt: START.toISOString(), revoked: false, lastActiveAt: START.toISOString() });
      expect((await web('GET', '/api/web/session', s)).json.role).toBe('member');
      await t.call('PATCH', `/api/groups/${g.group}/members/${g.member.memberId}`, { token: g.facilitator.token, body: { role: 'reader' } });
      expect((await t.call('GET', '/api/me', { token: g.member.token })).json.role).toBe('reader');
      const a = makeComment();
      const refused = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
      expect(refused.status).toBe(403);
      // Only facilitators; only members of this group; only real roles.
      expect((await t.call('PATCH', `/api/groups/${g.group}/members/${g.reader.memberId}`, { token: g.member.token, body: { role: 'facilitator' } })).status).toBe(403);
      expect((await t.call('PATCH', `/api/groups/${g.group}/members/00000000-0000-4000-8000-000000000000`, { token: g.facilitator.token, body: { role: 'member' } })).status).toBe(404);
      const bad = await t.call('PATCH', `/api/groups/${g.group}/members/${g.reader.memberId}`, { token: g.facilitator.token, body: { role: 'admin' } });
      expect(bad.status).toBe(400);
      expect(bad.json.error.message).toContain('The role must be "facilitator", "member" or "reader"');
    });

    it('the last facilitator cannot stop being one (409, a plain sentence); with a second facilitator they can', async () => {
      const self = await t.call('PATCH', `/api/groups/${g.group}/members/${g.facilitator.memberId}`, { token: g.facilitator.token, body: { role: 'member' } });
      expect(self.status).toBe(409);
      expect(self.json.error).toMatchObject({ code: 'conflict', message: 'You are the last facilitator of this group, so your role cannot change: make someone else a facilitator first.' });
      expect((await t.call('PATCH', `/api/groups/${g.group}/members/${g.facilitator.memberId}`, { token: g.facilitator.token, body: { role: 'facilitator' } })).status).toBe(200);
      const second = await t.join(g.invites.facilitator, 'Second Fran');
      // Two facilitators demoting each other at the same moment: the group keeps one.
      const both = await Promise.all([
        t.call('PATCH', `/api/groups/${g.group}/members/${second.memberId}`, { token: g.facilitator.token, body: { role: 'member' } }),
        t.call('PATCH', `/api/groups/${g.group}/members/${g.facilitator.memberId}`, { token: second.token, body: { role: 'reader' } }),
      ]);
      // The other is 409 (the last facilitator), or 403 when the winner had already made them a member before they asked.
      expect(both.filter((r) => r.status === 200), JSON.stringify(both.map((r) => r.json))).toHaveLength(1);
      for (const r of both.filter((x) => x.status !== 200)) expect([403, 409]).toContain(r.status);
      const { rows } = await t.testDb.db.query<{ n: number }>(`select count(*)::int as n from members where group_id = $1 and role = 'facilitator' and revoked_at is null`, [g.group]);
      expect(Number(rows[0]!.n)).toBe(1);
    });

    it('the last facilitator cannot be removed either (409, a plain sentence), so the group is never left without one', async () => {
      const solo = await t.createGroup('One facilitator');
      const self = await t.call('DELETE', `/api/groups/${solo.group}/members/${solo.facilitator.memberId}`, { token: solo.facilitator.token });
      expect(self.status).toBe(409);
      expect(self.json.error.message).toBe('You are the last facilitator of this group, so you cannot remove yourself: make someone else a facilitator first.');
      expect((await t.call('GET', '/api/me', { token: solo.facilitator.token })).status).toBe(200);
      // With a second facilitator, either may go.
      const second = await t.join(solo.invites.facilitator, 'Second Fran');
      expect((await t.call('DELETE', `/api/groups/${solo.group}/members/${second.memberId}`, { token: solo.facilitator.token })).status).toBe(204);
    });

    it('revoking a member ends their web sessions at once, telling them plainly (and their sign-in links go)', async () => {
      const s = await signIn(g.invites.member, 'Soon gone');
      const link = (await t.call('POST', `/api/groups/${g.group}/members/${s.memberId}/sign-in-links`, { token: g.facilitator.token })).json as { url: string };
      expect((await t.call('DELETE', `/api/groups/${g.group}/members/${s.memberId}`, { token: g.facilitator.token })).status).toBe(204);
      for (const r of [await web('GET', '/api/web/session', s), await web('GET', `/api/groups/${g.group}/changes`, s)]) {
        expect(r.status).toBe(401);
        expect(r.json.error).toMatchObject({ code: 'token-revoked', message: 'Your invite has been withdrawn: ask your facilitator for a new one.' });
      }
      expect((await signInCall({ code: new URL(link.url).hash.replace('#link=', '') })).status).toBe(403);
      const { rows } = await t.testDb.db.query('select 1 from sign_in_links where member_id = $1', [s.memberId]);
      expect(rows).toEqual([]);
      // Removed people cannot be sent a link or given a role.
      expect((await t.call('POST', `/api/groups/${g.group}/members/${s.memberId}/sign-in-links`, { token: g.facilitator.token })).status).toBe(409);
      expect((await t.call('PATCH', `/api/groups/${g.group}/members/${s.memberId}`, { token: g.facilitator.token, body: { role: 'reader' } })).status).toBe(409);
    });

    it('forget me drops the member\'s web sessions and sign-in links too', async () => {
      const s = await signIn(g.invites.member, 'Forget me');
      await t.call('POST', `/api/groups/${g.group}/members/${s.memberId}/sign-in-links`, { token: g.facilitator.token });
      expect((await web('DELETE', '/api/me', s)).status).toBe(204);
      const { rows } = await t.testDb.db.query('select 1 from web_sessions where member_id = $1 union all select 1 from sign_in_links where member_id = $1', [s.memberId]);
      expect(rows).toEqual([]);
      expect((await web('GET', '/api/web/session', s)).status).toBe(401);
    });
  });

  describe('one-time sign-in links', () => {
    const linkFor = async (memberId: string, store = t, group = g) => {
      const r = await store.call('POST', `/api/groups/${group.group}/members/${memberId}/sign-in-links`, { token: group.facilitator.token });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      return r.json as { url: string; expiresAt: string };
    };
    const codeOf = (url: string) => decodeURIComponent(/#link=(.+)$/.exec(url)![1]!);

    it('signs that member in once, at the store\'s own address; a second use is refused', async () => {
      const link = await linkFor(g.reader.memberId);
      expect(link.url).toMatch(/^http:\/\/store\.test\/sign-in#link=[0-9a-f]{64}$/);
      expect(link.expiresAt).toBe(new Date(START.getTime() + DAY).toISOString());
      const s = await signIn(codeOf(link.url));
      expect(s.memberId).toBe(g.reader.memberId);
      expect((await web('GET', '/api/web/session', s)).json).toMatchObject({ displayName: 'Ria Reader', role: 'reader' });
      const again = await signInCall({ code: codeOf(link.url) });
      expect(again.status).toBe(403);
      expect(again.json.error).toMatchObject({ code: 'invite-invalid', message: expect.stringMatching(/has been used or has expired/) });
      // Only its hash is kept.
      expect(JSON.stringify((await t.testDb.db.query('select * from sign_in_links')).rows)).not.toContain(codeOf(link.url));
    });

    it('works for 24 hours only', async () => {
      const link = await linkFor(g.member.memberId);
      now = new Date(START.getTime() + DAY);
      const late = await signInCall({ code: codeOf(link.url) });
      expect(late.status).toBe(403);
      expect(late.json.error.message).toMatch(/has expired/);
    });

    it('uses PUBLIC_URL when the store has one; only facilitators make links, only for their own group', async () => {
      const other = await openTestStore(kind, { publicUrl: 'https://lea.example.org/' });
      try {
        const h = await other.createGroup();
        const link = await linkFor(h.member.memberId, other, h);
        expect(link.url).toMatch(/^https:\/\/lea\.example\.org\/sign-in#link=[0-9a-f]{64}$/);
      } finally {
        await other.close();
      }
      expect((await t.call('POST', `/api/groups/${g.group}/members/${g.reader.memberId}/sign-in-links`, { token: g.member.token })).status).toBe(403);
      const h = await t.createGroup('Other');
      expect((await t.call('POST', `/api/groups/${g.group}/members/${h.member.memberId}/sign-in-links`, { token: g.facilitator.token })).status).toBe(404);
    });
  });

  it('bad input: 4xx with plain messages, never a 500', async () => {
    const cases: Array<[string, string, Call, number, string]> = [
      ['POST', '/api/web/sign-in', { rawBody: '{"code":' }, 400, 'bad-json'],
      ['POST', '/api/web/sign-in', { body: {} }, 400, 'invalid-body'],
      ['POST', '/api/web/sign-in', { body: { code: 5 } }, 400, 'invalid-body'],
      ['POST', '/api/web/sign-in', { body: { code: '   ' } }, 400, 'invalid-body'],
      ['POST', '/api/web/sign-in', { body: { code: 'x'.repeat(101) } }, 400, 'invalid-body'],
      ['POST', '/api/web/sign-in', { body: { code: g.invites.member, name: 'x'.repeat(81) } }, 400, 'invalid-body'],
      ['POST', '/api/web/sign-in', { body: { code: g.invites.member, name: 'Pat', role: 'facilitator' } }, 400, 'unknown-field'],
      ['POST', '/api/web/sign-in', { body: { code: 'a\u0000b' } }, 400, 'invalid-body'],
      ['POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'member', expiresInDays: 0 } }, 400, 'invalid-body'],
      ['POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'member', expiresInDays: 91 } }, 400, 'invalid-body'],
      ['POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'member', expiresInDays: 1.5 } }, 400, 'invalid-body'],
      ['POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'member', expiresInDays: '7' } }, 400, 'invalid-body'],
      ['POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'member', reusable: 'yes' } }, 400, 'invalid-body'],
      ['PATCH', `/api/groups/${g.group}/members/${g.member.memberId}`, { token: g.facilitator.token, body: {} }, 400, 'invalid-body'],
      ['PATCH', `/api/groups/${g.group}/members/${g.member.memberId}`, { token: g.facilitator.token, body: { role: 'member', name: 'x' } }, 400, 'unknown-field'],
      ['PATCH', `/api/groups/${g.group}/members/not-a-member`, { token: g.facilitator.token, body: { role: 'member' } }, 404, 'not-found'],
      ['POST', `/api/groups/${g.group}/members/${'x'.repeat(300)}/sign-in-links`, { token: g.facilitator.token }, 404, 'not-found'],
      ['DELETE', `/api/groups/${g.group}/invites/${'%00'.repeat(3)}`, { token: g.facilitator.token }, 400, 'invalid-body'],
      ['DELETE', `/api/groups/${g.group}/invites/00000000-0000-4000-8000-000000000000`, { token: g.facilitator.token }, 404, 'not-found'],
      ['GET', '/api/web/session', { headers: { cookie: `lea_session=${'x'.repeat(5000)}` } }, 401, 'unauthenticated'],
      ['GET', '/api/web/session', { headers: { cookie: 'lea_session=%E0%A4%A' } }, 401, 'unauthenticated'],
    ];
    for (const [method, path, call, status, code] of cases) {
      const r = await t.call(method, path, call);
      expect(r.status, `${method} ${path.slice(0, 60)} ${JSON.stringify(call.body ?? call.rawBody ?? call.headers)?.slice(0, 80)}: ${JSON.stringify(r.json)}`).toBe(status);
      expect(r.json.error.code).toBe(code);
      expect(r.json.error.message).toMatch(/^[A-Z"]/);
    }
  });
});

describe('SESSION_DAYS', () => {
  it('defaults to none set (the store uses 14), accepts 1 to 365 and says plainly what is wrong otherwise', () => {
    const ok = parseEnv({ SESSION_DAYS: '30' });
    expect(ok.ok && ok.env.SESSION_DAYS).toBe(30);
    const unset = parseEnv({});
    expect(unset.ok && unset.env.SESSION_DAYS).toBeUndefined();
    for (const [value, message] of [
      ['0', 'SESSION_DAYS: SESSION_DAYS must be at least 1 (got "0")'],
      ['366', 'SESSION_DAYS: SESSION_DAYS must be at most 365 (got "366")'],
      ['two weeks', 'SESSION_DAYS: SESSION_DAYS must be a whole number (got "two weeks")'],
    ]) {
      const r = parseEnv({ SESSION_DAYS: value });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toEqual([message]);
    }
  });
});
