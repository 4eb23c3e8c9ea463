// @vitest-environment node
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { spliceBulk } from './docx-prepared';
import { renderDocx } from './render-docx';
import { DATASET_DOCUMENTS, createDataset } from '../../tests/support/digest-dataset';

const AWKWARD = 'Bell\u0007 & <tag> \'single\' "double" {placeholder} lea:bulk <lea:bulk n="0"/>';

describe('prepared Word paragraphs', () => {
  it('puts every prepared paragraph in place, escaped as docx escapes text, with no marker left', async () => {
    const entries = createDataset();
    const first = entries.find((e) => !e.hidden && e.annotation.visibility === 'group')!;
    first.annotation.body[0].value = AWKWARD;
    const digest = buildDigest({ annotations: entries, documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z') });
    const xml = strFromU8(unzipSync(await renderDocx(digest))['word/document.xml']!);
    expect(xml).not.toMatch(/<lea:bulk/);
    // The control character is dropped (XML 1.0 cannot hold it); the rest is the text as typed.
    const paragraph = /<w:p>(?:(?!<\/w:p>).)*Bell(?:(?!<\/w:p>).)*<\/w:p>/.exec(xml)![0];
    const comment = paragraph.split('<w:br/>')[1]!;
    expect([...comment.matchAll(/<w:t(?: xml:space="preserve")?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe(
      'Bell &amp; &lt;tag&gt; &apos;single&apos; &quot;double&quot; {placeholder} lea:bulk &lt;lea:bulk n=&quot;0&quot;/&gt;',
    );
    // Every passage is there in the Quote style, and every comment has its paragraph.
    expect([...xml.matchAll(/<w:pStyle w:val="Quote"\/>/g)]).toHaveLength(digest.summary.passages);
    expect([...xml.matchAll(/<w:pStyle w:val="Comment"\/>/g)].length).toBeGreaterThanOrEqual(digest.summary.comments);
  });

  it('refuses a package whose markers do not match the prepared blocks', () => {
    const pkg = (body: string) => zipSync({ 'word/document.xml': strToU8(`<w:body>${body}</w:body>`) });
    expect(strFromU8(unzipSync(spliceBulk(pkg('<lea:bulk n="0"/><x/><lea:bulk n="1"/>'), [['<a/>'], ['<b/>', '<c/>']]))['word/document.xml']!)).toBe(
      '<w:body><a/><x/><b/><c/></w:body>',
    );
    expect(() => spliceBulk(pkg('<lea:bulk n="0"/>'), [['<a/>'], ['<b/>']])).toThrow(/not placed/);
    expect(() => spliceBulk(pkg('<lea:bulk n="1"/>'), [['<a/>'], ['<b/>']])).toThrow(/expected/);
  });
});
