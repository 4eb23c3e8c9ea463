import { Lexer, Marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { escapeMarkdown, renderMarkdown } from './render-markdown';
import { HIDDEN_REPLY_LINE } from '../model/conversation';
import { DATASET_DOCUMENTS, FORMULA_COMMENT, HIDDEN_REPLY_TEXT, OFFICER, SCRIPT_COMMENT, conversationInput, createDataset } from '../../tests/support/digest-dataset';

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
    expect(escapeMarkdown('See https://e.com/<img src=x onerror=alert(1)//>')).toBe('See https\\:\\//e.com/&lt;img src=x onerror=alert(1)\\//&gt;');
    // markdown-it's linkify links a protocol-relative `//host/path` (no scheme of its own).
    expect(escapeMarkdown('see //e.com/x')).toBe('see \\//e.com/x');
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

describe('renderMarkdown with the conversation', () => {
  const talk = buildDigest({ annotations: createDataset(), ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });
  const md = renderMarkdown(talk);
  const html = new Marked({ gfm: true }).parse(md, { async: false });
  const dom = new DOMParser().parseFromString(html, 'text/html');
  const officer = `${OFFICER.name} (${OFFICER.jobTitle}, ${OFFICER.organisation})`;

  it('nests each thread under its comment: level-1 replies in a list, level 2 (and deeper, flattened) inside', () => {
    const comment = [...dom.querySelectorAll('li')].find((li) => li.textContent!.startsWith('Aisha Khan · I use care and support · Comment · Themes: Wellbeing and independence · 2 October'))!;
    const level1 = comment.querySelector(':scope > ul')!;
    expect([...level1.children].map((li) => li.querySelector('strong')!.textContent)).toEqual(['Tom Evans', officer]);
    const level2 = level1.children[1]!.querySelector(':scope > ul')!;
    expect([...level2.children].map((li) => li.querySelector('p')!.textContent)).toEqual([
      'Aisha Khan · 4 November 2026',
      `${officer} · 10 November 2026 · Answer: This has been changed · in reply to Aisha Khan`,
      `A group member · 11 November 2026 · in reply to ${officer}`,
    ]);
    expect(level2.querySelector('ul')).toBeNull();
    expect(comment.textContent).toContain('This is my experience too: 3 · 5 replies · Latest answer: This has been changed');
  });

  it('shows a hidden reply only as the model\'s line, and the anonymous comment\'s author as its author', () => {
    expect(md).toContain(`  - _${HIDDEN_REPLY_LINE}_`);
    expect(md).not.toContain(HIDDEN_REPLY_TEXT.slice(0, 12));
    expect(md).toContain('  - **The author of this comment** · 2 November 2026');
    expect(md).toContain('**Not answered yet**');
  });

  it('has the answers table and the unanswered list in the summary, and says what was left out', () => {
    const table = [...dom.querySelectorAll('table')].find((t) => t.querySelector('th')!.textContent === 'Theme' && t.querySelectorAll('th').length === 7)!;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Theme', 'We have noted this', 'We will change this', 'This has been changed', 'We are not changing this', 'Not answered yet', 'Comments']);
    expect([...[...table.querySelectorAll('tr')].at(-1)!.children].map((c) => c.textContent)).toEqual(['All comments', '1', '0', '1', '1', '50', '53']);
    const heading = [...dom.querySelectorAll('h3')].find((h) => h.textContent === 'Not answered yet (50)')!;
    expect(heading.nextElementSibling!.querySelectorAll('li')).toHaveLength(50);
    expect(md).toContain('2 replies to comments their authors removed are left out.');
    expect(md).toContain('10 replies; "This is my experience too" said 11 times. 3 of 53 comments answered, 50 not answered yet.');
  });

  it('lists comments most supported first with sort "support", each with where it is', () => {
    const sorted = renderMarkdown(buildDigest({ annotations: createDataset(), ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), sort: 'support' }));
    expect(sorted).toContain('## Comments, most supported first');
    expect(sorted).not.toContain('## Care Act 2014, Part 1');
    const first = sorted.indexOf('This is my experience too: 5');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(sorted.indexOf('This is my experience too: 3 ·'));
    expect(sorted).toContain('On Care Act 2014, Part 1 › 1 Promoting individual well-being: “is to promote that individual’s well-being”');
  });
});
