/**
 * Code the anchoring benchmark runs inside the Chromium page (bundled by
 * anchoring.bench.ts). Exposes `window.anchoringBench`. Passages and expected offsets
 * come from this file's own text-node walk, independent of the code under test.
 */
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { anchorAll, buildTextIndex, describeRange } from '../../utils/anchoring';
import type { TextPositionSelector, TextQuoteSelector } from '../../utils/model/selectors';
import { anchorHypothesisStyle } from './hypothesis-style';

interface Passage {
  start: number;
  end: number;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Outcome of one timed run. `wrong`: anchored somewhere other than the original passage. */
export interface RunResult {
  times: number[];
  measured: number;
  anchored: number;
  wrong: number;
  boundaryExact: number;
  statuses?: Record<string, number>;
  /** A few wrong or unanchored passages, for the report. */
  examples: string[];
}

const sets = new Map<string, Passage[]>();
let nodes: Text[] = [];
let starts = new Map<Node, number>();
let nodeStarts: number[] = [];
let text = '';
let inserted: HTMLElement | null = null;

function walkPage(): void {
  nodes = [];
  starts = new Map();
  nodeStarts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    nodes.push(t);
    starts.set(t, pos);
    nodeStarts.push(pos);
    parts.push(t.data);
    pos += t.data.length;
  }
  text = parts.join('');
}

/** Index of the last text node starting at or before `offset` (before it, for an end boundary). */
function nodeAt(offset: number, endSide: boolean): number {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (endSide ? nodeStarts[mid]! < offset : nodeStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function rangeOver(start: number, end: number): Range {
  const range = document.createRange();
  const s = nodeAt(start, false);
  const e = nodeAt(end, true);
  range.setStart(nodes[s]!, start - nodeStarts[s]!);
  range.setEnd(nodes[e]!, end - nodeStarts[e]!);
  return range;
}

function offsetsOf(range: Range): { start: number; end: number } | null {
  const s = starts.get(range.startContainer);
  const e = starts.get(range.endContainer);
  return s === undefined || e === undefined ? null : { start: s + range.startOffset, end: e + range.endOffset };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

function setup(): { textLength: number; textNodes: number; sameTextAsIndex: boolean } {
  walkPage();
  return { textLength: text.length, textNodes: nodes.length, sameTextAsIndex: buildTextIndex(document.body).text === text };
}

/** Random word-aligned passages of minLen..maxLen characters, described with describeRange. */
function generate(name: string, count: number, seed: number, minLen: number, maxLen: number): number {
  const random = mulberry32(seed);
  const index = buildTextIndex(document.body); // shared for describing (not timed)
  const list: Passage[] = [];
  while (list.length < count) {
    let start = Math.floor(random() * (text.length - maxLen - 1));
    while (start > 0 && !isSpace(text[start - 1])) start--;
    while (isSpace(text[start])) start++;
    let end = Math.min(text.length, start + minLen + Math.floor(random() * (maxLen - minLen)));
    while (end < text.length && !isSpace(text[end])) end++;
    if (text.slice(start, end).replace(/\s+/g, '').length < 8) continue;
    const [quote, position] = describeRange(document.body, rangeOver(start, end), index);
    if (position.start !== start || position.end !== end) throw new Error(`describeRange offsets ${position.start}-${position.end} ≠ ${start}-${end}`);
    list.push({ start, end, quote, position });
  }
  sets.set(name, list);
  return list.length;
}

/** Copies `count` passages of a set with `rate` of their non-space characters replaced. */
function makeEdited(name: string, from: string, count: number, seed: number, rate: number): number {
  const random = mulberry32(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const list = sets.get(from)!.slice(0, count).map((p) => {
    const chars = p.quote.exact.split('');
    const positions = chars.map((c, i) => (isSpace(c) ? -1 : i)).filter((i) => i >= 0);
    const edits = Math.max(1, Math.round(positions.length * rate)); // rate of non-space characters
    for (let k = 0; k < edits && positions.length > 0; k++) {
      const [i] = positions.splice(Math.floor(random() * positions.length), 1);
      let c = chars[i!]!;
      while (c === chars[i!]) c = letters[Math.floor(random() * letters.length)]!;
      chars[i!] = c;
    }
    return { ...p, quote: { ...p.quote, exact: chars.join('') } };
  });
  sets.set(name, list);
  return list.length;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function tally(list: Passage[], ranges: (Range | null)[], shift: number, fuzzy: boolean) {
  let anchored = 0;
  let wrong = 0;
  let boundaryExact = 0;
  const examples: string[] = [];
  const note = (i: number, what: string) => {
    if (examples.length < 3) examples.push(`${what}: ${JSON.stringify(list[i]!.quote.exact.slice(0, 80))} at ${list[i]!.start}-${list[i]!.end}`);
  };
  ranges.forEach((range, i) => {
    if (!range) return void note(i, 'not anchored');
    anchored++;
    const want = { start: list[i]!.start + shift, end: list[i]!.end + shift };
    const got = offsetsOf(range);
    if (got && got.start === want.start && got.end === want.end) {
      boundaryExact++;
      return;
    }
    if (!got) {
      note(i, `range not in text nodes (${range.startContainer.nodeName} ${range.startOffset})`);
      return void wrong++;
    }
    // Fuzzy matches may differ at the edges; wrong means overlap under 80% of the union.
    const overlap = Math.max(0, Math.min(got.end, want.end) - Math.max(got.start, want.start));
    const union = Math.max(got.end, want.end) - Math.min(got.start, want.start);
    if (!fuzzy || overlap / union < 0.8) {
      wrong++;
      note(i, `wrong place ${got.start}-${got.end} ${JSON.stringify(text.slice(got.start, got.end).slice(0, 80))}`);
    }
  });
  return { anchored, wrong, boundaryExact, examples };
}

function runOurs(name: string, runs: number, shift = 0): RunResult {
  const list = sets.get(name)!;
  const selectorLists = list.map((p) => [p.quote, p.position]);
  const times: number[] = [];
  let results: ReturnType<typeof anchorAll> = [];
  for (let r = 0; r < runs; r++) {
    results = [];
    collectGarbage();
    const t0 = performance.now();
    results = anchorAll(document.body, selectorLists);
    times.push(performance.now() - t0);
  }
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const fuzzy = results.some((r) => r.status === 'fuzzy');
  return { times, measured: list.length, statuses, ...tally(list, results.map((r) => r.range), shift, fuzzy) };
}

function timeIndex(runs: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const t0 = performance.now();
    buildTextIndex(document.body);
    times.push(performance.now() - t0);
  }
  return times;
}

async function runApache(name: string, runs: number, limit: number): Promise<RunResult> {
  const list = sets.get(name)!.slice(0, limit);
  const times: number[] = [];
  let ranges: (Range | null)[] = [];
  for (let r = 0; r < runs; r++) {
    ranges = [];
    collectGarbage();
    const t0 = performance.now();
    for (const p of list) {
      const matches = createTextQuoteSelectorMatcher(p.quote)(document.body);
      const first = await matches.next();
      ranges.push(first.done ? null : first.value);
      await matches.return(undefined);
    }
    times.push(performance.now() - t0);
  }
  return { times, measured: list.length, ...tally(list, ranges, 0, false) };
}

function runHypothesisStyle(name: string, runs: number, limit: number, shift = 0): RunResult {
  const list = sets.get(name)!.slice(0, limit);
  const times: number[] = [];
  let ranges: (Range | null)[] = [];
  for (let r = 0; r < runs; r++) {
    ranges = [];
    collectGarbage();
    const t0 = performance.now();
    for (const p of list) ranges.push(anchorHypothesisStyle(document.body, p.quote, p.position));
    times.push(performance.now() - t0);
  }
  return { times, measured: list.length, ...tally(list, ranges, shift, name.includes('fuzzy')) };
}

/** Inserts a paragraph at the top of the body; returns how far page text moved. */
function insertParagraph(content: string): number {
  inserted = document.createElement('p');
  inserted.textContent = content;
  document.body.prepend(inserted);
  walkPage();
  return content.length;
}

function removeInserted(): void {
  inserted?.remove();
  inserted = null;
  walkPage();
}

/** Replaces every curly quote mark in the page's text nodes with a straight one. */
function straightenQuotes(): { replaced: number; passagesAffected: number } {
  let replaced = 0;
  for (const t of nodes) {
    const straight = t.data.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');
    if (straight !== t.data) {
      for (let i = 0; i < straight.length; i++) if (straight[i] !== t.data[i]) replaced++;
      t.data = straight;
    }
  }
  walkPage();
  const affected = [...sets.values()].flat().filter((p) => /[‘’‚‛“”„‟]/.test(p.quote.exact)).length;
  return { replaced, passagesAffected: affected };
}

const bench = { setup, generate, makeEdited, runOurs, timeIndex, runApache, runHypothesisStyle, insertParagraph, removeInserted, straightenQuotes };
export type AnchoringBench = typeof bench;
(globalThis as unknown as { anchoringBench: AnchoringBench }).anchoringBench = bench;
