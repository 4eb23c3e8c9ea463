import type { TextPositionSelector, TextQuoteSelector } from '../../utils/model';
/**
 * Digest benchmark: 10,000 comments over 20 documents, each format built from scratch
 * (buildDigest + renderer) and timed in Node. Peers where a comparison means something:
 * comment Markdown through marked + DOMPurify on a happy-dom window (utils/sanitize's way)
 * against our DOM-free allow-list renderer, and a bare JSON.stringify of the annotations
 * against the JSON-LD export. Prints medians and whether each ≤ 2 s target is met.
 * Then the conversation (issue 12): 2,000 comments with 10,000 replies (answers among them,
 * threads four deep) and 6,000 supports, every format again (the Word one is the target).
 * Always exits 0 when it ran: it is a measurement. Run: npm run bench:digest
 * (`-- --conversation-only` for the second part alone).
 */
import os from 'node:os';
import DOMPurify from 'dompurify';
import { Window } from 'happy-dom';
import { buildDigest } from '../../utils/digest/build-digest';
import { renderCommentHtml as renderWithoutDom } from '../../utils/digest/comment-text';
import { DIGEST_FORMATS, renderDigest, type DigestFormat } from '../../utils/digest/formats';
import { createDataset, createLargeConversation, DATASET_DOCUMENTS } from '../support/digest-dataset';
import type { DigestDocumentInfo, DigestEntry } from '../../utils/digest/types';
import { renderCommentHtml as renderWithDomPurify, type Purifier } from '../../utils/sanitize';

const COMMENTS = 10_000;
const DOCUMENTS = 20;
const PASSAGES_PER_DOCUMENT = 120;
const RUNS = 5;
const TARGET_MS = 2000;
const CONVERSATION_COMMENTS = 2_000;
const CONVERSATION_REPLIES = 10_000;
const CONVERSATION_SUPPORTS = 6_000;
const GENERATED_AT = new Date('2026-11-23T10:00:00Z');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Seeded PRNG (mulberry32) so every run digests the same comments. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 10,000 comments over 20 documents: copies of the three fixture documents (their real
 * passages, sections and comment texts from the fixture dataset), 120 passages each,
 * a mix of short and long comments, anonymous and named, about 1% hidden.
 */
function createLargeDataset(): { entries: DigestEntry[]; documents: DigestDocumentInfo[] } {
  const templates = createDataset().filter((e) => !e.hidden && e.annotation.visibility === 'group');
  const rand = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const documents: DigestDocumentInfo[] = [];
  const entries: DigestEntry[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const base = DATASET_DOCUMENTS[d % 3]!;
    const url = `${base.url}?copy=${d + 1}`;
    documents.push({ url, title: `${base.title} (copy ${d + 1})` });
    const onDoc = templates.filter((e) => e.annotation.target.source === base.url);
    for (let i = 0; i < COMMENTS / DOCUMENTS; i++) {
      const n = d * (COMMENTS / DOCUMENTS) + i;
      const passage = Math.floor(rand() * PASSAGES_PER_DOCUMENT);
      const { creator: _creator, section, ...template } = onDoc[passage % onDoc.length]!.annotation;
      const text = pick(templates).annotation.body[0].value;
      const [, ...themes] = pick(templates).annotation.body;
      // The dataset quotes passages (no whole-page comments), so the selector is quote + position.
      const [quote, position] = template.target.selector as [TextQuoteSelector, TextPositionSelector];
      const shift = passage * 1000;
      const created = new Date(Date.UTC(2026, 8, 1) + Math.floor(rand() * 80 * 86_400_000)).toISOString();
      const anonymous = rand() < 0.4;
      entries.push({
        annotation: {
          ...template,
          id: `urn:uuid:0190c7a0-0000-7000-9000-${String(n).padStart(12, '0')}`,
          created,
          modified: created,
          attribution: anonymous ? 'anonymous' : 'named',
          ...(anonymous ? {} : { creator: { type: 'Person' as const, name: `Writer ${n % 37}` } }),
          body: [{ ...template.body[0], value: rand() < 0.2 ? `${text}\n\n${text} ${text}\n\n- ${text}\n- **${text}**` : text }, ...themes],
          target: { source: url, selector: [quote, { ...position, start: position.start + shift, end: position.end + shift }] },
          // One passage in ten has no heading recorded ("Other passages").
          ...(passage % 10 === 9 || !section ? {} : { section }),
        },
        ...(rand() < 0.01 ? { hidden: { reason: 'Moderated' } } : {}),
      });
    }
  }
  return { entries, documents };
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

type Input = Parameters<typeof buildDigest>[0];

/** Each format from scratch (buildDigest + render): median wall, CPU, max, size; prints the table. */
async function timeFormats(input: Input, formats: readonly DigestFormat[]): Promise<void> {
  const rows: string[][] = [];
  for (const format of formats) {
    await renderDigest(buildDigest(input), format); // warm-up
    const wall: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    for (let r = 0; r < RUNS; r++) {
      const before = process.cpuUsage();
      const t = await timeAsync(async () => renderDigest(buildDigest(input), format));
      const used = process.cpuUsage(before);
      wall.push(t.ms);
      cpu.push((used.user + used.system) / 1000);
      size = typeof t.value.body === 'string' ? Buffer.byteLength(t.value.body) : t.value.body.length;
    }
    const m = median(wall);
    rows.push([format, ms(m), ms(median(cpu)), ms(Math.max(...wall)), kb(size), m <= TARGET_MS ? 'met' : 'NOT met']);
  }
  const widths = [8, 10, 10, 10, 10, 8];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(['format', 'median ms', 'CPU ms', 'max ms', 'size', `≤ ${TARGET_MS} ms`]));
  for (const row of rows) console.log(line(row));
  console.log(`(build + render, wall clock; CPU = this process's user+system time, which includes GC threads.`);
  console.log(` Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} CPUs: other work on the machine inflates wall times.)`);
}

function timeBuild(input: Input, label: string): void {
  const buildTimes: number[] = [];
  let digest = buildDigest(input);
  for (let r = 0; r < RUNS; r++) {
    const t = time(() => buildDigest(input));
    buildTimes.push(t.ms);
    digest = t.value;
  }
  const talk = digest.conversation ? `, ${digest.summary.replies} replies shown, ${digest.hiddenReplyCount} hidden, ${digest.summary.supports} supports, ${digest.unanswered.length} not answered` : '';
  console.log(`buildDigest alone${label}: ${ms(median(buildTimes))} ms (${digest.summary.comments} comments shown, ${digest.hiddenCount} hidden counted, ${digest.summary.passages} passages${talk})\n`);
}

const CONVERSATION_ONLY = process.argv.includes('--conversation-only');

async function main() {
  const { entries, documents } = createLargeDataset();
  const input: Input = { annotations: entries, documents, scope: 'group', generatedAt: GENERATED_AT, groupName: 'Benchmark group' };
  const formats = Object.keys(DIGEST_FORMATS) as DigestFormat[];
  console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load average ${os.loadavg()[0]!.toFixed(2)}\n`);

  if (!CONVERSATION_ONLY) {
    console.log(`Digest benchmark: ${entries.length.toLocaleString('en-GB')} comments over ${DOCUMENTS} documents, median of ${RUNS} runs after a warm-up`);
    timeBuild(input, '');
    await timeFormats(input, formats);
  }

  // The conversation: the first 2,000 comments (4 documents) with 10,000 replies and 6,000 supports.
  const comments = entries.slice(0, CONVERSATION_COMMENTS);
  const talk = createLargeConversation(comments, { replies: CONVERSATION_REPLIES, supports: CONVERSATION_SUPPORTS });
  const withTalk: Input = { annotations: comments, documents: documents.slice(0, 4), ...talk, scope: 'group', generatedAt: GENERATED_AT, groupName: 'Benchmark group' };
  console.log(
    `\nWith the conversation: ${comments.length.toLocaleString('en-GB')} comments, ${CONVERSATION_REPLIES.toLocaleString('en-GB')} replies ` +
      `(~15% answers, threads up to four deep, ~1% hidden), ${CONVERSATION_SUPPORTS.toLocaleString('en-GB')} supports; median of ${RUNS} runs after a warm-up`,
  );
  timeBuild(withTalk, ' (with the conversation)');
  await timeFormats(withTalk, formats);
  if (CONVERSATION_ONLY) return;

  // Peers: what a DOM sanitiser would cost for the HTML's comment text, and bare JSON for JSON-LD.
  const texts = entries.map((e) => e.annotation.body[0].value);
  const window = new Window();
  const purifier = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]) as unknown as Purifier;
  const ours = median(Array.from({ length: RUNS }, () => time(() => texts.map(renderWithoutDom)).ms));
  const peer = median(Array.from({ length: 3 }, () => time(() => texts.map((t) => renderWithDomPurify(t, purifier))).ms));
  await window.happyDOM.close();
  const json = median(Array.from({ length: RUNS }, () => time(() => JSON.stringify(entries.map((e) => e.annotation), null, 2)).ms));
  console.log('\nPeers (same 10,000 comment texts / annotations):');
  console.log(`  comment Markdown → safe HTML, ours (allow-list, no DOM): ${ms(ours)} ms`);
  console.log(`  comment Markdown → safe HTML, marked + DOMPurify on happy-dom (utils/sanitize): ${ms(peer)} ms (${(peer / ours).toFixed(1)}× ours)`);
  console.log(`  JSON.stringify of the raw annotations (lower bound for JSON-LD): ${ms(json)} ms`);
}

await main();
