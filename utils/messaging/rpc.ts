import * as v from 'valibot';
import type { Reply } from './protocol';

type Typed = { type: string };
/** One function per request type of a call map, answering that type's response. */
export type Handlers<Req extends Typed, Res extends Record<Req['type'], unknown>> = {
  [K in Req['type']]: (request: Extract<Req, { type: K }>, sender: unknown) => Promise<Res[K]> | Res[K];
};

/**
 * A runtime.onMessage listener for one context: validates the request against the schema,
 * runs the matching handler and replies with a `Reply`. Messages of other shapes are left
 * for other listeners (returns undefined), because runtime messages reach every page.
 */
export function createMessageHandler<Req extends Typed, Res extends Record<Req['type'], unknown>>(
  schema: v.GenericSchema<unknown, Req>,
  handlers: Handlers<Req, Res>,
) {
  return (message: unknown, sender: unknown): Promise<Reply<unknown>> | undefined => {
    const parsed = v.safeParse(schema, message);
    if (!parsed.success) return undefined;
    const request = parsed.output;
    const handler = handlers[request.type as Req['type']] as (r: Req, s: unknown) => unknown;
    // Called in this task, not after a microtask: a browser lets a click's message open the
    // side panel only while the click is still being handled (panel/open).
    let result: unknown;
    try {
      result = handler(request, sender);
    } catch (error) {
      result = Promise.reject(error);
    }
    return Promise.resolve(result).then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (error: unknown): Reply<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  };
}

/** Send a request and unwrap the reply, rejecting with the other side's plain-English message. */
export async function call<Req extends Typed, Res extends Record<Req['type'], unknown>, K extends Req['type']>(
  send: (message: Req) => Promise<unknown>,
  request: Extract<Req, { type: K }>,
): Promise<Res[K]> {
  const reply = (await send(request)) as Reply<Res[K]> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new Error('The extension did not answer. Please reload the page and try again.');
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
