/**
 * Anchoring benchmark in real Chromium (Debian's /usr/bin/chromium via playwright-core).
 * Serves the Finance Act 2013 fixture over http, injects a bundle of our anchoring, the
 * apache-annotator exact matcher and a Hypothesis-style per-annotation matcher, and times
 * them on the same random passages. Prints medians and whether each target is met.
 * Always exits 0 when it ran: it is a measurement. Run: npm run bench:anchoring
 */
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchBenchChromium, median, ms, serveFixture } from './bench-page';
import type { AnchoringBench, RunResult } from './anchoring-page';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = 'finance-act-2013.html';
const OUR_RUNS = 15;
const PEER_RUNS = 3;
const PEER_SUBSET_5000 = 500;
const STRAIGHT_SUBSET = 200;

const times = (ours: number, peer: number) => `${(peer / ours).toFixed(1)}× faster`;

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(here, 'anchoring-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

async function main(): Promise<void> {
  const code = await bundle();
  const server = await serveFixture(FIXTURE);
  const browser = await launchBenchChromium(server);
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.addScriptTag({ content: code });
    // Each call runs in the page; `fn` receives the bench object.
    const call = <R>(fn: (b: AnchoringBench, arg: never) => R | Promise<R>, arg?: unknown): Promise<R> =>
      page.evaluate(
        ([src, a]) => {
          const b = (globalThis as unknown as { anchoringBench: AnchoringBench }).anchoringBench;
          return (0, eval)(`(${src})`)(b, a);
        },
        [fn.toString(), arg] as const,
      ) as Promise<R>;

    const info = await call((b) => b.setup());
    console.log(`Anchoring benchmark: ${FIXTURE}, ${info.textLength.toLocaleString('en')} characters of page text in ${info.textNodes.toLocaleString('en')} text nodes`);
    console.log(`Browser: ${browser.version()} headless; machine: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, node ${process.version}`);
    if (!info.sameTextAsIndex) console.log('WARNING: our text index differs from the benchmark\'s own text walk');
    await call((b) => b.generate('exact1000', 1000, 1, 10, 200));
    await call((b) => b.generate('exact5000', 5000, 2, 10, 200));
    await call((b) => b.generate('source100', 100, 3, 40, 250));
    await call((b) => b.makeEdited('fuzzy100', 'source100', 100, 4, 0.05));
    console.log('Passages: word-aligned, 10-200 characters (fuzzy: 40-250, 5% of non-space characters replaced), seeded; described with describeRange.');
    console.log(`Medians of ${OUR_RUNS} runs for ours (after they warm up in the same loop), ${PEER_RUNS} for peers. Ours = anchorAll, including building the text index.\n`);

    const indexTimes = await call((b, n: number) => b.timeIndex(n), OUR_RUNS);
    const ours1000 = await call((b, n: number) => b.runOurs('exact1000', n), OUR_RUNS);
    const apache1000 = await call((b, n: number) => b.runApache('exact1000', n, 1000), PEER_RUNS);
    const hyp1000 = await call((b, n: number) => b.runHypothesisStyle('exact1000', n, 1000), PEER_RUNS);
    const ours5000 = await call((b, n: number) => b.runOurs('exact5000', n), OUR_RUNS);
    const apache5000 = await call((b, a: number[]) => b.runApache('exact5000', a[0]!, a[1]!), [PEER_RUNS, PEER_SUBSET_5000]);
    const hyp5000 = await call((b, a: number[]) => b.runHypothesisStyle('exact5000', a[0]!, a[1]!), [PEER_RUNS, PEER_SUBSET_5000]);
    const oursFuzzy = await call((b, n: number) => b.runOurs('fuzzy100', n), OUR_RUNS);
    const hypFuzzy = await call((b, n: number) => b.runHypothesisStyle('fuzzy100', n, 100), PEER_RUNS);
    const shift = await call((b) => b.insertParagraph('A commencement note inserted above the Act to move every passage. '));
    const oursMoved = await call((b, a: number[]) => b.runOurs('exact1000', a[0]!, a[1]!), [OUR_RUNS, shift]);
    await call((b) => b.removeInserted());
    const straightened = await call((b) => b.straightenQuotes());
    const oursStraight1000 = await call((b, n: number) => b.runOurs('exact1000', n), OUR_RUNS);
    const oursStraight5000 = await call((b, n: number) => b.runOurs('exact5000', n), OUR_RUNS);
    const apacheStraight = await call((b, n: number) => b.runApache('exact1000', 1, n), STRAIGHT_SUBSET);

    const scaled = (r: RunResult, total: number) => (median(r.times) * total) / r.measured;
    const rows: string[][] = [
      ['measurement', 'ours ms', 'apache ms', 'hypothesis-style ms', 'ours vs apache', 'ours vs hyp-style', 'anchored ours / apache / hyp', 'wrong ours / apache / hyp'],
    ];
    const frac = (r: RunResult) => `${r.anchored}/${r.measured}`;
    const peerCell = (r: RunResult, total: number) => (r.measured === total ? ms(median(r.times)) : `${ms(scaled(r, total))}*`);
    rows.push(['1,000 exact', ms(median(ours1000.times)), peerCell(apache1000, 1000), peerCell(hyp1000, 1000), times(median(ours1000.times), scaled(apache1000, 1000)), times(median(ours1000.times), scaled(hyp1000, 1000)), `${frac(ours1000)} / ${frac(apache1000)} / ${frac(hyp1000)}`, `${ours1000.wrong} / ${apache1000.wrong} / ${hyp1000.wrong}`]);
    rows.push(['5,000 exact', ms(median(ours5000.times)), peerCell(apache5000, 5000), peerCell(hyp5000, 5000), times(median(ours5000.times), scaled(apache5000, 5000)), times(median(ours5000.times), scaled(hyp5000, 5000)), `${frac(ours5000)} / ${frac(apache5000)} / ${frac(hyp5000)}`, `${ours5000.wrong} / ${apache5000.wrong} / ${hyp5000.wrong}`]);
    rows.push(['100 fuzzy (5% edited)', ms(median(oursFuzzy.times)), 'n/a (exact only)', peerCell(hypFuzzy, 100), '', times(median(oursFuzzy.times), median(hypFuzzy.times)), `${frac(oursFuzzy)} / - / ${frac(hypFuzzy)}`, `${oursFuzzy.wrong} / - / ${hypFuzzy.wrong}`]);
    rows.push(['1,000 after insert at top', ms(median(oursMoved.times)), '', '', '', '', frac(oursMoved), String(oursMoved.wrong)]);
    rows.push(['1,000 quotes straightened', ms(median(oursStraight1000.times)), `${ms(scaled(apacheStraight, 1000))}†`, '', '', '', `${frac(oursStraight1000)} / ${frac(apacheStraight)} / -`, `${oursStraight1000.wrong} / ${apacheStraight.wrong} / -`]);
    rows.push(['5,000 quotes straightened', ms(median(oursStraight5000.times)), '', '', '', '', frac(oursStraight5000), String(oursStraight5000.wrong)]);
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
    console.log(`* measured on the first ${PEER_SUBSET_5000} of 5,000 and scaled ×${5000 / PEER_SUBSET_5000} (per-annotation cost does not depend on how many others there are).`);
    console.log(`† one run on the first ${STRAIGHT_SUBSET}, scaled; apache's exact matcher is shown for its success count.`);
    console.log(`Text index build alone (walk + join): median ${ms(median(indexTimes))} ms. Ours 1,000 exact: min ${ms(Math.min(...ours1000.times))}, max ${ms(Math.max(...ours1000.times))} ms.`);
    const fmt = (s?: Record<string, number>) => Object.entries(s ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`Statuses: 1,000 exact: ${fmt(ours1000.statuses)}; fuzzy: ${fmt(oursFuzzy.statuses)} (boundaries exact ${oursFuzzy.boundaryExact}/${oursFuzzy.anchored}); after insert: ${fmt(oursMoved.statuses)}; straightened: ${fmt(oursStraight1000.statuses)} (${straightened.replaced} quote marks replaced; ${straightened.passagesAffected} passages contained one).`);
    const named: [string, RunResult][] = [['ours 1,000', ours1000], ['ours 5,000', ours5000], ['ours fuzzy', oursFuzzy], ['ours after insert', oursMoved], ['ours straightened 1,000', oursStraight1000], ['ours straightened 5,000', oursStraight5000], ['apache 1,000', apache1000], ['hypothesis-style fuzzy', hypFuzzy]];
    for (const [label, r] of named) for (const e of r.examples) console.log(`  ${label}: ${e}`);
    console.log('"wrong" = anchored range ≠ the original passage offsets (for fuzzy: overlap < 80% of the union).\n');

    const o1 = median(ours1000.times);
    const targets: [string, boolean, string][] = [
      ['1,000 exact ≤ 20 ms', o1 <= 20, `${ms(o1)} ms`],
      ['1,000 exact ≥ 20× faster than apache-annotator', scaled(apache1000, 1000) / o1 >= 20, times(o1, scaled(apache1000, 1000))],
      ['1,000 exact ≥ 20× faster than hypothesis-style', scaled(hyp1000, 1000) / o1 >= 20, times(o1, scaled(hyp1000, 1000))],
      ['100 fuzzy ≤ 300 ms', median(oursFuzzy.times) <= 300, `${ms(median(oursFuzzy.times))} ms`],
      ['100% exact success (1,000 and 5,000)', ours1000.anchored === 1000 && ours5000.anchored === 5000, `${ours1000.anchored + ours5000.anchored}/6000`],
      ['100% success after straightening quotes', oursStraight1000.anchored === 1000 && oursStraight5000.anchored === 5000, `${oursStraight1000.anchored + oursStraight5000.anchored}/6000`],
      ['0 anchored in a wrong place (all our runs)', [ours1000, ours5000, oursFuzzy, oursMoved, oursStraight1000, oursStraight5000].every((r) => r.wrong === 0), `${[ours1000, ours5000, oursFuzzy, oursMoved, oursStraight1000, oursStraight5000].reduce((n, r) => n + r.wrong, 0)} wrong`],
    ];
    for (const [name, met, figure] of targets) console.log(`targets: ${met ? 'met    ' : 'NOT met'}  ${name} (${figure})`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
