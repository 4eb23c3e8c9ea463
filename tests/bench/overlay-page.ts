// Bundled into the Finance Act page by overlay.bench.ts. Paints 2,000 comments with the content
// script's own code (its DOM surface and comment painter: anchor, theme highlights, overlaps,
// density marks) and the density strip component, and, as the peer, the way DOM-wrapping
// annotators do (a <mark> around every highlighted text node).
import { h, render } from 'preact';
import { anchorAll, buildTextIndex, describeRange, offsetsToRange } from '../../utils/anchoring';
import { buildAnnotation, MAKING_IT_REAL_THEMES, type LeaAnnotation, type TextPositionSelector, type TextQuoteSelector } from '../../utils/model';
import { findSectionHeading } from '../../utils/page/section-heading';
import { densityMarks } from '../../utils/overlay/density';
import { DensityStrip } from '../../components/DensityStrip';
import { createCommentPainter, type CommentPainter } from '../../utils/page-session/comment-painter';
import { createDomSurface } from '../../utils/page-session/dom-surface';

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

// The content script's shadow host exists before data arrives; the strip renders into it.
let mount: { root: ShadowRoot; strip: HTMLElement } | null = null;
function overlayMount() {
  if (!mount) {
    const root = document.body.appendChild(Object.assign(document.createElement('div'), { style: 'position: fixed; top: 0; right: 0' })).attachShadow({ mode: 'open' });
    mount = { root, strip: root.appendChild(document.createElement('div')) };
  }
  return mount;
}
const stripHost = () => overlayMount().strip;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Valid comments on random passages of the page, each with one theme and its section heading. */
function makeComments(n: number): LeaAnnotation[] {
  const random = seeded(42);
  const index = buildTextIndex(document.body);
  const out: LeaAnnotation[] = [];
  while (out.length < n) {
    const start = Math.floor(random() * (index.text.length - 200));
    const length = 20 + Math.floor(random() * 120);
    const range = offsetsToRange(index, start, start + length);
    if (!range || !range.toString().trim()) continue;
    const section = findSectionHeading(document.body, range.startContainer);
    const built = buildAnnotation({
      id: `urn:uuid:01890a5d-ac96-774b-bcce-${String(out.length).padStart(12, '0')}`,
      now: new Date(Date.UTC(2026, 10, 23, 12, 0, out.length)),
      draft: { text: 'What this means for me.', themes: [MAKING_IT_REAL_THEMES[Math.floor(random() * 6)]!], perspective: 'carer', attribution: 'anonymous', visibility: 'group', kind: 'comment' },
      target: { source: location.href, selectors: describeRange(document.body, range) as [TextQuoteSelector, TextPositionSelector], ...(section ? { section } : {}) },
      authorName: '',
    });
    if (!built.ok) throw new Error(built.problems.join(' '));
    out.push(built.value);
  }
  return out;
}

let lastPainter: CommentPainter | null = null;

/**
 * Ours: from comments in memory to painted highlights and density strip, with page-session's
 * painter; on web pages it registers passages near the viewport only (`nearViewportOnly`).
 */
async function paintOurs(annotations: LeaAnnotation[], nearViewportOnly: boolean, checkVisible: boolean) {
  // Created when the content script starts, before any data arrives (as in utils/page-session/page-session.ts).
  const painter = createCommentPainter(document, window, createDomSurface(document, window), { nearViewportOnly });
  lastPainter = painter;
  await nextFrame();
  const t0 = performance.now();
  const { density } = await painter.paint({ annotations, authors: {} });
  const tPainted = performance.now();
  render(h(DensityStrip, { marks: density, onJump: () => {} }), stripHost());
  const tStrip = performance.now();
  await nextFrame();
  const tEnd = performance.now();
  console.log(JSON.stringify({ paint: tPainted - t0, strip: tStrip - tPainted, frame: tEnd - tStrip }));
  const visible = checkVisible ? await checkVisiblePassagesPainted(painter, annotations) : {};
  return { ms: tEnd - t0, painted: painter.paintedCount(), marks: density.length, ...visible, keystrokeMs: await keystrokeFrame() };
}

const themeRanges = () =>
  [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights].filter(([name]) => name.startsWith('lea-theme-')).flatMap(([, h]) => [...h]);

/**
 * At the top of the page and after jumps down it (each a real scroll, then one frame), every
 * passage on screen must be in a theme colour's highlight: nothing the reader can see is left
 * unpainted by registering passages near the viewport only.
 */
async function checkVisiblePassagesPainted(painter: CommentPainter, annotations: LeaAnnotation[]) {
  let checked = 0;
  let missing = 0;
  const height = document.documentElement.scrollHeight;
  for (const y of [0, 0.1, 0.37, 0.5, 0.83, 0.999].map((share) => Math.round(share * height))) {
    if (y > 0) {
      scrollTo(0, y);
      await nextFrame();
    }
    const here = passagesOnScreen(painter, annotations);
    checked += here.visibleChecked;
    missing += here.visibleMissing;
  }
  scrollTo(0, 0);
  await nextFrame();
  return { visibleChecked: checked, visibleMissing: missing };
}

/** Passages on screen now, and how many of them are in no theme colour's highlight. */
function passagesOnScreen(painter: CommentPainter, annotations: LeaAnnotation[]) {
  const registered = themeRanges();
  let checked = 0;
  let missing = 0;
  for (const annotation of annotations) {
    const range = painter.highlighter.rangeFor(annotation.id);
    const rect = range?.getBoundingClientRect();
    if (!range || !rect || rect.height === 0 || rect.bottom < 0 || rect.top > innerHeight) continue;
    checked++;
    const same = (r: Range) => r.compareBoundaryPoints(Range.START_TO_START, range) === 0 && r.compareBoundaryPoints(Range.END_TO_END, range) === 0;
    if (!registered.some(same)) missing++;
  }
  return { visibleChecked: checked, visibleMissing: missing };
}

/** One key typed into a text box (as in the comment editor, in a shadow root), to the next frame; median of 5. */
async function keystrokeFrame(): Promise<number> {
  const box = overlayMount().root.appendChild(document.createElement('textarea'));
  box.setAttribute('aria-label', 'Comment');
  box.focus();
  await nextFrame();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    document.execCommand('insertText', false, 'a');
    await nextFrame();
    times.push(performance.now() - t);
  }
  box.remove();
  return times.sort((a, b) => a - b)[2]!;
}

/** Peer: wrap every highlighted text node in a <mark> (Hypothesis-style highlightRange). */
async function paintWrapping(annotations: LeaAnnotation[]): Promise<{ ms: number; painted: number; marks: number }> {
  const t0 = performance.now();
  const index = buildTextIndex(document.body);
  const results = anchorAll(document.body, annotations.map((a) => a.target.selector), index);
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

/** The comments `prepare` made for this page load. */
const preparedComments = () => (window as unknown as { comments: LeaAnnotation[] }).comments;

(window as unknown as { overlayBench: unknown }).overlayBench = {
  prepare: async (n: number) => {
    (window as unknown as { comments: unknown }).comments = makeComments(n);
    stripHost();
    void document.body.offsetHeight; // the page is laid out before timing starts, for both painters
    await nextFrame();
  },
  /** Passages registered in a theme colour now (each painted comment is in exactly one). */
  registeredCount: () => themeRanges().length,
  ours: (nearViewportOnly: boolean, checkVisible = true) => paintOurs(preparedComments(), nearViewportOnly, checkVisible),
  /** After `ours`: passages on screen now, and how many are unpainted. */
  onScreen: () => passagesOnScreen(lastPainter!, preparedComments()),
  wrapping: () => paintWrapping(preparedComments()),
};
