import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replyText } from '../model';
import { ADOPT_CASES, W3C_EXAMPLE_AS_REPLY_TEXT, W3C_EXAMPLE_REPLIES, asReply } from './adopt-w3c-cases';
import { adoptW3cReply } from './adopt-w3c';

// The W3C Web Annotation Data Model examples (the same files as ../shared/w3c-model-examples).
const EXAMPLES_DIR = join(import.meta.dirname, '../../server/test/fixtures/w3c-model-examples');
const examples = Array.from({ length: 32 }, (_, i) => ({ n: i + 1, json: JSON.parse(readFileSync(join(EXAMPLES_DIR, `anno${i + 1}.json`), 'utf8')) as Record<string, unknown> }));

describe('adoptW3cReply', () => {
  it.each(ADOPT_CASES)('$name', ({ annotation, expected }) => {
    const reply = adoptW3cReply(annotation);
    if (expected === null) return expect(reply).toBeNull();
    expect(reply).not.toBeNull();
    expect({ text: replyText(reply!), name: reply!.creator?.name ?? null, target: reply!.target, id: reply!.id }).toEqual(expected);
    expect(reply).toMatchObject({ motivation: 'replying', visibility: 'group', attribution: expected.name ? 'named' : 'anonymous' });
  });

  it('finds no reply among the W3C model examples as they stand', () => {
    expect(examples.filter(({ json }) => adoptW3cReply(json) !== null).map((e) => e.n)).toEqual(W3C_EXAMPLE_REPLIES);
  });

  it.each(examples)('reads example $n made a reply: its text, or null when it has none to show', ({ n, json }) => {
    const reply = adoptW3cReply(asReply(json));
    expect(reply === null ? null : replyText(reply)).toBe(W3C_EXAMPLE_AS_REPLY_TEXT[n] ?? null);
  });
});
