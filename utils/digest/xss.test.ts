// @vitest-environment node
/**
 * Every digest format against hostile text: each payload of xss-cases.ts in each field a
 * digest shows. The Markdown is rendered by marked (CommonMark, GFM, GFM with line breaks) and
 * by markdown-it (CommonMark with raw HTML allowed and bare addresses linked, its most permissive
 * settings), then parsed by happy-dom; the HTML page is parsed directly; the Word package is unzipped and its
 * hyperlink relationships read. Counted: elements with event handlers, elements the digest
 * never writes (script, img, svg, iframe...), links or URL attributes that are not http(s),
 * style attributes; plain-text fields must read exactly as typed.
 */
import { strFromU8, unzipSync } from 'fflate';
import { Window, type Element as HappyElement, type HTMLTemplateElement } from 'happy-dom';
import { Marked } from 'marked';
import MarkdownIt from 'markdown-it';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { csvRows } from './render-csv';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderJsonLd } from './render-json-ld';
import { renderMarkdown } from './render-markdown';
import { XSS_CASES, XSS_FIELDS, everyField, plainAnnotation, withCommentText, type XssField } from './xss-cases';

const { document } = new Window();

/**
 * HTML parsed by happy-dom into a fresh element (the fragment algorithm: a page's html, head
 * and body tags drop out, everything in them stays). happy-dom's DOMParser and its
 * querySelectorAll keep every document and match alive, which runs ~10,000 pages out of memory.
 */
function parseHtml(html: string): HappyElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

/** A Markdown renderer as the tests use it. */
interface MarkdownRenderer {
  parse(markdown: string, options: { async: false }): string;
}
const markdownIt = new MarkdownIt({ html: true, linkify: true });
const MARKDOWN_RENDERERS = {
  commonmark: new Marked({ gfm: false }),
  gfm: new Marked({ gfm: true }),
  'gfm+breaks': new Marked({ gfm: true, breaks: true }),
  // A second implementation: raw HTML passes through it untouched, so none may be in the digest.
  'markdown-it (html, linkify)': { parse: (markdown: string) => markdownIt.render(markdown) },
} satisfies Record<string, MarkdownRenderer>;

/** Tags the Markdown digest can make (as marked renders them). */
const MARKDOWN_TAGS = new Set('html head body h1 h2 h3 p blockquote ul ol li strong em del s code pre a br table thead tbody tr th td'.split(' '));
/** Tags the HTML digest writes; those counted in EXACTLY appear that many times. */
const HTML_TAGS = new Set(
  'html head meta title style body header h1 h2 h3 p nav ul ol li a main section figure svg g text rect desc table caption thead tbody tr th td div blockquote span strong em del code pre br time'.split(' '),
);
const HTML_EXACTLY: Record<string, number> = { style: 1, svg: 1, meta: 2, title: 2, head: 1, body: 1 };
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'srcset', 'srcdoc', 'poster', 'background', 'data', 'cite', 'xlink:href', 'ping', 'codebase', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'icon']);
const WEB = /^https?:\/\//i;
/** The HTML digest's own links: to a document's heading, and from the unanswered list to a comment. */
const INTERNAL = /^#(?:document|comment)-\d+$/;

interface Findings {
  handlers: number;
  elements: number;
  links: number;
  styles: number;
}

/** Every element under (and including) a root, walked by hand (see parseHtml). */
function* descendants(root: HappyElement): Generator<HappyElement> {
  const stack = [root];
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    // <template> keeps its parsed children in a separate fragment.
    const content = el.localName === 'template' ? (el as HTMLTemplateElement).content : null;
    stack.push(...(content ? [...content.children] : []), ...el.children);
  }
}

/** Counts in a parsed page: event handlers, unexpected elements, non-web links, style attributes. */
function inspect(html: string, allowed: Set<string>, exactly: Record<string, number>, internal: RegExp | null): Findings & { text: string } {
  const root = parseHtml(html);
  const found: Findings = { handlers: 0, elements: 0, links: 0, styles: 0 };
  const seen: Record<string, number> = {};
  for (const el of descendants(root)) {
    if (el === root) continue;
    const tag = el.localName.toLowerCase();
    seen[tag] = (seen[tag] ?? 0) + 1;
    if (!allowed.has(tag)) found.elements++;
    for (const name of el.getAttributeNames()) {
      const attr = name.toLowerCase();
      const value = (el.getAttribute(name) ?? '').trim();
      if (attr.startsWith('on')) found.handlers++;
      // markdown-it writes table alignment as a style (its own, harmless); any other style counts.
      else if (attr === 'style' && !/^text-align:\s*(?:left|right|center);?$/.test(value)) found.styles++;
      else if (URL_ATTRIBUTES.has(attr) && !(WEB.test(value) || internal?.test(value))) found.links++;
    }
  }
  for (const [tag, count] of Object.entries(exactly)) found.elements += Math.max(0, (seen[tag] ?? 0) - count);
  return { ...found, text: root.textContent ?? '' };
}

/** Text as a reader compares it: controls NUL and U+FFFD dropped, white space collapsed. */
const normal = (text: string) =>
  text
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Per format, per count: how many (payload, field) renders failed, for the summary. */
const tally: Record<string, { renders: number; failed: number; handlers: number; elements: number; links: number; styles: number; misread: number }> = {};
function record(format: string, findings: Findings, misread: boolean): boolean {
  const t = (tally[format] ??= { renders: 0, failed: 0, handlers: 0, elements: 0, links: 0, styles: 0, misread: 0 });
  t.renders++;
  t.handlers += findings.handlers;
  t.elements += findings.elements;
  t.links += findings.links;
  t.styles += findings.styles;
  if (misread) t.misread++;
  const bad = findings.handlers + findings.elements + findings.links + findings.styles > 0 || misread;
  if (bad) t.failed++;
  return bad;
}

const NO_FINDINGS: Findings = { handlers: 0, elements: 0, links: 0, styles: 0 };

function checkMarkdown(field: XssField): string[] {
  const failures: string[] = [];
  for (const { name, payload } of XSS_CASES) {
    const markdown = renderMarkdown(buildDigest(field.input(payload)));
    // The digest writes no `{` itself: one from a plain field must be escaped (pandoc attributes, raw HTML).
    if (field.literal && record('md (pandoc braces)', { ...NO_FINDINGS, elements: /(?<!\\)\{/.test(markdown) ? 1 : 0 }, false)) failures.push(`${name} [unescaped {]`);
    for (const [renderer, marked] of Object.entries(MARKDOWN_RENDERERS)) {
      const page = inspect(marked.parse(markdown, { async: false }), MARKDOWN_TAGS, { h1: 1 }, null);
      const misread = field.literal && !normal(page.text).includes(normal(payload));
      if (record(`md (${renderer})`, page, misread)) failures.push(`${name} [${renderer}]${misread ? ' misread' : ''}`);
    }
  }
  return failures;
}

function checkHtml(field: XssField): string[] {
  const failures: string[] = [];
  for (const { name, payload } of XSS_CASES) {
    const page = inspect(renderHtml(buildDigest(field.input(payload))), HTML_TAGS, { ...HTML_EXACTLY, h1: 1 }, INTERNAL);
    const misread = field.literal && !normal(page.text).includes(normal(payload));
    if (record('html', page, misread)) failures.push(`${name}${misread ? ' misread' : ''}`);
  }
  return failures;
}

function checkCsv(field: XssField): string[] {
  const failures: string[] = [];
  for (const { name, payload } of XSS_CASES) {
    const formulas = csvRows(buildDigest(field.input(payload))).flat().filter((cell) => /^[=+\-@\t\r\n＝＋－＠]/.test(cell)).length;
    if (record('csv', { ...NO_FINDINGS, elements: formulas }, false)) failures.push(name);
  }
  return failures;
}

/** A small XML well-formedness check: tags balance, no stray `<` or `&` in text or attributes. */
function isWellFormed(xml: string): boolean {
  const open: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const [token, close, name, attrs, self] of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|[^<]+|</g)) {
    if (name === undefined) {
      if (token.startsWith('<') || /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(token)) return false;
    } else if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attrs ?? '')) return false;
    else if (close) {
      if (open.pop() !== name) return false;
    } else if (!self) open.push(name);
  }
  return open.length === 0;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A Word package's external relationship targets, hyperlinks as a click opens them, field codes and body text. */
function readDocx(bytes: Uint8Array): { targets: string[]; hyperlinks: string[]; fields: number; wellFormed: boolean; text: string } {
  const files = unzipSync(bytes);
  const targets: string[] = [];
  let fields = 0;
  let wellFormed = true;
  for (const [path, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(path)) continue;
    const xml = strFromU8(data);
    if (!isWellFormed(xml)) wellFormed = false;
    for (const [rel] of xml.matchAll(/<Relationship\s[^>]*>/g)) {
      if (/TargetMode="External"/.test(rel) || /relationships\/hyperlink"/.test(rel)) targets.push(unescapeXml(/Target="([^"]*)"/.exec(rel)?.[1] ?? ''));
    }
    fields += (xml.match(/<w:(?:instrText|fldSimple|fldChar)\b/g) ?? []).length;
  }
  const body = strFromU8(files['word/document.xml']!);
  const text = unescapeXml([...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<\/w:p>/g)].map((m) => m[1] ?? ' ').join(''));
  // What a click opens: the relationship's target, then "#" and the anchor (MS-OI29500 §17.16.22).
  const rels = strFromU8(files['word/_rels/document.xml.rels']!);
  const targetOf = (id: string) => unescapeXml(new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? '');
  const hyperlinks = [...body.matchAll(/<w:hyperlink ([^>]*)>/g)].map(([, attrs]) => {
    const anchor = /w:anchor="([^"]*)"/.exec(attrs!)?.[1];
    return targetOf(/r:id="([^"]*)"/.exec(attrs!)?.[1] ?? '') + (anchor === undefined ? '' : `#${unescapeXml(anchor)}`);
  });
  return { targets, hyperlinks, fields, wellFormed, text };
}

afterAll(() => {
  const rows = Object.entries(tally).map(([format, t]) => ({ format, ...t }));
  console.log(`XSS digest check: ${XSS_CASES.length} payloads × ${XSS_FIELDS.length} fields (+ every field at once for Word, JSON-LD)`);
  console.table(rows);
});

describe(`digests against ${XSS_CASES.length} XSS payloads in each of ${XSS_FIELDS.length} fields`, () => {
  it('has at least 100 distinct payloads and unique names', () => {
    expect(XSS_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(XSS_CASES.map((c) => c.name)).size).toBe(XSS_CASES.length);
    expect(new Set(XSS_CASES.map((c) => c.payload)).size).toBe(XSS_CASES.length);
  });

  for (const field of XSS_FIELDS) {
    it(`Markdown (marked: CommonMark, GFM, GFM + breaks; markdown-it): ${field.name}`, () => {
      expect(checkMarkdown(field)).toEqual([]);
    }, 60_000);
    it(`HTML page: ${field.name}`, () => {
      expect(checkHtml(field)).toEqual([]);
    }, 60_000);
    it(`CSV: no cell a spreadsheet runs as a formula: ${field.name}`, () => {
      expect(checkCsv(field)).toEqual([]);
    }, 60_000);
  }

  it('Word: only http(s) hyperlinks, no field codes, well-formed parts, text as typed (every field at once)', async () => {
    const failures: string[] = [];
    for (const { name, payload } of XSS_CASES) {
      const word = readDocx(await renderDocx(buildDigest(everyField(payload))));
      const links = [...word.targets, ...word.hyperlinks].filter((t) => !WEB.test(t)).length;
      const misread = !normal(word.text).includes(normal(payload));
      if (record('docx', { ...NO_FINDINGS, links, elements: word.fields + (word.wellFormed ? 0 : 1) }, misread)) failures.push(name);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('Markdown and HTML, most supported first: nothing live, text as typed (every field at once)', () => {
    const failures: string[] = [];
    for (const { name, payload } of XSS_CASES) {
      const digest = buildDigest({ ...everyField(payload), sort: 'support' });
      const html = inspect(renderHtml(digest), HTML_TAGS, { ...HTML_EXACTLY, h1: 1 }, INTERNAL);
      if (record('html (sort=support)', html, !normal(html.text).includes(normal(payload)))) failures.push(`${name} [html]`);
      const md = inspect(MARKDOWN_RENDERERS.gfm.parse(renderMarkdown(digest), { async: false }), MARKDOWN_TAGS, { h1: 1 }, null);
      if (record('md gfm (sort=support)', md, !normal(md.text).includes(normal(payload)))) failures.push(`${name} [md]`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('JSON-LD: the same data back, and no < > & that could close a script element it is embedded in (every field at once)', () => {
    const failures: string[] = [];
    for (const { name, payload } of XSS_CASES) {
      const input = everyField(payload);
      const text = renderJsonLd(buildDigest(input));
      const markup = (text.match(/[<>&\u2028\u2029]/g) ?? []).length;
      const back = JSON.parse(text) as { first: { items: unknown[] } };
      // The comment as given, and its (named) replies as given, each once.
      const replies = (input.conversation ?? []).filter((i) => i.motivation === 'replying').map((r) => JSON.stringify(r));
      const items = back.first.items.map((i) => JSON.stringify(i));
      const same = items[0] === JSON.stringify(input.annotations[0]!.annotation) && replies.every((r) => items.includes(r)) && items.length === 2 + replies.length;
      if (record('jsonld', { ...NO_FINDINGS, elements: markup }, !same)) failures.push(name);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

describe('a normal comment with a normal web link still reads well', () => {
  const text = 'See https://www.gov.uk/care-act and [the local offer](https://example.org/local-offer?a=1&b=2#top), or www.nhs.uk. Call me at 10:30!';
  const digest = buildDigest({
    annotations: [{ annotation: withCommentText(plainAnnotation(), text) }],
    scope: 'group',
    generatedAt: new Date('2026-11-23T10:00:00Z'),
    groupName: 'NCAG',
  });
  const expectedLinks = [
    ['https://www.gov.uk/care-act', 'https://www.gov.uk/care-act'],
    ['https://example.org/local-offer?a=1&b=2#top', 'the local offer'],
    ['http://www.nhs.uk', 'www.nhs.uk'],
  ];
  const links = (html: string) =>
    [...descendants(parseHtml(html))]
      .filter((el) => el.localName === 'a' && WEB.test(el.getAttribute('href') ?? ''))
      .map((a) => [a.getAttribute('href'), a.textContent]);

  it('Markdown: every web link is a link, in every renderer, and reads as plain text', () => {
    const markdown = renderMarkdown(digest);
    for (const marked of Object.values(MARKDOWN_RENDERERS)) {
      const found = links(marked.parse(markdown, { async: false }));
      expect(found).toEqual(expect.arrayContaining([...expectedLinks, ['https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted', 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted']]));
    }
    expect(markdown).toContain('See <https://www.gov.uk/care-act> and [the local offer](<https://example.org/local-offer?a=1&b=2#top>)');
    expect(markdown).toContain('Call me at 10:30!');
    expect(markdown).toContain('Address: <https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted>');
  });

  it('HTML: every web link is a link', () => {
    expect(links(renderHtml(digest))).toEqual(expect.arrayContaining(expectedLinks));
  });

  it('Word: every web link is a hyperlink', async () => {
    const word = readDocx(await renderDocx(digest));
    expect(word.hyperlinks).toEqual(
      expect.arrayContaining(['https://www.gov.uk/care-act', 'https://example.org/local-offer?a=1&b=2#top', 'http://www.nhs.uk', 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted']),
    );
    expect(word.text).toContain('See https://www.gov.uk/care-act and the local offer, or www.nhs.uk. Call me at 10:30!');
  });
});
