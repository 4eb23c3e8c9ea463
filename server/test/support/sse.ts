/** One Server-Sent Event (comments are dropped). */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** A reader of an SSE response: wait for the next event (or fail after `timeoutMs`). */
export interface SseReader {
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Events received so far and not yet taken with next(). */
  buffered(): SseEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): Promise<void>;
}

/** Parse an SSE response body incrementally. */
export function readSse(response: Response): SseReader {
  if (!response.body) throw new Error('SSE response has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const queue: SseEvent[] = [];
  const waiters: Array<(e: SseEvent) => void> = [];
  let text = '';
  let closed = false;
  let failure: Error | null = null;

  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const event: SseEvent = { data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') {
              event.data = hasData ? `${event.data}\n${value}` : value;
              hasData = true;
            }
          }
          if (!hasData) continue;
          const waiter = waiters.shift();
          if (waiter) waiter(event);
          else queue.push(event);
        }
      }
    } catch (error) {
      if (!closed) failure = error as Error;
    }
  })();

  return {
    next(timeoutMs = 5000) {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      if (failure) return Promise.reject(failure);
      return new Promise<SseEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          const i = waiters.indexOf(done);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`no SSE event within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (e: SseEvent) => {
          clearTimeout(timer);
          resolve(e);
        };
        waiters.push(done);
      });
    },
    buffered: () => queue.splice(0),
    ended,
    async close() {
      closed = true;
      await reader.cancel().catch(() => undefined);
    },
  };
}

/** The events other than the feed's `change` that `reader` receives within `ms`, as "event:data". */
export async function eventsBesidesChanges(reader: SseReader, ms: number): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const e = await reader.next(Math.max(1, deadline - Date.now())).catch(() => null);
    if (e && e.event !== 'change') seen.push(`${e.event}:${e.data}`);
  }
  return seen;
}
