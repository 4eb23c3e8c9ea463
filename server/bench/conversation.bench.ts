// `npm run bench:conversation`: the conversation at the size of a busy consultation. One
// document with 2,000 comments, 10,000 replies (a fifth of them answers) and 20,000 "this is my
// experience too" supports in a real store process, beside a group holding the same 2,000
// comments alone, measured in the same run so the ratios say what the conversation costs:
//   - initial sync into a fresh client (the extension's own sync repo on fake-indexeddb),
//   - threads built for the side panel (utils/conversation/build-thread.ts),
//   - the Word digest with answers, through the store's digest route and worker,
//   - reply written -> notice on its comment author's client, with 100 streams open.
// Figures are printed and written to .tmp/bench-conversation.json. BENCH_BACKENDS=postgres
// (or pglite,postgres) picks backends; PGlite is the default.
import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildThreads, threadLines } from '../../utils/conversation/build-thread';
import { buildReply, buildSupport, checkAnnotation, checkReply, checkSupport, type LeaItem } from '../../utils/model';
import { openLeaDb } from '../../utils/store/db';
import { createSyncRepo } from '../../utils/store/sync-repo';
import type { RemoteChange } from '../../utils/store/sync-records';
import { makeComment, uuidOf } from '../test/support/annotations';
import { readSse, type SseReader } from '../test/support/sse';
import { REPO_ROOT, spawnStore, type SpawnedStore } from '../test/support/spawn-store';
import { POSTGRES_AVAILABLE, TEST_DATABASE_URL } from '../test/support/test-db';
import { benchClient, httpRequest, percentile, type BenchMember } from './bench-client';
import { extensionBuilt, measureInChromium, type PanelFigures } from './conversation-browser';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 2000);
const REPLIES = Number(process.env.BENCH_REPLIES ?? 10_000);
const SUPPORTS = Number(process.env.BENCH_SUPPORTS ?? 20_000);
const SUBSCRIBERS = 100;
const NOTICE_SAMPLES = Number(process.env.BENCH_NOTICE_SAMPLES ?? 30);
const ADMIN = `bench-admin-${randomBytes(8).toString('hex')}`;
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite').split(',').filter((b) => b !== 'postgres' || POSTGRES_AVAILABLE) as Array<'pglite' | 'postgres'>;
const TARGETS = { initialSyncMs: 3000, threadsMs: 300, wordDigestMs: 2000, noticeP95Ms: 500 };

/** A seeded generator, so every run writes the same conversation. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Run `jobs` with at most `width` in flight. */
async function pool<T>(jobs: T[], width: number, run: (job: T, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async (_, w) => {
    while (next < jobs.length) await run(jobs[next++]!, w);
  }));
}

async function put(url: string, group: string, token: string, item: { id: string }): Promise<void> {
  const r = await httpRequest(`${url}/api/groups/${group}/annotations/${uuidOf(item)}`, 'PUT', { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-none-match': '*' }, JSON.stringify(item));
  if (r.status !== 201) throw new Error(`put ${item.id}: ${r.status} ${r.text.slice(0, 200)}`);
}

interface Seeded {
  group: string;
  comments: string[];
  members: BenchMember[];
  officer: BenchMember;
  /** The comment author whose client the notice part watches, and one of their comments. */
  alice: BenchMember;
  aliceComment: string;
  readerCode: string;
  items: number;
}

/** A group with the comments, and (when `conversation`) the replies, answers and supports. */
async function seed(store: SpawnedStore, label: string, conversation: boolean): Promise<Seeded> {
  const client = benchClient(store.url, ADMIN);
  const { group, invites } = await client.createGroup(`Conversation bench ${label}`);
  // Supports are one per member per comment: 10 per comment needs at least 10 members.
  const members = await Promise.all(Array.from({ length: 12 }, (_, i) => client.join(invites.member, `Member ${i}`)));
  const officer = await client.join(invites.reader, 'Sam Officer');
  const random = lcg(20261202);
  const comments = Array.from({ length: COMMENTS }, (_, i) => makeComment({ text: `Comment ${i}: the assessment did not ask what matters to me.`, attribution: i % 3 === 0 ? 'anonymous' : 'named' }));
  const started = performance.now();
  await pool(comments.map((c, i) => ({ c, i })), 16, async ({ c, i }) => put(store.url, group, members[i % members.length]!.token, c));
  if (conversation) {
    const replyIds: string[] = [];
    const now = Date.parse('2026-11-24T09:00:00Z');
    const replies = Array.from({ length: REPLIES }, (_, i) => {
      // Half answer a comment, half a reply before them: threads two and more levels deep.
      // A parent reply is one written at least 64 places earlier: 16 writers in flight have stored it.
      const ready = replyIds.length - 64;
      const parent = i < COMMENTS || random() < 0.5 || ready <= 0 ? comments[Math.floor(random() * COMMENTS)]!.id : replyIds[Math.floor(random() * ready)]!;
      const answer = i % 5 === 0;
      const built = buildReply({
        id: `urn:uuid:${randomUUID()}`,
        now: new Date(now + i * 1000),
        parentId: parent,
        draft: { text: answer ? `We will look at clause ${i % 80}.` : `Reply ${i}: the same happened to my father.`, answer: answer ? 'will-change' : null, attribution: 'named' },
        authorName: answer ? 'Sam Officer' : `Member ${i % members.length}`,
      });
      if (!built.ok) throw new Error(built.problems.join('; '));
      replyIds.push(built.value.id);
      return { reply: built.value, answer, n: i };
    });
    await pool(replies, 16, async ({ reply, answer, n }) => put(store.url, group, answer ? officer.token : members[n % members.length]!.token, reply));
    const supports = Array.from({ length: SUPPORTS }, (_, i) => {
      const built = buildSupport({ id: `urn:uuid:${randomUUID()}`, now: new Date(now), targetId: comments[i % COMMENTS]!.id, named: false, authorName: '' });
      if (!built.ok) throw new Error(built.problems.join('; '));
      // Member k supports comment c once: (i / COMMENTS) runs 0..9 for each comment.
      return { support: built.value, member: members[Math.floor(i / COMMENTS) % members.length]! };
    });
    await pool(supports, 16, async ({ support, member }) => put(store.url, group, member.token, support));
  }
  const total = COMMENTS + (conversation ? REPLIES + SUPPORTS : 0);
  console.log(`  ${label}: seeded ${total} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { group, comments: comments.map((c) => c.id), members, officer, alice: members[0]!, aliceComment: comments[0]!.id, readerCode: invites.reader, items: total };
}

/** Page the whole feed into a fresh IndexedDB through the extension's sync repo. */
async function initialSync(url: string, group: string, token: string): Promise<{ ms: number; changes: number; stored: number; items: LeaItem[] }> {
  const db = await openLeaDb(`bench-conv-${randomBytes(4).toString('hex')}`);
  const repo = createSyncRepo(db, () => new Date());
  let after = '';
  let changes = 0;
  let fetchMs = 0;
  let applyMs = 0;
  const started = performance.now();
  for (;;) {
    const t0 = performance.now();
    const r = await httpRequest(`${url}/api/groups/${group}/changes?limit=1000${after ? `&after=${after}` : ''}`, 'GET', { authorization: `Bearer ${token}` });
    if (r.status !== 200) throw new Error(`changes: ${r.status}`);
    const page = JSON.parse(r.text) as { changes: RemoteChange[]; next: string; hasMore: boolean };
    const t1 = performance.now();
    await repo.applyRemoteChanges(page.changes, page.next);
    fetchMs += t1 - t0;
    applyMs += performance.now() - t1;
    changes += page.changes.length;
    after = page.next;
    if (!page.hasMore) break;
  }
  const ms = performance.now() - started;
  console.log(`    (of which the store's answers ${fetchMs.toFixed(0)} ms, writing to IndexedDB ${applyMs.toFixed(0)} ms)`);
  const stored = (await db.getAll('annotations')) as unknown[];
  db.close();
  const items = stored.flatMap((s): LeaItem[] => {
    for (const check of [checkAnnotation, checkReply, checkSupport] as const) {
      const c = check(s);
      if (c.ok) return [c.value];
    }
    return [];
  });
  return { ms, changes, stored: stored.length, items };
}

/** Threads for every comment, and the lines the side panel lays out, best of 5. */
function threadsMs(items: LeaItem[]): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const threads = buildThreads(items);
    let lines = 0;
    for (const t of threads.values()) lines += threadLines(t).length;
    best = Math.min(best, performance.now() - t0);
    if (lines < 0) throw new Error('unreachable');
  }
  return best;
}

async function wordDigestMs(url: string, group: string, token: string): Promise<{ ms: number; bytes: number }> {
  let best = Infinity;
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await fetch(`${url}/api/groups/${group}/digest?format=docx`, { headers: { authorization: `Bearer ${token}` } });
    const body = new Uint8Array(await r.arrayBuffer());
    if (r.status !== 200) throw new Error(`digest: ${r.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
    best = Math.min(best, performance.now() - t0);
    bytes = body.length;
  }
  return { ms: best, bytes };
}

/**
 * Written -> told: another member writes on Alice's comment (a reply, or for the comments-only
 * group a new comment); Alice's client hears the stream event, pulls the feed after its cursor
 * and finds the item that makes her notice. 100 streams are open on the group meanwhile.
 */
async function noticeLatency(url: string, s: Seeded, withReplies: boolean): Promise<number[]> {
  const streams: SseReader[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const token = i === 0 ? s.alice.token : s.members[1 + (i % (s.members.length - 1))]!.token;
    const res = await fetch(`${url}/api/groups/${s.group}/stream`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`stream: ${res.status}`);
    streams.push(readSse(res));
  }
  await new Promise((r) => setTimeout(r, 500));
  for (const st of streams) st.buffered();
  // Alice's cursor: the end of the feed now.
  let cursor = '';
  for (;;) {
    const r = await httpRequest(`${url}/api/groups/${s.group}/changes?limit=1000${cursor ? `&after=${cursor}` : ''}`, 'GET', { authorization: `Bearer ${s.alice.token}` });
    const page = JSON.parse(r.text) as { next: string; hasMore: boolean };
    cursor = page.next;
    if (!page.hasMore) break;
  }
  const writer = s.members[1]!;
  const samples: number[] = [];
  for (let n = 0; n < NOTICE_SAMPLES; n++) {
    const item = withReplies
      ? buildReply({ id: `urn:uuid:${randomUUID()}`, now: new Date(), parentId: s.aliceComment, draft: { text: `Notice ${n}`, answer: null, attribution: 'named' }, authorName: 'Member 1' })
      : { ok: true as const, value: makeComment({ text: `Notice ${n}` }) };
    if (!item.ok) throw new Error('reply');
    const others = streams.slice(1).map((st) => st.next(5000));
    const t0 = performance.now();
    const told = (async () => {
      await streams[0]!.next(5000);
      for (;;) {
        const r = await httpRequest(`${url}/api/groups/${s.group}/changes?after=${cursor}`, 'GET', { authorization: `Bearer ${s.alice.token}` });
        const page = JSON.parse(r.text) as { changes: RemoteChange[]; next: string };
        cursor = page.next;
        if (page.changes.some((c) => c.id === item.value.id)) return performance.now() - t0;
      }
    })();
    await put(url, s.group, writer.token, item.value);
    samples.push(await told);
    await Promise.all(others);
    await new Promise((r) => setTimeout(r, 30));
  }
  await Promise.all(streams.map((st) => st.close()));
  return samples;
}

interface Figures {
  backend: string;
  initialSyncMs: number;
  initialSyncCommentsOnlyMs: number;
  changes: number;
  stored: number;
  threadsMs: number;
  threadsCommentsOnlyMs: number;
  wordDigestMs: number;
  wordDigestCommentsOnlyMs: number;
  wordDigestBytes: number;
  noticeP50Ms: number;
  noticeP95Ms: number;
  commentNoticeP95Ms: number;
  /** The built extension in Chromium (real IndexedDB): null when not built or BENCH_BROWSER=0. */
  browser: { full: PanelFigures; alone: PanelFigures } | null;
}

async function runBackend(backend: 'pglite' | 'postgres'): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), `lea-bench-conv-${backend}-`));
  const env: Record<string, string> = { DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, WRITE_RATE_LIMIT: '10000000', JOIN_RATE_LIMIT: '1000000', DATABASE_URL: '' };
  if (backend === 'postgres') Object.assign(env, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: `lea_bench_${randomBytes(4).toString('hex')}` });
  let store: SpawnedStore | null = null;
  try {
    console.log(`\n${backend}: starting the store and seeding`);
    store = await spawnStore(env);
    const alone = await seed(store, 'comments alone', false);
    const full = await seed(store, 'with conversation', true);
    const reader = (s: Seeded) => s.officer.token;

    const syncAlone = await initialSync(store.url, alone.group, reader(alone));
    const syncFull = await initialSync(store.url, full.group, reader(full));
    console.log(`${backend}: initial sync ${syncFull.changes} changes (${syncFull.stored} kept) ${syncFull.ms.toFixed(0)} ms; comments alone ${syncAlone.changes} in ${syncAlone.ms.toFixed(0)} ms`);
    // Every reply and support must be kept by the client, or the figure measures less work.
    if (syncFull.stored !== syncFull.changes) console.log(`${backend}: WARNING the client kept ${syncFull.stored} of ${syncFull.changes} items: the sync figure does not count the conversation`);
    const tFull = threadsMs(syncFull.items);
    const tAlone = threadsMs(syncAlone.items);
    console.log(`${backend}: threads for the side panel ${tFull.toFixed(1)} ms; comments alone ${tAlone.toFixed(1)} ms`);
    const dFull = await wordDigestMs(store.url, full.group, reader(full));
    const dAlone = await wordDigestMs(store.url, alone.group, reader(alone));
    console.log(`${backend}: Word digest ${dFull.ms.toFixed(0)} ms (${(dFull.bytes / 1024).toFixed(0)} KiB); comments alone ${dAlone.ms.toFixed(0)} ms`);
    const notices = await noticeLatency(store.url, full, true);
    const commentNotices = await noticeLatency(store.url, alone, false);
    console.log(`${backend}: reply -> notice with ${SUBSCRIBERS} streams p50 ${percentile(notices, 50).toFixed(0)} ms, p95 ${percentile(notices, 95).toFixed(0)} ms; a comment alone p95 ${percentile(commentNotices, 95).toFixed(0)} ms`);
    let browser: Figures['browser'] = null;
    if (process.env.BENCH_BROWSER !== '0' && extensionBuilt()) {
      const b = { full: await measureInChromium(store.url, full.readerCode, full.items, COMMENTS, true), alone: await measureInChromium(store.url, alone.readerCode, alone.items, COMMENTS, false) };
      browser = b;
      console.log(`${backend}: in Chromium, initial sync ${b.full.initialSyncMs} ms (comments alone ${b.alone.initialSyncMs} ms); side panel first threads ${b.full.panelFirstMs} ms, all listed ${b.full.panelMs} ms (comments alone ${b.alone.panelFirstMs} / ${b.alone.panelMs} ms)`);
    } else console.log(`${backend}: the browser part was skipped (run \`npm run build\` first, or BENCH_BROWSER=0 was set)`);
    return {
      backend,
      browser,
      initialSyncMs: Math.round(syncFull.ms),
      initialSyncCommentsOnlyMs: Math.round(syncAlone.ms),
      changes: syncFull.changes,
      stored: syncFull.stored,
      threadsMs: Number(tFull.toFixed(1)),
      threadsCommentsOnlyMs: Number(tAlone.toFixed(1)),
      wordDigestMs: Math.round(dFull.ms),
      wordDigestCommentsOnlyMs: Math.round(dAlone.ms),
      wordDigestBytes: dFull.bytes,
      noticeP50Ms: Math.round(percentile(notices, 50)),
      noticeP95Ms: Math.round(percentile(notices, 95)),
      commentNoticeP95Ms: Math.round(percentile(commentNotices, 95)),
    };
  } finally {
    await store?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const results: Figures[] = [];
for (const backend of BACKENDS) results.push(await runBackend(backend));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : 'n/a');
const mark = (value: number, target: number) => (value <= target ? `${value} (target ≤ ${target}: met)` : `${value} (target ≤ ${target}: NOT met)`);
console.log(`\nOne document: ${COMMENTS} comments, ${REPLIES} replies (${REPLIES / 5} answers), ${SUPPORTS} supports; ratios against the same ${COMMENTS} comments alone, same run.`);
for (const r of results) {
  console.log(`${r.backend}:`);
  console.log(`  initial sync (node, fake IDB)     ${r.initialSyncMs} ms   comments alone ${r.initialSyncCommentsOnlyMs} ms   ratio ${ratio(r.initialSyncMs, r.initialSyncCommentsOnlyMs)}`);
  console.log(`  threads built (pure, node)        ${r.threadsMs} ms   comments alone ${r.threadsCommentsOnlyMs} ms   ratio ${ratio(r.threadsMs, r.threadsCommentsOnlyMs)}`);
  if (r.browser) {
    const b = r.browser;
    console.log(`  Chromium: initial sync (real IDB) ${mark(b.full.initialSyncMs, TARGETS.initialSyncMs)} ms   comments alone ${b.alone.initialSyncMs} ms   ratio ${ratio(b.full.initialSyncMs, b.alone.initialSyncMs)}`);
    console.log(`  Chromium: plain IndexedDB writing the same ${r.changes} items (the floor) ${b.full.rawIdbMs} ms   ours ${ratio(b.full.initialSyncMs, b.full.rawIdbMs)} of it`);
    console.log(`  Chromium: the same with one record an item (no sync record)   ${b.full.rawIdbOneRecordMs} ms   ${ratio(b.full.rawIdbMs, b.full.rawIdbOneRecordMs)} less than two`);
    console.log(`  Chromium: side panel, first threads shown ${mark(b.full.panelFirstMs, TARGETS.threadsMs)} ms   comments alone ${b.alone.panelFirstMs} ms   ratio ${ratio(b.full.panelFirstMs, b.alone.panelFirstMs)}`);
    console.log(`  Chromium: side panel, all ${COMMENTS} listed ${b.full.panelMs} ms   comments alone ${b.alone.panelMs} ms   ratio ${ratio(b.full.panelMs, b.alone.panelMs)}`);
    console.log(`  Chromium: side panel opened again on the loaded page (median of ${process.env.BENCH_REOPEN_TIMES ?? 5}), first threads shown ${mark(b.full.reopenedFirstMs, TARGETS.threadsMs)} ms   comments alone ${b.alone.reopenedFirstMs} ms   ratio ${ratio(b.full.reopenedFirstMs, b.alone.reopenedFirstMs)}`);
    console.log(`  Chromium: side panel opened again on the loaded page (median of ${process.env.BENCH_REOPEN_TIMES ?? 5}), all ${COMMENTS} listed ${b.full.reopenedMs} ms   comments alone ${b.alone.reopenedMs} ms   ratio ${ratio(b.full.reopenedMs, b.alone.reopenedMs)}`);
  }
  console.log(`  Word digest with answers          ${mark(r.wordDigestMs, TARGETS.wordDigestMs)} ms   comments alone ${r.wordDigestCommentsOnlyMs} ms   ratio ${ratio(r.wordDigestMs, r.wordDigestCommentsOnlyMs)}`);
  console.log(`  reply -> notice p95 (100 streams) ${mark(r.noticeP95Ms, TARGETS.noticeP95Ms)} ms   a comment alone ${r.commentNoticeP95Ms} ms   ratio ${ratio(r.noticeP95Ms, r.commentNoticeP95Ms)}`);
}
await mkdir(join(REPO_ROOT, '.tmp'), { recursive: true });
await writeFile(join(REPO_ROOT, '.tmp/bench-conversation.json'), JSON.stringify(results, null, 2));
