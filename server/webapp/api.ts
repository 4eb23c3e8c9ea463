import { DEFAULT_LOCALE, type Locale } from '../../utils/i18n/locales';
import { translator } from '../../utils/i18n/translate';
import type { WebSession } from '../../utils/webapp/session-types';

/**
 * A refusal from the store, or a failure to reach it. `message` is the store's own plain
 * sentence (PROTOCOL.md error body `{ error: { code, message } }`), ready to show to people.
 */
export class WebApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'WebApiError';
    this.status = status;
    this.code = code;
  }
}

export interface WebApi {
  /** The signed-in session, or null. Set by the sign-in page and the app shell. */
  session: WebSession | null;
  /**
   * The language the person reads (sent as `Accept-Language`, so the store's sentences come
   * back in it); English when not set. The app sets it whenever the language changes.
   */
  locale?: Locale;
  get<T>(path: string): Promise<T>;
  /** A write (`X-CSRF-Token` from the session); `options.headers` adds e.g. `If-None-Match: *` for the sync PUT. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options?: SendOptions): Promise<T>;
}

/** Extra request headers for a write (never Cookie or X-CSRF-Token: the api sets those). */
export interface SendOptions {
  headers?: Record<string, string>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The store's `{ error: { code, message } }`, or a plain fallback for other answers. */
async function errorOf(response: Response, locale: Locale): Promise<WebApiError> {
  let code = `http-${response.status}`;
  let message = translator(locale).t('webapp.api.refused', { status: response.status });
  try {
    const body: unknown = await response.json();
    if (isObject(body) && isObject(body.error)) {
      if (typeof body.error.code === 'string') code = body.error.code;
      if (typeof body.error.message === 'string' && body.error.message.trim()) message = body.error.message;
    }
  } catch {
    // Not JSON (a proxy's page, an empty body): keep the plain fallback.
  }
  return new WebApiError(response.status, code, message);
}

/**
 * The web app's one way to talk to the store: same origin, the session cookie
 * (`credentials: 'same-origin'`), JSON both ways, and `X-CSRF-Token` on every write.
 * `path` is an absolute path on the store (`/api/...`); anything else is refused. Every request
 * says `Accept-Language: <api.locale>`, and the api's own sentences are in that language too.
 */
export function createWebApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): WebApi {
  async function request<T>(method: string, path: string, body: unknown, write: boolean, extra: Record<string, string> = {}): Promise<T> {
    const locale = api.locale ?? DEFAULT_LOCALE;
    const { t } = translator(locale);
    if (!path.startsWith('/') || path.startsWith('//')) {
      throw new WebApiError(0, 'bad-path', t('webapp.api.badPath'));
    }
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale, ...extra };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (write && api.session) headers['X-CSRF-Token'] = api.session.csrfToken;
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new WebApiError(0, 'unreachable', t('webapp.api.unreachable'));
    }
    if (!response.ok) throw await errorOf(response, locale);
    if (response.status === 204 || response.status === 205) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new WebApiError(response.status, 'bad-response', t('webapp.api.badResponse'));
    }
  }

  const api: WebApi = {
    session: null,
    locale: DEFAULT_LOCALE,
    get: <T>(path: string) => request<T>('GET', path, undefined, false),
    send: <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options?: SendOptions) =>
      request<T>(method, path, body, true, options?.headers),
  };
  return api;
}
