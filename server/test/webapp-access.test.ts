import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/auth/roles';
import { BACKENDS } from './support/test-db';
import { openTestStore, type Answer, type TestStore } from './support/test-store';
import {
  cellsOf,
  expectNothingOf,
  prepareWebGroup,
  SEEN,
  SHARED_SOURCE,
  signIn,
  WEB_ROUTES,
  webCall,
  type WebCall,
  type WebGroup,
  type WebRouteCase,
  type WebSessionOf,
} from './webapp-access-cases';

/**
 * The web app's access matrix (issue 13 "Quality"): every group route the web app calls, in
 * every state — signed out, a session that has ended, a removed member, a person of another
 * group (on that group's address, and with that group's ids on their own), each role — with
 * the session cookie and with the extension's bearer token. A refusal holds nothing of the
 * group; no answer is a 5xx.
 */

const DAY = 24 * 60 * 60 * 1000;

/** A stand-in for the built web app (its page is the same for everyone: the data comes from the API). */
const INDEX = `<!doctype html><html lang="en-GB"><head><title>Your group's comments</title><script type="module" src="/assets/index-AbCd1234.js"></script></head><body><div id="app"></div></body></html>`;
const webappDir = mkdtempSync(path.join(os.tmpdir(), 'lea-webapp-access-'));
mkdirSync(path.join(webappDir, 'assets'));
writeFileSync(path.join(webappDir, 'index.html'), INDEX);
writeFileSync(path.join(webappDir, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
afterAll(() => rmSync(webappDir, { recursive: true, force: true }));

/** The state a call is made in, and how to make it. */
type Via = 'cookie' | 'bearer';

describe.each(BACKENDS)('web app access matrix on %s', (kind) => {
  let t: TestStore;
  let a: WebGroup;
  let b: WebGroup;
  /** How far the store's clock is ahead of the real one (sessions end). */
  let ahead = 0;
  /** People of group A whom the facilitator removed: their web session and their extension token. */
  const removed = {} as Record<Role, { session: WebSessionOf; token: string }>;
  /** Sessions of group A that the moved clock has ended. */
  const ended = {} as Record<Role, WebSessionOf>;

  beforeAll(async () => {
    t = await openTestStore(kind, { clock: () => new Date(Date.now() + ahead), webappDir });
    a = await prepareWebGroup(t, 'A');
    b = await prepareWebGroup(t, 'B');
    for (const role of ROLES) {
      const session = await signIn(t, a.invites[role], `Gone web ${role}`);
      const extension = await t.join(a.invites[role], `Gone extension ${role}`);
      for (const id of [session.memberId, extension.memberId]) {
        expect((await t.call('DELETE', `/api/groups/${a.group}/members/${id}`, { token: a.facilitator.token })).status).toBe(204);
      }
      removed[role] = { session, token: extension.token };
      ended[role] = await signIn(t, a.invites[role], `Ended ${role}`);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  /** `role` of group `g`, through the web app's cookie or the extension's token. */
  const as = (g: WebGroup, role: Role, via: Via): WebCall => (via === 'cookie' ? { session: g.web[role] } : { token: g[role].token });

  async function send(route: WebRouteCase, at: WebGroup, of: WebGroup, who: WebCall) {
    const built = await route.request(t, at, of);
    const answer = await webCall(t, built.method, built.path, { ...who, ...(built.body !== undefined ? { body: built.body } : {}), headers: { ...built.headers } });
    return { built, answer };
  }

  function expectForbidden(r: Answer) {
    expect(r.status, JSON.stringify(r.json)).toBe(403);
    expect(r.json.error.code).toBe('forbidden');
  }

  const vias: Via[] = ['cookie', 'bearer'];
  const own = cellsOf(WEB_ROUTES).flatMap((cell) => vias.map((via) => ({ ...cell, via })));

  it.each(own)('$route.name as $role of the group by $via: allowed only to the right roles', async ({ route, role, via }) => {
    const { answer } = await send(route, a, a, as(a, role, via));
    if (route.allowed.includes(role)) expect(answer.status, JSON.stringify(answer.json)).toBe(route.okStatus);
    else {
      expectForbidden(answer);
      expect(answer.json.error.message).toMatch(/^(Only|You can only|You cannot)/);
      expectNothingOf(answer, a, b);
    }
  });

  it.each(own)("$route.name on another group's address as its $role by $via: 403 and nothing of theirs", async ({ route, role, via }) => {
    const { built, answer } = await send(route, a, a, as(b, role, via));
    expectForbidden(answer);
    expectNothingOf(answer, a);
    await built.intact?.();
  });

  const otherIds = own.filter((c) => c.route.otherIds !== undefined);
  it.each(otherIds)("$route.name on the own group's address with another group's ids as $role by $via: nothing of theirs, nothing changed", async ({ route, role, via }) => {
    const { built, answer } = await send(route, b, a, as(b, role, via));
    const text = JSON.stringify(answer.json);
    expect(text).not.toContain(a.secret);
    for (const uuid of [a.shared, a.private, a.hiddenOne, a.reply]) {
      // The permalink's address names the comment; the answer must not give anything back.
      if (route.name !== 'GET comment (permalink)') expect(text).not.toContain(uuid);
    }
    if (!route.allowed.includes(role)) expectForbidden(answer);
    else if (route.otherIds === 404) {
      expect(answer.status, text).toBe(404);
      expect(answer.json.error.code).toBe('not-found');
      expectNothingOf(answer, a);
    } else expect(answer.status, text).toBe(200);
    await built.intact?.();
  });

  it.each(WEB_ROUTES)('$name signed out: 401 unauthenticated and nothing of the group', async (route) => {
    const { built, answer } = await send(route, a, a, {});
    expect(answer.status, JSON.stringify(answer.json)).toBe(401);
    expect(answer.json.error.code).toBe('unauthenticated');
    expectNothingOf(answer, a);
    await built.intact?.();
  });

  it.each(WEB_ROUTES)('$name with a session cookie the store never made: 401 unauthenticated', async (route) => {
    const { answer } = await send(route, a, a, { session: { ...a.web.facilitator, cookie: 'x'.repeat(43) } });
    expect(answer.status, JSON.stringify(answer.json)).toBe(401);
    expect(answer.json.error.code).toBe('unauthenticated');
    expectNothingOf(answer, a);
  });

  it.each(cellsOf(WEB_ROUTES))('$route.name with the ended session of a $role: 401 session-expired, says to sign in again', async ({ route, role }) => {
    const built = await route.request(t, a, a);
    ahead = 15 * DAY;
    let answer: Answer;
    try {
      answer = await webCall(t, built.method, built.path, { session: ended[role], ...(built.body !== undefined ? { body: built.body } : {}), headers: { ...built.headers } });
    } finally {
      ahead = 0;
    }
    expect(answer.status, JSON.stringify(answer.json)).toBe(401);
    expect(answer.json.error.code).toBe('session-expired');
    expect(answer.json.error.message).toMatch(/Sign in again/);
    expectNothingOf(answer, a);
  });

  it.each(cellsOf(WEB_ROUTES).flatMap((cell) => vias.map((via) => ({ ...cell, via }))))(
    '$route.name by a removed $role by $via: 401 and nothing of the group',
    async ({ route, role, via }) => {
      const { answer } = await send(route, a, a, via === 'cookie' ? { session: removed[role].session } : { token: removed[role].token });
      expect(answer.status, JSON.stringify(answer.json)).toBe(401);
      // The extension is told its invite was withdrawn; the web app's sessions ended with the member.
      expect(answer.json.error.code).toEqual(via === 'bearer' ? 'token-revoked' : expect.stringMatching(/^(token-revoked|unauthenticated)$/));
      expectNothingOf(answer, a);
    },
  );

  describe('the session routes', () => {
    it.each(ROLES)('GET /api/web/session as a %s: their own session of their own group, nothing of another', async (role) => {
      const r = await webCall(t, 'GET', '/api/web/session', { session: a.web[role] });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toMatchObject({ memberId: a.web[role].memberId, role, group: { id: a.group }, csrfToken: a.web[role].csrfToken });
      expect(new Date(r.json.expiresAt).getTime()).toBeGreaterThan(Date.now());
      expect(JSON.stringify(r.json)).not.toContain(b.secret);
    });

    it('GET /api/web/session signed out, with an unknown cookie, ended, removed: 401 and nothing', async () => {
      const cases: Array<[string, WebCall, string]> = [
        ['signed out', {}, 'unauthenticated'],
        ['unknown cookie', { session: { ...a.web.member, cookie: 'not-a-session' } }, 'unauthenticated'],
        ['a bearer token only', { token: a.member.token }, 'unauthenticated'],
      ];
      for (const [what, call, code] of cases) {
        const r = await webCall(t, 'GET', '/api/web/session', call);
        expect(r.status, what).toBe(401);
        expect(r.json.error.code, what).toBe(code);
        expectNothingOf(r, a);
      }
      const gone = await webCall(t, 'GET', '/api/web/session', { session: removed.member.session });
      expect(gone.status).toBe(401);
      expectNothingOf(gone, a);
      ahead = 15 * DAY;
      try {
        const late = await webCall(t, 'GET', '/api/web/session', { session: ended.reader });
        expect(late.status).toBe(401);
        expect(late.json.error.code).toBe('session-expired');
        expect(late.json.error.message).toBe('You have been signed out because your session ended. Sign in again.');
        expectNothingOf(late, a);
      } finally {
        ahead = 0;
      }
    });

    it.each(ROLES)('GET /api/me with the cookie of a %s: their own profile', async (role) => {
      const r = await webCall(t, 'GET', '/api/me', { session: a.web[role] });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(JSON.stringify(r.json)).toContain(a.web[role].memberId);
      expect(JSON.stringify(r.json)).not.toContain(b.secret);
    });

    it.each(ROLES)('POST /api/web/sign-out as a %s: 204, the cookie cleared, that session no longer works, the others do', async (role) => {
      const session = await signIn(t, a.invites[role], `Leaving ${role}`);
      const r = await webCall(t, 'POST', '/api/web/sign-out', { session });
      expect(r.status, JSON.stringify(r.json)).toBe(204);
      const cleared = r.headers.getSetCookie().find((line) => line.startsWith('lea_session='));
      expect(cleared, 'sign-out clears the cookie').toMatch(/^lea_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
      expect((await webCall(t, 'GET', '/api/web/session', { session })).status).toBe(401);
      expect((await webCall(t, 'GET', `/api/groups/${a.group}/overview`, { session })).status).toBe(401);
      expect((await webCall(t, 'GET', '/api/web/session', { session: a.web[role] })).status).toBe(200);
    });

    it('POST /api/web/sign-out signed out, or with an ended session: never a 5xx, nothing of the group', async () => {
      const r = await webCall(t, 'POST', '/api/web/sign-out', {});
      expect([204, 401]).toContain(r.status);
      if (r.status !== 204) expectNothingOf(r, a);
    });

    it('POST /api/web/sign-out-everywhere ends every session of that member and no one else\'s', async () => {
      const first = await signIn(t, a.invites.member, `${a.secret} Everywhere`);
      const link = await webCall(t, 'POST', '/api/me/link-codes', { session: first });
      expect(link.status, JSON.stringify(link.json)).toBe(201);
      const second = await signIn(t, link.json.code);
      expect(second.memberId).toBe(first.memberId);
      expect(second.cookie).not.toBe(first.cookie);
      const r = await webCall(t, 'POST', '/api/web/sign-out-everywhere', { session: second });
      expect(r.status, JSON.stringify(r.json)).toBe(204);
      for (const s of [first, second]) expect((await webCall(t, 'GET', '/api/web/session', { session: s })).status).toBe(401);
      for (const role of ROLES) expect((await webCall(t, 'GET', '/api/web/session', { session: a.web[role] })).status).toBe(200);
      for (const role of ROLES) expect((await webCall(t, 'GET', '/api/web/session', { session: b.web[role] })).status).toBe(200);
    });

    it('POST /api/web/sign-out-everywhere signed out: 401, nothing of the group', async () => {
      const r = await webCall(t, 'POST', '/api/web/sign-out-everywhere', {});
      expect(r.status).toBe(401);
      expectNothingOf(r, a);
    });

    it('POST /api/web/sign-in with a wrong code: 403 invite-invalid, no cookie, nothing of any group', async () => {
      const r = await webCall(t, 'POST', '/api/web/sign-in', { body: { code: 'zzzz-zzzz-zzzz', name: 'Nobody' } });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('invite-invalid');
      expect(r.headers.getSetCookie().filter((l) => l.startsWith('lea_session=') && !/Max-Age=0/i.test(l))).toEqual([]);
      expectNothingOf(r, a, b);
    });

    it('POST /api/web/sign-in with a new invite and no name: 400 name-needed, no cookie, nothing of the group', async () => {
      const r = await webCall(t, 'POST', '/api/web/sign-in', { body: { code: a.invites.member } });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('name-needed');
      expect(r.json.error.message).toBe('This code is new to us: enter your name as you want the group to see it.');
      expect(r.headers.getSetCookie().filter((l) => l.startsWith('lea_session=') && !/Max-Age=0/i.test(l))).toEqual([]);
      expectNothingOf(r, a);
    });

    it('a withdrawn invite, and the sign-in link of a removed member, start no session', async () => {
      const invite = await t.call('POST', `/api/groups/${a.group}/invites`, { token: a.facilitator.token, body: { role: 'reader' } });
      expect(invite.status).toBe(201);
      expect((await t.call('DELETE', `/api/groups/${a.group}/invites/${invite.json.inviteId}`, { token: a.facilitator.token })).status).toBe(204);
      const withdrawn = await webCall(t, 'POST', '/api/web/sign-in', { body: { code: invite.json.code, name: 'Late' } });
      expect(withdrawn.status).toBe(403);
      expectNothingOf(withdrawn, a);

      const someone = await t.join(a.invites.member, 'Soon gone');
      const link = await t.call('POST', `/api/groups/${a.group}/members/${someone.memberId}/sign-in-links`, { token: a.facilitator.token });
      expect(link.status, JSON.stringify(link.json)).toBe(201);
      const code = /#link=([^&]+)$/.exec(link.json.url)?.[1];
      expect(code, link.json.url).toBeTruthy();
      expect((await t.call('DELETE', `/api/groups/${a.group}/members/${someone.memberId}`, { token: a.facilitator.token })).status).toBe(204);
      const r = await webCall(t, 'POST', '/api/web/sign-in', { body: { code: decodeURIComponent(code!) } });
      expect([401, 403]).toContain(r.status);
      expect(r.headers.getSetCookie().filter((l) => l.startsWith('lea_session=') && !/Max-Age=0/i.test(l))).toEqual([]);
      expectNothingOf(r, a);
    });

    it('a one-time sign-in link works once, as that member', async () => {
      const someone = await t.join(a.invites.reader, 'Linked officer');
      const link = await t.call('POST', `/api/groups/${a.group}/members/${someone.memberId}/sign-in-links`, { token: a.facilitator.token });
      expect(link.status, JSON.stringify(link.json)).toBe(201);
      const code = decodeURIComponent(/#link=([^&]+)$/.exec(link.json.url)![1]!);
      const session = await signIn(t, code);
      expect(session).toMatchObject({ memberId: someone.memberId, role: 'reader' });
      const again = await webCall(t, 'POST', '/api/web/sign-in', { body: { code } });
      expect(again.status).toBe(403);
      expectNothingOf(again, a);
    });
  });

  describe('the web app\'s pages', () => {
    const pages = (g: WebGroup) => [
      '/',
      '/sign-in',
      `/documents?source=${encodeURIComponent(SHARED_SOURCE)}`,
      `/search?q=${encodeURIComponent(g.secret)}`,
      `/c/${g.shared}`,
      `/c/${g.private}`,
      `/c/${g.hiddenOne}`,
      '/group/members',
      '/group/invites',
      '/group/moderation',
      '/group/themes',
    ];
    const states: Array<[string, (g: WebGroup) => WebCall]> = [
      ['signed out', () => ({})],
      ['an unknown cookie', (g) => ({ session: { ...g.web.member, cookie: 'x'.repeat(43) } })],
      ['a facilitator of the group', (g) => ({ session: g.web.facilitator })],
      ['a reader of the group', (g) => ({ session: g.web.reader })],
      ['a member of another group', () => ({ session: b.web.member })],
      ['a facilitator of another group', () => ({ session: b.web.facilitator })],
      ['a removed member', () => ({ session: removed.member.session })],
      ['an extension token of another group', () => ({ token: b.facilitator.token })],
    ];
    it.each(states)('every page for %s: the same app page with the strict CSP, nothing of the group in it', async (_what, who) => {
      for (const page of pages(a)) {
        const r = await webCall(t, 'GET', page, who(a));
        expect(r.status, page).toBe(200);
        expect(r.headers.get('content-type'), page).toMatch(/^text\/html/);
        expect(r.headers.get('content-security-policy'), page).toContain("script-src 'self'");
        expect(r.headers.get('cache-control'), page).toBe('no-store');
        // The page is the same for everyone: what the group wrote only ever comes from the API.
        expect(r.json, page).toBe(INDEX);
        expect(r.headers.get('access-control-allow-credentials'), page).toBeNull();
        expect(r.headers.getSetCookie(), page).toEqual([]);
      }
    });

    it('an ended session gets the same page at /c/<uuid>', async () => {
      ahead = 15 * DAY;
      try {
        const r = await webCall(t, 'GET', `/c/${a.shared}`, { session: ended.member });
        expect(r.status).toBe(200);
        expect(r.json).toBe(INDEX);
      } finally {
        ahead = 0;
      }
    });
  });

  it('no answer to a cookie ever allows credentials across origins', async () => {
    for (const path of [`/api/groups/${a.group}/overview`, '/api/web/session', `/api/groups/${a.group}/comments/${a.shared}`]) {
      const r = await webCall(t, 'GET', path, { session: a.web.member, headers: { origin: 'https://evil.example' } });
      expect(r.headers.get('access-control-allow-credentials'), path).toBeNull();
      expect(r.headers.get('access-control-allow-origin'), path).not.toBe('https://evil.example');
    }
  });

  it('no answer in this run was a 5xx', () => {
    expect(SEEN.length).toBeGreaterThan(100);
    expect(SEEN.filter((s) => s.status >= 500)).toEqual([]);
  });
});
