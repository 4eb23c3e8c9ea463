import * as v from 'valibot';
import { ConflictBodySchema, ErrorBodySchema } from './schemas';
import { SYNC_MESSAGES, SyncError, parseRetryAfter, quoteStoreMessage } from './errors';
import { readMessageRefs } from '../i18n/message-refs';

/** The parts of a fetch Response the client reads; the real `Response` fits. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  body: ReadableStream<Uint8Array> | null;
}

/** The parts of a fetch request the client sends; the real `RequestInit` accepts it. */
export interface FetchRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/**
 * The fetch the client is given; the global `fetch` fits. The client calls it on its own,
 * never as `options.fetch(...)`, which Chrome rejects with "Illegal invocation".
 */
export type FetchLike = (url: string, init: FetchRequest) => Promise<FetchResponse>;

/** The headers that ask the store to answer in `locale` (none when no locale is given). */
export function acceptLanguageHeaders(locale?: string): Record<string, string> {
  return locale ? { 'Accept-Language': locale } : {};
}

/**
 * A fetch that sends `Accept-Language: <locale>` on every request, so the store's refusals
 * come back in the person's language (PROTOCOL.md "Errors"). Without a locale it is `fetch`
 * itself; a header the caller set already is kept. `locale` may be a function, read per
 * request, so a language changed in settings applies at once.
 */
export function withAcceptLanguage(fetch: FetchLike, locale?: string | (() => string | undefined)): FetchLike {
  if (locale === undefined) return fetch;
  return (url, init) => {
    const current = typeof locale === 'function' ? locale() : locale;
    const asked = Object.keys(init.headers).some((name) => name.toLowerCase() === 'accept-language');
    if (!current || asked) return fetch(url, init);
    return fetch(url, { ...init, headers: { ...init.headers, ...acceptLanguageHeaders(current) } });
  };
}

/** True for the error a fetch rejects with when its AbortSignal fires. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Read a JSON body through a schema; anything else is the store misbehaving (retryable). */
export async function readBody<T>(response: FetchResponse, schema: v.GenericSchema<unknown, T>): Promise<T> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new SyncError('offline', SYNC_MESSAGES.offline, { status: response.status, cause }); // cut off mid-answer
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SyncError('server', SYNC_MESSAGES.badAnswer, { status: response.status, cause });
  }
  const result = v.safeParse(schema, json);
  if (!result.success) {
    throw new SyncError('server', SYNC_MESSAGES.badAnswer, { status: response.status, cause: result.issues });
  }
  return result.output;
}

/** Map a 4xx/5xx answer to a SyncError with a plain-English message. */
export async function errorFromResponse(response: FetchResponse): Promise<SyncError> {
  const status = response.status;
  let json: unknown = null;
  try {
    json = JSON.parse(await response.text());
  } catch {
    // A proxy's HTML error page, or no body: the status alone decides.
  }
  const body = v.safeParse(ErrorBodySchema, json);
  const code = body.success ? body.output.error.code : undefined;
  const storeMessage = body.success ? quoteStoreMessage(body.output.error.message) : '';
  // The store's catalogue messages, checked (a key this build lacks leaves the words alone).
  const storeMessages = storeMessage && isObject(json) && isObject(json.error) ? readMessageRefs(json.error.messages) : null;
  const base = { status, ...(code === undefined ? {} : { code }), ...(storeMessage ? { storeMessage } : {}), ...(storeMessages ? { storeMessages } : {}) };

  if (status === 401) {
    return code === 'token-revoked'
      ? new SyncError('revoked', SYNC_MESSAGES.revoked, base)
      : new SyncError('unauthenticated', SYNC_MESSAGES.unauthenticated, base);
  }
  if (status === 403) {
    const message =
      code === 'invite-invalid' ? SYNC_MESSAGES.inviteInvalid
      : code === 'invite-used' ? SYNC_MESSAGES.inviteUsed
      : code === 'invite-expired' ? SYNC_MESSAGES.inviteExpired
      : SYNC_MESSAGES.forbidden;
    return new SyncError('forbidden', message, base);
  }
  if (status === 412) {
    const conflict = v.safeParse(ConflictBodySchema, json);
    if (!conflict.success) return new SyncError('server', SYNC_MESSAGES.badAnswer, base);
    return new SyncError('conflict', SYNC_MESSAGES.conflict, { ...base, current: conflict.output.current });
  }
  if (status === 429) {
    return new SyncError('rate-limited', SYNC_MESSAGES.rateLimited, { ...base, ...parseRetryAfter(response.headers.get('Retry-After')) });
  }
  if (status >= 500) return new SyncError('server', `${SYNC_MESSAGES.server} (Error ${status}.)`, base);
  const detail = storeMessage ? `${SYNC_MESSAGES.invalid.slice(0, -1)}: ${storeMessage}` : `${SYNC_MESSAGES.invalid} (Error ${status}.)`;
  return new SyncError('invalid', detail, base);
}

/** Check and tidy a store address typed by a person: http(s) only, no trailing slash. */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SyncError('invalid', SYNC_MESSAGES.badAddress);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncError('invalid', SYNC_MESSAGES.badAddress);
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
