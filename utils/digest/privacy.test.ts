// @vitest-environment node
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { DIGEST_FORMATS, renderDigest, type DigestFormat } from './formats';
import {
  ANONYMOUS_REPLIER,
  ANONYMOUS_WRITERS,
  DATASET_DOCUMENTS,
  HIDDEN_REPLY_TEXT,
  HIDDEN_TEXT,
  NAMED_WRITERS,
  OFFICER,
  PRIVATE_TEXT,
  REMOVED_COMMENT_REPLY_TEXT,
  REPLY_TO_HIDDEN_COMMENT_TEXT,
  SUPPORTERS,
  conversationInput,
  createDataset,
} from '../../tests/support/digest-dataset';
import type { Digest } from './types';

const dataset = createDataset();
const digest = buildDigest({ annotations: dataset, documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });
/** With the conversation: anonymous replies (some copies still naming their writers), named and anonymous supports. */
const talk = (sort: 'document' | 'support') =>
  buildDigest({ annotations: dataset, ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG', sort });

/** Every text a format produces: the file itself, and for Word every part of the package. */
async function outputText(format: DigestFormat, of: Digest = digest): Promise<string> {
  const { body } = await renderDigest(of, format);
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

const talkOutputs = Object.fromEntries(
  await Promise.all(FORMATS.map(async (f) => [f, [await outputText(f, talk('document')), await outputText(f, talk('support'))].join('\n')] as const)),
) as Record<DigestFormat, string>;

describe.each(FORMATS)('%s output with replies, answers and supports (both orders)', (format) => {
  const text = talkOutputs[format];

  it('never names an anonymous replier, the anonymous comment\'s author in its thread, or any supporter (named or not)', () => {
    for (const name of [...ANONYMOUS_WRITERS, ANONYMOUS_REPLIER, ...SUPPORTERS]) {
      expect(text, name).not.toContain(name);
      expect(text, name).not.toContain(name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
      expect(text, name).not.toContain(name.split(' ')[1]!);
    }
  });

  it('names those who chose to be named, officers with their role', () => {
    for (const name of NAMED_WRITERS) expect(text).toContain(name);
    expect(text).toContain(OFFICER.name);
    if (format !== 'jsonld' && format !== 'csv') expect(text).toContain('The author of this comment');
  });

  it('leaves out hidden replies, replies to the hidden comment and replies to the removed comment', () => {
    for (const gone of [HIDDEN_REPLY_TEXT, REPLY_TO_HIDDEN_COMMENT_TEXT, REMOVED_COMMENT_REPLY_TEXT, HIDDEN_TEXT, PRIVATE_TEXT]) expect(text).not.toContain(gone.slice(0, 16));
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
