import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { StoreDeps } from './context';
import { sqlState } from './db/db';
import { errorLogFields, type Logger } from './log';
import { isMessageKey, translator, type MessageParams, type MessageRef } from '../../utils/i18n/translate';
import type { MessageKey } from '../../utils/i18n/catalogue';
import { isLocale, parseAcceptLanguage, pickLocale, type Locale } from '../../utils/i18n/locales';

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
 * What a refusal says: a catalogue key (area `server`), a key with parameters, or (only for
 * callers not yet moved to the catalogue) plain English sent as it is.
 */
// `string & {}` keeps editor completion of the keys while older callers still compile;
// server/test/error-messages.test.ts fails on any English literal left in server/src.
export type RefusalText = MessageKey | MessageRef | readonly (MessageKey | MessageRef)[] | (string & {});

/** A message with parameters, compactly: `msg('server.limitRange', { max: 500 })`. */
export function msg(key: MessageKey, params?: MessageParams): MessageRef {
  return params ? { key, params } : { key };
}

/** A refusal as data: catalogue messages (several are said one after another), or untranslated text. */
type StoredRefusal = readonly MessageRef[] | string;

function refOf(text: RefusalText): StoredRefusal {
  if (typeof text === 'string') return isMessageKey(text) ? [{ key: text }] : text;
  const parts = Array.isArray(text) ? (text as readonly (MessageKey | MessageRef)[]) : [text as MessageRef];
  return parts.map((part) => (typeof part === 'string' ? { key: part } : part));
}

/** The words of `text` in `locale` (plain English that is not a key is sent as it is). */
export function translateRefusal(text: RefusalText | StoredRefusal, locale: Locale): string {
  const ref = refOf(text as RefusalText);
  if (typeof ref === 'string') return ref;
  const { tr } = translator(locale);
  return ref.map(tr).join(' ');
}

/**
 * A refusal to send to the client: status, code and what to tell the person, as a catalogue
 * message (`ref`). Handlers throw it; `handleError` is the one place that turns it (and
 * anything else) into JSON, in the caller's language. `message` stays the English wording
 * for logs and tests that read it directly.
 */
export class ApiError extends Error {
  readonly ref: StoredRefusal;
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    text: RefusalText,
    /** Extra top-level fields beside `error` (412 sends `current`). */
    readonly extra: Record<string, unknown> = {},
    /** Extra response headers (429 sends Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(translateRefusal(text, 'en-GB'));
    this.ref = refOf(text);
  }
}

/**
 * The language to answer `c` in: `?lang=cy|en-GB` when given, else the Accept-Language header,
 * else English. Error codes never change with it (clients that localise by code still can).
 */
export function requestLocale(c: Context): Locale {
  const asked = c.req.query('lang');
  if (isLocale(asked)) return asked;
  return pickLocale(parseAcceptLanguage(c.req.header('accept-language')));
}

/** The JSON body of every error response; a 500 also carries the request id to quote. */
export function errorBody(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, requestId?: string, messages?: readonly MessageRef[]) {
  return { error: { code, message, ...(messages && messages.length > 0 ? { messages } : {}), ...(requestId ? { requestId } : {}) }, ...extra };
}

/**
 * An error answer in the caller's language, with `Content-Language` saying which: every place
 * that builds error JSON goes through this.
 */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  text: RefusalText | StoredRefusal,
  extra: Record<string, unknown> = {},
  requestId?: string,
): Response {
  const locale = requestLocale(c);
  c.header('Content-Language', locale);
  // The catalogue messages themselves go too (`error.messages`): a client that keeps a refusal
  // (the extension's parked comments) says it again in whatever language its reader then uses.
  const ref = refOf(text as RefusalText);
  return c.json(errorBody(code, translateRefusal(text, locale), extra, requestId, typeof ref === 'string' ? undefined : ref), status);
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
    return errorResponse(c, error.status, error.code, error.ref, error.extra);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 413) return errorResponse(c, 413, 'body-too-large', tooLargeMessage(bodyLimitOf(c)));
    if (status === 400) return errorResponse(c, 400, 'invalid-body', error.message || 'server.requestUnreadable');
    if (status === 401) return errorResponse(c, 401, 'unauthenticated', 'server.signInFirst');
    if (status < 500) return errorResponse(c, status, 'invalid-body', error.message || 'server.requestRefused');
  }
  const deps = c.get('deps') as StoreDeps | undefined;
  const logger: Logger = deps?.logger ?? console;
  const requestId = (c.get('requestId') as string | undefined) ?? 'none';
  if (isInputFault(error)) {
    logger.error('store: a value in a request could not be stored', { requestId, ...errorLogFields(error) });
    return errorResponse(c, 400, 'invalid-body', 'server.valueUnstorable');
  }
  logger.error('store: unexpected error', { requestId, ...errorLogFields(error) });
  return errorResponse(c, 500, 'internal', msg('server.internal', { requestId }), {}, requestId);
}

/** Hono `notFound`: an unknown address answers JSON like every other error. */
export function handleNotFound(c: Context): Response {
  return errorResponse(c, 404, 'not-found', msg('server.nothingAt', { method: c.req.method, path: new URL(c.req.url).pathname }));
}

/** The body limit before createApp's is known (DEFAULT_LIMITS.bodyBytes in app.ts). */
export const DEFAULT_BODY_BYTES = 256 * 1024;

/** The message for an oversized request body, naming the configured limit. */
export function tooLargeMessage(bodyBytes: number): MessageRef {
  return msg('server.tooLarge', { kb: Math.round(bodyBytes / 1024) });
}
