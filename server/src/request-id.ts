import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/** The response header that names a request, so a person can quote it and we can find its log line. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A fresh request id: 16 random hex digits, derived from nothing about the request or the caller. */
export function createRequestId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Give every request an id (`c.get('requestId')`) and send it back as `X-Request-Id`; an
 * id the client sends is ignored, so a log line can never carry a value the caller chose.
 */
export const assignRequestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = createRequestId();
  c.set('requestId', id);
  c.header(REQUEST_ID_HEADER, id);
  await next();
};
