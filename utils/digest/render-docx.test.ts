// @vitest-environment node
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { QUOTE_STYLE, renderDocx } from './render-docx';
import { HIDDEN_REPLY_LINE } from '../model/conversation';
import { CHANGED_TEXT, DATASET_DOCUMENTS, HIDDEN_REPLY_TEXT, SCRIPT_COMMENT, conversationInput, createDataset } from '../../tests/support/digest-dataset';

const digest = buildDigest({ annotations: createDataset(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });
const bytes = await renderDocx(digest);
const files = unzipSync(bytes);
const documentXml = strFromU8(files['word/document.xml']!);

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each paragraph of document.xml as its style id and its text. */
function paragraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: unescapeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
}
const paras = paragraphs(documentXml);
const withStyle = (style: string) => paras.filter((p) => p.style === style).map((p) => p.text);

describe('renderDocx', () => {
  it('is a zip (Word package) with the document, styles and the chart images', () => {
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', '[Content_Types].xml']));
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
    const png = files[media.find((f) => f.endsWith('.png'))!]!;
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('has the title, Heading 1 per document and Heading 2 per section', () => {
    expect(withStyle('Title')).toEqual(['Lived experience digest: NCAG']);
    expect(withStyle('Heading1')).toEqual(['Summary', ...digest.documents.map((d) => d.title)]);
    expect(withStyle('Heading2')).toEqual(digest.documents.flatMap((d) => d.sections.map((s) => s.title)));
  });

  it('puts every quoted passage in the Quote style (with its PDF page)', () => {
    const expected = digest.documents.flatMap((d) =>
      d.sections.flatMap((s) => s.passages.map((p) => `${p.quote}${p.page === undefined ? '' : ` (page ${p.page})`}`)),
    );
    expect(withStyle(QUOTE_STYLE)).toEqual(expected);
    expect(strFromU8(files['word/styles.xml']!)).toContain(`w:styleId="${QUOTE_STYLE}"`);
  });

  it('holds the summary tables with header rows and the chart with alt text', () => {
    expect(documentXml).toContain('<w:tblHeader/>');
    const text = paras.map((p) => p.text);
    for (const t of digest.summary.byTheme) expect(text).toContain(t.label);
    expect(withStyle('Heading3')).toEqual(['Chart: comments by theme', 'Comments by theme', 'Comments by section', 'Comments by perspective']);
    expect(documentXml).toMatch(/<wp:docPr [^>]*descr="Horizontal bar chart\. When things need to change: 18 comments;/);
  });

  it('keeps comment text as typed (HTML is text) and emphasis as formatting', () => {
    const text = paras.map((p) => p.text);
    // The comment's details and its first paragraph share a Word paragraph (after a line break).
    expect(text.some((t) => t.startsWith('Aisha Khan · ') && t.endsWith(SCRIPT_COMMENT))).toBe(true);
    expect(documentXml).not.toContain('<script>');
    const bold = /<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:b\/>(?:(?!<\/w:r>)[\s\S])*?<w:t[^>]*>to me<\/w:t>/;
    expect(documentXml).toMatch(bold);
    expect(text).toContain('•\tnot when the rota says');
    expect(documentXml).toMatch(/<w:p><w:pPr><w:pStyle w:val="Comment"\/><w:ind w:left="927" w:hanging="360"\/><\/w:pPr><w:r><w:t xml:space="preserve">•\t<\/w:t>/);
    // A web link in a comment is a real hyperlink (docx registers its relationship).
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    expect(rels).toContain('Target="https://example.org/local-offer" TargetMode="External"');
    expect(rels).not.toContain('javascript:');
  });

  it('makes a hyperlink only of a web address: javascript:, vbscript:, data: and file: addresses are plain text', async () => {
    const base = createDataset()[0]!.annotation;
    for (const source of ['javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const one = buildDigest({ annotations: [{ annotation: { ...base, target: { ...base.target, source } } }], scope: 'group', generatedAt: new Date() });
      const parts = unzipSync(await renderDocx(one));
      const rels = strFromU8(parts['word/_rels/document.xml.rels']!);
      expect([...rels.matchAll(/TargetMode="External"/g)]).toHaveLength(0);
      expect(paragraphs(strFromU8(parts['word/document.xml']!)).map((p) => p.text)).toContain(`Address: ${source}`);
    }
  });
});

const make = (sort: 'document' | 'support') =>
  buildDigest({ annotations: createDataset(), ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG', sort });
const xml = strFromU8(unzipSync(await renderDocx(make('document')))['word/document.xml']!);

describe('renderDocx with the conversation', () => {
  /** The paragraph holding `text`, whole. */
  const paragraphWith = (text: string) => xml.split('</w:p>').find((p) => p.includes(text))!;

  it('writes each thread under its comment, level 1 and level 2 indented deeper, the hidden reply as the model\'s line', () => {
    expect(paragraphWith('Same for me: ')).toContain('<w:ind w:left="1287"/>');
    expect(paragraphWith('Thank you. When will that be?')).toContain('<w:ind w:left="2007"/>');
    expect(paragraphWith(CHANGED_TEXT)).toContain('in reply to Aisha Khan');
    const hidden = paragraphWith(HIDDEN_REPLY_LINE);
    expect(hidden).toContain('<w:i/>');
    expect(xml).not.toContain(HIDDEN_REPLY_TEXT.slice(0, 12));
    expect(paragraphWith('I wrote this: the assessor decided')).toContain('<w:t>The author of this comment</w:t>');
    expect(paragraphWith('This is my experience too: 3 · 5 replies · ')).toContain('This has been changed');
  });

  it('has the answers table (header row repeating) and the unanswered list in the summary', () => {
    expect(xml).toContain('Answers by theme (the latest answer to each comment)');
    const table = xml.slice(xml.indexOf('Answers by theme (the latest'), xml.indexOf('Not answered yet (50)'));
    expect(table).toContain('<w:tblHeader/>');
    for (const label of ['We have noted this', 'We will change this', 'This has been changed', 'We are not changing this', 'All comments']) expect(table).toContain(label);
    expect(paragraphWith('Unmet need is invisible when waiting lists are not published. (This is my experience too: 2)')).toContain('Care Act 2014, Part 1 › 2 Preventing needs for care and support: ');
  });

  it('lists comments most supported first with sort "support"', async () => {
    const sorted = strFromU8(unzipSync(await renderDocx(make('support')))['word/document.xml']!);
    expect(sorted).toContain('Comments, most supported first');
    expect(sorted.indexOf('This is my experience too: 5 ·')).toBeLessThan(sorted.indexOf('This is my experience too: 3 ·'));
    expect(sorted.match(/<w:pStyle w:val="Heading2"\/>/g)).toBeNull();
  });
});
