import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type StoreApp } from '../src/app';
import { makeComment } from './support/annotations';
import { spawnStore } from './support/spawn-store';
import { BACKENDS } from './support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestGroup, type TestStore } from './support/test-store';

const NOW = new Date('2026-11-23T10:00:00Z');
const BUSY = 'The group store is busy making other digests: please try again in a minute.';
/** Enough long comments that one Word digest takes the better part of a second to render. */
const SLOW_COMMENTS = 2000;
const LONG_TEXT =
  'When my mother was discharged from hospital nobody told us who would visit, and the carers who came changed every day, so she had to explain her medication again and again. '.repeat(20);

describe.each(BACKENDS)('digests in worker threads on %s', (kind) => {
  let t: TestStore;
  let slow: TestGroup;
  let other: TestGroup;

  /** Insert `n` long group comments straight into the table (the write path is not under test). */
  async function seed(group: TestGroup, n: number) {
    const template = makeComment({ text: LONG_TEXT });
    await t.testDb.db.query(
      `insert into annotations (group_id, id, author_id, revision, annotation, visibility, ever_shared, xid, seq, created_at, updated_at)
       select $1, u, $2, 1, jsonb_set(jsonb_set($3::jsonb, '{id}', to_jsonb('urn:uuid:' || u)), '{body,0,value}', to_jsonb('Comment ' || n || ': ' || ($3::jsonb #>> '{body,0,value}'))),
              'group', true, pg_current_xact_id(), nextval('change_seq'), now(), now()
       from (select n, '00000000-0000-7000-8000-' || lpad(n::text, 12, '0') as u from generate_series(1, $4::int) as n) s`,
      [group.group, group.member.memberId, JSON.stringify(template), n],
    );
  }

  const digest = async (store: StoreApp, group: TestGroup, format: string): Promise<Response> =>
    store.app.request(`http://store.test/api/groups/${group.group}/digest?format=${format}`, { headers: { authorization: `Bearer ${group.reader.token}` } });

  beforeAll(async () => {
    t = await openTestStore(kind, { clock: () => NOW, digests: { workers: 1, perGroup: 2, queue: 8 } });
    slow = await t.createGroup('Slow group');
    other = await t.createGroup('Other group');
    await seed(slow, SLOW_COMMENTS);
    await seed(other, 20);
    // Start the worker (its first job loads the TypeScript) so timings below are the render's own.
    expect((await digest(t.store, other, 'docx')).status).toBe(200);
  });
  afterAll(async () => t.close());

  it('answers /api/health quickly while a slow Word digest is being made', async () => {
    const started = performance.now();
    let digestDone = 0;
    const making = digest(t.store, slow, 'docx').then(async (r) => {
      await r.arrayBuffer();
      digestDone = performance.now();
      return r.status;
    });
    const health: { latency: number; at: number }[] = [];
    while (!digestDone) {
      const t0 = performance.now();
      const r = await t.call('GET', '/api/health');
      expect(r.status).toBe(200);
      const at = performance.now();
      if (!digestDone) health.push({ latency: at - t0, at });
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await making).toBe(200);
    const took = digestDone - started;
    const worst = Math.max(...health.map((h) => h.latency));
    // Rendering on the main thread holds health for most of the digest; in a worker it never waits long.
    expect(health.length, `${health.length} health answers during a ${took.toFixed(0)} ms digest`).toBeGreaterThanOrEqual(5);
    expect(worst, `worst health ${worst.toFixed(0)} ms during a ${took.toFixed(0)} ms digest`).toBeLessThan(took * 0.3);
  });

  it('refuses a third digest of one group with the plain busy message, and serves another group', async () => {
    const first = digest(t.store, slow, 'docx');
    const second = digest(t.store, slow, 'docx');
    await new Promise((r) => setTimeout(r, 150));
    const third = await digest(t.store, slow, 'md');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('60');
    expect(((await third.json()) as { error: { message: string } }).error.message).toBe(BUSY);
    const elsewhere = await digest(t.store, other, 'csv');
    expect(elsewhere.status).toBe(200);
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    // Once they are done the group may make digests again.
    expect((await digest(t.store, slow, 'csv')).status).toBe(200);
  });

  it('answers 503 with the same message when every worker is taken and the queue is full', async () => {
    const tight = await createApp({ db: t.testDb.db, adminToken: ADMIN_TOKEN, channel: `${t.testDb.channel}_tight`, clock: () => NOW, digests: { workers: 1, perGroup: 2, queue: 0 } });
    try {
      expect((await digest(tight, other, 'csv')).status).toBe(200); // worker started
      const running = digest(tight, slow, 'docx');
      await new Promise((r) => setTimeout(r, 150));
      const refused = await digest(tight, other, 'csv');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(BUSY);
      expect((await running).status).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('makes the same bytes in a worker as on the main thread', async () => {
    const inProcess = await createApp({ db: t.testDb.db, adminToken: ADMIN_TOKEN, channel: `${t.testDb.channel}_main`, clock: () => NOW, digests: { workers: 0 } });
    try {
      for (const format of ['csv', 'md', 'html', 'jsonld']) {
        const fromWorker = new Uint8Array(await (await digest(t.store, other, format)).arrayBuffer());
        const fromMain = new Uint8Array(await (await digest(inProcess, other, format)).arrayBuffer());
        expect(fromWorker.length, format).toBeGreaterThan(1000);
        expect(Buffer.from(fromWorker).equals(Buffer.from(fromMain)), format).toBe(true);
      }
    } finally {
      await inProcess.close();
    }
  });
});

describe('digest workers in a store started as `npm run store` starts it (node --import tsx)', () => {
  it('makes a Word digest in a worker thread of a real store process', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lea-digest-worker-'));
    const store = await spawnStore({ DATA_DIR: dataDir, ADMIN_TOKEN, DATABASE_URL: '', DIGEST_WORKERS: '1' });
    try {
      const post = async (path: string, body: unknown, token?: string) =>
        fetch(`${store.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      const created = (await (await post('/api/admin/groups', { name: 'Spawned group' }, ADMIN_TOKEN)).json()) as { group: string; invites: { reader: string } };
      const reader = (await (await post('/api/join', { code: created.invites.reader, displayName: 'Ria' })).json()) as { token: string };
      const res = await fetch(`${store.url}/api/groups/${created.group}/digest?format=docx`, { headers: { authorization: `Bearer ${reader.token}` } });
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
      // The workers do not keep a stopping store alive.
      expect(await store.stop()).toBe(0);
    } finally {
      await store.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
