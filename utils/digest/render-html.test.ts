import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { renderCommentHtml } from './comment-text';
import { renderHtml } from './render-html';
import { HIDDEN_REPLY_LINE } from '../model/conversation';
import type { Digest } from './types';
import { DATASET_DOCUMENTS, HIDDEN_REPLY_TEXT, SCRIPT_COMMENT, conversationInput, createDataset } from '../../tests/support/digest-dataset';

const allComments = (d: Digest) => d.documents.flatMap((doc) => doc.sections.flatMap((s) => s.passages.flatMap((p) => p.comments)));

const digest = buildDigest({ annotations: createDataset(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });
const html = renderHtml(digest);
const page = new DOMParser().parseFromString(html, 'text/html');

describe('renderHtml', () => {
  it('is a complete page in British English with one h1, h2 per document and h3 per section', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(page.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(page.title).toBe('Lived experience digest: NCAG');
    expect([...page.querySelectorAll('h1')].map((h) => h.textContent)).toEqual([digest.title]);
    expect([...page.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Summary', ...digest.documents.map((d) => d.title)]);
    expect([...page.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(digest.documents.flatMap((d) => d.sections.map((s) => s.title)));
    expect(page.querySelectorAll('.passage blockquote')).toHaveLength(digest.summary.passages);
    expect(page.querySelectorAll('.comments > li')).toHaveLength(digest.summary.comments);
    expect(html).toContain('@media print');
  });

  it('has captioned summary tables with scoped header cells', () => {
    const tables = [...page.querySelectorAll('table')];
    expect(tables.map((t) => t.querySelector('caption')?.textContent)).toEqual(['Comments by theme', 'Comments by section', 'Comments by perspective']);
    for (const t of tables) {
      for (const th of t.querySelectorAll('th')) expect(['col', 'row']).toContain(th.getAttribute('scope'));
    }
    const themeRows = [...tables[0]!.querySelectorAll('tbody tr')].map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]);
    expect(themeRows).toEqual(digest.summary.byTheme.map((c) => [c.label, String(c.count)]));
  });

  it('has an SVG bar chart with a title, a description and a text label and number per bar', () => {
    const svg = page.querySelector('figure svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const labelledBy = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(labelledBy.map((id) => svg.querySelector(`#${id}`)?.tagName.toLowerCase())).toEqual(['title', 'desc']);
    expect(svg.querySelector('desc')!.textContent).toContain('Workforce: 11 comments');
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    for (const c of digest.summary.byTheme) {
      expect(texts).toContain(c.label);
      expect(texts).toContain(String(c.count));
    }
    expect(svg.querySelectorAll('rect[fill="#1d4f91"]')).toHaveLength(digest.summary.byTheme.length);
  });

  it('escapes every piece of user text: a <script> in a comment is text', () => {
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(html).not.toContain('<script>');
    const comment = [...page.querySelectorAll('.comment-text')].find((c) => c.textContent?.includes('bad actor'));
    expect(comment?.textContent).toBe(SCRIPT_COMMENT);
  });

  it('renders light Markdown from an allow-list without a DOM: web links kept, javascript: links dropped', () => {
    const links = [...page.querySelectorAll('.comment-text a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://example.org/local-offer');
    expect(links.every((href) => /^https?:/.test(href ?? ''))).toBe(true);
    expect(page.querySelector('.comment-text strong')?.textContent).toBe('to me');
    expect(renderCommentHtml('# Heading\n\n<img src=x onerror=alert(1)>\n\n![pic](https://x.example/a.png) <b onclick="x()">b</b>')).toBe(
      '<p>Heading</p><p>&lt;img src=x onerror=alert(1)&gt;</p><p>pic &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;</p>',
    );
    const allowed = new Set(['P', 'BR', 'EM', 'STRONG', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'CODE', 'PRE', 'A', 'DEL']);
    for (const el of page.querySelectorAll('.comment-text *')) {
      expect(allowed.has(el.tagName)).toBe(true);
      for (const attr of el.getAttributeNames()) expect(attr).toBe('href');
    }
  });

  it('links a document address only when it is a web address', () => {
    for (const source of ['javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const one = buildDigest({ annotations: [{ annotation: { ...createDataset()[0]!.annotation, target: { ...createDataset()[0]!.annotation.target, source } } }], scope: 'group', generatedAt: new Date() });
      const address = new DOMParser().parseFromString(renderHtml(one), 'text/html').querySelector('.address')!;
      expect(address.querySelector('a')).toBeNull();
      expect(address.textContent).toBe(`Address: ${source}`);
    }
    expect(page.querySelector('.address a')?.getAttribute('href')).toBe(digest.documents[0]!.url);
  });

  it('passes axe-core (WCAG 2.2 A and AA rules that can run without layout)', async () => {
    document.documentElement.innerHTML = page.documentElement.innerHTML;
    document.documentElement.setAttribute('lang', page.documentElement.getAttribute('lang')!);
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    expect(results.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['html-lang-valid', 'document-title', 'th-has-data-cells', 'svg-img-alt']));
  }, 60_000);
});

describe('renderHtml with the conversation', () => {
  const talk = buildDigest({ annotations: createDataset(), ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });
  const talkPage = new DOMParser().parseFromString(renderHtml(talk), 'text/html');

  it('nests each thread under its comment, two levels deep, with the hidden reply as the model\'s line', () => {
    const threads = talkPage.querySelectorAll('.comments > li > ul.replies');
    expect(threads.length).toBe(allComments(talk).filter((c) => c.replies.length > 0).length);
    expect(talkPage.querySelectorAll('ul.replies ul.replies ul.replies')).toHaveLength(0);
    expect(talkPage.querySelector('.hidden-reply')!.textContent).toBe(HIDDEN_REPLY_LINE);
    expect(talkPage.body.textContent).not.toContain(HIDDEN_REPLY_TEXT.slice(0, 12));
    expect([...talkPage.querySelectorAll('.replies .meta strong')].map((s) => s.textContent)).toContain('The author of this comment');
    expect([...talkPage.querySelectorAll('.conversation')].map((p) => p.textContent)).toContain('This is my experience too: 5 · 3 replies · Latest answer: We are not changing this (Sam Lee (Policy officer, Department of Health and Social Care), 5 November 2026)');
  });

  it('has a captioned answers table with scoped headers, and an unanswered list linking to each comment', () => {
    const table = [...talkPage.querySelectorAll('table')].find((t) => t.querySelector('caption')!.textContent!.startsWith('Answers by theme'))!;
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect([...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    expect(talkPage.querySelector('#not-answered')!.textContent).toBe('Not answered yet (50)');
    const links = [...talkPage.querySelectorAll('#not-answered + ul a')];
    expect(links).toHaveLength(50);
    for (const a of links) expect(talkPage.getElementById(a.getAttribute('href')!.slice(1))?.tagName).toBe('LI');
  });

  it('passes axe-core with threads, the answers table and the sorted list', async () => {
    for (const sort of ['document', 'support'] as const) {
      const one = new DOMParser().parseFromString(renderHtml(buildDigest({ annotations: createDataset(), ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), sort })), 'text/html');
      document.documentElement.innerHTML = one.documentElement.innerHTML;
      document.documentElement.setAttribute('lang', 'en-GB');
      const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      expect(results.violations.map((v) => `${sort} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      if (sort === 'support') expect(one.querySelector('#by-support')!.textContent).toBe('Comments, most supported first');
    }
  }, 60_000);
});
