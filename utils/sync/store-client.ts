import type { StoredAnnotation } from '../store';
import { SYNC_MESSAGES, SyncError } from './errors';
import { errorFromResponse, normaliseBaseUrl, readBody, type FetchLike, type FetchResponse } from './http';
import { ChangesResponseSchema, JoinResponseSchema, MeResponseSchema, PutResponseSchema, type ChangesResponse, type JoinResponse, type MeResponse } from './schemas';
import { readSseEvents, type SseEvent } from './sse-parser';
import { createConversationCalls } from './conversation-client';
import { DocumentLinksResponseSchema } from '../store/document-links';
import { ThemesResponseSchema } from '../model/themes';

/** What `createStoreClient` needs: a fetch, the store address, and the bearer token once joined. */
export interface StoreClientOptions {
  fetch: FetchLike;
  baseUrl: string;
  token?: string;
  /**
   * A signal that fires after `ms` (at the edge: `(ms) => AbortSignal.timeout(ms)`), so a request
   * stuck on a dead connection fails as 'offline' instead of holding up sync. Not used for the stream.
   */
  timeoutSignal?: (ms: number) => AbortSignal;
  /** Per-request time limit for `timeoutSignal` (default 30 s). */
  timeoutMs?: number;
}

/** The store's answer to a push. */
export interface PutResult {
  annotation: StoredAnnotation;
  revision: string;
  cursor: string;
  /** True when the store created the annotation (201), false for an update or a repeat (200). */
  created: boolean;
}

interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  auth?: boolean;
  signal?: AbortSignal;
}

/**
 * Typed calls to the group store's sync API (server/PROTOCOL.md). Every answer is validated;
 * every failure rejects with a `SyncError` whose `message` is plain English.
 */
export function createStoreClient(options: StoreClientOptions) {
  const doFetch = options.fetch; // called detached, never as options.fetch(): see FetchLike
  const base = normaliseBaseUrl(options.baseUrl);
  const token = options.token;
  const { timeoutSignal, timeoutMs = 30_000 } = options;

  async function send(method: string, path: string, { body, headers = {}, auth = true, signal }: SendOptions = {}): Promise<FetchResponse> {
    const allHeaders: Record<string, string> = { Accept: 'application/json', ...headers };
    if (body !== undefined) allHeaders['Content-Type'] = 'application/json';
    if (auth) {
      if (!token) throw new SyncError('unauthenticated', SYNC_MESSAGES.notConnected);
      allHeaders.Authorization = `Bearer ${token}`;
    }
    const requestSignal = signal ?? timeoutSignal?.(timeoutMs);
    let response: FetchResponse;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: allHeaders,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(requestSignal ? { signal: requestSignal } : {}),
      });
    } catch (cause) {
      // The caller stopping (the stream's signal) is not a network failure; a timeout is.
      if (signal?.aborted) throw cause;
      throw new SyncError('offline', SYNC_MESSAGES.offline, { cause });
    }
    if (response.status >= 400) throw await errorFromResponse(response);
    return response;
  }

  const groupPath = (group: string) => `/api/groups/${encodeURIComponent(group)}`;

  return {
    /** The store's address as normalised (no trailing slash). */
    baseUrl: base,

    /** Reports, moderation, notices state, follows, profile and link codes (conversation-client.ts). */
    ...createConversationCalls((method, path, sendOptions) => send(method, path, sendOptions), groupPath, uuidOf),

    /** The group's links between document versions (`GET .../document-links`). */
    async documentLinks(group: string) {
      return readBody(await send('GET', `${groupPath(group)}/document-links`), DocumentLinksResponseSchema);
    },

    /** The group's theme vocabulary (`GET .../themes`, PROTOCOL.md "Themes"). */
    async themes(group: string) {
      return readBody(await send('GET', `${groupPath(group)}/themes`), ThemesResponseSchema);
    },

    /** Exchange an invite code for a token (`POST /api/join`); needs no token. */
    async join(code: string, displayName: string): Promise<JoinResponse> {
      return readBody(await send('POST', '/api/join', { body: { code: code.trim(), displayName }, auth: false }), JoinResponseSchema);
    },

    /** Join as the member who made link code `code` on another browser (`POST /api/join {code}`); needs no token. */
    async joinWithLink(code: string): Promise<JoinResponse> {
      return readBody(await send('POST', '/api/join', { body: { code: code.trim() }, auth: false }), JoinResponseSchema);
    },

    /** Who this token belongs to (`GET /api/me`). */
    async me(): Promise<MeResponse> {
      return readBody(await send('GET', '/api/me'), MeResponseSchema);
    },

    /**
     * Push an annotation by its client id. `create` sends `If-None-Match: *`; `ifMatch` sends
     * the revision the edit was based on. A stale revision rejects with kind 'conflict' and `current`.
     */
    async putAnnotation(group: string, annotation: StoredAnnotation, preconditions: { ifMatch?: string; create?: boolean } = {}): Promise<PutResult> {
      const headers: Record<string, string> = {};
      if (preconditions.create) headers['If-None-Match'] = '*';
      if (preconditions.ifMatch !== undefined) headers['If-Match'] = `"${preconditions.ifMatch}"`;
      const response = await send('PUT', `${groupPath(group)}/annotations/${uuidOf(annotation.id)}`, { body: annotation, headers });
      return { ...(await readBody(response, PutResponseSchema)), created: response.status === 201 };
    },

    /** Delete an annotation (204; repeating is harmless). */
    async deleteAnnotation(group: string, id: string, ifMatch?: string): Promise<void> {
      await send('DELETE', `${groupPath(group)}/annotations/${uuidOf(id)}`, { headers: ifMatch === undefined ? {} : { 'If-Match': `"${ifMatch}"` } });
    },

    /** One page of the change feed after `after` (from the beginning when omitted). */
    async changes(group: string, after?: string, limit?: number): Promise<ChangesResponse> {
      const query = new URLSearchParams();
      if (after !== undefined) query.set('after', after);
      if (limit !== undefined) query.set('limit', String(limit));
      const search = query.toString();
      const suffix = search ? `?${search}` : '';
      return readBody(await send('GET', `${groupPath(group)}/changes${suffix}`), ChangesResponseSchema);
    },

    /**
     * "Forget me": the store tombstones everything this member wrote and revokes the token;
     * `keepAnonymous`: what they wrote without their name stays in the group, no longer linked to them.
     */
    async forgetMe(options: { keepAnonymous?: boolean } = {}): Promise<void> {
      await send('DELETE', `/api/me?anonymous=${options.keepAnonymous ? 'keep' : 'remove'}`);
    },

    /**
     * Subscribe to the group's live stream (Server-Sent Events over fetch, since MV3 service
     * workers have no EventSource). Resolves once connected; the events end when the server
     * closes the stream and reject with an AbortError when `signal` fires.
     */
    async openStream(group: string, lastEventId: string | undefined, signal: AbortSignal): Promise<AsyncIterable<SseEvent>> {
      const headers: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-store' };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await send('GET', `${groupPath(group)}/stream`, { headers, signal });
      if (!response.body || !(response.headers.get('Content-Type') ?? '').includes('text/event-stream')) {
        throw new SyncError('server', SYNC_MESSAGES.badAnswer, { status: response.status });
      }
      return readSseEvents(response.body, signal);
    },
  };
}

/** A client for one store and token. */
export type StoreClient = ReturnType<typeof createStoreClient>;

function uuidOf(id: string): string {
  const match = /^urn:uuid:([0-9a-f-]{36})$/i.exec(id);
  if (!match) throw new SyncError('invalid', 'This comment has an id the group store cannot use, so it cannot be sent.');
  return match[1]!;
}
