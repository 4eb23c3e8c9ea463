import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The error codes of PROTOCOL.md, plus `internal` for the store's own faults. */
export type ErrorCode =
  | 'bad-json'
  | 'invalid-body'
  | 'body-too-large'
  | 'unknown-field'
  | 'not-found'
  | 'unauthenticated'
  | 'token-revoked'
  | 'forbidden'
  | 'conflict'
  | 'precondition-required'
  | 'rate-limited'
  | 'invite-invalid'
  | 'internal';

/**
 * A refusal to send to the client: status, code and a plain-English message. Handlers
 * throw it; `handleError` is the one place that turns it (and anything else) into JSON.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** Extra top-level fields beside `error` (412 sends `current`). */
    readonly extra: Record<string, unknown> = {},
    /** Extra response headers (429 sends Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The JSON body of every error response. */
export function errorBody(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message }, ...extra };
}

/** Hono `onError`: ApiError as sent, framework errors mapped, anything else a logged 500. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.extra), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 413) return c.json(errorBody('body-too-large', tooLargeMessage()), 413);
    if (status === 400) return c.json(errorBody('invalid-body', error.message || 'The request could not be read.'), 400);
    if (status === 401) return c.json(errorBody('unauthenticated', 'Please sign in with your invite first.'), 401);
    if (status < 500) return c.json(errorBody('invalid-body', error.message || 'The request was refused.'), status);
  }
  console.error('store: unexpected error', error);
  return c.json(errorBody('internal', 'Something went wrong in the group store. Please try again in a minute.'), 500);
}

/** Hono `notFound`: an unknown address answers JSON like every other error. */
export function handleNotFound(c: Context): Response {
  return c.json(errorBody('not-found', `There is nothing at ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
}

let maxBodyBytes = 256 * 1024;

/** Set the body limit named in messages (createApp calls this with its configured limit). */
export function setMaxBodyBytesForMessages(bytes: number): void {
  maxBodyBytes = bytes;
}

/** The message for an oversized request body. */
export function tooLargeMessage(): string {
  return `The request is too large: the store accepts at most ${Math.round(maxBodyBytes / 1024)} KB.`;
}
