import { describe, expect, it } from 'vitest';
import { FAKE_STORE_URL, createFakeStore } from '../../tests/support/fake-store-server';
import { SyncError, type SyncErrorKind } from './errors';
import type { FetchLike } from './http';
import { createStoreClient } from './store-client';

const annotation = (uuid: string, text: string) => ({ id: `urn:uuid:${uuid}`, type: 'Annotation', visibility: 'group', body: [{ value: text }] });
const UUID = '01890a5d-ac96-774b-bcce-b302099a8057';

async function joined() {
  const store = createFakeStore();
  const anonymous = createStoreClient({ fetch: store.fetch, baseUrl: `${FAKE_STORE_URL}/` });
  const join = await anonymous.join('member-code', 'Sam');
  return { store, join, client: createStoreClient({ fetch: store.fetch, baseUrl: FAKE_STORE_URL, token: join.token }) };
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SyncError)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
}

/** A fetch that answers every request with one canned response. */
const answering = (status: number, body: unknown, headers: Record<string, string> = {}): FetchLike => async () => ({
  status,
  headers: new Headers(headers),
  text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  body: null,
});

const ERROR_CASES: { name: string; status: number; body: unknown; headers?: Record<string, string>; kind: SyncErrorKind; message: RegExp }[] = [
  { name: 'unknown token', status: 401, body: { error: { code: 'unauthenticated', message: 'x' } }, kind: 'unauthenticated', message: /doesn't recognise this computer/ },
  { name: 'revoked token', status: 401, body: { error: { code: 'token-revoked', message: 'Your invite has been withdrawn' } }, kind: 'revoked', message: /^Your invite has been withdrawn: ask your facilitator for a new one\.$/ },
  { name: 'wrong role', status: 403, body: { error: { code: 'forbidden', message: 'x' } }, kind: 'forbidden', message: /role in this group/ },
  { name: 'withdrawn invite', status: 403, body: { error: { code: 'invite-invalid', message: 'x' } }, kind: 'forbidden', message: /invite code isn't valid/ },
  { name: 'used single-use invite', status: 403, body: { error: { code: 'invite-used', message: 'x' } }, kind: 'forbidden', message: /^This invite has already been used\. Ask your facilitator for a new one\.$/ },
  { name: 'expired invite', status: 403, body: { error: { code: 'invite-expired', message: 'x' } }, kind: 'forbidden', message: /^This invite has expired\. Ask your facilitator for a new one\.$/ },
  { name: 'invalid body names the problem', status: 400, body: { error: { code: 'invalid-body', message: 'The comment text is missing.' } }, kind: 'invalid', message: /^The group store turned this down: The comment text is missing\.$/ },
  { name: 'too large', status: 413, body: { error: { code: 'body-too-large', message: 'That is more than 1 MB.' } }, kind: 'invalid', message: /more than 1 MB/ },
  { name: 'a 4xx without a JSON body', status: 404, body: '<html>Not found</html>', kind: 'invalid', message: /turned this down\. \(Error 404\.\)/ },
  { name: 'server error', status: 503, body: '', kind: 'server', message: /problem right now.*Error 503/ },
  { name: 'rate limited', status: 429, body: { error: { code: 'rate-limited', message: 'x' } }, headers: { 'Retry-After': '30' }, kind: 'rate-limited', message: /busy/ },
  { name: '412 without the current version is a broken answer', status: 412, body: { error: { code: 'conflict', message: 'x' } }, kind: 'server', message: /doesn't understand/ },
];

describe('store client', () => {
  it('joins without a token, then sends the token on every other call', async () => {
    const { store, join, client } = await joined();
    expect(join).toEqual({ token: 'token-1', group: 'g1', role: 'member', memberId: 'm1' });
    expect(store.requests[0]!.headers.authorization).toBeUndefined();
    expect(await client.me()).toEqual({ memberId: 'm1', displayName: 'Sam', group: 'g1', role: 'member', jobTitle: null, organisation: null });
    expect(store.requests[1]!.headers.authorization).toBe('Bearer token-1');
  });

  it('creates with If-None-Match, updates with a quoted If-Match, and repeats harmlessly', async () => {
    const { store, client } = await joined();
    const first = await client.putAnnotation('g1', annotation(UUID, 'one'), { create: true });
    expect(first).toMatchObject({ revision: expect.any(String), created: true });
    expect(store.requests.at(-1)!.headers['if-none-match']).toBe('*');
    const again = await client.putAnnotation('g1', annotation(UUID, 'one'), { create: true });
    expect(again).toMatchObject({ revision: first.revision, created: false });
    const second = await client.putAnnotation('g1', annotation(UUID, 'two'), { ifMatch: first.revision });
    expect(store.requests.at(-1)!.headers['if-match']).toBe(`"${first.revision}"`);
    expect(second.revision).not.toBe(first.revision);
  });

  it('turns a stale edit into a conflict carrying the store’s current version', async () => {
    const { client } = await joined();
    const first = await client.putAnnotation('g1', annotation(UUID, 'one'), { create: true });
    const second = await client.putAnnotation('g1', annotation(UUID, 'two'), { ifMatch: first.revision });
    const error = await failure(client.putAnnotation('g1', annotation(UUID, 'three'), { ifMatch: first.revision }));
    expect(error.kind).toBe('conflict');
    expect(error.current).toEqual({ annotation: annotation(UUID, 'two'), revision: second.revision });
    expect(error.message).toMatch(/choose which version to keep/);
  });

  it('reads the change feed with tombstones, paging with after and limit', async () => {
    const { store, client } = await joined();
    await client.putAnnotation('g1', annotation(UUID, 'one'), { create: true });
    await client.deleteAnnotation('g1', `urn:uuid:${UUID}`);
    const page = await client.changes('g1', undefined, 1);
    expect(page).toMatchObject({ hasMore: true, changes: [{ id: `urn:uuid:${UUID}`, deleted: false, hidden: null }] });
    const rest = await client.changes('g1', page.next, 1);
    expect(rest).toMatchObject({ hasMore: false, changes: [{ deleted: true, annotation: null }] });
    expect(store.requests.at(-1)!.path).toBe(`/api/groups/g1/changes?after=${page.next}&limit=1`);
  });

  it('maps a network failure to offline', async () => {
    const { store, client } = await joined();
    store.failNext({ offline: true });
    const error = await failure(client.me());
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(/^Can't reach the group store/);
  });

  it.each(ERROR_CASES)('maps $name to $kind with a plain-English message', async ({ status, body, headers, kind, message }) => {
    const client = createStoreClient({ fetch: answering(status, body, headers), baseUrl: FAKE_STORE_URL, token: 't' });
    const error = await failure(client.putAnnotation('g1', annotation(UUID, 'x'), { create: true }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  it("keeps the store's catalogue messages with a refusal, and only messages this build can say", async () => {
    const messages = [{ key: 'server.limitRange', params: { max: 500 } }];
    const said = { error: { code: 'invalid-body', message: 'Limit words.', messages } };
    const kept = await failure(createStoreClient({ fetch: answering(400, said), baseUrl: FAKE_STORE_URL, token: 't' }).putAnnotation('g1', annotation(UUID, 'x'), { create: true }));
    expect([kept.storeMessage, kept.storeMessages]).toEqual(['Limit words.', messages]);
    const unknown = { error: { code: 'invalid-body', message: 'Limit words.', messages: [{ key: 'server.fromANewerStore' }] } };
    const words = await failure(createStoreClient({ fetch: answering(400, unknown), baseUrl: FAKE_STORE_URL, token: 't' }).putAnnotation('g1', annotation(UUID, 'x'), { create: true }));
    expect([words.storeMessage, words.storeMessages]).toEqual(['Limit words.', null]);
  });

  it('reads Retry-After in seconds or as a date', async () => {
    const seconds = createStoreClient({ fetch: answering(429, {}, { 'Retry-After': '30' }), baseUrl: FAKE_STORE_URL, token: 't' });
    expect((await failure(seconds.me())).retryAfterMs).toBe(30_000);
    const date = createStoreClient({ fetch: answering(429, {}, { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' }), baseUrl: FAKE_STORE_URL, token: 't' });
    expect((await failure(date.me())).retryAt).toBe(Date.UTC(2026, 9, 21, 7, 28));
  });

  it('treats a success with a body that breaks the contract as a store problem, not data', async () => {
    const wrong = createStoreClient({ fetch: answering(200, { memberId: 'm1', role: 'admin' }), baseUrl: FAKE_STORE_URL, token: 't' });
    expect((await failure(wrong.me())).kind).toBe('server');
    const notJson = createStoreClient({ fetch: answering(200, 'oops'), baseUrl: FAKE_STORE_URL, token: 't' });
    expect((await failure(notJson.changes('g1'))).kind).toBe('server');
  });

  it('refuses calls that need a token before joining, and bad store addresses, in plain words', async () => {
    const client = createStoreClient({ fetch: answering(200, {}), baseUrl: FAKE_STORE_URL });
    expect((await failure(client.me())).message).toMatch(/Not connected to a group/);
    expect(() => createStoreClient({ fetch: answering(200, {}), baseUrl: 'store.example.org' })).toThrow(/should be a web address/);
    expect(() => createStoreClient({ fetch: answering(200, {}), baseUrl: 'ftp://store.example.org' })).toThrow(SyncError);
  });

  it('streams change events with Last-Event-ID and stops on abort', async () => {
    const { store, client } = await joined();
    const controller = new AbortController();
    const events = await client.openStream('g1', '0000000000', controller.signal);
    expect(store.requests.at(-1)!.headers).toMatchObject({ accept: 'text/event-stream', 'last-event-id': '0000000000' });
    const iterator = events[Symbol.asyncIterator]();
    await client.putAnnotation('g1', annotation(UUID, 'one'), { create: true });
    expect((await iterator.next()).value).toEqual({ id: '0000000001', event: 'change', data: '{"cursor": "0000000001"}' });
    controller.abort();
    await expect(iterator.next()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('gives up on a request that hangs, as offline, when given a timeout', async () => {
    // Like the real fetch: rejects at once with an already-fired signal, otherwise when it fires.
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        if (init.signal?.aborted) reject(init.signal.reason);
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    let asked = 0;
    const client = createStoreClient({
      fetch: hanging,
      baseUrl: FAKE_STORE_URL,
      token: 't',
      timeoutMs: 5000,
      timeoutSignal: (ms) => {
        asked = ms;
        return AbortSignal.abort(new DOMException('The operation timed out.', 'TimeoutError'));
      },
    });
    expect((await failure(client.me())).kind).toBe('offline');
    expect(asked).toBe(5000);
  });

  it('accepts the real fetch’s type', () => {
    const real: typeof fetch = async () => new Response('{}');
    expect(() => createStoreClient({ fetch: real, baseUrl: FAKE_STORE_URL })).not.toThrow();
  });
});
