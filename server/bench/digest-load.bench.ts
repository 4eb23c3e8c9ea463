// `npm run bench:digest-load`: /api/health latency while 8 readers pull Word digests of
// 1,000 long comments from a real store process (PGlite, as `npm run store` starts it, and
// PostgreSQL when 127.0.0.1:5432 answers: BENCH_BACKENDS=pglite,postgres by default), with
// digests rendered in the worker pool and, as the peer in the same run, on the main thread
// (DIGEST_WORKERS=0). Both runs allow 8 digests per group (DIGEST_PER_GROUP=8) so they do the
// same work; the default limit (2) would refuse 6 of the 8 readers. Figures are printed and
// written to .tmp/bench-digest-load.json. Always exits 0 when it ran: it is a measurement.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT, spawnStore } from '../test/support/spawn-store';
import { POSTGRES_AVAILABLE, TEST_DATABASE_URL } from '../test/support/test-db';
import { benchClient, httpRequest, percentile } from './bench-client';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1000);
const READERS = Number(process.env.BENCH_READERS ?? 8);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const PROBE_GAP_MS = 50;
const ADMIN = `bench-admin-${randomBytes(8).toString('hex')}`;
/** A long comment: about 3,500 characters of a carer's account. */
const LONG_TEXT = (i: number) =>
  `Comment ${i}: ` +
  'When my mother was discharged from hospital nobody told us who would visit, and the carers who came changed every day, so she had to explain her medication again and again. '.repeat(20);

interface RunFigures {
  backend: string;
  mode: string;
  healthP50Ms: number;
  healthP95Ms: number;
  healthMaxMs: number;
  healthSamples: number;
  digests: number;
  refused: number;
  digestP50Ms: number;
}

/** Health latency (sequential probes, one every PROBE_GAP_MS) until `until` resolves. */
async function probeHealth(url: string, stop: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!stop()) {
    const t0 = performance.now();
    const r = await httpRequest(`${url}/api/health`, 'GET', {});
    if (r.status !== 200) throw new Error(`health answered ${r.status}`);
    samples.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, PROBE_GAP_MS));
  }
  return samples;
}

async function measure(mode: string, env: Record<string, string>, group: string, readerTokens: string[]): Promise<RunFigures> {
  const store = await spawnStore(env);
  try {
    // One digest each way first: workers started, code paths warm.
    await httpRequest(`${store.url}/api/groups/${group}/digest?format=docx`, 'GET', { authorization: `Bearer ${readerTokens[0]}` });
    let done = false;
    let digests = 0;
    let refused = 0;
    const digestMs: number[] = [];
    const end = Date.now() + LOAD_SECONDS * 1000;
    const health = probeHealth(store.url, () => done);
    await Promise.all(
      readerTokens.map(async (token) => {
        while (Date.now() < end) {
          const t0 = performance.now();
          const r = await httpRequest(`${store.url}/api/groups/${group}/digest?format=docx`, 'GET', { authorization: `Bearer ${token}` });
          if (r.status === 200) {
            digests++;
            digestMs.push(performance.now() - t0);
          } else if (r.status === 429 || r.status === 503) {
            refused++;
            await new Promise((r) => setTimeout(r, 200));
          } else throw new Error(`digest answered ${r.status}: ${r.text.slice(0, 200)}`);
        }
      }),
    );
    done = true;
    const samples = await health;
    return {
      backend: env.DATABASE_URL ? 'postgres' : 'pglite',
      mode,
      healthP50Ms: percentile(samples, 50),
      healthP95Ms: percentile(samples, 95),
      healthMaxMs: Math.max(...samples),
      healthSamples: samples.length,
      digests,
      refused,
      digestP50Ms: percentile(digestMs, 50),
    };
  } finally {
    await store.stop();
  }
}

const fmt = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

const BACKENDS = (process.env.BENCH_BACKENDS ?? (POSTGRES_AVAILABLE ? 'pglite,postgres' : 'pglite')).split(',').map((b) => b.trim());
if (BACKENDS.includes('postgres') && !POSTGRES_AVAILABLE) throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is not reachable: set BENCH_BACKENDS=pglite.`);

/** Seed a store of `backend` once, then measure both modes on the same data. */
async function runBackend(backend: string, dataDir: string): Promise<{ idle: number[]; runs: RunFigures[] }> {
  const schema = `bench_digest_load_${randomBytes(4).toString('hex')}`;
  const database: Record<string, string> = backend === 'postgres' ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : { DATABASE_URL: '' };
  const base = { DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, WRITE_RATE_LIMIT: '10000000', JOIN_RATE_LIMIT: '1000000', DIGEST_PER_GROUP: String(READERS), ...database };
  try {
    // Seed once; both runs reopen the same database.
    const seeding = await spawnStore(base);
    const client = benchClient(seeding.url, ADMIN);
    const { group, invites } = await client.createGroup('Digest load group');
    const writer = await client.join(invites.member, 'Writer');
    const readers = await Promise.all(Array.from({ length: READERS }, (_, i) => client.join(invites.reader, `Reader ${i + 1}`)));
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < COMMENTS) await client.put(group, writer.token, LONG_TEXT(next++));
      }),
    );
    const idle = await probeHealth(seeding.url, ((n) => () => n-- <= 0)(40));
    await seeding.stop();
    const tokens = readers.map((r) => r.token);
    const pool = await measure('worker pool (default)', base, group, tokens);
    const main = await measure('main thread (DIGEST_WORKERS=0)', { ...base, DIGEST_WORKERS: '0' }, group, tokens);
    return { idle, runs: [pool, main] };
  } finally {
    if (backend === 'postgres') {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'lea-bench-digest-load-'));
try {
  const results: Array<{ backend: string; idleHealthP50Ms: number; runs: RunFigures[]; ratio: Record<string, number> }> = [];
  console.log(`\nDigest load: ${READERS} readers pulling Word digests of ${COMMENTS.toLocaleString('en-GB')} comments (~3,500 characters each) for ${LOAD_SECONDS} s`);
  for (const backend of BACKENDS) {
    await mkdir(join(dataDir, backend), { recursive: true });
    const { idle, runs } = await runBackend(backend, join(dataDir, backend));
    const [pool, main] = runs as [RunFigures, RunFigures];
    console.log(`\n${backend}: machine ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; idle /api/health p50 ${fmt(percentile(idle, 50))} ms, p95 ${fmt(percentile(idle, 95))} ms\n`);
    console.log('mode                             health p50   p95      max      samples  digests  refused  digest p50');
    for (const f of runs) {
      console.log(
        `${f.mode.padEnd(33)}${fmt(f.healthP50Ms).padStart(7)} ms${fmt(f.healthP95Ms).padStart(6)} ms${fmt(f.healthMaxMs).padStart(6)} ms${String(f.healthSamples).padStart(9)}${String(f.digests).padStart(9)}${String(f.refused).padStart(9)}${fmt(f.digestP50Ms).padStart(8)} ms`,
      );
    }
    const ratio = { p50: main.healthP50Ms / pool.healthP50Ms, p95: main.healthP95Ms / pool.healthP95Ms, max: main.healthMaxMs / pool.healthMaxMs };
    console.log(`\n${backend}: main thread ÷ worker pool: health p50 ×${ratio.p50.toFixed(1)}, p95 ×${ratio.p95.toFixed(1)}, max ×${ratio.max.toFixed(1)}`);
    results.push({ backend, idleHealthP50Ms: percentile(idle, 50), runs, ratio });
  }
  await mkdir(join(REPO_ROOT, '.tmp'), { recursive: true });
  await writeFile(join(REPO_ROOT, '.tmp/bench-digest-load.json'), JSON.stringify({ comments: COMMENTS, readers: READERS, seconds: LOAD_SECONDS, results }, null, 2));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
