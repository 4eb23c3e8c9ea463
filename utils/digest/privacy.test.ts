// @vitest-environment node
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { DIGEST_FORMATS, renderDigest, type DigestFormat } from './formats';
import { ANONYMOUS_WRITERS, DATASET_DOCUMENTS, HIDDEN_TEXT, NAMED_WRITERS, PRIVATE_TEXT, createDataset } from '../../tests/support/digest-dataset';

const dataset = createDataset();
const digest = buildDigest({ annotations: dataset, documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });

/** Every text a format produces: the file itself, and for Word every part of the package. */
async function outputText(format: DigestFormat): Promise<string> {
  const { body } = await renderDigest(digest, format);
  if (typeof body === 'string') return body;
  return Object.values(unzipSync(body))
    .map((part) => strFromU8(part))
    .join('\n');
}

const FORMATS = Object.keys(DIGEST_FORMATS) as DigestFormat[];
const outputs = Object.fromEntries(await Promise.all(FORMATS.map(async (f) => [f, await outputText(f)] as const))) as Record<DigestFormat, string>;

describe.each(FORMATS)('%s output', (format) => {
  const text = outputs[format];

  it('never names an anonymous writer (the server knows their names; some annotations still carried them)', () => {
    for (const name of ANONYMOUS_WRITERS) {
      expect(text).not.toContain(name);
      // Also as escaped in HTML/XML or JSON, and without its accent.
      expect(text).not.toContain(name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
      expect(text).not.toContain(name.split(' ')[1]!);
    }
  });

  it('shows the writers who chose to be named, and "Anonymous" for the others', () => {
    for (const name of NAMED_WRITERS) expect(text).toContain(name);
    if (format !== 'jsonld') expect(text).toContain('Anonymous');
  });

  it('leaves out the hidden and the private comment', () => {
    expect(text).not.toContain(HIDDEN_TEXT.slice(0, 20));
    expect(text).not.toContain(PRIVATE_TEXT.slice(0, 12));
  });

  it('says a hidden comment was left out (all formats but the JSON-LD data)', () => {
    if (format === 'csv' || format === 'jsonld') return;
    expect(text).toContain('1 comment hidden by a facilitator is left out.');
  });
});

describe('renderDigest', () => {
  it('names the file after the day it was made, in the UK time zone', async () => {
    const late = buildDigest({ annotations: dataset, scope: 'group', generatedAt: new Date('2026-06-30T23:30:00Z') });
    expect((await renderDigest(late, 'csv')).fileName).toBe('lived-experience-digest-2026-07-01.csv');
    const rendered = await renderDigest(digest, 'docx');
    expect(rendered.fileName).toBe('lived-experience-digest-2026-11-23.docx');
    expect(rendered.contentType).toBe(DIGEST_FORMATS.docx.contentType);
    expect(rendered.body).toBeInstanceOf(Uint8Array);
  });
});
