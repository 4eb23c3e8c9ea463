import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestGroup, type TestStore } from './support/test-store';

/** Who may import and export: facilitators of the group and the admin token; no 5xx for bad input. */
describe.each(BACKENDS)('import/export access and bad input on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let other: TestGroup;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
    other = await t.createGroup('Other');
  });

  it('every role × this group / another group × import / export', async () => {
    const cases: { who: string; token: string | undefined; group: () => string; importStatus: number; exportStatus: number }[] = [
      { who: 'no token', token: undefined, group: () => g.group, importStatus: 401, exportStatus: 401 },
      { who: 'unknown token', token: 'not-a-token-at-all-123456', group: () => g.group, importStatus: 401, exportStatus: 401 },
      { who: 'facilitator', token: '', group: () => g.group, importStatus: 200, exportStatus: 200 },
      { who: 'member', token: '', group: () => g.group, importStatus: 403, exportStatus: 403 },
      { who: 'reader', token: '', group: () => g.group, importStatus: 403, exportStatus: 403 },
      { who: 'facilitator of another group', token: '', group: () => other.group, importStatus: 403, exportStatus: 403 },
      { who: 'admin', token: ADMIN_TOKEN, group: () => g.group, importStatus: 200, exportStatus: 200 },
      { who: 'admin, no such group', token: ADMIN_TOKEN, group: () => 'nosuchgroup', importStatus: 404, exportStatus: 404 },
    ];
    for (const c of cases) {
      const token = c.token === '' ? (c.who.startsWith('facilitator') ? g.facilitator.token : c.who === 'member' ? g.member.token : g.reader.token) : c.token;
      const imp = await t.call('POST', `/api/groups/${c.group()}/import`, { token, body: { comments: [], dryRun: true } });
      expect(imp.status, `${c.who} import`).toBe(c.importStatus);
      const exp = await t.call('GET', `/api/groups/${c.group()}/export?format=hypothesis`, { token });
      expect(exp.status, `${c.who} export`).toBe(c.exportStatus);
    }
  });

  it('malformed bodies are 4xx with a plain message, never 5xx', async () => {
    const path = `/api/groups/${g.group}/import`;
    const bodies: { rawBody?: string; body?: unknown }[] = [
      { rawBody: '{' },
      { rawBody: '' },
      { body: null },
      { body: [] },
      { body: { comments: null } },
      { body: { comments: Array.from({ length: 1001 }, () => ({})) } },
      { body: { comments: [], dryRun: 'yes' } },
      { body: { comments: [null, 1, 'x', [], { via: 'https://hypothes.is/a/x' }, { via: 5 }, { via: 'not a url', id: 'urn:uuid:x' }] } },
      { body: { comments: [{ via: 'https://hypothes.is/a/\u0000' }] } },
    ];
    for (const b of bodies) {
      const r = await t.call('POST', path, { token: g.facilitator.token, ...b });
      expect(r.status, JSON.stringify(b).slice(0, 80)).toBeLessThan(500);
      if (r.status >= 400) expect(typeof r.json.error.message).toBe('string');
      else expect(r.json.new).toBe(0);
    }
  });
});
