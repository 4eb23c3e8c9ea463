import { Lexer, Marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { escapeMarkdown, renderMarkdown } from './render-markdown';
import { DATASET_DOCUMENTS, FORMULA_COMMENT, SCRIPT_COMMENT, createDataset } from '../../tests/support/digest-dataset';

const digest = buildDigest({ annotations: createDataset(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });
const markdown = renderMarkdown(digest);
const tokens = new Lexer({ gfm: true }).lex(markdown);

function walk(list: readonly Token[], visit: (t: Token) => void) {
  for (const t of list) {
    visit(t);
    const children = [...(('tokens' in t && t.tokens) || []), ...(('items' in t && t.items) || [])] as Token[];
    walk(children, visit);
  }
}

describe('renderMarkdown', () => {
  it('has one h1, h2 per document (after the summary) and h3 per section: comments cannot add headings', () => {
    const headings = tokens.filter((t): t is Token & { depth: number; text: string } => t.type === 'heading');
    expect(headings.filter((h) => h.depth === 1).map((h) => h.text)).toEqual(['Lived experience digest: NCAG']);
    expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(['Summary', ...digest.documents.map((d) => d.title)]);
    const sections = headings.filter((h) => h.depth === 3).map((h) => h.text).slice(3);
    expect(sections).toEqual(digest.documents.flatMap((d) => d.sections.map((s) => s.title)));
  });

  it('quotes each passage once as a block quote and lists every comment', () => {
    expect(tokens.filter((t) => t.type === 'blockquote')).toHaveLength(digest.summary.passages);
    const items = tokens.filter((t) => t.type === 'list').flatMap((l) => (l as Token & { items: unknown[] }).items);
    expect(items).toHaveLength(digest.summary.comments);
    expect(markdown).toContain('> is to promote that individual’s well-being');
  });

  it('has GFM summary tables', () => {
    const tables = tokens.filter((t) => t.type === 'table') as (Token & { header: { text: string }[]; rows: { text: string }[][] })[];
    expect(tables.map((t) => t.header.map((h) => h.text))).toEqual([['Theme', 'Comments'], ['Document', 'Section', 'Comments'], ['Perspective', 'Comments']]);
    expect(tables[0]!.rows.map((r) => [r[0]!.text, r[1]!.text])).toEqual(digest.summary.byTheme.map((c) => [c.label, String(c.count)]));
  });

  it('keeps raw HTML in a comment as text, and a formula as text', () => {
    let html = 0;
    walk(tokens, (t) => {
      if (t.type === 'html') html++;
    });
    expect(html).toBe(0);
    expect(markdown).toContain(escapeMarkdown(SCRIPT_COMMENT));
    expect(markdown).toContain(`\\${FORMULA_COMMENT.slice(0, 10)}`);
  });

  it('escapes Markdown in plain text so it reads literally', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list\n- nor this')).toBe('1\\. not a list\n\\- nor this');
    expect(escapeMarkdown('*a* _b_ [c](d) <e> `f` a|b &amp;')).toBe('\\*a\\* \\_b\\_ \\[c\\](d) &lt;e&gt; \\`f\\` a\\|b &amp;amp;');
    expect(escapeMarkdown('co-operate, well-being & more, at 10:30: fine!')).toBe('co-operate, well-being & more, at 10:30: fine!');
  });

  it('breaks every autolink start in plain text, so only links the digest writes are links', () => {
    // A GFM autolink swallows a backslash, so `<` is an entity, and no address in text autolinks.
    expect(escapeMarkdown('See https://e.com/<img src=x onerror=alert(1)//>')).toBe('See https\\://e.com/&lt;img src=x onerror=alert(1)//&gt;');
    expect(escapeMarkdown('www.e.com a@e.com javascript:alert(1)')).toBe('www\\.e.com a\\@e.com javascript\\:alert(1)');
    expect(escapeMarkdown('Heading ##')).toBe('Heading #\\#');
    // pandoc reads `{…}` after a heading, link or code span as attributes or raw HTML.
    expect(escapeMarkdown('# Title {onclick=alert(1)}')).toBe('\\# Title \\{onclick=alert(1)}');
  });

  it('renders the reported comment and a javascript: address without live HTML or a javascript: link (marked, GFM)', () => {
    const base = createDataset()[0]!.annotation;
    const annotation = { ...base, body: [{ ...base.body[0], value: 'See https://e.com/<img src=x onerror=alert(1)//>' }], target: { ...base.target, source: 'javascript:alert(1)' } } as typeof base;
    const md = renderMarkdown(buildDigest({ annotations: [{ annotation }], scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z') }));
    const html = new Marked({ gfm: true }).parse(md, { async: false });
    expect(html).not.toMatch(/<img|href="javascript:/i);
    expect(html).toContain('See <a href="https://e.com/">https://e.com/</a>&lt;img src=x onerror=alert(1)//&gt;');
    expect(html).toContain('Address: javascript:alert(1)');
  });

  it('escapes a { after a code span in a comment (pandoc would read `…`{=html} as raw HTML)', () => {
    const base = createDataset()[0]!.annotation;
    const annotation = { ...base, body: [{ ...base.body[0], value: 'Try `<img src=x onerror=alert(1)>`{=html} and [x](https://e.com){onclick=alert(1)}' }] } as typeof base;
    const md = renderMarkdown(buildDigest({ annotations: [{ annotation }], scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z') }));
    expect(md).toContain('Try ` <img src=x onerror=alert(1)> `\\{=html} and [x](<https://e.com>)\\{onclick=alert(1)}');
  });
});
