import type { SseEvent } from './sse-parser';

/** A stream as it may arrive (in chunks) and the events EventSource would dispatch for it. */
export interface SseCase {
  name: string;
  chunks: string[];
  events: SseEvent[];
}

/** Table of event-stream inputs; each is also run split at every character. */
export const SSE_CASES: SseCase[] = [
  {
    name: 'the store’s change event',
    chunks: ['id: 0000000042\nevent: change\ndata: {"cursor": "0000000042"}\n\n'],
    events: [{ id: '0000000042', event: 'change', data: '{"cursor": "0000000042"}' }],
  },
  {
    name: 'a chunk boundary in the middle of a line and of a field name',
    chunks: ['id: 1\nev', 'ent: chan', 'ge\ndata: {"cur', 'sor": "1"}\n', '\n'],
    events: [{ id: '1', event: 'change', data: '{"cursor": "1"}' }],
  },
  {
    name: 'CRLF line endings, with the CR and LF in different chunks',
    chunks: ['id: 7\r', '\nevent: change\r\ndata: x\r', '\n\r', '\n'],
    events: [{ id: '7', event: 'change', data: 'x' }],
  },
  {
    name: 'bare CR line endings',
    chunks: ['data: a\rdata: b\r\r'],
    events: [{ id: '', event: 'message', data: 'a\nb' }],
  },
  {
    name: 'comments (keep-alive pings) are ignored',
    chunks: [': ping\n\n', ':another\nid: 3\n: in the middle\ndata: after\n\n'],
    events: [{ id: '3', event: 'message', data: 'after' }],
  },
  {
    name: 'multi-line data keeps inner newlines and drops the last one',
    chunks: ['data: first\ndata:second\ndata\ndata:  indented\n\n'],
    events: [{ id: '', event: 'message', data: 'first\nsecond\n\n indented' }],
  },
  {
    name: 'the id carries over to later events; an empty id resets it',
    chunks: ['id: 5\ndata: a\n\ndata: b\n\nid\ndata: c\n\n'],
    events: [
      { id: '5', event: 'message', data: 'a' },
      { id: '5', event: 'message', data: 'b' },
      { id: '', event: 'message', data: 'c' },
    ],
  },
  {
    name: 'an id containing NULL is ignored',
    chunks: ['id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n'],
    events: [
      { id: '1', event: 'message', data: 'a' },
      { id: '1', event: 'message', data: 'b' },
    ],
  },
  {
    name: 'the retry field sets the reconnection time; non-digits are ignored',
    chunks: ['retry: 2500\ndata: a\n\nretry: soon\nretry: 1.5\ndata: b\n\n'],
    events: [
      { id: '', event: 'message', data: 'a', retry: 2500 },
      { id: '', event: 'message', data: 'b', retry: 2500 },
    ],
  },
  {
    name: 'an event type without data dispatches nothing and does not leak into the next event',
    chunks: ['event: change\n\ndata: plain\n\n'],
    events: [{ id: '', event: 'message', data: 'plain' }],
  },
  {
    name: 'an empty data line still dispatches an event with empty data',
    chunks: ['data\n\n'],
    events: [{ id: '', event: 'message', data: '' }],
  },
  {
    name: 'unknown fields are ignored, and only one space after the colon is removed',
    chunks: ['foo: bar\nevent:  change\ndata:x\n\n'],
    events: [{ id: '', event: ' change', data: 'x' }],
  },
  {
    name: 'a leading byte-order mark is skipped',
    chunks: ['\uFEFFdata: a\n\n'],
    events: [{ id: '', event: 'message', data: 'a' }],
  },
  {
    name: 'an event not finished when the stream ends is discarded',
    chunks: ['data: done\n\ndata: half', ' an event\n'],
    events: [{ id: '', event: 'message', data: 'done' }],
  },
];
