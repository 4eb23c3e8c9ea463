/**
 * Server-Sent Events parsing, following the WHATWG "event stream interpretation" rules
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
 * Pure: text in, events out. MV3 service workers have no EventSource, so the sync client reads
 * the stream with fetch and feeds it through this parser.
 */

/** One dispatched event. */
export interface SseEvent {
  /** The last event ID in effect: an `id:` field carries over to later events, as in EventSource. */
  id: string;
  /** The `event:` field, or "message" when the event had none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The reconnection time in milliseconds, once a `retry:` field has set one. */
  retry?: number;
}

/** An incremental parser: feed it decoded text in chunks of any size, get complete events back. */
export interface SseParser {
  feed(text: string): SseEvent[];
}

/** Make a parser for one stream. Events left incomplete when the stream ends are discarded, per the spec. */
export function createSseParser(): SseParser {
  let buffer = '';
  let started = false;
  let afterCarriageReturn = false;
  let data = '';
  let eventType = '';
  let lastEventId = '';
  let retry: number | undefined;

  function processLine(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (data !== '') {
        out.push({ id: lastEventId, event: eventType || 'message', data: data.slice(0, -1), ...(retry === undefined ? {} : { retry }) });
      }
      data = '';
      eventType = '';
      return;
    }
    if (line.startsWith(':')) return; // a comment, such as the server's ": ping"
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') data += `${value}\n`;
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    else if (field === 'retry' && /^[0-9]+$/.test(value)) retry = Number(value);
  }

  return {
    feed(text: string): SseEvent[] {
      if (text === '') return [];
      if (!started) {
        started = true;
        if (text.startsWith('\uFEFF')) text = text.slice(1);
      }
      // A CR at the end of the previous chunk may be the first half of a CRLF.
      if (afterCarriageReturn && text.startsWith('\n')) text = text.slice(1);
      afterCarriageReturn = false;
      buffer += text;
      const out: SseEvent[] = [];
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        processLine(buffer.slice(start, i), out);
        if (c === '\r') {
          if (i + 1 === buffer.length) afterCarriageReturn = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
  };
}

/**
 * Read a `text/event-stream` response body as events. Decodes UTF-8 across chunk boundaries.
 * Stopping the iteration early, or `signal` firing, cancels the body (closing the connection);
 * the signal is also honoured for fetch implementations whose bodies ignore their request's abort.
 */
export async function* readSseEvents(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = createSseParser();
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) {
        finished = true;
        yield* parser.feed(decoder.decode());
        return;
      }
      yield* parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
