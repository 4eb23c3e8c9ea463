import type { MiddlewareHandler } from 'hono';
import type { GroupChange } from '../../changes/hub';
import type { AppEnv } from '../../context';

/** The event a member's streams get when what they have read or follow changes. */
export const NOTICES_EVENT = 'event: notices\ndata: {}\n\n';

/** The event every stream of a group gets when its themes or its document links change. */
export function groupEvent(what: GroupChange): string {
  return `event: group\ndata: ${JSON.stringify({ changed: what })}\n\n`;
}

const encoder = new TextEncoder();

/** Whether an SSE chunk ends an event or comment (a blank line), so another may follow. */
function endsBlock(chunk: Uint8Array): boolean {
  return chunk.length >= 2 && chunk[chunk.length - 1] === 10 && chunk[chunk.length - 2] === 10;
}

/**
 * The SSE body `source` with the events `watch` emits added, always between two of the
 * source's events (never inside one); an event emitted again while one is owed is sent once.
 * Watching ends with the stream, whether the store ends it or the client hangs up.
 */
export function withStreamEvents(source: ReadableStream<Uint8Array>, watch: (emit: (event: string) => void) => () => void): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let unwatch: () => void = () => undefined;
  let done = false;
  let atBoundary = true;
  const owed = new Set<string>();
  const stop = () => {
    done = true;
    unwatch();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      unwatch = watch((event) => {
        if (done) return;
        if (!atBoundary) {
          owed.add(event);
          return;
        }
        try {
          controller.enqueue(encoder.encode(event));
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
      if (atBoundary && owed.size > 0) {
        for (const event of owed) controller.enqueue(encoder.encode(event));
        owed.clear();
      }
    },
    async cancel(reason) {
      stop();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}

/** {@link withStreamEvents} with an `event: notices` each time `watch` calls back. */
export function withNoticeEvents(source: ReadableStream<Uint8Array>, watch: (fn: () => void) => () => void): ReadableStream<Uint8Array> {
  return withStreamEvents(source, (emit) => watch(() => emit(NOTICES_EVENT)));
}

/**
 * Middleware on `GET /api/groups/{group}/stream`: once the stream is open (200, SSE), its
 * member's notice changes become `event: notices` (other members' streams are not told), and
 * the group's theme and document-link changes become `event: group` with
 * `{"changed": "themes" | "links"}` on every stream of the group. Both come from the hub, fed
 * by NOTIFY from any store process; the server keeps no state but the open stream itself.
 */
export const addStreamEvents: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const member = c.get('member');
  const body = c.res.body;
  if (c.res.status !== 200 || !member || !body || !c.res.headers.get('content-type')?.startsWith('text/event-stream')) return;
  const { hub } = c.get('deps');
  const merged = withStreamEvents(body, (emit) => {
    const notices = hub.watchNotices(member.id, () => emit(NOTICES_EVENT));
    const group = hub.watchGroup(member.groupId, (what) => emit(groupEvent(what)));
    return () => {
      notices();
      group();
    };
  });
  c.res = new Response(merged, { status: 200, headers: c.res.headers });
};
