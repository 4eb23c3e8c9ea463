import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { StoreDeps } from './context';
import { sqlState } from './db/db';
import { errorLogFields, type Logger } from './log';

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
  | 'already-supported'
  | 'precondition-required'
  | 'rate-limited'
  | 'invite-invalid'
  | 'invite-used'
  | 'invite-expired'
  | 'name-needed'
  | 'session-expired'
  | 'csrf-failed'
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

/** The JSON body of every error response; a 500 also carries the request id to quote. */
export function errorBody(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, requestId?: string) {
  return { error: { code, message, ...(requestId ? { requestId } : {}) }, ...extra };
}

/** The configured body limit, from the request's deps (the default before they are set). */
function bodyLimitOf(c: Context): number {
  const deps = c.get('deps') as StoreDeps | undefined;
  return deps?.limits.bodyBytes ?? DEFAULT_BODY_BYTES;
}

/**
 * SQLSTATE classes that mean "a value in the request could not be stored or compared":
 * data exceptions (22: a null character, a number out of range, bad text for a type) and
 * program limits (54: nesting too deep). The edges refuse these with a precise message
 * first (validate.ts, address-checks.ts); this is the net for any the edges do not know.
 */
function isInputFault(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith('22') || state === '54001');
}

/**
 * Hono `onError`: ApiError as sent, framework errors mapped, anything else a 500 whose log
 * line holds a code, where it happened and the request id, never the error's message or
 * parameters (they quote comments, names and token hashes).
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.extra), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 413) return c.json(errorBody('body-too-large', tooLargeMessage(bodyLimitOf(c))), 413);
    if (status === 400) return c.json(errorBody('invalid-body', error.message || 'The request could not be read.'), 400);
    if (status === 401) return c.json(errorBody('unauthenticated', 'Please sign in with your invite first.'), 401);
    if (status < 500) return c.json(errorBody('invalid-body', error.message || 'The request was refused.'), status);
  }
  const deps = c.get('deps') as StoreDeps | undefined;
  const logger: Logger = deps?.logger ?? console;
  const requestId = (c.get('requestId') as string | undefined) ?? 'none';
  if (isInputFault(error)) {
    logger.error('store: a value in a request could not be stored', { requestId, ...errorLogFields(error) });
    return c.json(errorBody('invalid-body', 'The store could not keep a value in this request (a character or number it cannot store). Check what was sent and try again.'), 400);
  }
  logger.error('store: unexpected error', { requestId, ...errorLogFields(error) });
  return c.json(
    errorBody('internal', `Something went wrong in the group store. Please try again in a minute. If it keeps happening, tell whoever runs the store this reference: ${requestId}.`, {}, requestId),
    500,
  );
}

/** Hono `notFound`: an unknown address answers JSON like every other error. */
export function handleNotFound(c: Context): Response {
  return c.json(errorBody('not-found', `There is nothing at ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
}

/** The body limit before createApp's is known (DEFAULT_LIMITS.bodyBytes in app.ts). */
export const DEFAULT_BODY_BYTES = 256 * 1024;

/** The message for an oversized request body, naming the configured limit. */
export function tooLargeMessage(bodyBytes: number): string {
  return `The request is too large: the store accepts at most ${Math.round(bodyBytes / 1024)} KB.`;
}
