import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/auth/roles';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS } from './support/test-db';
import { openTestStore, type Answer, type TestStore } from './support/test-store';
import { expectNothingOf, prepareWebGroup, SEEN, setSessionCookie, signIn, webCall, type WebCall, type WebGroup, type WebSessionOf } from './webapp-access-cases';

/**
 * CSRF and the session cookie (issue 13 "Quality"): a write with the cookie needs the session's
 * own X-CSRF-Token from the store's own origin; a bearer write needs none; reads need none.
 * The cookie is HttpOnly, SameSite=Strict, Path=/, Secure over https, with a Max-Age of the
 * session's lifetime, and the store keeps only its hash.
 */

const CSRF_MESSAGE = 'This form has expired. Reload the page and try again.';

/** A write the web app makes, who makes it, and how to see whether it happened. */
interface WriteCase {
  name: string;
  who: Role;
  okStatus: number;
  /** Build the write against group `g`; `happened` tells afterwards whether it took effect. */
  make(t: TestStore, g: WebGroup): Promise<{ method: string; path: string; body?: unknown; headers?: Record<string, string>; happened: () => Promise<boolean> }>;
}

const WRITES: WriteCase[] = [
  {
    name: 'PUT comment',
    who: 'member',
    okStatus: 201,
    make: async (t, g) => {
      const a = makeComment({ text: 'Written from the web app' });
      return {
        method: 'PUT',
        path: `/api/groups/${g.group}/annotations/${uuidOf(a)}`,
        body: a,
        headers: { 'if-none-match': '*' },
        happened: async () => (await t.call('GET', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token })).status === 200,
      };
    },
  },
  {
    name: 'POST invites',
    who: 'facilitator',
    okStatus: 201,
    make: async (t, g) => {
      const count = async () => ((await t.call('GET', `/api/groups/${g.group}/invites`, { token: g.facilitator.token })).json.invites as unknown[]).length;
      const before = await count();
      return { method: 'POST', path: `/api/groups/${g.group}/invites`, body: { role: 'reader', reusable: false }, happened: async () => (await count()) > before };
    },
  },
  {
    name: 'POST theme',
    who: 'facilitator',
    okStatus: 201,
    make: async (t, g) => {
      const label = `Housing ${randomUUID().slice(0, 6)}`;
      return {
        method: 'POST',
        path: `/api/groups/${g.group}/themes`,
        body: { label },
        happened: async () => JSON.stringify((await t.call('GET', `/api/groups/${g.group}/themes`, { token: g.reader.token })).json).includes(label),
      };
    },
  },
  {
    name: 'PATCH member role',
    who: 'facilitator',
    okStatus: 200,
    make: async (t, g) => {
      const someone = await t.join(g.invites.reader, 'Promoted maybe');
      return {
        method: 'PATCH',
        path: `/api/groups/${g.group}/members/${someone.memberId}`,
        body: { role: 'facilitator' },
        happened: async () => {
          const r = await t.call('GET', `/api/groups/${g.group}/members`, { token: g.facilitator.token });
          return (r.json.members as Array<{ memberId: string; role: string }>).find((m) => m.memberId === someone.memberId)?.role === 'facilitator';
        },
      };
    },
  },
  {
    name: 'DELETE member (revoke)',
    who: 'facilitator',
    okStatus: 204,
    make: async (t, g) => {
      const someone = await t.join(g.invites.member, 'Revoked maybe');
      return {
        method: 'DELETE',
        path: `/api/groups/${g.group}/members/${someone.memberId}`,
        happened: async () => (await t.call('GET', `/api/groups/${g.group}/changes`, { token: someone.token })).status === 401,
      };
    },
  },
  {
    name: 'POST hide',
    who: 'facilitator',
    okStatus: 200,
    make: async (t, g) => {
      const a = makeComment({ text: 'Maybe hidden' });
      await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
      return {
        method: 'POST',
        path: `/api/groups/${g.group}/annotations/${uuidOf(a)}/hide`,
        body: { reason: 'Names a person' },
        happened: async () => !JSON.stringify((await t.call('GET', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.reader.token })).json).includes('Maybe hidden'),
      };
    },
  },
  {
    name: 'PATCH /api/me',
    who: 'reader',
    okStatus: 200,
    make: async (t, g) => {
      const title = `Officer ${randomUUID().slice(0, 6)}`;
      return {
        method: 'PATCH',
        path: '/api/me',
        body: { jobTitle: title },
        happened: async () => JSON.stringify((await t.call('GET', '/api/me', { token: g.reader.token })).json).includes(title) || JSON.stringify((await t.call('GET', `/api/groups/${g.group}/members`, { token: g.facilitator.token })).json).includes(title),
      };
    },
  },
];

describe.each(BACKENDS)('CSRF on every web write on %s', (kind) => {
  let t: TestStore;
  let a: WebGroup;
  let b: WebGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
    a = await prepareWebGroup(t, 'A');
    b = await prepareWebGroup(t, 'B');
  }, 120_000);
  afterAll(async () => t?.close());

  /** The web session that makes the write: a fresh one of a person with `who`'s role, for PATCH /api/me the reader's own. */
  async function sessionFor(w: WriteCase): Promise<WebSessionOf> {
    if (w.name === 'PATCH /api/me') {
      const link = await t.call('POST', '/api/me/link-codes', { token: a.reader.token });
      expect(link.status).toBe(201);
      return signIn(t, link.json.code);
    }
    return a.web[w.who];
  }

  async function attempt(w: WriteCase, call: (own: WebSessionOf) => WebCall): Promise<{ answer: Answer; happened: boolean }> {
    const built = await w.make(t, a);
    const own = await sessionFor(w);
    const answer = await webCall(t, built.method, built.path, { ...call(own), ...(built.body !== undefined ? { body: built.body } : {}), headers: { ...built.headers, ...call(own).headers } });
    return { answer, happened: await built.happened() };
  }

  function expectCsrfRefusal({ answer, happened }: { answer: Answer; happened: boolean }) {
    expect(answer.status, JSON.stringify(answer.json)).toBe(403);
    expect(answer.json.error).toMatchObject({ code: 'csrf-failed', message: CSRF_MESSAGE });
    expectNothingOf(answer, a, b);
    expect(happened, 'the refused write did not happen').toBe(false);
  }

  it.each(WRITES)('$name with the cookie and no X-CSRF-Token: 403 csrf-failed, nothing written', async (w) => {
    expectCsrfRefusal(await attempt(w, (own) => ({ session: own, csrf: null })));
  });

  it.each(WRITES)('$name with the cookie and an empty X-CSRF-Token: 403 csrf-failed', async (w) => {
    expectCsrfRefusal(await attempt(w, (own) => ({ session: own, csrf: '' })));
  });

  it.each(WRITES)("$name with the cookie and another session's token (same group, another person): 403 csrf-failed", async (w) => {
    const other = w.who === 'member' ? a.web.facilitator : a.web.member;
    expectCsrfRefusal(await attempt(w, (own) => ({ session: own, csrf: other.csrfToken })));
  });

  it.each(WRITES)("$name with the cookie and a token of another group's session: 403 csrf-failed", async (w) => {
    expectCsrfRefusal(await attempt(w, (own) => ({ session: own, csrf: b.web[w.who].csrfToken })));
  });

  it.each(WRITES)('$name with the cookie and the token of an earlier session of the same person (signed out since): 403 csrf-failed', async (w) => {
    const link = await t.call('POST', '/api/me/link-codes', { token: a[w.who].token });
    const earlier = await signIn(t, link.json.code);
    expect((await webCall(t, 'POST', '/api/web/sign-out', { session: earlier })).status).toBe(204);
    expectCsrfRefusal(await attempt(w, (own) => ({ session: own, csrf: earlier.csrfToken })));
  });

  it.each(WRITES)('$name with the cookie and the session as the token: 403 csrf-failed (the cookie is not the token)', async (w) => {
    expectCsrfRefusal(await attempt(w, (own) => ({ session: own, csrf: own.cookie })));
  });

  it.each(WRITES.flatMap((w) => ['https://evil.example', 'null', 'http://store.test.evil.example', 'https://store.test:8443'].map((origin) => ({ w, origin }))))(
    '$w.name with the cookie and the right token from Origin $origin: 403, nothing written',
    async ({ w, origin }) => {
      const { answer, happened } = await attempt(w, (own) => ({ session: own, origin }));
      expect(answer.status, JSON.stringify(answer.json)).toBe(403);
      expect(answer.json.error.code).toMatch(/^(csrf-failed|forbidden)$/);
      expectNothingOf(answer, a, b);
      expect(happened).toBe(false);
    },
  );

  it.each(WRITES)('$name with the cookie and a made-up bearer token instead of the CSRF token: refused, nothing written', async (w) => {
    const { answer, happened } = await attempt(w, (own) => ({ session: own, csrf: null, headers: { authorization: 'Bearer made-up-token' } }));
    expect([401, 403]).toContain(answer.status);
    expectNothingOf(answer, a, b);
    expect(happened).toBe(false);
  });

  it.each(WRITES)('$name with the cookie and no token, sent as a plain HTML form would (text/plain): 403, nothing written', async (w) => {
    const { answer, happened } = await attempt(w, (own) => ({ session: own, csrf: null, origin: null, headers: { 'content-type': 'text/plain' } }));
    expect(answer.status, JSON.stringify(answer.json)).toBe(403);
    expectNothingOf(answer, a, b);
    expect(happened).toBe(false);
  });

  it("a bearer token of another group's person with this group's cookie: the token decides (403), nothing of this group", async () => {
    const r = await webCall(t, 'GET', `/api/groups/${a.group}/overview`, { session: a.web.reader, token: b.reader.token });
    expect(r.status).toBe(403);
    expectNothingOf(r, a);
  });

  it.each(WRITES)('$name with the cookie, the right token, from the store\'s own origin: done', async (w) => {
    const { answer, happened } = await attempt(w, (own) => ({ session: own }));
    expect(answer.status, JSON.stringify(answer.json)).toBe(w.okStatus);
    expect(happened).toBe(true);
  });

  it.each(WRITES)('$name with a bearer token and no CSRF token (the extension): done', async (w) => {
    const { answer, happened } = await attempt(w, () => ({ token: a[w.who].token }));
    expect(answer.status, JSON.stringify(answer.json)).toBe(w.okStatus);
    expect(happened).toBe(true);
  });

  it.each(['POST /api/web/sign-out', 'POST /api/web/sign-out-everywhere'])('%s needs the token too: without it the session lives on', async (route) => {
    const [method, path] = route.split(' ') as [string, string];
    const session = await signIn(t, a.invites.member, 'Signing out');
    for (const csrf of [null, '', a.web.member.csrfToken]) {
      const r = await webCall(t, method, path, { session, csrf });
      expect(r.status, JSON.stringify(r.json)).toBe(403);
      expect(r.json.error.code).toBe('csrf-failed');
    }
    const foreign = await webCall(t, method, path, { session, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await webCall(t, 'GET', '/api/web/session', { session })).status).toBe(200);
    expect((await webCall(t, method, path, { session })).status).toBe(204);
    expect((await webCall(t, 'GET', '/api/web/session', { session })).status).toBe(401);
  });

  it.each(ROLES)('reads with the cookie of a %s need no token', async (role) => {
    for (const path of [`/api/groups/${a.group}/themes`, `/api/groups/${a.group}/overview`, `/api/groups/${a.group}/changes`, '/api/web/session']) {
      expect((await webCall(t, 'GET', path, { session: a.web[role] })).status, path).toBe(200);
    }
  });

  it('no answer was a 5xx', () => {
    expect(SEEN.filter((s) => s.status >= 500)).toEqual([]);
  });
});

// HttpOnly, SameSite=Strict, Path=/, Max-Age, Secure over https and with an https PUBLIC_URL, and
// the store keeping only a hash are in web-sessions.test.ts; here, what it leaves out.
describe.each(BACKENDS)('the session cookie on %s (beyond web-sessions.test.ts)', (kind) => {
  let t: TestStore;
  let a: WebGroup;
  afterAll(async () => t?.close());
  beforeAll(async () => {
    t = await openTestStore(kind);
    a = await prepareWebGroup(t, 'A');
  }, 120_000);

  const attrs = (line: string) => line.split(';').slice(1).map((s) => s.trim().toLowerCase());

  it('sign-in sets exactly one cookie, for this host only (no Domain), never SameSite=Lax or None', async () => {
    const r = await webCall(t, 'POST', '/api/web/sign-in', { body: { code: a.invites.member, name: 'Host only' } });
    expect(r.status).toBe(200);
    const lines = r.headers.getSetCookie();
    expect(lines).toHaveLength(1);
    const list = attrs(lines[0]!);
    expect(list.filter((x) => x.startsWith('domain='))).toEqual([]);
    expect(list.filter((x) => x.startsWith('samesite='))).toEqual(['samesite=strict']);
    expect(r.json.csrfToken).not.toBe(setSessionCookie(r)!.value);
  });

  it('sign-out clears the cookie with the same Path, HttpOnly and SameSite (so the browser replaces it), and the cleared value opens nothing', async () => {
    const session = await signIn(t, a.invites.reader, 'Clear me');
    const r = await webCall(t, 'POST', '/api/web/sign-out', { session });
    expect(r.status).toBe(204);
    const line = r.headers.getSetCookie().find((l) => l.startsWith('lea_session='));
    expect(line).toBeDefined();
    expect(attrs(line!)).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=strict']));
    const cleared = /^lea_session=([^;]*)/.exec(line!)![1]!;
    expect((await webCall(t, 'GET', '/api/web/session', { cookieHeader: `lea_session=${cleared}` })).status).toBe(401);
  });

  it('no other answer sets a cookie: reads, writes, refusals, the session itself (pages: webapp-access.test.ts)', async () => {
    const s = a.web.member;
    const answers = [
      await webCall(t, 'GET', '/api/web/session', { session: s }),
      await webCall(t, 'GET', `/api/groups/${a.group}/overview`, { session: s }),
      await webCall(t, 'GET', `/api/groups/${a.group}/members`, { session: s }),
      await webCall(t, 'POST', `/api/groups/${a.group}/invites`, { session: s, csrf: null, body: { role: 'reader' } }),
      await webCall(t, 'GET', `/api/groups/${a.group}/changes`, { token: a.member.token }),
      await webCall(t, 'GET', '/api/web/session', {}),
    ];
    for (const r of answers) expect(r.headers.getSetCookie()).toEqual([]);
  });

  it('a wrong code at sign-in while signed in leaves the session as it was', async () => {
    const session = await signIn(t, a.invites.member, 'Still here');
    const r = await webCall(t, 'POST', '/api/web/sign-in', { session, body: { code: 'zzzz-zzzz-zzzz', name: 'x' } });
    expect(r.status).toBe(403);
    expect(r.headers.getSetCookie()).toEqual([]);
    expect((await webCall(t, 'GET', '/api/web/session', { session })).status).toBe(200);
  });
});
