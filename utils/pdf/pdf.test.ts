import { describe, expect, it, vi } from 'vitest';
import { readFixture } from '../../tests/fixtures';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model/selectors';
import {
  anchorInPdf,
  createPdfDocumentText,
  describePdfPassage,
  isPdfUri,
  mapTextLayer,
  pageTextFromItems,
  pdfDocumentIdentity,
  PDF_URN_PREFIX,
  type PdfTextItem,
  type PdfTextSource,
  type PdfWholeText,
} from '.';

// Real policy text (tests/fixtures/policy) laid out into pages of pdf.js-like text items:
// lines of a few runs each, the last run of a line marked `hasEOL` (or an empty run with
// `hasEOL`, as pdf.js gives for some lines), empty runs between words, and marked-content
// begin/end entries (no `str`) around each paragraph, as `getTextContent({ includeMarkedContent: true })` gives.

/** One entry of `textContent.items`: a text run, or a marked-content marker (no `str`). */
type FakeItem = PdfTextItem & { type?: 'beginMarkedContentProps' | 'endMarkedContent'; id?: string };

/** A laid-out document: items per page, and independently the lines of text on each page. */
interface FakePdf {
  pages: FakeItem[][];
  lines: string[][];
}

const LINE_WIDTH = 64;
const LINES_PER_PAGE = 32;

function decodeEntities(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return named[name.toLowerCase()] ?? whole;
  });
}

/** The paragraphs (p, headings, list items) of a fixture's body, whitespace collapsed. */
function paragraphsOf(fixture: string): string[] {
  const body = readFixture(fixture).replace(/^[\s\S]*?<body[^>]*>/i, '');
  const out: string[] = [];
  for (const m of body.matchAll(/<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const text = decodeEntities(m[2]!.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The items pdf.js might give for one printed line (the n-th line of the document). */
function lineItems(line: string, n: number): FakeItem[] {
  const words = line.split(' ');
  const items: FakeItem[] = [];
  for (let i = 0; i < words.length; i += 3) {
    items.push({ str: words.slice(i, i + 3).join(' ') + (i + 3 < words.length ? ' ' : ''), hasEOL: false });
  }
  if (n % 5 === 4) items.push({ str: '', hasEOL: true });
  else items[items.length - 1]!.hasEOL = true;
  if (n % 7 === 3 && items.length > 1) items.splice(1, 0, { str: '', hasEOL: false });
  return items;
}

/** Lays paragraphs out on pages of {@link LINES_PER_PAGE} lines, each paragraph in marked content. */
function layOut(paragraphs: readonly string[]): FakePdf {
  const pages: FakeItem[][] = [];
  const lines: string[][] = [];
  let page: FakeItem[] = [];
  let pageLines: string[] = [];
  let n = 0;
  paragraphs.forEach((paragraph, p) => {
    page.push({ type: 'beginMarkedContentProps', id: `p${p}` });
    for (const line of wrap(paragraph)) {
      if (pageLines.length === LINES_PER_PAGE) {
        page.push({ type: 'endMarkedContent' });
        pages.push(page);
        lines.push(pageLines);
        page = [{ type: 'beginMarkedContentProps', id: `p${p}` }];
        pageLines = [];
      }
      page.push(...lineItems(line, n++));
      pageLines.push(line);
    }
    page.push({ type: 'endMarkedContent' });
  });
  pages.push(page);
  lines.push(pageLines);
  return { pages, lines };
}

/** The text of a page as a reader sees it: its lines, each ending in a line break. */
function expectedPageText(pdf: FakePdf, page: number): string {
  return pdf.lines[page - 1]!.map((line) => `${line}\n`).join('');
}

/** A text source over fixed pages that counts which pages were read. */
function spySource(pages: readonly FakeItem[][]) {
  const loadItems = vi.fn((pageNumber: number) => Promise.resolve(pages[pageNumber - 1]!));
  const source: PdfTextSource = { pageCount: pages.length, loadItems };
  return { source, loadItems };
}

/** Where item `k` of a page starts in the page text (each run's `str`, then "\n" after `hasEOL`). */
function itemStart(items: readonly FakeItem[], k: number): number {
  let at = 0;
  for (let i = 0; i < k; i++) at += (items[i]!.str?.length ?? 0) + (items[i]!.hasEOL ? 1 : 0);
  return at;
}

/** Indexes of the text runs (non-empty `str`) lying inside page-text offsets [start, end). */
function itemsIn(items: readonly FakeItem[], start: number, end: number): number[] {
  const out: number[] = [];
  items.forEach((item, i) => {
    const at = itemStart(items, i);
    if (item.str && at >= start && at + item.str.length <= end) out.push(i);
  });
  return out;
}

const careAct = layOut(paragraphsOf('care-act-2014-part-1.html'));

async function wholeOf(pdf: FakePdf): Promise<PdfWholeText> {
  return createPdfDocumentText(spySource(pdf.pages).source).whole();
}

/** Where `phrase` is in page `page`'s text (throws when it is not there once). */
function find(pdf: FakePdf, page: number, phrase: string): { start: number; end: number } {
  const text = expectedPageText(pdf, page);
  const start = text.indexOf(phrase);
  if (start === -1 || text.indexOf(phrase, start + 1) !== -1) throw new Error(`"${phrase}" is not once on page ${page}`);
  return { start, end: start + phrase.length };
}

/** A comment made on page `page` on `phrase`, as the viewer would describe it. */
async function commentOn(pdf: FakePdf, page: number, phrase: string): Promise<Selector[]> {
  const { start, end } = find(pdf, page, phrase);
  return describePdfPassage(await wholeOf(pdf), page, start, end);
}

/** The first line of a page that occurs nowhere else in the document. */
function uniqueLine(pdf: FakePdf, page: number, from = 0): string {
  const all = pdf.lines.map((_, p) => expectedPageText(pdf, p + 1)).join('');
  const line = pdf.lines[page - 1]!.slice(from).find((l) => l.length > 40 && all.indexOf(l) === all.lastIndexOf(l));
  if (!line) throw new Error(`no unique line on page ${page}`);
  return line;
}

describe('PDF fixture layout (the test data itself)', () => {
  it('lays the Care Act out on several pages, and page text is the lines with line breaks', () => {
    expect(careAct.pages.length).toBeGreaterThanOrEqual(5);
    for (let p = 1; p <= careAct.pages.length; p++) {
      expect(pageTextFromItems(p, careAct.pages[p - 1]!).index.text).toBe(expectedPageText(careAct, p));
    }
  });
});

describe('anchorInPdf: comments find their passage again', () => {
  it('a quote described on page N anchors back to page N, same text, exact', async () => {
    const page = 3;
    const phrase = uniqueLine(careAct, page, 5);
    const selectors = await commentOn(careAct, page, phrase);
    const text = createPdfDocumentText(spySource(careAct.pages).source);
    await text.whole();
    const anchor = await anchorInPdf(text, selectors);
    expect(anchor).toMatchObject({ page, ...find(careAct, page, phrase), status: 'exact' });
    expect(expectedPageText(careAct, page).slice(anchor!.start, anchor!.end)).toBe(phrase);
  });

  it('anchors from its own page alone when only that page has been read (no whole-document read)', async () => {
    const page = 4;
    const phrase = uniqueLine(careAct, page, 3);
    const selectors = await commentOn(careAct, page, phrase);
    const { source, loadItems } = spySource(careAct.pages);
    const text = createPdfDocumentText(source);
    const anchor = await anchorInPdf(text, selectors);
    expect(anchor).toMatchObject({ page, ...find(careAct, page, phrase), documentStart: null });
    expect(loadItems.mock.calls).toEqual([[page]]);
    expect(text.loadedWhole()).toBeNull();
  });

  it('reports an unchanged comment found from its page alone as exact, not moved', async () => {
    // 'moved' means the text is no longer where it was recorded (utils/anchoring/match-selectors.ts);
    // here nothing changed, and the whole-document path (first test) says 'exact'.
    const page = 4;
    const selectors = await commentOn(careAct, page, uniqueLine(careAct, page, 3));
    const anchor = await anchorInPdf(createPdfDocumentText(spySource(careAct.pages).source), selectors);
    expect(anchor?.status).toBe('exact');
  });

  it('finds a passage that moved to the next page through the whole document, as moved, on its new page', async () => {
    const page = 2;
    const phrase = uniqueLine(careAct, page, 10);
    const selectors = await commentOn(careAct, page, phrase);
    // A new edition with a cover page: every page's items shift by one page.
    const cover = lineItems('Cover page of the new edition', 0);
    const shifted = { pages: [cover, ...careAct.pages], lines: [['Cover page of the new edition'], ...careAct.lines] };
    const { source, loadItems } = spySource(shifted.pages);
    const anchor = await anchorInPdf(createPdfDocumentText(source), selectors);
    expect(anchor).toMatchObject({ page: page + 1, ...find(shifted, page + 1, phrase), status: 'moved' });
    expect(expectedPageText(shifted, page + 1).slice(anchor!.start, anchor!.end)).toBe(phrase);
    expect(new Set(loadItems.mock.calls.map(([p]) => p)).size).toBe(shifted.pages.length);
  });

  it('finds a lightly edited passage as fuzzy, on its page', async () => {
    const page = 3;
    const phrase = uniqueLine(careAct, page, 2);
    const selectors = await commentOn(careAct, page, phrase);
    const { start, end } = find(careAct, page, phrase);
    // The next edition changes one word of the passage (one text run).
    const items = careAct.pages[page - 1]!.map((item) => ({ ...item }));
    const k = itemsIn(items, start, end).find((i) => /\w{5,}/.test(items[i]!.str!))!;
    const before = items[k]!.str!;
    items[k]!.str = before.replace(/\w{5,}/, (word) => `${word.slice(0, -2)}xy`);
    const runStart = itemStart(items, k);
    const editedText = expectedPageText(careAct, page).slice(0, runStart) + items[k]!.str + expectedPageText(careAct, page).slice(runStart + before.length);
    const pages = careAct.pages.map((original, p) => (p === page - 1 ? items : original));

    const anchor = await anchorInPdf(createPdfDocumentText(spySource(pages).source), selectors);
    expect(anchor).toMatchObject({ page, start, end, status: 'fuzzy' });
    expect(editedText.slice(anchor!.start, anchor!.end)).not.toBe(phrase);
  });

  it('leaves a comment whose passage was removed unanchored (null: an orphan), without throwing', async () => {
    const page = 3;
    const phrase = uniqueLine(careAct, page, 1);
    const selectors = await commentOn(careAct, page, phrase);
    const { start, end } = find(careAct, page, phrase);
    const removed = new Set(itemsIn(careAct.pages[page - 1]!, start, end));
    const pages = careAct.pages.map((items, p) => (p === page - 1 ? items.filter((_, i) => !removed.has(i)) : items));
    expect(pageTextFromItems(page, pages[page - 1]!).index.text).not.toContain(phrase.slice(0, 20));
    await expect(anchorInPdf(createPdfDocumentText(spySource(pages).source), selectors)).resolves.toBeNull();
  });

  it('a passage repeated on its page with the same context anchors at the copy the comment was made on', async () => {
    // Legislation repeats itself (e.g. "Part as being at the lower of—" twice on one page of
    // the Finance Act PDF): here page 2 gains a copy of its lines 4-9 after line 12.
    const page = 2;
    const lines = careAct.lines[page - 1]!;
    const copy = lines.slice(4, 10);
    const doubledLines = [...lines.slice(0, 13), ...copy, ...lines.slice(13)];
    const n0 = 10_000; // any line numbers: only the item pattern depends on them
    const doubled: FakePdf = {
      pages: careAct.pages.map((items, p) => (p === page - 1 ? doubledLines.flatMap((line, i) => lineItems(line, n0 + i)) : items)),
      lines: careAct.lines.map((l, p) => (p === page - 1 ? doubledLines : l)),
    };
    const text = expectedPageText(doubled, page);
    const secondCopyLine = `${copy[2]!}\n`;
    const first = text.indexOf(secondCopyLine);
    const second = text.indexOf(secondCopyLine, first + 1);
    expect(second).toBeGreaterThan(first);
    const selectors = describePdfPassage(await wholeOf(doubled), page, second, second + copy[2]!.length);

    const fresh = await anchorInPdf(createPdfDocumentText(spySource(doubled.pages).source), selectors);
    expect(fresh).toMatchObject({ page, start: second, end: second + copy[2]!.length });
  });

  it('a repeated passage at the end of its page, whose context runs onto the next page, anchors at the right copy', async () => {
    // Lines 4-6 of page 2 appear again straddling the page break: 4 and 5 end page 2, 6
    // starts page 3. The comment is on the second copy of line 5: read from its page alone,
    // its suffix (on page 3) is not there to tell the copies apart (seen in the Finance Act
    // PDF benchmark: "Part as being at the lower of—" twice on page 74).
    const page = 2;
    const lines = careAct.lines[page - 1]!;
    const [l4, l5, l6] = [lines[4]!, lines[5]!, lines[6]!];
    const pageLines = careAct.lines.map((l, p) => (p === page - 1 ? [...lines.slice(0, 13), l4, l5] : p === page ? [l6, ...l] : l));
    const straddling: FakePdf = {
      pages: pageLines.map((l, p) => (p === page - 1 || p === page ? l.flatMap((line, i) => lineItems(line, 20_000 + 100 * p + i)) : careAct.pages[p]!)),
      lines: pageLines,
    };
    const text = expectedPageText(straddling, page);
    const second = text.lastIndexOf(`${l5}\n`);
    expect(text.indexOf(`${l5}\n`)).toBeLessThan(second);
    const selectors = describePdfPassage(await wholeOf(straddling), page, second, second + l5.length);

    const anchor = await anchorInPdf(createPdfDocumentText(spySource(straddling.pages).source), selectors);
    expect(anchor).toMatchObject({ page, start: second, end: second + l5.length });
  });

  it('does not throw when the page hint is past the last page (e.g. a shorter edition), and finds the passage', async () => {
    const page = 2;
    const phrase = uniqueLine(careAct, page, 4);
    const [quote, position] = await commentOn(careAct, page, phrase);
    const selectors: Selector[] = [quote!, { ...(position as TextPositionSelector), page: careAct.pages.length + 50 }];
    const anchor = await anchorInPdf(createPdfDocumentText(spySource(careAct.pages).source), selectors);
    expect(anchor).toMatchObject({ page, ...find(careAct, page, phrase) });
  });
});

describe('describePdfPassage', () => {
  it('records the page, a whole-document position, and context that crosses page boundaries', async () => {
    const whole = await wholeOf(careAct);
    const page = 3;
    const pageText = expectedPageText(careAct, page);
    const firstLine = careAct.lines[page - 1]![0]!;
    const [quote, position] = describePdfPassage(whole, page, 0, firstLine.length);
    expect(position).toEqual({ type: 'TextPositionSelector', start: whole.pageStarts[page - 1], end: whole.pageStarts[page - 1]! + firstLine.length, page });
    expect(quote.exact).toBe(firstLine);
    // The prefix is the end of page 2 (its last line and line break).
    expect(expectedPageText(careAct, page - 1).endsWith(quote.prefix!)).toBe(true);
    expect(quote.prefix!.endsWith('\n')).toBe(true);

    const lastLine = careAct.lines[page - 1]!.at(-1)!;
    const end = pageText.length - 1;
    const [tail] = describePdfPassage(whole, page, end - lastLine.length, end);
    expect(tail.exact).toBe(lastLine);
    // The suffix starts with this page's final line break and runs into page 4.
    expect(tail.suffix!.startsWith('\n')).toBe(true);
    expect(expectedPageText(careAct, page + 1).startsWith(tail.suffix!.slice(1))).toBe(true);
  });
});

describe('line breaks in quotes', () => {
  it('a quote across a line end contains "\\n" and anchors back exactly', async () => {
    const page = 2;
    const lines = careAct.lines[page - 1]!;
    const whole = expectedPageText(careAct, page);
    // Two neighbouring lines' halves (the quote must occur once on the page).
    const phrase = lines
      .slice(2, -1)
      .map((line, k) => `${line.slice(-30)}\n${lines[k + 3]!.slice(0, 30)}`)
      .find((candidate) => whole.indexOf(candidate) === whole.lastIndexOf(candidate))!;
    const selectors = await commentOn(careAct, page, phrase);
    const quote = selectors[0] as TextQuoteSelector;
    expect(quote.exact).toContain('\n');
    const text = createPdfDocumentText(spySource(careAct.pages).source);
    await text.whole();
    const anchor = await anchorInPdf(text, selectors);
    expect(anchor).toMatchObject({ page, ...find(careAct, page, phrase), status: 'exact' });
  });
});

/**
 * A text layer built the way pdf.js 5's TextLayer builds one (display/text_layer.js,
 * #processItems / #appendText): marked content opens a span.markedContent, a run with text
 * becomes a span whose text node is `str`, and `hasEOL` appends a `<br>`. Positioning
 * styles are left out: they do not change the text.
 */
function buildTextLayer(items: readonly FakeItem[]): HTMLElement {
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  let container: HTMLElement = layer;
  for (const item of items) {
    if (item.str === undefined) {
      if (item.type === 'beginMarkedContentProps') {
        const marked = document.createElement('span');
        marked.className = 'markedContent';
        if (item.id) marked.id = item.id;
        container.append(marked);
        container = marked;
      } else if (item.type === 'endMarkedContent') container = container.parentElement!;
      continue;
    }
    if (item.str !== '') {
      const span = document.createElement('span');
      span.setAttribute('role', 'presentation');
      span.textContent = item.str;
      container.append(span);
    }
    if (item.hasEOL) container.append(document.createElement('br'));
  }
  document.body.replaceChildren(layer);
  return layer;
}

describe('mapTextLayer: page-text offsets on pdf.js text layer spans', () => {
  const page = 2;
  const items = careAct.pages[page - 1]!;
  const text = expectedPageText(careAct, page);

  it('gives a Range whose text is the page text slice without its line breaks', () => {
    const map = mapTextLayer(pageTextFromItems(page, items), buildTextLayer(items));
    expect(map).not.toBeNull();
    const start = text.indexOf('\n', 100) - 40;
    const end = start + 150;
    expect(text.slice(start, end)).toContain('\n');
    expect(map!.toRange(start, end)!.toString()).toBe(text.slice(start, end).replace(/\n/g, ''));
    // The whole page, too.
    expect(map!.toRange(0, text.length)!.toString()).toBe(text.replace(/\n/g, ''));
  });

  it('maps a selection from the middle of one span to the middle of another back to page-text offsets', () => {
    const layer = buildTextLayer(items);
    const map = mapTextLayer(pageTextFromItems(page, items), layer)!;
    const spans = Array.from(layer.querySelectorAll('span:not(.markedContent)'));
    const runs = items.map((item, i) => i).filter((i) => items[i]!.str);
    expect(spans).toHaveLength(runs.length);
    const [a, b] = [5, 23];
    const range = document.createRange();
    range.setStart(spans[a]!.firstChild!, 2);
    range.setEnd(spans[b]!.firstChild!, 3);
    const offsets = map.fromRange(range);
    expect(offsets).toEqual({ start: itemStart(items, runs[a]!) + 2, end: itemStart(items, runs[b]!) + 3 });
    // And back: the same text on screen.
    expect(map.toRange(offsets.start, offsets.end)!.toString()).toBe(range.toString());
  });

  it('snaps offsets on a line break to the neighbouring text, and a break alone covers no text', () => {
    const map = mapTextLayer(pageTextFromItems(page, items), buildTextLayer(items))!;
    const nl = text.indexOf('\n', 50);
    // Starting on the break: the range starts at the next line.
    const fromBreak = map.toRange(nl, nl + 20)!;
    expect(fromBreak.toString()).toBe(text.slice(nl + 1, nl + 20));
    expect(fromBreak.startOffset).toBe(0);
    // Ending just after the break: the range ends with the previous line.
    const toBreak = map.toRange(nl - 20, nl + 1)!;
    expect(toBreak.toString()).toBe(text.slice(nl - 20, nl));
    expect(toBreak.endOffset).toBe((toBreak.endContainer as Text).data.length);
    expect(map.toRange(nl, nl + 1)).toBeNull();
  });

  it('refuses a layer that disagrees with the page text (a span missing or changed), so nothing is painted in the wrong place', () => {
    const pageText = pageTextFromItems(page, items);
    const short = buildTextLayer(items);
    short.querySelectorAll('span:not(.markedContent)')[7]!.remove();
    expect(mapTextLayer(pageText, short)).toBeNull();

    const changed = buildTextLayer(items);
    changed.querySelectorAll('span:not(.markedContent)')[7]!.textContent = 'something else';
    expect(mapTextLayer(pageText, changed)).toBeNull();
  });
});

describe('pdfDocumentIdentity: one identity per PDF file', () => {
  const fingerprint = 'd4766e994d69c5d8b0f505b4c2b8554e';

  it('gives the same document URI for the same file opened from two addresses, each kept as a normalised alias', () => {
    const a = pdfDocumentIdentity({ fingerprint, url: 'https://WWW.Example.org/docs/Finance%20Act%202013.pdf?utm_source=mail&fbclid=x#page=3', title: 'Finance Act 2013' })!;
    const b = pdfDocumentIdentity({ fingerprint: fingerprint.toUpperCase(), url: 'http://example.org/docs/Finance%20Act%202013.pdf', title: 'Finance Act 2013' })!;
    expect(a.uri).toBe(`${PDF_URN_PREFIX}${fingerprint}`);
    expect(b.uri).toBe(a.uri);
    expect(isPdfUri(a.uri)).toBe(true);
    expect(a.aliases).toEqual([a.uri, 'https://www.example.org/docs/Finance%20Act%202013.pdf']);
    expect(b.aliases).toEqual([a.uri, 'http://example.org/docs/Finance%20Act%202013.pdf']);
    expect(a.title).toBe('Finance Act 2013');
  });

  it('identifies a file opened from the computer (no address) by its fingerprint alone', () => {
    const id = pdfDocumentIdentity({ fingerprint, url: null, fileName: 'finance-act-2013.pdf' });
    expect(id).toEqual({ uri: `${PDF_URN_PREFIX}${fingerprint}`, aliases: [`${PDF_URN_PREFIX}${fingerprint}`], title: 'finance-act-2013.pdf' });
  });

  it('gives no identity for a missing or malformed fingerprint (no comments stored under a bad key)', () => {
    for (const bad of ['', '   ', 'abc', 'not a fingerprint!', 'x'.repeat(65), 'd4766e99-4d69-c5d8']) {
      expect(pdfDocumentIdentity({ fingerprint: bad, url: 'https://example.org/a.pdf' })).toBeNull();
    }
  });

  it('titles a PDF by its metadata title, else its file name, else the last part of its address, else "PDF document"', () => {
    const url = 'https://example.org/docs/Care%20Act%20guidance.pdf';
    expect(pdfDocumentIdentity({ fingerprint, url, title: '  Care and support\n statutory guidance ', fileName: 'x.pdf' })!.title).toBe('Care and support statutory guidance');
    expect(pdfDocumentIdentity({ fingerprint, url, title: '   ', fileName: 'guidance.pdf' })!.title).toBe('guidance.pdf');
    expect(pdfDocumentIdentity({ fingerprint, url, title: null })!.title).toBe('Care Act guidance.pdf');
    expect(pdfDocumentIdentity({ fingerprint, url: null })!.title).toBe('PDF document');
  });
});
