// Bundled into the Finance Act page by overlay.bench.ts. Paints 2,000 comments the way the
// content script does (anchor, theme highlights, overlaps, density strip) and, as the peer,
// the way DOM-wrapping annotators do (a <mark> around every highlighted text node).
import { h, render } from 'preact';
import { anchorAll, buildTextIndex, describeRange, offsetsToRange, rangeToOffsets } from '../../utils/anchoring';
import { createHighlighter, DEFAULT_PALETTE } from '../../utils/highlight';
import type { Selector } from '../../utils/model';
import { MAKING_IT_REAL_THEMES } from '../../utils/model';
import { densityMarks, placeMarks } from '../../utils/overlay/density';
import { overlapDepths } from '../../utils/overlay/overlaps';
import { createThemeLayer, type ThemeLayerView } from '../../utils/overlay/theme-layer';
import { themeHighlightName } from '../../utils/overlay/theme-palette';
import { DensityStrip } from '../../components/DensityStrip';

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

// The content script's shadow host exists before data arrives; the strip renders into it.
let host: HTMLElement | null = null;
const stripHost = () => (host ??= document.body.appendChild(Object.assign(document.createElement('div'), { style: 'position: fixed; top: 0; right: 0' })));

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function makeComments(n: number): { selectors: Selector[]; themes: string[] }[] {
  const random = seeded(42);
  const index = buildTextIndex(document.body);
  const out: { selectors: Selector[]; themes: string[] }[] = [];
  while (out.length < n) {
    const start = Math.floor(random() * (index.text.length - 200));
    const length = 20 + Math.floor(random() * 120);
    const range = offsetsToRange(index, start, start + length);
    if (!range || !range.toString().trim()) continue;
    out.push({ selectors: describeRange(document.body, range), themes: [MAKING_IT_REAL_THEMES[Math.floor(random() * 6)]!] });
  }
  return out;
}

/** Ours: from comments in memory to painted highlights and density strip, as page-session does. */
async function paintOurs(comments: { selectors: Selector[]; themes: string[] }[]): Promise<{ ms: number; painted: number; marks: number }> {
  // Created when the content script starts, before any data arrives (as in page-session.ts).
  const themeLayer = createThemeLayer(document, window as unknown as ThemeLayerView);
  const highlighter = createHighlighter({ doc: document, palette: { ...DEFAULT_PALETTE, comment: { background: 'transparent', underline: 'transparent', thickness: '0px', line: 'solid' } } });
  await nextFrame();
  const t0 = performance.now();
  const index = buildTextIndex(document.body);
  const results = anchorAll(document.body, comments.map((c) => c.selectors), index);
  const items: { id: string; range: Range; themes: string[] }[] = [];
  results.forEach((r, i) => r.range && items.push({ id: `c${i}`, range: r.range, themes: comments[i]!.themes }));
  const tAnchored = performance.now();
  highlighter.paint(items);
  const tHighlighter = performance.now();
  const byTheme = new Map<string, Range[]>();
  for (const item of items) {
    const name = themeHighlightName(item.themes);
    const list = byTheme.get(name) ?? [];
    list.push(item.range);
    byTheme.set(name, list);
  }
  const spans = items.map((item) => rangeToOffsets(index, item.range));
  const depths = overlapDepths(spans);
  const toRanges = (spans: { start: number; end: number }[]) => spans.map((s) => offsetsToRange(index, s.start, s.end)).filter((r): r is Range => r !== null);
  themeLayer!.paint(byTheme, { two: toRanges(depths.two), three: toRanges(depths.three) });
  const tThemes = performance.now();
  const rangeById = new Map(items.map((item) => [item.id, item.range]));
  const marks = placeMarks(
    densityMarks(items.map((item, i) => ({ id: item.id, y: spans[i]!.start, label: '' })), index.text.length),
    (id) => rangeById.get(id)!.getBoundingClientRect().top + scrollY,
    document.documentElement.scrollHeight,
  );
  render(h(DensityStrip, { marks, onJump: () => {} }), stripHost());
  const tStrip = performance.now();
  await nextFrame();
  const tEnd = performance.now();
  console.log(JSON.stringify({ anchor: tAnchored - t0, highlighter: tHighlighter - tAnchored, themes: tThemes - tHighlighter, strip: tStrip - tThemes, frame: tEnd - tStrip }));
  return { ms: tEnd - t0, painted: items.length, marks: marks.length };
}

/** Peer: wrap every highlighted text node in a <mark> (Hypothesis-style highlightRange). */
async function paintWrapping(comments: { selectors: Selector[]; themes: string[] }[]): Promise<{ ms: number; painted: number; marks: number }> {
  const t0 = performance.now();
  const index = buildTextIndex(document.body);
  const results = anchorAll(document.body, comments.map((c) => c.selectors), index);
  let painted = 0;
  for (const r of results) {
    if (!r.range) continue;
    painted++;
    const range = r.range;
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    for (let n = walker.currentNode as Node | null; n; n = walker.nextNode()) if (n.nodeType === 3 && range.intersectsNode(n)) nodes.push(n as Text);
    for (let node of nodes) {
      if (node === range.startContainer && range.startOffset > 0) node = node.splitText(range.startOffset);
      if (node === range.endContainer && range.endOffset < node.length) node.splitText(range.endOffset);
      const mark = document.createElement('mark');
      node.replaceWith(mark);
      mark.append(node);
    }
  }
  const marks = densityMarks(
    [...document.querySelectorAll('mark')].map((m, i) => ({ id: `m${i}`, y: m.getBoundingClientRect().top + scrollY, label: '' })),
    document.documentElement.scrollHeight,
  );
  render(h(DensityStrip, { marks, onJump: () => {} }), stripHost());
  await nextFrame();
  return { ms: performance.now() - t0, painted, marks: marks.length };
}

(window as unknown as { overlayBench: unknown }).overlayBench = {
  prepare: async (n: number) => {
    (window as unknown as { comments: unknown }).comments = makeComments(n);
    stripHost();
    void document.body.offsetHeight; // the page is laid out before timing starts, for both painters
    await nextFrame();
  },
  ours: () => paintOurs((window as unknown as { comments: { selectors: Selector[]; themes: string[] }[] }).comments),
  wrapping: () => paintWrapping((window as unknown as { comments: { selectors: Selector[]; themes: string[] }[] }).comments),
};
