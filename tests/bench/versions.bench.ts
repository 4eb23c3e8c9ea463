/**
 * Versions benchmark in real Chromium (Debian's /usr/bin/chromium via playwright-core):
 * 1,000 comments written on one version of the Finance Act 2013 page, anchored on a later
 * version in which 5% of the words changed (replaced, removed or added, seeded), the way the
 * side panel does it: one text index, placeAcrossVersions (the existing anchoring with
 * positions corrected by nearby sure anchors), each result named (exact / moved / changed with its word diff / not in this
 * version). Beside it, the Hypothesis-style per-annotation matcher (tests/bench/hypothesis-style.ts)
 * on the same comments in the same run. Prints medians, the ratio and whether each target is
 * met; always exits 0 when it ran (a measurement). Run: npm run bench:versions
 *
 * "wrong": anchored where less than half of the passage's words (as mapped into the later
 * version by the edit generator itself) are covered — another passage, not the comment's.
 */
import os from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchBenchChromium, median, ms, serveFixture } from './bench-page';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = 'finance-act-2013.html';
const COMMENTS = 1000;
const WORD_RATE = 0.05;
const OUR_RUNS = 15;
const PEER_RUNS = 3;
const PEER_SUBSET = 200;
const TARGET_MS = 100;
/** Seeds of the passages and of the later version's edits (VERSIONS_SEED=n to try others; the committed figures use the defaults). */
const PASSAGE_SEED = 14;
const EDIT_SEED = Number(process.env.VERSIONS_SEED ?? 2014);

/** What the page exposes (see PAGE below). */
interface RunResult {
  times: number[];
  measured: number;
  anchored: number;
  wrong: number;
  boundaryExact: number;
  statuses: Record<string, number>;
  examples: string[];
  diffRuns?: number;
}
interface VersionsBench {
  setup(count: number, seed: number): { textLength: number; textNodes: number; comments: number };
  makeLaterVersion(rate: number, seed: number): { wordsBefore: number; changed: number; replaced: number; removed: number; added: number; textLength: number; passagesTouched: number };
  runOurs(runs: number): RunResult;
  runHypothesisStyle(runs: number, limit: number): RunResult;
}

/** Runs inside the page: passages, the later version's edits and both anchorers. */
const PAGE = `
import { buildTextIndex, describeRange, offsetsToRange } from '../../utils/anchoring';
import { placeAcrossVersions } from '../../utils/anchoring/across-versions';
import { anchorHypothesisStyle } from './hypothesis-style';

const WRITTEN_ON = 'https://www.legislation.gov.uk/ukpga/2013/29/enacted';
const PAGE_URI = 'https://www.legislation.gov.uk/ukpga/2013/29/2014-04-06';
let nodes = [];
let starts = new Map();
let text = '';
let passages = [];
let map = null;

function walk() {
  nodes = [];
  starts = new Map();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  let pos = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    nodes.push(n);
    starts.set(n, pos);
    parts.push(n.data);
    pos += n.data.length;
  }
  text = parts.join('');
}

function rangeOver(start, end) {
  let s = 0;
  while (s + 1 < nodes.length && starts.get(nodes[s + 1]) <= start) s++;
  let e = s;
  while (e + 1 < nodes.length && starts.get(nodes[e + 1]) < end) e++;
  const r = document.createRange();
  r.setStart(nodes[s], start - starts.get(nodes[s]));
  r.setEnd(nodes[e], end - starts.get(nodes[e]));
  return r;
}

function offsetsOf(range) {
  const s = starts.get(range.startContainer);
  const e = starts.get(range.endContainer);
  return s === undefined || e === undefined ? null : { start: s + range.startOffset, end: e + range.endOffset };
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const isSpace = (c) => c !== undefined && /\\s/.test(c);

function setup(count, seed) {
  walk();
  const random = mulberry32(seed);
  const index = buildTextIndex(document.body);
  passages = [];
  while (passages.length < count) {
    let start = Math.floor(random() * (text.length - 260));
    while (start > 0 && !isSpace(text[start - 1])) start--;
    while (isSpace(text[start])) start++;
    let end = Math.min(text.length, start + 20 + Math.floor(random() * 230));
    while (end < text.length && !isSpace(text[end])) end++;
    if (text.slice(start, end).replace(/\\s+/g, '').length < 16) continue;
    const selectors = describeRange(document.body, rangeOver(start, end), index);
    passages.push({ start, end, selectors, quote: selectors[0], position: selectors[1] });
  }
  return { textLength: text.length, textNodes: nodes.length, comments: passages.length };
}

/**
 * The later version: every word (a run of non-space characters) of every text node is, with
 * probability rate, replaced by another word of the page, removed (with the space after it),
 * or preceded by an added word. map[o] is where old offset o is in the new text.
 */
function makeLaterVersion(rate, seed) {
  const random = mulberry32(seed);
  const vocabulary = text.split(/\\s+/).filter((w) => w.length > 0);
  const oldLength = text.length;
  map = new Int32Array(oldLength + 1);
  let oldPos = 0;
  let newPos = 0;
  let words = 0, replaced = 0, removed = 0, added = 0;
  const touchedAt = new Uint8Array(oldLength + 1);
  for (const node of nodes) {
    const data = node.data;
    const out = [];
    const re = /(\\S+)(\\s*)|(\\s+)/g;
    let m;
    while ((m = re.exec(data)) !== null) {
      if (m[0] === '') break;
      if (m[3] !== undefined) {
        for (let i = 0; i < m[3].length; i++) map[oldPos++] = newPos++;
        out.push(m[3]);
        continue;
      }
      const word = m[1];
      const space = m[2];
      words++;
      const roll = random();
      if (roll < rate) {
        const op = Math.floor(random() * 3);
        for (let i = 0; i < word.length; i++) touchedAt[oldPos + i] = 1;
        if (op === 0) {
          let other = word;
          while (other === word) other = vocabulary[Math.floor(random() * vocabulary.length)];
          for (let i = 0; i < word.length; i++) map[oldPos++] = newPos + Math.min(i, other.length);
          newPos += other.length;
          out.push(other);
          for (let i = 0; i < space.length; i++) map[oldPos++] = newPos++;
          out.push(space);
          replaced++;
          continue;
        }
        if (op === 1 && space.length > 0) {
          for (let i = 0; i < word.length + space.length; i++) map[oldPos++] = newPos;
          removed++;
          continue;
        }
        const extra = vocabulary[Math.floor(random() * vocabulary.length)] + ' ';
        out.push(extra);
        newPos += extra.length;
        added++;
      }
      for (let i = 0; i < word.length + space.length; i++) map[oldPos++] = newPos++;
      out.push(word, space);
    }
    node.data = out.join('');
  }
  map[oldLength] = newPos;
  let touched = 0;
  for (const p of passages) {
    for (let i = p.start; i < p.end; i++) if (touchedAt[i]) { touched++; break; }
  }
  walk();
  return { wordsBefore: words, changed: replaced + removed + added, replaced, removed, added, textLength: text.length, passagesTouched: touched };
}

function collectGarbage() {
  globalThis.gc?.();
}

/** Where the passage is now, by the edit map. */
const expected = (p) => ({ start: map[p.start], end: map[p.end] });

function judge(p, got, examples) {
  const want = expected(p);
  if (!got) return 'unplaced';
  if (got.start === want.start && got.end === want.end) return 'boundary-exact';
  const overlap = Math.max(0, Math.min(got.end, want.end) - Math.max(got.start, want.start));
  const shorter = Math.max(1, Math.min(got.end - got.start, want.end - want.start));
  if (overlap / shorter < 0.5) {
    if (examples.length < 3) {
      examples.push('wrong place ' + got.start + '-' + got.end + ' for ' + want.start + '-' + want.end + ': ' + JSON.stringify(text.slice(got.start, got.end).slice(0, 60)));
      // What was selected, and the words now where it went (the edit map), to see why.
      examples.push('    written on: ' + JSON.stringify(p.quote.exact.slice(0, 120)) + '; now there: ' + JSON.stringify(text.slice(want.start, want.end).slice(0, 120)));
    }
    return 'wrong';
  }
  return 'close';
}

function runOurs(runs) {
  const comments = passages.map((p) => ({ source: WRITTEN_ON, selectors: p.selectors }));
  const times = [];
  let placements = [];
  let ranges = [];
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const t0 = performance.now();
    const index = buildTextIndex(document.body);
    placements = placeAcrossVersions(index, PAGE_URI, comments);
    ranges = placements.map((pl) => (pl.span ? offsetsToRange(index, pl.span.start, pl.span.end) : null));
    times.push(performance.now() - t0);
  }
  const statuses = {};
  const examples = [];
  let anchored = 0, wrong = 0, boundaryExact = 0, diffRuns = 0;
  placements.forEach((pl, i) => {
    statuses[pl.status] = (statuses[pl.status] ?? 0) + 1;
    if (pl.diff) diffRuns += pl.diff.length;
    const range = ranges[i];
    if (!range) return;
    anchored++;
    const verdict = judge(passages[i], offsetsOf(range), examples);
    if (verdict === 'wrong') wrong++;
    if (verdict === 'boundary-exact') boundaryExact++;
  });
  return { times, measured: passages.length, anchored, wrong, boundaryExact, statuses, examples, diffRuns };
}

function runHypothesisStyle(runs, limit) {
  const list = passages.slice(0, limit);
  const times = [];
  let ranges = [];
  for (let r = 0; r < runs; r++) {
    ranges = [];
    collectGarbage();
    const t0 = performance.now();
    for (const p of list) ranges.push(anchorHypothesisStyle(document.body, p.quote, p.position));
    times.push(performance.now() - t0);
  }
  const examples = [];
  let anchored = 0, wrong = 0, boundaryExact = 0;
  ranges.forEach((range, i) => {
    if (!range) return;
    anchored++;
    const verdict = judge(list[i], offsetsOf(range), examples);
    if (verdict === 'wrong') wrong++;
    if (verdict === 'boundary-exact') boundaryExact++;
  });
  return { times, measured: list.length, anchored, wrong, boundaryExact, statuses: {}, examples };
}

globalThis.versionsBench = { setup, makeLaterVersion, runOurs, runHypothesisStyle };
`;


async function bundle(): Promise<string> {
  const out = await build({
    stdin: { contents: PAGE, resolveDir: here, loader: 'ts', sourcefile: 'versions-page.ts' },
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
    const call = <R>(fn: (b: VersionsBench, arg: never) => R, arg?: unknown): Promise<R> =>
      page.evaluate(
        ([src, a]) => {
          const b = (globalThis as unknown as { versionsBench: VersionsBench }).versionsBench;
          return (0, eval)(`(${src})`)(b, a);
        },
        [fn.toString(), arg] as const,
      ) as Promise<R>;

    const info = await call((b, a: number[]) => b.setup(a[0]!, a[1]!), [COMMENTS, PASSAGE_SEED]);
    const later = await call((b, a: number[]) => b.makeLaterVersion(a[0]!, a[1]!), [WORD_RATE, EDIT_SEED]);
    console.log(`Versions benchmark: ${FIXTURE}, ${info.textLength.toLocaleString('en')} characters in ${info.textNodes.toLocaleString('en')} text nodes; ${info.comments.toLocaleString('en')} comments (word-aligned passages of 20-250 characters, seeded) written on this version.`);
    console.log(
      `Later version: ${later.changed.toLocaleString('en')} of ${later.wordsBefore.toLocaleString('en')} words changed (${((100 * later.changed) / later.wordsBefore).toFixed(1)}%: ${later.replaced} replaced, ${later.removed} removed, ${later.added} added), ${later.textLength.toLocaleString('en')} characters (edit seed ${EDIT_SEED}); ${later.passagesTouched} of ${info.comments} passages contain a changed word; every later passage is shifted.`,
    );
    console.log(`Browser: ${browser.version()} headless; machine: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`Ours = text index + placeAcrossVersions (word diff for each changed one) + Ranges, medians of ${OUR_RUNS} runs; Hypothesis-style on the first ${PEER_SUBSET}, ${PEER_RUNS} runs, scaled ×${COMMENTS / PEER_SUBSET}.\n`);

    const ours = await call((b, n: number) => b.runOurs(n), OUR_RUNS);
    const hyp = await call((b, a: number[]) => b.runHypothesisStyle(a[0]!, a[1]!), [PEER_RUNS, PEER_SUBSET]);
    const oursMs = median(ours.times);
    const hypMs = (median(hyp.times) * COMMENTS) / hyp.measured;
    const rows = [
      ['measurement', 'ms (median)', 'min-max ms', 'anchored', 'wrong', 'boundaries exact'],
      [`ours, ${COMMENTS.toLocaleString('en')} across versions`, ms(oursMs), `${ms(Math.min(...ours.times))}-${ms(Math.max(...ours.times))}`, `${ours.anchored}/${ours.measured}`, String(ours.wrong), `${ours.boundaryExact}/${ours.anchored}`],
      [`hypothesis-style (${PEER_SUBSET}, ×${COMMENTS / PEER_SUBSET})`, `${ms(hypMs)}*`, `${ms(Math.min(...hyp.times))}-${ms(Math.max(...hyp.times))} (${PEER_SUBSET})`, `${hyp.anchored}/${hyp.measured}`, String(hyp.wrong), `${hyp.boundaryExact}/${hyp.anchored}`],
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
    console.log(`* per-annotation cost does not depend on how many others there are, so ${PEER_SUBSET} scaled stands for ${COMMENTS.toLocaleString('en')}.`);
    console.log(`Ratio: ours ${(hypMs / oursMs).toFixed(1)}× faster than hypothesis-style.`);
    console.log(`Statuses (ours): ${Object.entries(ours.statuses).map(([k, v]) => `${k} ${v}`).join(', ')}; word-diff runs built: ${ours.diffRuns ?? 0}.`);
    for (const e of ours.examples) console.log(`  ours: ${e}`);
    for (const e of hyp.examples) console.log(`  hypothesis-style: ${e}`);
    console.log('"wrong" = anchored over less than half of where the passage now is (the edit generator\'s own map).\n');

    const targets: [string, boolean, string][] = [
      [`${COMMENTS.toLocaleString('en')} across versions ≤ ${TARGET_MS} ms`, oursMs <= TARGET_MS, `${ms(oursMs)} ms`],
      ['0 anchored in a wrong place (ours)', ours.wrong === 0, `${ours.wrong} wrong`],
      ['faster than hypothesis-style in the same run', hypMs > oursMs, `${(hypMs / oursMs).toFixed(1)}×`],
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
