// `npm run bench:import`: import 10,000 Hypothesis annotations through the store on PGlite
// (on disk, as `npm run store` runs it): read and parse the file, turn each row into a
// checked comment (utils/interop), and POST the parts to the store's import route, which
// checks each again, finds those already there and writes the new ones. Target: ≤ 5 s.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/src/app';
import { runCli } from '../../server/src/cli';
import { migrate } from '../../server/src/db/migrate';
import { openPgliteDb } from '../../server/src/db/pglite-db';
import { hypothesisClientExport, hypothesisRow } from '../../utils/interop/interop-fixtures';
import { MAKING_IT_REAL_THEMES } from '../../utils/model/vocabulary';
import { readFixture } from '../fixtures';
import { seededRandom } from '../support/seeded-random';

const COUNT = Number(process.env.IMPORT_COUNT ?? 10_000);
const LIMIT_MS = 5_000;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** Rows quoting the Care Act Part 1 text, with Hypothesis-shaped selectors and tags. */
function rows(): Record<string, unknown>[] {
  const text = readFixture('care-act-2014-part-1.html').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
  const random = seededRandom(2014);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < COUNT; i++) {
    const start = Math.floor(random() * (text.length - 400));
    const end = start + 10 + Math.floor(random() * 300);
    out.push(
      hypothesisRow({
        id: `bench${i.toString(36).padStart(8, '0')}`,
        links: {},
        text: `Comment ${i}: ${text.slice(end, end + 40 + Math.floor(random() * 400))}`,
        tags: [MAKING_IT_REAL_THEMES[i % MAKING_IT_REAL_THEMES.length]!.toLowerCase(), ...(i % 3 === 0 ? ['care act'] : [])],
        user_info: i % 4 === 0 ? {} : { display_name: `Writer ${i % 50}` },
        target: [
          {
            source: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
            selector: [
              { type: 'RangeSelector', startContainer: '/div[1]/p[3]', startOffset: 0, endContainer: '/div[1]/p[3]', endOffset: 10 },
              { type: 'TextPositionSelector', start: start + 812, end: end + 812 },
              { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
            ],
          },
        ],
      }),
    );
  }
  return out;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'lea-import-bench-'));
  const db = await openPgliteDb(join(dir, 'pglite'));
  await migrate(db);
  const store = await createApp({ db, adminToken: ADMIN_TOKEN });
  const fetchImpl = (async (url: string, init: RequestInit) => store.app.request(url, init)) as unknown as typeof fetch;
  const created = await (await store.app.request('http://store.local/api/admin/groups', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench group' }),
  })).json() as { group: string };
  const file = join(dir, 'hypothesis-export.json');
  const content = JSON.stringify(hypothesisClientExport(rows()));
  await writeFile(file, content);
  const env = { ADMIN_TOKEN, STORE_URL: 'http://store.local' };
  const run = async (label: string, args: string[]) => {
    const lines: string[] = [];
    const t0 = performance.now();
    const code = await runCli(args, env, (s) => lines.push(s), (s) => lines.push(s), fetchImpl);
    const ms = performance.now() - t0;
    if (code !== 0) throw new Error(`${label} failed: ${lines.join('\n')}`);
    const summary = lines.join('\n').split('\n').filter((l) => /new:|already there:|refused:/.test(l)).map((l) => l.trim()).join(', ');
    console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   ${summary}`);
    return ms;
  };
  console.log(`Importing ${COUNT.toLocaleString('en-GB')} Hypothesis annotations (${(content.length / 1e6).toFixed(1)} MB file), PGlite on disk, load average ${loadavg()[0]!.toFixed(1)}`);
  const dry = await run('dry run (nothing written)', ['import', created.group, file, '--dry-run']);
  const first = await run('import (all new)', ['import', created.group, file]);
  const second = await run('second import (all already there)', ['import', created.group, file]);
  const { rows: count } = await db.query<{ n: string }>('select count(*)::text as n from annotations where group_id = $1', [created.group]);
  console.log(`rows stored: ${count[0]!.n}`);
  await store.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
  const ok = first <= LIMIT_MS && Number(count[0]!.n) === COUNT;
  console.log(`${ok ? 'PASS' : 'FAIL'}: import ${first.toFixed(0)} ms (limit ${LIMIT_MS} ms); dry run ${dry.toFixed(0)} ms; second ${second.toFixed(0)} ms`);
  if (!ok) process.exitCode = 1;
}

await main();
