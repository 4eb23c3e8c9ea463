import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from './support/annotations';
import { readSse } from './support/sse';
import { spawnStore, type SpawnedStore } from './support/spawn-store';
import { POSTGRES_AVAILABLE, TEST_DATABASE_URL } from './support/test-db';

const ADMIN = 'multi-process-admin-token-123456';

/**
 * Two store processes on one PostgreSQL database: a client subscribed to one's stream sees
 * a write made through the other within a second (LISTEN/NOTIFY fan-out, no shared memory).
 */
describe.runIf(POSTGRES_AVAILABLE)('two store processes on one PostgreSQL database', () => {
  const schema = `lea_mp_${randomBytes(4).toString('hex')}`;
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

  it('delivers a write made through one process to a stream on the other within 1 s', async () => {
    for (let i = 0; i < 2; i++) {
      const dir = await mkdtemp(join(tmpdir(), 'lea-mp-'));
      dirs.push(dir);
      stores.push(await spawnStore({ DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, ADMIN_TOKEN: ADMIN, DATA_DIR: dir }));
    }
    const [one, two] = stores as [SpawnedStore, SpawnedStore];
    expect(one.output()).toContain('PostgreSQL');

    const created = await fetch(`${one.url}/api/admin/groups`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Shared' }) });
    const { group, invites } = (await created.json()) as { group: string; invites: { member: string; reader: string } };
    // Join through different processes: the state is all in the database.
    const joinAt = async (url: string, code: string) =>
      ((await (await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, displayName: 'P' }) })).json()) as { token: string });
    const writer = await joinAt(two.url, invites.member);
    const reader = await joinAt(one.url, invites.reader);

    for (const [listenOn, writeTo] of [
      [one, two],
      [two, one],
    ] as const) {
      const res = await fetch(`${listenOn.url}/api/groups/${group}/stream`, { headers: { authorization: `Bearer ${reader.token}` } });
      expect(res.status).toBe(200);
      const stream = readSse(res);
      await new Promise((r) => setTimeout(r, 200));
      stream.buffered();
      const a = makeComment();
      const started = Date.now();
      const put = await fetch(`${writeTo.url}/api/groups/${group}/annotations/${uuidOf(a)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json', 'if-none-match': '*' },
        body: JSON.stringify(a),
      });
      expect(put.status).toBe(201);
      const { cursor } = (await put.json()) as { cursor: string };
      const event = await stream.next(1000);
      const latency = Date.now() - started;
      expect(latency).toBeLessThan(1000);
      expect(event.id).toBe(cursor);
      // The event's cursor is already servable by the other process.
      const feed = await fetch(`${listenOn.url}/api/groups/${group}/changes`, { headers: { authorization: `Bearer ${reader.token}` } });
      const { changes } = (await feed.json()) as { changes: { id: string }[] };
      expect(changes.map((c) => c.id)).toContain(a.id);
      await stream.close();
    }
  });
});
