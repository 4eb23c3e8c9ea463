import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/auth/roles';
import { makeComment } from './support/annotations';
import { create, makeReply, makeSupport } from './support/conversation';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestStore } from './support/test-store';
import { expectNothingOf, prepareWebGroup, SEEN, SHARED_SOURCE, webCall, type WebCall, type WebGroup } from './webapp-access-cases';

/**
 * A comment's permanent link (issue 13 "Quality"): `GET /api/groups/{group}/comments/{uuid}`
 * opens it for anyone signed in to that group, and gives a person of another group, by cookie
 * or by extension token, on either group's address, nothing of it; signed out is asked to sign
 * in. Another group's search, overview and document page never hold it, though it is on the
 * same policy page.
 */

describe.each(BACKENDS)('permanent links on %s', (kind) => {
  let t: TestStore;
  let a: WebGroup;
  let b: WebGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
    a = await prepareWebGroup(t, 'A');
    b = await prepareWebGroup(t, 'B');
  }, 120_000);
  afterAll(async () => t?.close());

  const ways = ROLES.flatMap((role) => [
    { role, via: 'cookie' as const },
    { role, via: 'bearer' as const },
  ]);
  const as = (g: WebGroup, role: (typeof ROLES)[number], via: 'cookie' | 'bearer'): WebCall => (via === 'cookie' ? { session: g.web[role] } : { token: g[role].token });

  it.each(ways)("a $role of the group by $via opens the comment, its quote and its thread", async ({ role, via }) => {
    const r = await webCall(t, 'GET', `/api/groups/${a.group}/comments/${a.shared}`, as(a, role, via));
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const text = JSON.stringify(r.json);
    expect(text).toContain(`${a.secret} shared`);
    expect(text).toContain(`${a.secret} quoted shared`);
    expect(text).toContain(`${a.secret} reply`);
    expect(text).not.toContain(b.secret);
  });

  it.each(ways)("a $role of another group by $via, on the comment's own group address: 403 and nothing of it", async ({ role, via }) => {
    for (const uuid of [a.shared, a.private, a.hiddenOne, a.reply]) {
      const r = await webCall(t, 'GET', `/api/groups/${a.group}/comments/${uuid}`, as(b, role, via));
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
      expectNothingOf(r, a);
    }
  });

  it.each(ways)("a $role of another group by $via, on their own group's address: 404, the same as no such comment", async ({ role, via }) => {
    const missing = await webCall(t, 'GET', `/api/groups/${b.group}/comments/0190a1b2-0000-7000-8000-00000000dead`, as(b, role, via));
    expect(missing.status).toBe(404);
    for (const uuid of [a.shared, a.private, a.hiddenOne, a.reply]) {
      const r = await webCall(t, 'GET', `/api/groups/${b.group}/comments/${uuid}`, as(b, role, via));
      expect(r.status, JSON.stringify(r.json)).toBe(404);
      expect(r.json.error).toEqual(missing.json.error);
      expect(JSON.stringify(r.json)).not.toContain(a.secret);
    }
  });

  it('signed out, or with a cookie the store never made: 401, nothing of it', async () => {
    for (const call of [{}, { session: { ...a.web.member, cookie: 'x'.repeat(43) } }] as WebCall[]) {
      const r = await webCall(t, 'GET', `/api/groups/${a.group}/comments/${a.shared}`, call);
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe('unauthenticated');
      expectNothingOf(r, a);
    }
  });

  it('a private comment opens for its author only; a hidden one shows its words to facilitators only', async () => {
    const mine = await webCall(t, 'GET', `/api/groups/${a.group}/comments/${a.private}`, { token: a.member.token });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.json)).toContain(`${a.secret} private`);
    for (const call of [{ session: a.web.member }, { session: a.web.facilitator }, { token: a.reader.token }] as WebCall[]) {
      const r = await webCall(t, 'GET', `/api/groups/${a.group}/comments/${a.private}`, call);
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.json)).not.toContain(`${a.secret} private`);
    }
    for (const call of [{ session: a.web.member }, { session: a.web.reader }, { token: a.reader.token }] as WebCall[]) {
      const r = await webCall(t, 'GET', `/api/groups/${a.group}/comments/${a.hiddenOne}`, call);
      expect(r.status).toBeLessThan(500);
      expect(JSON.stringify(r.json)).not.toContain(`${a.secret} hidden`);
    }
    const moderator = await webCall(t, 'GET', `/api/groups/${a.group}/comments/${a.hiddenOne}`, { session: a.web.facilitator });
    expect(moderator.status).toBe(200);
    expect(JSON.stringify(moderator.json)).toContain(`${a.secret} hidden`);
  });

  it.each(ways)("another group's search, overview and page of the same policy, for its $role by $via, never hold the comment", async ({ role, via }) => {
    const who = as(b, role, via);
    const seen = [
      await webCall(t, 'GET', `/api/groups/${b.group}/search?q=${encodeURIComponent('dignity')}`, who),
      await webCall(t, 'GET', `/api/groups/${b.group}/search?q=${encodeURIComponent(a.secret)}`, who),
      await webCall(t, 'GET', `/api/groups/${b.group}/search?q=${encodeURIComponent('quoted shared')}`, who),
      await webCall(t, 'GET', `/api/groups/${b.group}/overview`, who),
      await webCall(t, 'GET', `/api/groups/${b.group}/document?source=${encodeURIComponent(SHARED_SOURCE)}`, who),
    ];
    for (const r of seen) expect(r.status, JSON.stringify(r.json)).toBe(200);
    // Their own group's comments on the same page are there; group A's are not.
    expect(seen[0]!.json.total).toBeGreaterThan(0);
    expect(JSON.stringify(seen[4]!.json)).toContain(`${b.secret} shared`);
    const text = JSON.stringify(seen.map((r) => r.json));
    expect(text).not.toContain(a.secret);
    for (const uuid of [a.shared, a.private, a.hiddenOne, a.reply]) expect(text).not.toContain(uuid);
    // The search for A's marker finds nothing at all.
    expect(seen[1]!.json.total).toBe(0);
    expect(seen[1]!.json.results).toEqual([]);
  });

  it("the group's own search finds the comment by a stemmed word and by its quote; the overview counts it", async () => {
    const search = await webCall(t, 'GET', `/api/groups/${a.group}/search?q=${encodeURIComponent('arranging')}`, { session: a.web.reader });
    expect(search.status, JSON.stringify(search.json)).toBe(200);
    expect((search.json.results as Array<{ commentId: string }>).map((x) => x.commentId)).toEqual(expect.arrayContaining([expect.stringContaining(a.shared)]));
    expect(JSON.stringify(search.json)).not.toContain(b.secret);
    const overview = await webCall(t, 'GET', `/api/groups/${a.group}/overview`, { session: a.web.reader });
    expect(overview.status).toBe(200);
    expect(JSON.stringify(overview.json)).not.toContain(b.secret);
  });

  it.each(ways)("what a $role of the group sees by $via holds no one else's private comment, and hidden ones only for a facilitator", async ({ role, via }) => {
    const who = as(a, role, via);
    const seen = [
      await webCall(t, 'GET', `/api/groups/${a.group}/overview`, who),
      await webCall(t, 'GET', `/api/groups/${a.group}/document?source=${encodeURIComponent(SHARED_SOURCE)}`, who),
      await webCall(t, 'GET', `/api/groups/${a.group}/search?q=dignity`, who),
      await webCall(t, 'GET', `/api/groups/${a.group}/search?q=${encodeURIComponent('quoted private')}`, who),
      await webCall(t, 'GET', `/api/groups/${a.group}/search?q=${encodeURIComponent('quoted hidden')}`, who),
      await webCall(t, 'GET', `/api/groups/${a.group}/digest?format=csv`, who),
    ];
    for (const r of seen) expect(r.status, JSON.stringify(r.json).slice(0, 300)).toBe(200);
    const text = JSON.stringify(seen.map((r) => r.json));
    expect(text).toContain(`${a.secret} shared`);
    // The private comment is the extension member's own: only they see it.
    if (role === 'member' && via === 'bearer') expect(JSON.stringify(seen[1]!.json)).toContain(`${a.secret} private`);
    else {
      expect(text).not.toContain(`${a.secret} private`);
      expect(text).not.toContain(`${a.secret} quoted private`);
      expect(text).not.toContain(a.private);
    }
    if (role !== 'facilitator') {
      expect(text).not.toContain(`${a.secret} hidden`);
      expect(text).not.toContain(`${a.secret} quoted hidden`);
    }
    expect(text).not.toContain(b.secret);
  });

  it("another group's new comments, replies and supports on the same policy change nothing in this group's overview, document page or search", async () => {
    const read = async () => {
      const who = { session: b.web.reader };
      const overview = await webCall(t, 'GET', `/api/groups/${b.group}/overview`, who);
      const document = await webCall(t, 'GET', `/api/groups/${b.group}/document?source=${encodeURIComponent(SHARED_SOURCE)}`, who);
      const search = await webCall(t, 'GET', `/api/groups/${b.group}/search?q=dignity`, who);
      for (const r of [overview, document, search]) expect(r.status).toBe(200);
      return JSON.stringify([overview.json, document.json, search.json]);
    };
    const before = await read();
    for (let i = 0; i < 3; i++) {
      const c = makeComment({ text: `Dignity matters ${i}`, creator: 'Another' });
      expect((await create(t, a.group, c, a.member.token)).status).toBe(201);
      expect((await create(t, a.group, makeReply(c.id, { text: 'Dignity too' }), a.reader.token)).status).toBe(201);
      expect((await create(t, a.group, makeSupport(c.id), a.facilitator.token)).status).toBe(201);
    }
    expect((await create(t, a.group, makeSupport(`urn:uuid:${a.shared}`), a.facilitator.token)).status).toBe(201);
    expect(await read()).toBe(before);
  });

  it('no answer was a 5xx', () => {
    expect(SEEN.filter((s) => s.status >= 500)).toEqual([]);
  });
});
