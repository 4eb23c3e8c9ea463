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
  get<T>(path: string): Promise<T>;
  /** A write (`X-CSRF-Token` from the session); `options.headers` adds e.g. `If-None-Match: *` for the sync PUT. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options?: SendOptions): Promise<T>;
}

/** Extra request headers for a write (never Cookie or X-CSRF-Token: the api sets those). */
export interface SendOptions {
  headers?: Record<string, string>;
}

const UNREACHABLE = 'The group store could not be reached. Check your connection and try again.';
const UNEXPECTED = 'The group store gave an answer this page does not understand. Reload the page and try again.';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The store's `{ error: { code, message } }`, or a plain fallback for other answers. */
async function errorOf(response: Response): Promise<WebApiError> {
  let code = `http-${response.status}`;
  let message = `The group store refused this (status ${response.status}). Try again later.`;
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
 * `path` is an absolute path on the store (`/api/...`); anything else is refused.
 */
export function createWebApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): WebApi {
  async function request<T>(method: string, path: string, body: unknown, write: boolean, extra: Record<string, string> = {}): Promise<T> {
    if (!path.startsWith('/') || path.startsWith('//')) {
      throw new WebApiError(0, 'bad-path', 'The web app asked for an address outside the group store.');
    }
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
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
      throw new WebApiError(0, 'unreachable', UNREACHABLE);
    }
    if (!response.ok) throw await errorOf(response);
    if (response.status === 204 || response.status === 205) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new WebApiError(response.status, 'bad-response', UNEXPECTED);
    }
  }

  const api: WebApi = {
    session: null,
    get: <T>(path: string) => request<T>('GET', path, undefined, false),
    send: <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options?: SendOptions) =>
      request<T>(method, path, body, true, options?.headers),
  };
  return api;
}
