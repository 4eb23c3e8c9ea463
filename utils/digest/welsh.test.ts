// @vitest-environment node
import { strFromU8, unzipSync } from 'fflate';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { buildDigest } from './build-digest';
import { renderDigest } from './formats';
import { csvRows, renderCsv } from './render-csv';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { toAnnotationCollection } from './render-json-ld';
import { renderMarkdown } from './render-markdown';
import type { DigestEntry } from './types';
import { DATASET_DOCUMENTS, conversationInput, createDataset } from '../../tests/support/digest-dataset';

const cy = translator('cy');
const generatedAt = new Date('2026-12-02T10:00:00Z');
const welsh = buildDigest({ annotations: createDataset(), ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt, groupName: 'NCAG', i18n: cy });

/** Four documents named so that English and Welsh alphabetical order differ. */
function namedDocuments(): DigestEntry[] {
  const base = createDataset().find((e) => !e.hidden && e.annotation.visibility === 'group')!.annotation;
  return ['Llety', 'Lwfans', 'Cymorth', 'Chwarae'].map((title, i) => ({
    annotation: { ...base, id: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`, documentTitle: title, target: { ...base.target, source: `https://example.gov.wales/${i}` } },
  }));
}

describe('a digest in Welsh', () => {
  it('names everything in Welsh in the model: title, labels, anonymous writers, answer statuses, sections', () => {
    expect(welsh.locale).toBe('cy');
    expect(welsh.title).toBe('Crynodeb profiad bywyd: NCAG');
    const comments = welsh.ordered.map((p) => p.comment);
    expect(comments.some((c) => c.author === 'Dienw')).toBe(true);
    expect(comments.some((c) => c.author === 'Anonymous')).toBe(false);
    expect(new Set(comments.map((c) => c.kindLabel))).toContain('Sylw');
    expect(welsh.summary.byPerspective.map((p) => p.label)).toContain('Rwy’n ofalwr');
    expect(welsh.summary.byTheme.map((t) => t.label)).toContain('Gweithlu');
    expect(welsh.summary.answers.statuses.map((s) => s.label)).toEqual(['Rydym wedi nodi hyn', 'Byddwn yn newid hyn', 'Mae hyn wedi’i newid', 'Dydyn ni ddim yn newid hyn']);
    expect(welsh.summary.answers.rows.at(-1)!.label).toBe('Pob sylw');
    const replies = comments.flatMap((c) => c.replies);
    expect(replies.some((r) => r.text === 'Cafodd yr ateb hwn ei guddio gan hwylusydd.')).toBe(true);
    expect(replies.some((r) => r.author === 'Aelod o’r grŵp')).toBe(true);
    expect(welsh.documents.flatMap((d) => d.sections.map((s) => s.title)).some((t) => /^Tudalen \d+$/.test(t))).toBe(true);
  });

  it('sorts documents in the Welsh alphabet: Cymorth, Chwarae, Lwfans, Llety (English: Chwarae, Cymorth, Llety, Lwfans)', () => {
    const titles = (locale: 'cy' | 'en-GB') => buildDigest({ annotations: namedDocuments(), scope: 'group', generatedAt, i18n: translator(locale) }).documents.map((d) => d.title);
    expect(titles('cy')).toEqual(['Cymorth', 'Chwarae', 'Lwfans', 'Llety']);
    expect(titles('en-GB')).toEqual(['Chwarae', 'Cymorth', 'Llety', 'Lwfans']);
    const md = renderMarkdown(buildDigest({ annotations: namedDocuments(), scope: 'group', generatedAt, i18n: cy }));
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Crynodeb', 'Cymorth', 'Chwarae', 'Lwfans', 'Llety']);
  });

  it('Markdown: Welsh headings from the catalogue, a Welsh date, Welsh counts and no English headings', () => {
    const md = renderMarkdown(welsh);
    const html = marked.parse(md, { async: false });
    for (const heading of ['Crynodeb', 'Sylwadau fesul thema', 'Sylwadau fesul adran', 'Sylwadau fesul safbwynt', 'Ymatebion fesul thema']) expect(html).toContain(`>${heading}</h`);
    expect(md).toContain('Crëwyd ar 2 Rhagfyr 2026.');
    expect(md).toMatch(/\d+ sylw ar \d+ darn mewn \d+ dogfen\./);
    expect(md).toContain('Heb ymateb eto');
    expect(md).toContain('Dyma fy mhrofiad i hefyd: ');
    for (const english of ['## Summary', 'Comments by theme', 'Not answered yet', '**Anonymous**', 'Latest answer', 'This is my experience too', 'Generated on']) expect(md).not.toContain(english);
  });

  it('HTML: <html lang="cy">, Welsh headings, captions and dates', () => {
    const html = renderHtml(welsh);
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('<h2 id="summary">Crynodeb</h2>');
    expect(html).toContain('<caption>Sylwadau fesul thema</caption>');
    expect(html).toMatch(/<time datetime="[^"]+">\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}<\/time>/);
    expect(html).toContain('Cyfeiriad:');
    for (const english of ['>Summary<', 'Comments by theme', 'Not answered yet', '>Anonymous<', 'lang="en-GB"']) expect(html).not.toContain(english);
    expect(renderHtml(buildDigest({ annotations: createDataset(), scope: 'group', generatedAt }))).toContain('<html lang="en-GB">');
  });

  it('CSV: Welsh column headings, Welsh labels in the rows, dates stay YYYY-MM-DD', () => {
    const csv = renderCsv(welsh);
    const heading = csv.slice(1, csv.indexOf('\r\n')).split(',');
    expect(heading).toEqual(['Dogfen', 'Teitl y ddogfen', 'Adran', 'Tudalen', 'Dyfyniad', 'Sylw', 'Math', 'Themâu', 'Safbwynt', 'Awdur', 'Dyddiad', 'Yr ymateb diweddaraf', 'Testun yr ymateb', 'Ymateb gan', 'Atebion', 'Dyma fy mhrofiad i hefyd']);
    const rows = csvRows(welsh);
    expect(rows.some((r) => r[9] === 'Dienw' && r[11] === 'Heb ymateb eto')).toBe(true);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[10]!))).toBe(true);
  });

  it('Word: the document and its runs are in Welsh (w:lang cy-GB), with Welsh headings and dates', async () => {
    const files = unzipSync(await renderDocx(welsh));
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toMatch(/<w:lang w:val="cy-GB"\/>/);
    const text = strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, '');
    for (const words of ['Crynodeb profiad bywyd: NCAG', 'Siart: sylwadau fesul thema', 'Sylwadau fesul thema', 'Crëwyd ar 2 Rhagfyr 2026.', 'Heb ymateb eto', 'Dienw']) expect(text).toContain(words);
    for (const english of ['Comments by theme', 'Chart: comments', 'Not answered yet', 'Generated on', 'Latest answer']) expect(text).not.toContain(english);
    const english = unzipSync(await renderDocx(buildDigest({ annotations: createDataset(), scope: 'group', generatedAt })));
    expect(strFromU8(english['word/styles.xml']!)).toMatch(/<w:lang w:val="en-GB"\/>/);
  });

  it('JSON-LD: vocabulary and ids stay machine values, the collection label is Welsh', () => {
    const collection = toAnnotationCollection(welsh);
    expect(collection.label).toBe('Crynodeb profiad bywyd: NCAG');
    const english = toAnnotationCollection(buildDigest({ annotations: createDataset(), ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt, groupName: 'NCAG' }));
    // The same annotations, byte for byte: perspectives, kinds and theme tags as the W3C export has them.
    expect(JSON.stringify(collection.first.items)).toBe(JSON.stringify(english.first.items));
  });

  it('renderDigest takes the digest’s own language, and a translator passed in wins', async () => {
    const md = await renderDigest(welsh, 'md');
    expect(String(md.body)).toContain('## Crynodeb');
    expect(String((await renderDigest(welsh, 'md', { i18n: translator('en-GB') })).body)).toContain('## Summary');
  });
});
