import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/auth/roles';
import { readSse } from './support/sse';
import { BACKENDS } from './support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestStore } from './support/test-store';
import { DIGEST_FORMATS, prepareGroup, ROUTE_CASES, type MatrixGroup } from './access-matrix-cases';

describe.each(BACKENDS)('access matrix on %s: every route × every role × another group', (kind) => {
  let t: TestStore;
  let a: MatrixGroup;
  let b: MatrixGroup;
  /** Tokens of people of group A, one per role, whom the facilitator has since removed. */
  const revoked = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await openTestStore(kind);
    a = await prepareGroup(t, 'A');
    b = await prepareGroup(t, 'B');
    for (const role of ROLES) {
      const gone = await t.join(a.invites[role], `Gone ${role}`);
      const r = await t.call('DELETE', `/api/groups/${a.group}/members/${gone.memberId}`, { token: a.facilitator.token });
      expect(r.status).toBe(204);
      revoked[role] = gone.token;
    }
  });

  /** A digest of group `g` as `token`, as text (Word: every part of the package, unzipped). */
  async function digestText(g: MatrixGroup, token: string, format: string) {
    const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/digest?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = format === 'docx' ? Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join('\n') : new TextDecoder().decode(bytes);
    return { status: res.status, text };
  }
  afterAll(async () => t.close());

  const cells = ROUTE_CASES.flatMap((route) => ROLES.map((role) => ({ route, role })));

  it.each(cells)('$route.name as $role of the group: allowed only to the right roles', async ({ route, role }) => {
    const { method, path, call } = await route.request(t, a);
    const r = await t.call(method, path, { ...call, token: a[role].token });
    if (route.allowed.includes(role)) expect(r.status, JSON.stringify(r.json)).toBe(route.okStatus);
    else {
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
    }
  });

  it.each(cells)('$route.name on another group as $role: 403 and nothing of theirs', async ({ route, role }) => {
    const { method, path, call } = await route.request(t, b);
    const r = await t.call(method, path, { ...call, token: a[role].token });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('forbidden');
    expect(JSON.stringify(r.json)).not.toContain(b.secret);
  });

  it.each(ROUTE_CASES)('$name without a token: 401 and nothing of the group', async (route) => {
    const { method, path, call } = await route.request(t, a);
    const r = await t.call(method, path, call);
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthenticated');
    expect(JSON.stringify(r.json)).not.toContain(a.secret);
  });

  const revokedCells = ROUTE_CASES.flatMap((route) => ROLES.map((role) => ({ route, role })));
  it.each(revokedCells)('$route.name with the token of a removed $role: 401 token-revoked', async ({ route, role }) => {
    const { method, path, call } = await route.request(t, a);
    const r = await t.call(method, path, { ...call, token: revoked[role] });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('token-revoked');
    expect(JSON.stringify(r.json)).not.toContain(a.secret);
  });

  const digestCells = DIGEST_FORMATS.flatMap((format) => ROLES.map((role) => ({ format, role })));
  it.each(digestCells)('the $format digest gives a $role their group\'s shared comment and nothing private, hidden or of another group', async ({ format, role }) => {
    const { status, text } = await digestText(a, a[role].token, format);
    expect(status).toBe(200);
    expect(text).toContain(`${a.secret} shared`);
    expect(text).not.toContain(`${a.secret} private`);
    expect(text).not.toContain(`${a.secret} hidden`);
    expect(text).not.toContain(b.secret);
  });

  it.each(ROLES)('the stream of another group refuses a %s', async (role) => {
    const res = await t.store.app.request(`http://store.test/api/groups/${b.group}/stream`, { headers: { authorization: `Bearer ${a[role].token}` } });
    expect(res.status).toBe(403);
  });

  it.each(ROLES)('the own stream is open to a %s', async (role) => {
    const res = await t.store.app.request(`http://store.test/api/groups/${a.group}/stream`, { headers: { authorization: `Bearer ${a[role].token}` } });
    expect(res.status).toBe(200);
    await readSse(res).close();
  });

  it.each(['facilitator', 'reader'] as const)('nothing private or hidden reaches a %s of the same group', async (role) => {
    const token = a[role].token;
    const seen = [
      await t.call('GET', `/api/groups/${a.group}/changes?limit=1000`, { token }),
      await t.call('GET', `/annotations/${a.group}/?page=0`, { token }),
      await t.call('GET', `/api/groups/${a.group}/annotations/${a.private}`, { token }),
      await t.call('GET', `/annotations/${a.group}/${a.private}`, { token }),
    ];
    const text = JSON.stringify(seen.map((s) => s.json));
    expect(text).not.toContain(`${a.secret} private`);
    if (role === 'reader') expect(text).not.toContain(`${a.secret} hidden`);
  });

  it('admin routes refuse every member token', async () => {
    for (const role of ROLES) {
      const r = await t.call('POST', '/api/admin/groups', { token: a[role].token, body: { name: 'Sneaky' } });
      expect(r.status).toBe(403);
    }
    const admin = await t.call('GET', `/api/groups/${a.group}/changes`, { token: ADMIN_TOKEN });
    expect(admin.status).toBe(401);
  });
});
