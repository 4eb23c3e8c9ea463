import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/auth/roles';
import { MAX_GROUP_LINKS } from '../src/routes/documents/documents.schemas';
import { ACT_S1, BILL, generateBadLinkRequests, LINK_ROUTES } from './document-links-cases';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';

const SEED = 14;
const COUNT = 500;

async function makeLink(t: TestStore, g: TestGroup, body: Record<string, unknown>) {
  return t.call('POST', `/api/groups/${g.group}/document-links`, { token: g.facilitator.token, body });
}

describe.each(BACKENDS)('document links on %s', (kind) => {
  let t: TestStore;
  let a: TestGroup;
  let b: TestGroup;
  const revoked = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());

  describe('access', () => {
    let bLink: string;
    beforeAll(async () => {
      await t.reset();
      a = await t.createGroup('A');
      b = await t.createGroup('B');
      bLink = (await makeLink(t, b, { earlier: 'https://www.gov.uk/b-secret-draft', later: ACT_S1, earlierLabel: 'B-SECRET label' })).json.link.id;
      for (const role of ROLES) {
        const gone = await t.join(a.invites[role], `Gone ${role}`);
        expect((await t.call('DELETE', `/api/groups/${a.group}/members/${gone.memberId}`, { token: a.facilitator.token })).status).toBe(204);
        revoked[role] = gone.token;
      }
    });

    const cells = LINK_ROUTES.flatMap((route) => ROLES.map((role) => ({ route, role })));

    it.each(cells)('$route.name as $role: allowed only to the right roles', async ({ route, role }) => {
      const link = (await makeLink(t, a, { earlier: `https://www.gov.uk/x-${role}-${route.method}`, later: ACT_S1 })).json.link.id as string;
      const r = await t.call(route.method, `/api/groups/${a.group}${route.path(link)}`, { token: a[role].token, ...(route.body ? { body: route.body(role) } : {}) });
      if (route.allowed.includes(role)) expect(r.status, JSON.stringify(r.json)).toBe(route.okStatus);
      else {
        expect(r.status).toBe(403);
        expect(r.json.error.code).toBe('forbidden');
        expect(r.json.error.message).toMatch(/^Only a facilitator can link documents/);
      }
    });

    it.each(cells)('$route.name on another group as $role: 403 and nothing of theirs', async ({ route, role }) => {
      const r = await t.call(route.method, `/api/groups/${b.group}${route.path(bLink)}`, { token: a[role].token, ...(route.body ? { body: route.body(role) } : {}) });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
      expect(JSON.stringify(r.json)).not.toContain('B-SECRET');
    });

    it.each(LINK_ROUTES)('$name without a token: 401', async (route) => {
      const r = await t.call(route.method, `/api/groups/${a.group}${route.path(bLink)}`, route.body ? { body: route.body('facilitator') } : {});
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe('unauthenticated');
    });

    it.each(cells)('$route.name with the token of a removed $role: 401 token-revoked', async ({ route, role }) => {
      const r = await t.call(route.method, `/api/groups/${a.group}${route.path(bLink)}`, { token: revoked[role], ...(route.body ? { body: route.body(role) } : {}) });
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe('token-revoked');
    });

    it("group B's link is still there, untouched by group A's deletes", async () => {
      const r = await t.call('GET', `/api/groups/${b.group}/document-links`, { token: b.reader.token });
      expect(r.json.links.map((l: { id: string }) => l.id)).toEqual([bLink]);
      const mine = await t.call('GET', `/api/groups/${a.group}/document-links`, { token: a.reader.token });
      expect(JSON.stringify(mine.json)).not.toContain('B-SECRET');
    });
  });

  describe('behaviour', () => {
    beforeEach(async () => {
      await t.reset();
      a = await t.createGroup('A');
    });

    it('a facilitator links the Bill to the Act; every role reads it, addresses normalised, labels kept', async () => {
      const made = await makeLink(t, a, { earlier: `${BILL}#l1g1`, later: 'http://legislation.gov.uk/ukpga/2014/23/section/1/?view=plain&utm_source=x', earlierLabel: '  the Care Bill (2013-14) ', laterLabel: 'the Care Act 2014 s.1' });
      expect(made.status).toBe(201);
      expect(made.json.link).toMatchObject({ earlier: BILL, later: ACT_S1, earlierLabel: 'the Care Bill (2013-14)', laterLabel: 'the Care Act 2014 s.1' });
      expect(made.json.link.id).toMatch(/^[0-9a-f-]{36}$/);
      for (const role of ROLES) {
        const r = await t.call('GET', `/api/groups/${a.group}/document-links`, { token: a[role].token });
        expect(r.status).toBe(200);
        expect(r.json.links).toEqual([made.json.link]);
      }
    });

    it('the same pair again: 200 with the one link, labels replaced only where given', async () => {
      const first = (await makeLink(t, a, { earlier: BILL, later: ACT_S1, earlierLabel: 'the Bill' })).json.link;
      const again = await makeLink(t, a, { earlier: BILL, later: `${ACT_S1}/`, laterLabel: 'the Act' });
      expect(again.status).toBe(200);
      expect(again.json.link).toEqual({ ...first, laterLabel: 'the Act' });
      const empty = await makeLink(t, a, { earlier: BILL, later: ACT_S1, earlierLabel: '' });
      expect(empty.json.link.earlierLabel).toBe('the Bill');
      expect((await t.call('GET', `/api/groups/${a.group}/document-links`, { token: a.member.token })).json.links).toHaveLength(1);
    });

    it('the pair turned round: 409 in plain English', async () => {
      await makeLink(t, a, { earlier: BILL, later: ACT_S1 });
      const r = await makeLink(t, a, { earlier: ACT_S1, later: BILL });
      expect(r.status).toBe(409);
      expect(r.json.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('the other way round') });
    });

    it('one document twice (after normalisation): 400', async () => {
      const r = await makeLink(t, a, { earlier: ACT_S1, later: `${ACT_S1}?view=plain` });
      expect(r.status).toBe(400);
      expect(r.json.error.message).toContain('the same document');
    });

    it('a PDF fingerprint can be linked', async () => {
      const r = await makeLink(t, a, { earlier: 'urn:x-pdf:0123456789abcdef', later: ACT_S1, earlierLabel: 'the Bill as printed (PDF)' });
      expect(r.status).toBe(201);
      expect(r.json.link.earlier).toBe('urn:x-pdf:0123456789abcdef');
    });

    it('delete: 204, gone from the list, repeating harmless', async () => {
      const id = (await makeLink(t, a, { earlier: BILL, later: ACT_S1 })).json.link.id;
      expect((await t.call('DELETE', `/api/groups/${a.group}/document-links/${id}`, { token: a.facilitator.token })).status).toBe(204);
      expect((await t.call('DELETE', `/api/groups/${a.group}/document-links/${id}`, { token: a.facilitator.token })).status).toBe(204);
      expect((await t.call('GET', `/api/groups/${a.group}/document-links`, { token: a.member.token })).json.links).toEqual([]);
    });

    it(`a group keeps at most ${MAX_GROUP_LINKS} links: the next is refused with 409`, async () => {
      await t.testDb.db.query(
        `insert into document_links (id, group_id, earlier, later, created_at)
         select gen_random_uuid()::text, $1, 'https://example.org/e' || i, 'https://example.org/l' || i, now() from generate_series(1, $2::int) i`,
        [a.group, MAX_GROUP_LINKS],
      );
      const r = await makeLink(t, a, { earlier: BILL, later: ACT_S1 });
      expect(r.status).toBe(409);
      expect(r.json.error.message).toContain(`${MAX_GROUP_LINKS} links`);
    });

    it(`${COUNT} seeded malformed requests: 0 answers of 500 or more, every refusal a plain JSON message, nothing bad kept`, async () => {
      const link = (await makeLink(t, a, { earlier: BILL, later: ACT_S1 })).json.link.id as string;
      const requests = generateBadLinkRequests({ group: a.group, link, tokens: { facilitator: a.facilitator.token, member: a.member.token, reader: a.reader.token } }, SEED, COUNT);
      const outcomes: Array<{ name: string; status: number; body: string }> = [];
      for (const req of requests) {
        const headers: Record<string, string> = {};
        if (req.token !== undefined) headers.authorization = `Bearer ${req.token}`;
        if (req.body !== undefined) {
          headers['content-type'] = 'application/json';
          headers['content-length'] = String(Buffer.byteLength(req.body));
        }
        const res = await t.store.app.request(`http://store.test${req.path}`, { method: req.method, headers, ...(req.body !== undefined && req.method !== 'GET' ? { body: req.body } : {}) });
        outcomes.push({ name: req.name, status: res.status, body: await res.text() });
      }
      const failures = outcomes.filter((o) => o.status >= 500).map((o) => `${o.status} ${o.name}`);
      console.log(`document links on ${kind}: ${outcomes.length} malformed requests, ${failures.length} answered 5xx, ${outcomes.filter((o) => o.status >= 400).length} refused`);
      expect(failures).toEqual([]);
      const unclear = outcomes.filter((o) => {
        if (o.status < 400) return false;
        try {
          const json = JSON.parse(o.body) as { error?: { code?: unknown; message?: unknown } };
          return typeof json.error?.code !== 'string' || typeof json.error.message !== 'string' || json.error.message.length < 10;
        } catch {
          return true;
        }
      });
      expect(unclear.map((o) => `${o.status} ${o.name}: ${o.body.slice(0, 80)}`)).toEqual([]);
      const { rows } = await t.testDb.db.query<{ v: string | null }>(
        'select earlier as v from document_links union all select later from document_links union all select earlier_label from document_links union all select later_label from document_links',
      );
      const kept = rows.map((r) => r.v).filter((v): v is string => v !== null);
      expect(kept.filter((v) => /[\u0000-\u001f\u007f\u2028\u2029\ud800-\udfff]/.test(v) || v.length > 2048)).toEqual([]);
      expect(kept.filter((v) => !/^(https?:\/\/|urn:x-pdf:)/.test(v) && !/^the /.test(v))).toEqual([]);
    });
  });
});
