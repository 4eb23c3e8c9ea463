import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../context';

/** The event a member's streams get when what they have read or follow changes. */
export const NOTICES_EVENT = 'event: notices\ndata: {}\n\n';

const NOTICES_BYTES = new TextEncoder().encode(NOTICES_EVENT);

/** Whether an SSE chunk ends an event or comment (a blank line), so another may follow. */
function endsBlock(chunk: Uint8Array): boolean {
  return chunk.length >= 2 && chunk[chunk.length - 1] === 10 && chunk[chunk.length - 2] === 10;
}

/**
 * The SSE body `source` with an `event: notices` added whenever `watch` calls back, always
 * between two of the source's events (never inside one). Watching ends with the stream,
 * whether the store ends it or the client hangs up.
 */
export function withNoticeEvents(source: ReadableStream<Uint8Array>, watch: (fn: () => void) => () => void): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let unwatch: () => void = () => undefined;
  let done = false;
  let atBoundary = true;
  let owed = false;
  const stop = () => {
    done = true;
    unwatch();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      unwatch = watch(() => {
        if (done) return;
        if (!atBoundary) {
          owed = true;
          return;
        }
        try {
          controller.enqueue(NOTICES_BYTES);
        } catch {
          stop();
        }
      });
    },
    async pull(controller) {
      const { done: ended, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (ended || done) {
        stop();
        controller.close();
        return;
      }
      controller.enqueue(value);
      atBoundary = endsBlock(value);
      if (atBoundary && owed) {
        owed = false;
        controller.enqueue(NOTICES_BYTES);
      }
    },
    async cancel(reason) {
      stop();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}

/**
 * Middleware on `GET /api/groups/{group}/stream`: once the stream is open (200, SSE), its
 * member's notice changes (hub `watchNotices`, fed by NOTIFY from any store process) become
 * `event: notices` on it. Other members' streams are not told; the server keeps no state but
 * the open stream itself.
 */
export const addNoticeEvents: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const member = c.get('member');
  const body = c.res.body;
  if (c.res.status !== 200 || !member || !body || !c.res.headers.get('content-type')?.startsWith('text/event-stream')) return;
  const { hub } = c.get('deps');
  const merged = withNoticeEvents(body, (fn) => hub.watchNotices(member.id, fn));
  c.res = new Response(merged, { status: 200, headers: c.res.headers });
};
