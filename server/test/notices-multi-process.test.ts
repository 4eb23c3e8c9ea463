import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readSse } from './support/sse';
import { spawnStore, type SpawnedStore } from './support/spawn-store';
import { POSTGRES_AVAILABLE, TEST_DATABASE_URL } from './support/test-db';

const ADMIN = 'notices-multi-process-admin-token-1';

/**
 * Two store processes on one PostgreSQL database, through real HTTP: a browser linked on one
 * process marks a notice read; the member's stream open on the other gets `event: notices`
 * (LISTEN/NOTIFY, nothing shared in memory), and another member's stream does not.
 */
describe.runIf(POSTGRES_AVAILABLE)('notice state across two store processes', () => {
  const schema = `lea_nmp_${randomBytes(4).toString('hex')}`;
  const stores: SpawnedStore[] = [];
  const dirs: string[] = [];

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.stop('SIGTERM')));
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  it('a read marked through a linked browser on one process reaches the member\'s stream on the other within 1 s', async () => {
    for (let i = 0; i < 2; i++) {
      const dir = await mkdtemp(join(tmpdir(), 'lea-nmp-'));
      dirs.push(dir);
      stores.push(await spawnStore({ DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, ADMIN_TOKEN: ADMIN, DATA_DIR: dir }));
    }
    const [one, two] = stores as [SpawnedStore, SpawnedStore];
    const post = async (url: string, body: unknown, token?: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const created = await post(`${one.url}/api/admin/groups`, { name: 'Shared' }, ADMIN);
    const { group, invites } = (await created.json()) as { group: string; invites: { member: string } };
    const first = (await (await post(`${one.url}/api/join`, { code: invites.member, displayName: 'Mo' })).json()) as { token: string; memberId: string };
    const someoneElse = (await (await post(`${one.url}/api/join`, { code: invites.member, displayName: 'Sam' })).json()) as { token: string };
    const code = (await (await post(`${one.url}/api/me/link-codes`, {}, first.token)).json()) as { code: string };
    const linked = await post(`${two.url}/api/join`, { code: code.code });
    expect(linked.status).toBe(201);
    const second = (await linked.json()) as { token: string; memberId: string };
    expect(second.memberId).toBe(first.memberId);

    const open = async (token: string) => {
      const res = await fetch(`${one.url}/api/groups/${group}/stream`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return readSse(res);
    };
    const mine = await open(first.token);
    const theirs = await open(someoneElse.token);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const read = await post(`${two.url}/api/me/notices/read`, { ids: ['reply:0190f0e8-7c1a-7000-8000-000000000001'] }, second.token);
    expect(read.status).toBe(204);
    expect(await mine.next(1000)).toEqual({ event: 'notices', data: '{}' });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(theirs.next(500)).rejects.toThrow(/no SSE event/);
    const state = await fetch(`${one.url}/api/me/notices`, { headers: { authorization: `Bearer ${first.token}` } });
    expect(await state.json()).toEqual({ read: ['reply:0190f0e8-7c1a-7000-8000-000000000001'], follows: [] });
    await mine.close();
    await theirs.close();
  });
});
