/**
 * PDF benchmark for the issue's two targets on the ≥300-page Finance Act PDF (printed by
 * Chromium, tests/support/pdf-fixtures.ts), each measured beside a peer in the same run
 * because this machine is noisy:
 *  B1 (node): anchoring 1,000 comments spread over every page once the text is extracted
 *     (target ≤ 1 s), ours (anchorInPdf with page hints; anchorInWhole) against
 *     @apache-annotator/selector's text-quote matcher on the same text.
 *  B2 (Chromium): time from navigation start to page 1 painted in the extension's viewer
 *     (target ≤ 1.5 s), against plain pdf.js rendering page 1 to a canvas.
 * Always exits 0 when it ran: it is a measurement. Run: npm run bench:pdf
 * Options (environment): LEA_BENCH_NO_BUILD=1 never runs `npm run build` for B2.
 */
import { textQuoteSelectorMatcher, type Chunk, type Chunker } from '@apache-annotator/selector';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { seededRandom } from '../support/anchoring-harness';
import type { Selector } from '../../utils/model/selectors';
import {
  anchorInPdf,
  anchorInWhole,
  createPdfDocumentText,
  describePdfPassage,
  type PdfAnchor,
  type PdfTextItem,
  type PdfTextSource,
  type PdfWholeText,
} from '../../utils/pdf';
import { findChromium, launchWithExtension } from '../e2e/support/chromium';
import { ensurePdfFixtures } from '../support/pdf-fixtures';
import { isTextItem, openPdf, type PdfTextContentItem } from '../support/pdfjs-node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 20240613;
const COMMENTS = 1000;
const N = COMMENTS.toLocaleString('en');
const RUNS = 7;
/** apache-annotator scans the whole text per quote: measured on this many and scaled to 1,000. */
const APACHE_SUBSET = 100;
const VIEWER_RUNS = 5;
const FIRST_PAGE_MARK = 'lea-pdf-first-page';
const PEER_MARK = 'peer-first-page';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const us = (x: number): string => `${(x * 1000).toFixed(x * 1000 < 10 ? 2 : 1)} µs`;
const ratio = (ours: number, peer: number): string => (ours <= peer ? `${(peer / ours).toFixed(1)}× faster` : `${(ours / peer).toFixed(1)}× slower`);


/** pdf.js items in the shape utils/pdf reads (marked-content entries carry no `str`). */
function toPdfItems(items: readonly PdfTextContentItem[]): PdfTextItem[] {
  return items.map((item) => (isTextItem(item) ? { str: item.str, hasEOL: item.hasEOL } : {}));
}

/** A comment on the PDF: its selectors and where it was made (page, page-text offsets). */
interface Comment {
  selectors: Selector[];
  page: number;
  start: number;
  end: number;
}

/** Word-aligned passages of 20-200 characters on pages chosen evenly across the document. */
function makeComments(whole: PdfWholeText, count: number): Comment[] {
  const random = seededRandom(SEED);
  const pageCount = whole.pageStarts.length - 1;
  const comments: Comment[] = [];
  for (let i = 0; comments.length < count; i++) {
    const page = 1 + Math.floor(((i + random()) * pageCount) / count) % pageCount;
    const pageText = whole.index.text.slice(whole.pageStarts[page - 1]!, whole.pageStarts[page]!);
    let start = Math.floor(random() * pageText.length);
    while (start > 0 && /\S/.test(pageText[start - 1]!)) start--;
    while (start < pageText.length && /\s/.test(pageText[start]!)) start++;
    let end = Math.min(pageText.length, start + 20 + Math.floor(random() * 181));
    while (end < pageText.length && end - start < 200 && /\S/.test(pageText[end]!)) end++;
    while (end > start && /\s/.test(pageText[end - 1]!)) end--;
    if (end - start < 20) continue;
    comments.push({ selectors: describePdfPassage(whole, page, start, end), page, start, end });
  }
  return comments;
}

interface Tally {
  anchored: number;
  rightPage: number;
  exactPlace: number;
  statuses: Record<string, number>;
  /** The first few comments not anchored at their original place, described. */
  misplaced: string[];
}

function tally(comments: readonly Comment[], anchors: readonly (PdfAnchor | null)[]): Tally {
  const t: Tally = { anchored: 0, rightPage: 0, exactPlace: 0, statuses: {}, misplaced: [] };
  anchors.forEach((a, i) => {
    const c = comments[i]!;
    const placed = a && a.page === c.page && a.start === c.start && a.end === c.end;
    if (!placed && t.misplaced.length < 3) {
      const quote = JSON.stringify((c.selectors[0] as { exact: string }).exact.slice(0, 50));
      t.misplaced.push(`comment ${i} (page ${c.page}, ${c.start}-${c.end}, ${quote}) → ${a ? `page ${a.page}, ${a.start}-${a.end}, ${a.status}` : 'not anchored'}`);
    }
    if (!a) return;
    t.anchored++;
    if (a.page === c.page) t.rightPage++;
    if (a.page === c.page && a.start === c.start && a.end === c.end) t.exactPlace++;
    t.statuses[a.status] = (t.statuses[a.status] ?? 0) + 1;
  });
  return t;
}

interface SegmentChunk extends Chunk<string> {
  readonly index: number;
}

/** apache-annotator's Chunker over the same text segments our index holds (pdf.js items and line breaks). */
function segmentChunker(chunks: readonly SegmentChunk[]): Chunker<SegmentChunk> {
  let at = 0;
  return {
    get currentChunk() {
      return chunks[at]!;
    },
    nextChunk: () => (at + 1 < chunks.length ? chunks[++at]! : null),
    previousChunk: () => (at > 0 ? chunks[--at]! : null),
    precedesCurrentChunk: (chunk) => chunk.index < at,
  };
}

interface B1Result {
  pages: number;
  characters: number;
  extractMs: number;
  oursPdf: number[];
  oursWhole: number[];
  wholeJoin: number[];
  apache: number[];
  oursPdfTally: Tally;
  oursWholeTally: Tally;
  apacheTally: Tally;
}

async function benchAnchoring(pdfPath: string): Promise<B1Result> {
  const pdf = await openPdf(pdfPath);
  const items: PdfTextItem[][] = [];
  const t0 = performance.now();
  for (let p = 1; p <= pdf.numPages; p++) items.push(toPdfItems(await pdf.textContentItems(p)));
  const extractMs = performance.now() - t0;
  await pdf.destroy();

  const source = (): PdfTextSource => ({ pageCount: items.length, loadItems: (p) => Promise.resolve(items[p - 1]!) });
  const reference = await createPdfDocumentText(source()).whole();
  const comments = makeComments(reference, COMMENTS);
  console.log(
    `B1: ${items.length} pages, ${reference.index.text.length.toLocaleString('en')} characters of page text in ${reference.index.segmentCount.toLocaleString('en')} segments; ` +
      `text extraction (pdf.js getTextContent, every page, in node) ${ms(extractMs)} ms.`,
  );
  console.log(`    ${N} comments, word-aligned passages of 20-200 characters, one or more on every page (seed ${SEED}). Medians of ${RUNS} runs, interleaved.`);

  const oursPdf: number[] = [];
  const oursWhole: number[] = [];
  const wholeJoin: number[] = [];
  const apache: number[] = [];
  let pdfAnchors: (PdfAnchor | null)[] = [];
  let wholeAnchors: (PdfAnchor | null)[] = [];
  let apacheAnchors: (PdfAnchor | null)[] = [];
  const chunks: SegmentChunk[] = [];
  for (let s = 0; s < reference.index.segmentCount; s++) {
    chunks.push({ index: s, data: reference.index.text.slice(reference.index.starts[s]!, reference.index.starts[s + 1]!) });
  }
  for (let run = 0; run < RUNS; run++) {
    // Ours with page hints: a fresh document text (pages extracted, nothing joined or folded yet).
    let t = performance.now();
    const text = createPdfDocumentText(source());
    pdfAnchors = [];
    for (const c of comments) pdfAnchors.push(await anchorInPdf(text, c.selectors));
    oursPdf.push(performance.now() - t);

    // Ours on the whole text: join every page (timed too), then anchor each comment.
    t = performance.now();
    const whole = await createPdfDocumentText(source()).whole();
    wholeJoin.push(performance.now() - t);
    wholeAnchors = comments.map((c) => anchorInWhole(whole, c.selectors));
    oursWhole.push(performance.now() - t);

    // apache-annotator: exact text-quote matching over the same segments, first match taken.
    t = performance.now();
    apacheAnchors = [];
    for (const c of comments.slice(0, APACHE_SUBSET)) {
      const quote = c.selectors[0] as { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };
      const matches = textQuoteSelectorMatcher(quote)(segmentChunker(chunks));
      const first = await matches.next();
      await matches.return(undefined);
      if (first.done) {
        apacheAnchors.push(null);
        continue;
      }
      const start = reference.index.starts[first.value.startChunk.index]! + first.value.startIndex;
      const end = reference.index.starts[first.value.endChunk.index]! + first.value.endIndex;
      const page = reference.pageOf(start);
      const pageStart = reference.pageStarts[page - 1]!;
      apacheAnchors.push({ page, start: start - pageStart, end: end - pageStart, status: 'exact', documentStart: start });
    }
    apache.push(((performance.now() - t) * COMMENTS) / APACHE_SUBSET);
  }
  return {
    pages: items.length,
    characters: reference.index.text.length,
    extractMs,
    oursPdf,
    oursWhole,
    wholeJoin,
    apache,
    oursPdfTally: tally(comments, pdfAnchors),
    oursWholeTally: tally(comments, wholeAnchors),
    apacheTally: tally(comments.slice(0, APACHE_SUBSET), apacheAnchors),
  };
}

/** Newest modification time (ms) of the files under `paths` (directories walked, node_modules skipped). */
function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/**
 * Makes sure .output/chrome-mv3 holds a build of the current sources, running `npm run
 * build` when it is missing or older than any source file. Returns a line saying what it did.
 */
function ensureBuild(): string {
  const manifest = path.join(repoRoot, '.output/chrome-mv3/manifest.json');
  const sources = ['entrypoints', 'components', 'utils', 'assets', 'public', 'wxt.config.ts', 'package.json'].map((p) => path.join(repoRoot, p));
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const why = built === 0 ? 'missing' : newestMtime(sources) > built ? 'older than the sources' : '';
  if (!why) return 'B2: using the existing build in .output/chrome-mv3 (newer than every source file).';
  if (process.env.LEA_BENCH_NO_BUILD) return `B2: .output/chrome-mv3 is ${why}, and LEA_BENCH_NO_BUILD is set: measuring it as it is.`;
  console.log(`B2: .output/chrome-mv3 is ${why}: running npm run build ...`);
  const t0 = performance.now();
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  return `B2: built the extension with npm run build (${((performance.now() - t0) / 1000).toFixed(1)} s) because .output/chrome-mv3 was ${why}.`;
}

/** The scale pdf.js's viewer renders at by default ("auto": at most 1.25 for a portrait page) in CSS pixels per PDF point. */
const PEER_SCALE = 1.25 * (96 / 72);

const PEER_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>pdf.js page 1</title></head>
<body style="margin:0"><canvas id="page"></canvas>
<script type="module">
import * as pdfjs from '/pdfjs/build/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
const doc = await pdfjs.getDocument({ url: '/doc.pdf', standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
const page = await doc.getPage(1);
const viewport = page.getViewport({ scale: ${PEER_SCALE} * devicePixelRatio });
const canvas = document.getElementById('page');
canvas.width = Math.floor(viewport.width);
canvas.height = Math.floor(viewport.height);
canvas.style.width = Math.floor(viewport.width / devicePixelRatio) + 'px';
await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
performance.mark('${PEER_MARK}');
</script></body></html>`;

const CONTENT_TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.pdf': 'application/pdf', '.pfb': 'application/octet-stream', '.ttf': 'font/ttf' };

/**
 * Serves the PDF, the peer page and pdfjs-dist's files on 127.0.0.1. Not the e2e fixture
 * server: that one serves only tests/fixtures/policy, and the PDF is generated under .tmp/.
 * No caching, no range requests (both readers fetch the file whole, the same way).
 */
async function startServer(pdfPath: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const pdfjsRoot = path.join(repoRoot, 'node_modules/pdfjs-dist');
  const pdfBytes = readFileSync(pdfPath);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    let body: Buffer | string | null = null;
    let type = 'application/octet-stream';
    if (url.pathname === '/doc.pdf') [body, type] = [pdfBytes, 'application/pdf'];
    else if (url.pathname === '/peer.html') [body, type] = [PEER_HTML, 'text/html; charset=utf-8'];
    else if (url.pathname.startsWith('/pdfjs/')) {
      const file = path.resolve(pdfjsRoot, `.${decodeURIComponent(url.pathname.slice('/pdfjs'.length))}`);
      if (file.startsWith(pdfjsRoot + path.sep) && existsSync(file) && statSync(file).isFile()) {
        [body, type] = [readFileSync(file), CONTENT_TYPES[path.extname(file)] ?? type];
      }
    }
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Opens `url` in a new tab and returns when `mark` was set, relative to navigation start (performance.timeOrigin). */
async function timeToMark(newPage: () => Promise<Page>, url: string, mark: string): Promise<number> {
  const page = await newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, mark, { timeout: 30_000, polling: 50 });
    return await page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]!.startTime, mark);
  } catch (error) {
    throw new Error(`no "${mark}" mark at ${url}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}${problems.length ? `; page errors: ${problems.slice(0, 3).join(' | ')}` : ''}`);
  } finally {
    await page.close();
  }
}

interface B2Result {
  viewer: number[] | null;
  peer: number[];
  note: string;
}

async function benchFirstPage(pdfPath: string): Promise<B2Result> {
  // WXT makes pdf-viewer.html from entrypoints/pdf-viewer/index.html (or entrypoints/pdf-viewer.html).
  const hasViewerSource = ['entrypoints/pdf-viewer/index.html', 'entrypoints/pdf-viewer.html'].some((p) => existsSync(path.join(repoRoot, p)));
  let buildLine = 'B2: no build attempted.';
  if (hasViewerSource) {
    try {
      buildLine = ensureBuild();
    } catch (error) {
      buildLine = `B2: npm run build FAILED (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); measuring whatever is in .output/chrome-mv3.`;
    }
  }
  console.log(buildLine);
  const viewerBuilt = existsSync(path.join(repoRoot, '.output/chrome-mv3/pdf-viewer.html'));
  let note = '';
  if (!hasViewerSource || !viewerBuilt) {
    note = `THE PDF VIEWER IS MISSING: ${!hasViewerSource ? 'no entrypoints/pdf-viewer/index.html' : 'no .output/chrome-mv3/pdf-viewer.html after the build'}; only the plain pdf.js peer was measured.`;
    console.log(`B2: ${note}`);
  }
  const server = await startServer(pdfPath);
  // Without a viewer to load, the peer runs in a plain Chromium (same flags, no extension).
  const browser = note ? await launchPlain() : await launchWithExtension();
  try {
    const pdfUrl = `${server.origin}/doc.pdf`;
    const viewerUrl = `chrome-extension://${browser.extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdfUrl)}`;
    const newPage = () => browser.context.newPage();
    console.log(`B2: Chromium ${browser.context.browser()?.version() ?? '(version unknown)'} headless; 1 warm-up then ${VIEWER_RUNS} runs each, alternating; a new tab per run.`);
    console.log(`    ours: ${viewerUrl.replace(/\?.*/, '')}?file=<PDF> until performance.mark('${FIRST_PAGE_MARK}'); peer: pdf.js ${pdfjsVersion()} (build/pdf.min.mjs) page 1 to a canvas at scale ${PEER_SCALE.toFixed(3)}.`);
    let viewer: number[] | null = note ? null : [];
    const peer: number[] = [];
    for (let run = 0; run <= VIEWER_RUNS; run++) {
      if (viewer) {
        try {
          const t = await timeToMark(newPage, viewerUrl, FIRST_PAGE_MARK);
          if (run > 0) viewer.push(t);
        } catch (error) {
          note = `the viewer did not report page 1 painted: ${error instanceof Error ? error.message : String(error)}`;
          console.log(`B2: ${note}`);
          viewer = null;
        }
      }
      const t = await timeToMark(newPage, `${server.origin}/peer.html`, PEER_MARK);
      if (run > 0) peer.push(t);
    }
    return { viewer, peer, note };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Headless Chromium without the extension, shaped like launchWithExtension's result. */
async function launchPlain(): Promise<{ context: BrowserContext; extensionId: string; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext();
  return { context, extensionId: '(none)', close: () => browser.close() };
}

function pdfjsVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/pdfjs-dist/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
}

async function main(): Promise<void> {
  const fixtures = await ensurePdfFixtures();
  const pdfPath = fixtures.financeAct.path;
  console.log(`PDF benchmark: ${path.basename(pdfPath)}, ${fixtures.financeAct.pages} pages (${fixtures.reused ? 'fixture set reused' : 'fixture set generated'}).`);
  console.log(`Machine: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}.\n`);

  const b1 = await benchAnchoring(pdfPath);
  const fmtTally = (t: Tally, of: number) =>
    `${t.anchored}/${of} anchored, ${t.rightPage} on the right page, ${t.exactPlace} at the same offsets (${Object.entries(t.statuses).map(([k, v]) => `${k} ${v}`).join(', ')})`;
  console.log(`    anchorInPdf:   ${fmtTally(b1.oursPdfTally, COMMENTS)}`);
  console.log(`    anchorInWhole: ${fmtTally(b1.oursWholeTally, COMMENTS)}`);
  console.log(`    apache:        ${fmtTally(b1.apacheTally, APACHE_SUBSET)} (first ${APACHE_SUBSET} comments; time scaled ×${COMMENTS / APACHE_SUBSET})`);
  for (const [label, t] of [['anchorInPdf', b1.oursPdfTally], ['anchorInWhole', b1.oursWholeTally], ['apache', b1.apacheTally]] as const) {
    for (const line of t.misplaced) console.log(`    ${label} misplaced: ${line}`);
  }
  console.log(`    ours anchorInPdf all runs (ms): ${b1.oursPdf.map(ms).join(', ')}\n`);

  let b2: B2Result | null = null;
  try {
    b2 = await benchFirstPage(pdfPath);
  } catch (error) {
    console.log(`B2 did not run: ${error instanceof Error ? error.message : String(error)}`);
  }

  const p = median(b1.oursPdf);
  const w = median(b1.oursWhole);
  const a = median(b1.apache);
  console.log('\nSummary (medians; ratios = peer time / our time, measured in the same run)');
  const rows: string[][] = [['measurement', 'ours', 'peer', 'ratio', 'per comment ours / peer', 'right page ours / peer', 'target']];
  rows.push([`text extraction, ${b1.pages} pages (pdf.js, node)`, `${ms(b1.extractMs)} ms`, '', '', '', '', '(before the target)']);
  rows.push([`anchor ${N}: anchorInPdf vs apache`, `${ms(p)} ms`, `${ms(a)} ms*`, ratio(p, a), `${us(p / COMMENTS)} / ${us(a / COMMENTS)}`, `${b1.oursPdfTally.rightPage.toLocaleString('en')}/${N} / ${b1.apacheTally.rightPage}/${APACHE_SUBSET}`, `≤ 1 s: ${p <= 1000 ? 'met' : 'NOT met'}`]);
  rows.push([`anchor ${N}: anchorInWhole (incl. join ${ms(median(b1.wholeJoin))} ms) vs apache`, `${ms(w)} ms`, `${ms(a)} ms*`, ratio(w, a), `${us(w / COMMENTS)} / ${us(a / COMMENTS)}`, `${b1.oursWholeTally.rightPage.toLocaleString('en')}/${N} / ${b1.apacheTally.rightPage}/${APACHE_SUBSET}`, `≤ 1 s: ${w <= 1000 ? 'met' : 'NOT met'}`]);
  if (b2) {
    const peer = median(b2.peer);
    const viewer = b2.viewer && b2.viewer.length ? median(b2.viewer) : null;
    rows.push([
      'first page visible: extension viewer vs plain pdf.js',
      viewer === null ? 'viewer missing' : `${ms(viewer)} ms`,
      `${ms(peer)} ms`,
      viewer === null ? '' : ratio(viewer, peer),
      '',
      '',
      viewer === null ? '≤ 1.5 s: not measured' : `≤ 1.5 s: ${viewer <= 1500 ? 'met' : 'NOT met'}`,
    ]);
  }
  printTable(rows);
  console.log(`* apache-annotator (@apache-annotator/selector textQuoteSelectorMatcher, exact, first match) on the first ${APACHE_SUBSET} comments, scaled ×${COMMENTS / APACHE_SUBSET}.`);
  if (b2) {
    console.log(`First page runs (ms): viewer ${b2.viewer ? b2.viewer.map(ms).join(', ') : '-'}; plain pdf.js ${b2.peer.map(ms).join(', ')}.`);
    if (b2.note) console.log(`NOTE: ${b2.note}`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  // pdf.js's in-process ("fake") worker keeps node's event loop alive after destroy().
  .finally(() => process.exit());
