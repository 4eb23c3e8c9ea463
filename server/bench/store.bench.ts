// `npm run bench:store`: the store's throughput and latency on PGlite and on PostgreSQL.
// Each backend runs as a real store process (as `npm run store` starts it); this process is
// the client. Figures are printed and written to .tmp/bench-store.json.
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openLeaDb } from '../../utils/store/db';
import { createSyncRepo } from '../../utils/store/sync-repo';
import type { RemoteChange } from '../../utils/store/sync-records';
import { makeComment, uuidOf } from '../test/support/annotations';
import { readSse, type SseReader } from '../test/support/sse';
import { openTestStore } from '../test/support/test-store';
import { REPO_ROOT, spawnStore, type SpawnedStore } from '../test/support/spawn-store';
import { POSTGRES_AVAILABLE, TEST_DATABASE_URL } from '../test/support/test-db';
import { benchClient, httpRequest, percentile } from './bench-client';

const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 32);
const SYNC_COMMENTS = 10_000;
const SUBSCRIBERS = 100;
const NOTIFY_SAMPLES = 40;
/** Run only some parts or backends while tuning: BENCH_PARTS=writes,sync,notify BENCH_BACKENDS=postgres. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'writes,sync,notify').split(','));
const ONLY_BACKENDS = process.env.BENCH_BACKENDS?.split(',');
const ADMIN = `bench-admin-${randomBytes(8).toString('hex')}`;

interface Figures {
  backend: string;
  writesPerSecond: number;
  writes: number;
  /** CPU time per write (µs) of the one store process and of this client, while writing. */
  storeCpuMicrosPerWrite: number | null;
  clientCpuMicrosPerWrite: number;
  writesPerSecondTwoProcesses: number | null;
  writesPerSecondInProcess: number | null;
  syncFetchParseMs: number;
  syncTotalMs: number;
  syncChanges: number;
  notifyP50Ms: number;
  notifyP95Ms: number;
  notifySamples: number;
}

/**
 * CPU time (ms, user + system) a process has used so far, from /proc (Linux); null elsewhere.
 * Throughput on a shared machine swings with other work; CPU per write does much less.
 */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in USER_HZ (100)
  } catch {
    return null;
  }
}

interface WriteRun {
  perSecond: number;
  count: number;
  /** Stores' CPU per write (µs), when /proc tells. */
  storeCpuMicros: number | null;
  clientCpuMicros: number;
}

async function sustainedWrites(stores: SpawnedStore[], group: string, tokens: string[]): Promise<WriteRun> {
  const clients = stores.map((s) => benchClient(s.url, ADMIN));
  let count = 0;
  const end = Date.now() + WRITE_SECONDS * 1000;
  const storeCpu0 = stores.map((s) => processCpuMs(s.child.pid));
  const clientCpu0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const token = tokens[w % tokens.length]!;
      const client = clients[w % clients.length]!;
      while (Date.now() < end) {
        await client.put(group, token, `bench write ${w}-${count}`);
        count++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpu0);
  const storeCpu = stores.map((s, i) => {
    const now = processCpuMs(s.child.pid);
    return now === null || storeCpu0[i] === null ? null : now - storeCpu0[i]!;
  });
  const storeCpuMicros = storeCpu.includes(null) ? null : (storeCpu.reduce((a, b) => a! + b!, 0)! * 1000) / count;
  return { perSecond: count / seconds, count, storeCpuMicros, clientCpuMicros: (clientCpu.user + clientCpu.system) / count };
}

async function topUp(url: string, group: string, tokens: string[], total: number, have: number): Promise<void> {
  const client = benchClient(url, ADMIN);
  let next = have;
  await Promise.all(
    Array.from({ length: 16 }, async (_, w) => {
      while (next < total) {
        next++;
        await client.put(group, tokens[w % tokens.length]!, `sync seed ${next}`);
      }
    }),
  );
}

/** Page the whole feed into a fresh IndexedDB (fake-indexeddb) through utils/store's sync repo. */
async function initialSync(url: string, group: string, token: string): Promise<{ fetchParseMs: number; totalMs: number; changes: number }> {
  const db = await openLeaDb(`bench-${randomBytes(4).toString('hex')}`);
  const repo = createSyncRepo(db, () => new Date());
  let fetchParseMs = 0;
  let changes = 0;
  let after = '';
  const started = performance.now();
  for (;;) {
    const t0 = performance.now();
    const r = await httpRequest(`${url}/api/groups/${group}/changes?limit=1000${after ? `&after=${after}` : ''}`, 'GET', { authorization: `Bearer ${token}` });
    const page = JSON.parse(r.text) as { changes: (RemoteChange & { cursor: string })[]; next: string; hasMore: boolean };
    fetchParseMs += performance.now() - t0;
    await repo.applyRemoteChanges(page.changes, page.next);
    changes += page.changes.length;
    after = page.next;
    if (!page.hasMore) break;
  }
  const totalMs = performance.now() - started;
  const stored = await db.count('annotations');
  db.close();
  if (stored !== changes) throw new Error(`initial sync stored ${stored} of ${changes} changes`);
  return { fetchParseMs, totalMs, changes };
}

/** Create-to-notify: time from sending a PUT to each of 100 streams receiving its cursor. */
async function notifyLatency(url: string, group: string, writer: string, readers: string[]): Promise<number[]> {
  const client = benchClient(url, ADMIN);
  const streams: SseReader[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const res = await fetch(`${url}/api/groups/${group}/stream`, { headers: { authorization: `Bearer ${readers[i % readers.length]}` } });
    if (res.status !== 200) throw new Error(`stream: ${res.status}`);
    streams.push(readSse(res));
  }
  await new Promise((r) => setTimeout(r, 500));
  for (const s of streams) s.buffered();
  const samples: number[] = [];
  for (let n = 0; n < NOTIFY_SAMPLES; n++) {
    const t0 = performance.now();
    const waits = streams.map(async (s) => {
      for (;;) {
        const e = await s.next(5000);
        const t = performance.now();
        return { id: e.id, t };
      }
    });
    const cursor = await client.put(group, writer, `notify ${n}`);
    for (const { id, t } of await Promise.all(waits)) {
      if (id !== cursor) throw new Error(`stream got ${id}, expected ${cursor}`);
      samples.push(t - t0);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(streams.map((s) => s.close()));
  return samples;
}

/**
 * The same write load without HTTP: createApp in this process, `app.request`, the real
 * database. Separates the store's own cost from loopback HTTP on this machine.
 */
async function inProcessWrites(backend: 'pglite' | 'postgres'): Promise<number> {
  const t = await openTestStore(backend, { limits: { write: { max: 1e9, windowSeconds: 60 }, join: { max: 1e9, windowSeconds: 60 } } });
  try {
    const g = await t.createGroup('In process');
    const members = await Promise.all(Array.from({ length: 16 }, (_, i) => t.join(g.invites.member, `W${i}`)));
    const put = async (token: string) => {
      const a = makeComment();
      const r = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token, body: a, headers: { 'if-none-match': '*' } });
      if (r.status !== 201) throw new Error(`in-process put: ${r.status}`);
    };
    await Promise.all(Array.from({ length: 200 }, (_, i) => put(members[i % 16]!.token)));
    let count = 0;
    const end = Date.now() + WRITE_SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        while (Date.now() < end) {
          await put(members[w % 16]!.token);
          count++;
        }
      }),
    );
    return count / ((performance.now() - started) / 1000);
  } finally {
    await t.close();
  }
}

async function runBackend(backend: 'pglite' | 'postgres'): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), `lea-bench-${backend}-`));
  const schema = `lea_bench_${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = { DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, WRITE_RATE_LIMIT: '10000000', JOIN_RATE_LIMIT: '1000000', DATABASE_URL: '' };
  if (backend === 'postgres') Object.assign(env, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
  let store: SpawnedStore | null = null;
  const extra: SpawnedStore[] = [];
  try {
    console.log(`\n${backend}: starting the store`);
    store = await spawnStore(env);
    const client = benchClient(store.url, ADMIN);
    const { group, invites } = await client.createGroup(`Bench ${backend}`);
    const writers = await Promise.all(Array.from({ length: 16 }, (_, i) => client.join(invites.member, `Writer ${i}`)));
    const readers = await Promise.all(Array.from({ length: 10 }, (_, i) => client.join(invites.reader, `Reader ${i}`)));
    const tokens = writers.map((w) => w.token);

    // Warm up (JIT, plan caches) before measuring.
    await Promise.all(Array.from({ length: 200 }, (_, i) => client.put(group, tokens[i % tokens.length]!, `warm ${i}`)));
    console.log(`${backend}: sustained writes for ${WRITE_SECONDS} s with ${WRITERS} concurrent writers`);
    const writes: WriteRun = PARTS.has('writes') ? await sustainedWrites([store], group, tokens) : { perSecond: NaN, count: 0, storeCpuMicros: null, clientCpuMicros: NaN };
    console.log(`${backend}: ${writes.perSecond.toFixed(0)} writes/s (${writes.count} writes; CPU per write: store ${writes.storeCpuMicros?.toFixed(0) ?? '?'} µs, client ${writes.clientCpuMicros.toFixed(0)} µs)`);
    let twoProcesses = { perSecond: NaN, count: 0 };
    if (backend === 'postgres' && PARTS.has('writes')) {
      // The store keeps no state in memory, so a second process on the same database adds
      // capacity (in production they sit behind a load balancer; here writers alternate).
      extra.push(await spawnStore({ ...env, DATA_DIR: `${dataDir}-2` }));
      twoProcesses = await sustainedWrites([store, extra[0]!], group, tokens);
      console.log(`${backend}: ${twoProcesses.perSecond.toFixed(0)} writes/s with two store processes (${twoProcesses.count} writes)`);
    }

    const inProcess = PARTS.has('writes') ? await inProcessWrites(backend) : null;
    if (inProcess !== null) console.log(`${backend}: ${inProcess.toFixed(0)} writes/s in process (createApp + app.request, no HTTP)`);
    const have = 200 + writes.count + twoProcesses.count;
    let syncGroup = group;
    let syncToken = readers[0]!.token;
    if (have !== SYNC_COMMENTS && PARTS.has('sync')) {
      // Exactly 10,000 comments in a group of their own for the initial sync.
      const second = await client.createGroup(`Sync ${backend}`);
      const w = await Promise.all(Array.from({ length: 8 }, (_, i) => client.join(second.invites.member, `Seed ${i}`)));
      const r = await client.join(second.invites.reader, 'Sync reader');
      console.log(`${backend}: seeding ${SYNC_COMMENTS} comments for the initial sync`);
      await topUp(store.url, second.group, w.map((x) => x.token), SYNC_COMMENTS, 0);
      syncGroup = second.group;
      syncToken = r.token;
    }
    const sync = PARTS.has('sync') ? await initialSync(store.url, syncGroup, syncToken) : { fetchParseMs: NaN, totalMs: NaN, changes: 0 };
    console.log(`${backend}: initial sync of ${sync.changes} comments: ${sync.totalMs.toFixed(0)} ms (fetch + parse ${sync.fetchParseMs.toFixed(0)} ms)`);

    const latencies = PARTS.has('notify') ? await notifyLatency(store.url, group, tokens[0]!, readers.map((r) => r.token)) : [];
    const figures: Figures = {
      backend,
      writesPerSecond: Math.round(writes.perSecond),
      writes: writes.count,
      storeCpuMicrosPerWrite: writes.storeCpuMicros === null ? null : Math.round(writes.storeCpuMicros),
      clientCpuMicrosPerWrite: Math.round(writes.clientCpuMicros),
      writesPerSecondTwoProcesses: Number.isNaN(twoProcesses.perSecond) ? null : Math.round(twoProcesses.perSecond),
      writesPerSecondInProcess: inProcess === null ? null : Math.round(inProcess),
      syncFetchParseMs: Math.round(sync.fetchParseMs),
      syncTotalMs: Math.round(sync.totalMs),
      syncChanges: sync.changes,
      notifyP50Ms: Math.round(percentile(latencies, 50)),
      notifyP95Ms: Math.round(percentile(latencies, 95)),
      notifySamples: latencies.length,
    };
    console.log(`${backend}: create-to-notify with ${SUBSCRIBERS} streams: p50 ${figures.notifyP50Ms} ms, p95 ${figures.notifyP95Ms} ms (${latencies.length} samples)`);
    return figures;
  } finally {
    await Promise.all(extra.map((s) => s.stop('SIGTERM')));
    await store?.stop('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}-2`, { recursive: true, force: true });
    if (backend === 'postgres') {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
}

const backends = (POSTGRES_AVAILABLE ? (['pglite', 'postgres'] as const) : (['pglite'] as const)).filter((b) => !ONLY_BACKENDS || ONLY_BACKENDS.includes(b));
if (!POSTGRES_AVAILABLE) console.log(`PostgreSQL at ${TEST_DATABASE_URL} is not reachable: PGlite only.`);
const results: Figures[] = [];
for (const b of backends) results.push(await runBackend(b));

console.log('\nbackend   writes/s (1 process / 2 / no HTTP)   initial sync 10k (total / fetch+parse)   notify p50 / p95 (100 streams)');
for (const r of results) {
  const writes = [r.writesPerSecond, r.writesPerSecondTwoProcesses ?? '-', r.writesPerSecondInProcess ?? '-'].join(' / ');
  console.log(`${r.backend.padEnd(9)} ${writes.padEnd(33)}   ${`${r.syncTotalMs} ms / ${r.syncFetchParseMs} ms`.padEnd(38)}   ${r.notifyP50Ms} ms / ${r.notifyP95Ms} ms`);
}
for (const r of results) console.log(`${r.backend}: CPU per write with one store process: store ${r.storeCpuMicrosPerWrite ?? '?'} µs, benchmark client ${r.clientCpuMicrosPerWrite} µs`);
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await mkdir(join(REPO_ROOT, '.tmp'), { recursive: true });
await writeFile(join(REPO_ROOT, '.tmp/bench-store.json'), JSON.stringify({ when: new Date().toISOString(), results }, null, 2));
