// `npm run bench:webapp`: the group's web app at the size of a big consultation.
//   - search (webapp-search.ts): 100,000 comments, the search route's p50/p95 on PostgreSQL
//     (target p95 ≤ 50 ms) and PGlite, beside a plain ILIKE scan of the same rows;
//   - painting (webapp-paint.ts, when present): a document page with 2,000 comments in Chromium.
// Figures are printed and written to .tmp/bench-webapp.json. BENCH_BACKENDS=postgres,pglite
// picks the search backends; BENCH_COMMENTS the group's size; BENCH_PAINT=0 skips painting.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/spawn-store';
import { runSearchBench } from './webapp-search';

const started = performance.now();
const lines: string[] = [];
const { figures } = await runSearchBench((line) => {
  console.log(line);
});

// The paint benchmark is another helper's file; run it when it is there.
const paintFile = join(import.meta.dirname, 'webapp-paint.ts');
let paint: string[] | null = null;
if (process.env.BENCH_PAINT === '0') {
  console.log('paint: skipped (BENCH_PAINT=0).');
} else if (existsSync(paintFile)) {
  const module = (await import(paintFile)) as { runPaintBench?: () => Promise<string[]> };
  if (typeof module.runPaintBench === 'function') {
    paint = await module.runPaintBench();
    for (const line of paint) console.log(line);
  }
} else {
  console.log('paint: server/bench/webapp-paint.ts is not there yet; skipped.');
}
lines.push(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(lines.at(-1));
await mkdir(join(REPO_ROOT, '.tmp'), { recursive: true });
await writeFile(join(REPO_ROOT, '.tmp', 'bench-webapp.json'), `${JSON.stringify({ search: figures, paint }, null, 2)}\n`);
