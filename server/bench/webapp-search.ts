// Search for `npm run bench:webapp` (server/bench/webapp.bench.ts runs it): a group with
// 100,000 comments (BENCH_COMMENTS; PGlite 10,000, see COMMENTS) on real policy passages from ../shared/fixtures, with
// 20,000 replies and 2,000 answers, some "only me" and some hidden, bulk-inserted with SQL. The
// search route (full-text search, migration 010) is timed through the store's HTTP app in
// process, over real queries, beside a plain ILIKE scan of the same rows in the same run.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANNO_CONTEXT, LEA_CONTEXT } from '../../utils/model/annotation';
import { createApp } from '../src/app';
import type { Db, DbKind } from '../src/db/db';
import { openTestDb, POSTGRES_AVAILABLE } from '../test/support/test-db';
import { percentile } from './bench-client';

/**
 * Comments per backend. PGlite computes each search vector in WebAssembly at a few ms a row
 * on this shared 2-core machine, so 100,000 comments would take it over ten minutes to load:
 * it runs at 10,000 unless BENCH_PGLITE_COMMENTS says otherwise, and the figures say the size.
 */
const COMMENTS: Record<DbKind, number> = {
  postgres: Number(process.env.BENCH_COMMENTS ?? 100_000),
  pglite: Number(process.env.BENCH_PGLITE_COMMENTS ?? 10_000),
};
const BATCH = 5_000;
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 5);
export const BENCH_ADMIN = `bench-admin-${randomUUID()}`;
const ADMIN = BENCH_ADMIN;
/** The issue's target for search on PostgreSQL. */
export const SEARCH_P95_TARGET_MS = 50;

/** What people type in a consultation's search box (phrases and `or` as a search box reads them). */
export const QUERIES = [
  'dignity',
  'carer assessment',
  'wellbeing',
  'local authority',
  'direct payments',
  'safeguarding',
  'advocacy',
  '"care and support plan"',
  'respite or short break',
  'information and advice',
  'eligibility',
  'hospital discharge',
  'tribunal',
  'housing',
  'special educational needs',
  'complaints',
];

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
/** The fixture documents comments are written on, with the address each is read at. */
const DOCUMENTS: Array<{ file: string; source: string; title: string; weight: number }> = [
  { file: 'care-act-2014-part-1.html', source: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted', title: 'Care Act 2014, Part 1', weight: 6 },
  { file: 'care-act-2014-explanatory-notes.html', source: 'https://www.legislation.gov.uk/ukpga/2014/23/notes/division/5/1', title: 'Care Act 2014 Explanatory Notes', weight: 2 },
  { file: 'care-bill-2013-14-clause-1.html', source: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.pdf', title: 'Care Bill [HL] 2013-14, clause 1', weight: 1 },
  { file: 'children-and-families-act-2014-part-3.html', source: 'https://www.legislation.gov.uk/ukpga/2014/6/part/3/enacted', title: 'Children and Families Act 2014, Part 3', weight: 3 },
  { file: 'francis-report-2013-executive-summary.html', source: 'https://www.gov.uk/government/publications/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry', title: 'Francis Report 2013: executive summary', weight: 2 },
  { file: 'tribunals-scotland-act-2014.fragment.html', source: 'https://www.legislation.gov.uk/asp/2014/10/enacted', title: 'Tribunals (Scotland) Act 2014', weight: 1 },
  { file: 'finance-act-2013.html', source: 'https://www.legislation.gov.uk/ukpga/2013/29/enacted', title: 'Finance Act 2013', weight: 1 },
];

/** Sentences of a fixture page: its text without markup, split at sentence and clause ends. */
async function passagesOf(file: string): Promise<string[]> {
  const html = await readFile(join(FIXTURES, file), 'utf8');
  const text = html
    .replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');
  const parts = text.split(/(?<=[.;:—])\s+/).map((p) => p.trim());
  return [...new Set(parts.filter((p) => p.length >= 30 && p.length <= 300))];
}

// Comments as people write them: an opening, one or two experiences, an ending.
const OPENINGS = [
  'As a carer for my mum,', 'Speaking as someone who uses care,', 'From my own experience,', 'When my dad came home,', 'I work in a care home and',
  'My son has autism and', 'Having lived with this for ten years,', 'As a family we found that', 'I was never told that', 'Honestly,',
  'For people like me,', 'This reads well but', 'In our area', 'My partner needs help every day and', 'When I asked the council,',
  'Our group discussed this and', 'I am disabled and', 'Last winter', 'As a young carer,', 'After the stroke,',
];
const EXPERIENCES = [
  'nobody treated my mother with dignity when the agency staff came.', 'the carer assessment took eight months and nobody explained why.',
  'my wellbeing was never asked about, only the tasks.', 'the local authority kept changing who we spoke to.',
  'direct payments gave us control but the paperwork was overwhelming.', 'a safeguarding concern was raised and then nothing happened for weeks.',
  'an independent advocate made all the difference at the review.', 'the care and support plan was written without me in the room.',
  'we were offered respite once and then the short break service closed.', 'finding information and advice meant hours on the phone.',
  'we were told we did not meet the eligibility threshold without any reasons.', 'hospital discharge happened on a Friday night with no support at home.',
  'the appeal went to a tribunal and it was frightening.', 'the housing we were offered was up three flights of stairs.',
  'the school said his special educational needs could wait until the plan.', 'I made three complaints and never had a written answer.',
  'visits were fifteen minutes, which is not enough to wash and eat.', 'the workforce is exhausted and turnover is terrible.',
  'nobody joined up health and social care for us.', 'I had to repeat my story to every new person.', 'the charges for care were a shock.',
  'my own needs as a carer were ignored.', 'the reablement team were brilliant for six weeks.', 'transport to the day centre stopped without warning.',
  'we needed equipment and waited months for a hoist.', 'the night carers changed every week.', 'interpreters were never booked for my grandmother.',
  'the personal budget did not cover what was in the plan.', 'I felt listened to for the first time at the multidisciplinary meeting.',
  'loneliness is the biggest problem and nobody measures it.', 'mental health support stopped when he turned eighteen.',
  'the social worker was kind but had far too many cases.', 'medication times were missed again and again.',
  'the information was only online and my dad has no computer.', 'we paid for private care because the waiting list was so long.',
  'the preventative services that helped us were cut.', 'nobody checked whether the support was actually working.',
  'being able to choose my own carers changed my life.', 'the review was done over the phone in ten minutes.', 'my culture and faith were respected.',
];
const ENDINGS = [
  'This needs to change.', 'Please make this clearer.', 'It should say who is responsible.', 'Other families tell me the same.', 'I hope someone reads this.',
  'The wording here does not match what happens.', 'Thank you for asking us.', 'We need a named contact.', 'Write this in plain English.', '',
  'This is why co-production matters.', 'Please involve carers earlier.', 'It made a real difference.', 'I am still angry about it.', '',
];
const REPLIES_TEXT = [
  'The same happened to us last year.', 'Thank you for sharing this, it helps to know we are not alone.', 'Did you ask for an independent advocate?',
  'Our carers centre has a leaflet about this.', 'I agree, the assessment should be quicker.', 'We raised this at the last meeting too.',
  'This is really important for the consultation response.', 'My experience was different: the review was thorough.', 'Could you say which council this was?',
  'Respite made all the difference for my family.', 'The eligibility criteria are national, but the way they are applied is not.',
];
const ANSWER_TEXT = [
  'We have noted this and will look at the guidance on assessments.', 'We will change the wording of this section to name who is responsible.',
  'This has been changed in the revised draft.', 'We are not changing this because the duty is set in the Act, but the guidance will say more.',
];
const STATUSES = ['noted', 'will-change', 'changed', 'not-changing'];
const THEMES = ['wellbeing-and-independence', 'information-and-advice', 'active-and-supportive-communities', 'flexible-and-integrated-care-and-support', 'when-things-need-to-change', 'workforce'];
const PERSPECTIVES = ['uses-care', 'carer', 'family', 'works-in-care', 'not-said'];

/** A seeded generator, so every run writes the same group. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export interface Seeded {
  group: string;
  token: string;
  memberId: string;
  comments: number;
  replies: number;
  seedMs: number;
}

/** A search bench group: its people (through the join route), its comments and replies (bulk SQL), analysed. */
export async function seedSearchGroup(db: Db, comments: number, app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> }): Promise<Seeded> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await app.request(`http://bench.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as any;
  };
  const { group, invites } = await post('/api/admin/groups', { name: 'Search bench' }, ADMIN);
  const members: Array<{ token: string; memberId: string }> = [];
  for (let i = 0; i < 20; i++) members.push(await post('/api/join', { code: invites.member, displayName: `Member ${i}` }));
  const readers: Array<{ token: string; memberId: string }> = [];
  for (let i = 0; i < 3; i++) readers.push(await post('/api/join', { code: invites.reader, displayName: `Officer ${i}` }));
  const COMMENTS = comments;
  const REPLIES = Math.round(comments / 5);
  const ANSWERS = Math.round(comments / 50);
  const started = performance.now();
  const random = lcg(20261202);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const docs = await Promise.all(DOCUMENTS.map(async (d) => ({ ...d, passages: await passagesOf(d.file) })));
  const weighted = docs.flatMap((d) => Array.from({ length: d.weight }, () => d));
  const context = [ANNO_CONTEXT, LEA_CONTEXT];
  const t0 = Date.parse('2026-09-01T09:00:00.000Z');
  const commentIds: string[] = [];
  // A GIN index is far quicker built once than grown row by row: dropped for the load and built
  // again after, exactly as migration 012 defines it (the trigger computes each item's words on insert).
  await db.exec('drop index search_items_words');
  for (let from = 0; from < COMMENTS; from += BATCH) {
    const ids: string[] = [];
    const authors: string[] = [];
    const docsJson: string[] = [];
    const visibilities: string[] = [];
    const hidden: Array<string | null> = [];
    const at: string[] = [];
    for (let i = from; i < Math.min(COMMENTS, from + BATCH); i++) {
      const id = randomUUID();
      const author = members[i % members.length]!;
      const doc = pick(weighted);
      const quote = pick(doc.passages);
      const start = Math.floor(random() * 20_000);
      const text = [pick(OPENINGS), pick(EXPERIENCES), ...(random() < 0.5 ? [pick(EXPERIENCES)] : []), pick(ENDINGS)].filter(Boolean).join(' ');
      const named = random() < 0.6;
      const visibility = random() < 0.03 ? 'private' : 'group';
      const stamp = new Date(t0 + i * 60_000).toISOString();
      ids.push(id);
      authors.push(author.memberId);
      visibilities.push(visibility);
      hidden.push(visibility === 'group' && random() < 0.01 ? 'Names a member of staff' : null);
      at.push(stamp);
      docsJson.push(
        JSON.stringify({
          '@context': context,
          id: `urn:uuid:${id}`,
          type: 'Annotation',
          motivation: 'commenting',
          created: stamp,
          modified: stamp,
          ...(named ? { creator: { type: 'Person', name: `Member ${i % members.length}` } } : {}),
          body: [
            { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: text },
            { type: 'TextualBody', purpose: 'tagging', value: pick(THEMES) },
          ],
          target: {
            source: doc.source,
            selector: [
              { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start, end: start + quote.length },
            ],
          },
          perspective: pick(PERSPECTIVES),
          visibility,
          attribution: named ? 'named' : 'anonymous',
          documentTitle: doc.title,
        }),
      );
      if (visibility === 'group') commentIds.push(id);
    }
    await insertRows(db, group, { ids, authors, docsJson, visibilities, hidden, at, kinds: ids.map(() => 'comment'), targets: ids.map(() => null) });
  }
  let written = 0;
  for (let from = 0; from < REPLIES + ANSWERS; from += BATCH) {
    const rows = { ids: [] as string[], authors: [] as string[], docsJson: [] as string[], visibilities: [] as string[], hidden: [] as Array<string | null>, at: [] as string[], kinds: [] as string[], targets: [] as Array<string | null> };
    for (let i = from; i < Math.min(REPLIES + ANSWERS, from + BATCH); i++) {
      const answer = i >= REPLIES;
      const id = randomUUID();
      const target = pick(commentIds);
      const author = answer ? readers[i % readers.length]! : members[(i * 7) % members.length]!;
      const stamp = new Date(t0 + COMMENTS * 60_000 + i * 30_000).toISOString();
      const body: unknown[] = [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: answer ? pick(ANSWER_TEXT) : pick(REPLIES_TEXT) }];
      if (answer) body.push({ type: 'TextualBody', purpose: 'assessing', value: pick(STATUSES) });
      rows.ids.push(id);
      rows.authors.push(author.memberId);
      rows.visibilities.push('group');
      rows.hidden.push(null);
      rows.at.push(stamp);
      rows.kinds.push(answer ? 'answer' : 'reply');
      rows.targets.push(target);
      rows.docsJson.push(
        JSON.stringify({
          '@context': context,
          id: `urn:uuid:${id}`,
          type: 'Annotation',
          motivation: 'replying',
          created: stamp,
          modified: stamp,
          creator: { type: 'Person', name: answer ? `Officer ${i % readers.length}` : `Member ${(i * 7) % members.length}` },
          body,
          target: `urn:uuid:${target}`,
          visibility: 'group',
          attribution: 'named',
        }),
      );
      written++;
    }
    await insertRows(db, group, rows);
  }
  await db.transaction(async (tx) => {
    await tx.query(`set local maintenance_work_mem = '${db.kind === 'pglite' ? '64MB' : '256MB'}'`);
    await tx.exec('create index search_items_words on search_items using gin (words)');
  });
  await db.exec('analyze annotations');
  return { group, token: members[0]!.token, memberId: members[0]!.memberId, comments, replies: written, seedMs: performance.now() - started };
}

/** One bulk INSERT of annotation rows (unnest of parallel arrays), at fresh feed positions. */
async function insertRows(
  db: Db,
  group: string,
  r: { ids: string[]; authors: string[]; docsJson: string[]; visibilities: string[]; hidden: Array<string | null>; at: string[]; kinds: string[]; targets: Array<string | null> },
): Promise<void> {
  await db.query(
    `insert into annotations (group_id, id, author_id, revision, annotation, deleted, visibility, ever_shared, hidden_reason, kind, target_id, xid, seq, created_at, updated_at)
     select $1, u.id, u.author, 1, u.doc::jsonb, false, u.visibility, u.visibility = 'group', u.hidden, u.kind, u.target, pg_current_xact_id(), nextval('change_seq'), u.at::timestamptz, u.at::timestamptz
     from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) as u(id, author, doc, visibility, hidden, at, kind, target)`,
    [group, r.ids, r.authors, r.docsJson, r.visibilities, r.hidden, r.at, r.kinds, r.targets],
  );
}

/** The same question answered by scanning: case-insensitive substring of the text or the quote, newest first, with the count. */
const ILIKE_SQL = `select a.id, count(*) over () as total from annotations a
  where a.group_id = $1 and not a.deleted and a.annotation is not null and (a.visibility = 'group' or a.author_id = $2) and a.hidden_reason is null
    and a.kind in ('comment', 'other', 'reply', 'answer')
    and (a.annotation -> 'body' -> 0 ->> 'value' ilike $3 or a.annotation -> 'target' -> 'selector' -> 0 ->> 'exact' ilike $3)
  order by a.created_at desc limit 50`;

/** Figures of one backend. */
export interface SearchFigures {
  backend: DbKind;
  comments: number;
  replies: number;
  seedMs: number;
  searchP50Ms: number;
  searchP95Ms: number;
  searchSamples: number;
  ilikeP50Ms: number;
  ilikeP95Ms: number;
  ilikeSamples: number;
  /** Matches per query (the route's `total`). */
  totals: Record<string, number>;
}

async function benchOne(kind: DbKind): Promise<SearchFigures> {
  const testDb = await openTestDb(kind);
  const store = await createApp({ db: testDb.db, adminToken: ADMIN, channel: testDb.channel, clientAddress: () => '127.0.0.1', logger: { error: (message) => console.error(message) } });
  try {
    const seeded = await seedSearchGroup(testDb.db, COMMENTS[kind], store.app);
    const search = async (q: string) => {
      const res = await store.app.request(`http://bench.test/api/groups/${seeded.group}/search?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${seeded.token}` } });
      if (res.status !== 200) throw new Error(`search "${q}": ${res.status} ${await res.text()}`);
      return (await res.json()) as { total: number; results: unknown[] };
    };
    const totals: Record<string, number> = {};
    for (const q of QUERIES) totals[q] = (await search(q)).total; // warm-up
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of QUERIES) {
        const t = performance.now();
        await search(q);
        times.push(performance.now() - t);
      }
    }
    const ilike: number[] = [];
    const ilikeRounds = 1;
    for (let round = 0; round < ilikeRounds; round++) {
      for (const q of QUERIES) {
        const pattern = `%${q.replace(/"/g, '').replace(/ or /g, ' ')}%`;
        const t = performance.now();
        await testDb.db.query(ILIKE_SQL, [seeded.group, seeded.memberId, pattern]);
        ilike.push(performance.now() - t);
      }
    }
    return {
      backend: kind,
      comments: seeded.comments,
      replies: seeded.replies,
      seedMs: seeded.seedMs,
      searchP50Ms: percentile(times, 50),
      searchP95Ms: percentile(times, 95),
      searchSamples: times.length,
      ilikeP50Ms: percentile(ilike, 50),
      ilikeP95Ms: percentile(ilike, 95),
      ilikeSamples: ilike.length,
      totals,
    };
  } finally {
    await store.close();
    await testDb.close();
  }
}

/** The backends to run: BENCH_BACKENDS (default PostgreSQL when reachable, then PGlite). */
export function searchBackends(): DbKind[] {
  const asked = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((b) => b.trim());
  return asked.filter((b): b is DbKind => (b === 'postgres' && POSTGRES_AVAILABLE) || b === 'pglite');
}

/** Run the search benchmark on each backend; returns the figures and the lines to print. */
export async function runSearchBench(log: (line: string) => void = console.log): Promise<{ figures: SearchFigures[]; lines: string[] }> {
  const figures: SearchFigures[] = [];
  const lines: string[] = [];
  for (const kind of searchBackends()) {
    log(`search: seeding ${COMMENTS[kind].toLocaleString('en-GB')} comments on ${kind}…`);
    const f = await benchOne(kind);
    figures.push(f);
    const ratio = f.ilikeP95Ms / f.searchP95Ms;
    const target = kind === 'postgres' ? ` (target ≤ ${SEARCH_P95_TARGET_MS} ms: ${f.searchP95Ms <= SEARCH_P95_TARGET_MS ? 'met' : 'NOT met'})` : '';
    const out = [
      `search on ${kind}: ${f.comments.toLocaleString('en-GB')} comments + ${f.replies.toLocaleString('en-GB')} replies and answers, seeded in ${(f.seedMs / 1000).toFixed(1)} s`,
      `  full-text search route (HTTP in process, ${QUERIES.length} queries × ${ROUNDS}): p50 ${f.searchP50Ms.toFixed(1)} ms, p95 ${f.searchP95Ms.toFixed(1)} ms${target}`,
      `  plain ILIKE scan (SQL only, ${f.ilikeSamples} samples): p50 ${f.ilikeP50Ms.toFixed(1)} ms, p95 ${f.ilikeP95Ms.toFixed(1)} ms; ILIKE p95 / search p95 = ${ratio.toFixed(1)}×`,
      `  matches per query: ${Object.entries(f.totals).map(([q, n]) => `${q} ${n.toLocaleString('en-GB')}`).join('; ')}`,
    ];
    for (const line of out) log(line);
    lines.push(...out);
  }
  return { figures, lines };
}
