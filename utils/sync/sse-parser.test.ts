import { describe, expect, it } from 'vitest';
import { SSE_CASES } from './sse-parser-cases';
import { createSseParser, readSseEvents, type SseEvent } from './sse-parser';

function parseAll(chunks: readonly string[]): SseEvent[] {
  const parser = createSseParser();
  return chunks.flatMap((chunk) => parser.feed(chunk));
}

function streamOf(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

describe('SSE parser', () => {
  it.each(SSE_CASES)('$name', ({ chunks, events }) => {
    expect(parseAll(chunks)).toEqual(events);
  });

  it.each(SSE_CASES)('$name (one character at a time)', ({ chunks, events }) => {
    expect(parseAll([...chunks.join('')])).toEqual(events);
  });

  it('reads a byte stream, decoding a character split across chunks', async () => {
    const bytes = new TextEncoder().encode('id: 1\nevent: change\ndata: {"note": "café ☕"}\n\n');
    const split = bytes.indexOf(0xe2) + 1; // inside the three bytes of ☕
    const events: SseEvent[] = [];
    for await (const event of readSseEvents(streamOf([bytes.slice(0, split), bytes.slice(split)]))) events.push(event);
    expect(events).toEqual([{ id: '1', event: 'change', data: '{"note": "café ☕"}' }]);
  });

  it('stops with the abort reason when the signal fires, even if the body ignores it', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: first\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of readSseEvents(body, controller.signal)) {
        seen.push(event.data);
        controller.abort(new DOMException('Stopped.', 'AbortError'));
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['first']);
    expect(cancelled).toBe(true);
  });

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: tick\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readSseEvents(body)) {
      expect(event.data).toBe('tick');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
