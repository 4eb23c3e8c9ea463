import { createApp, type AppOptions, type StoreApp } from '../../src/app';
import type { Role } from '../../src/auth/roles';
import type { DbKind } from '../../src/db/db';
import { openTestDb, type TestDb } from './test-db';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A request to the app: JSON body, bearer token, extra headers. */
export interface Call {
  token?: string | undefined;
  body?: unknown;
  /** Sent as is (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A response with its JSON (or null) already read. */
export interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

/** A created group with one joined person per role. */
export interface TestGroup {
  group: string;
  invites: Record<Role, string>;
  facilitator: { token: string; memberId: string };
  member: { token: string; memberId: string };
  reader: { token: string; memberId: string };
}

/** The app on a test database, with helpers to call it and to set up groups. */
export interface TestStore {
  kind: DbKind;
  testDb: TestDb;
  store: StoreApp;
  call(method: string, path: string, call?: Call): Promise<Answer>;
  createGroup(name?: string): Promise<TestGroup>;
  join(code: string, displayName: string): Promise<{ token: string; memberId: string; group: string; role: Role }>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Open a test store; `options` override createApp's (limits, clock). */
export async function openTestStore(kind: DbKind, options: Partial<AppOptions> = {}): Promise<TestStore> {
  const testDb = await openTestDb(kind);
  const appOptions: AppOptions = {
    db: testDb.db,
    adminToken: ADMIN_TOKEN,
    channel: testDb.channel,
    clientAddress: (c) => c.req.header('x-test-client') ?? '127.0.0.1',
    limits: { write: { max: 100_000, windowSeconds: 60 }, join: { max: 10_000, windowSeconds: 60 } },
    ...options,
  };
  let store = await createApp(appOptions);

  async function call(method: string, path: string, c: Call = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...c.headers };
    if (c.token) headers.authorization = `Bearer ${c.token}`;
    let body: string | undefined;
    if (c.rawBody !== undefined) body = c.rawBody;
    else if (c.body !== undefined) body = JSON.stringify(c.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    // As an HTTP client sends it (the store checks a declared length without reading the body).
    if (body !== undefined && !headers['content-length']) headers['content-length'] = String(Buffer.byteLength(body));
    const res = await store.app.request(`http://store.test${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, json };
  }

  async function join(code: string, displayName: string) {
    const r = await call('POST', '/api/join', { body: { code, displayName } });
    if (r.status !== 201) throw new Error(`join failed: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json as { token: string; memberId: string; group: string; role: Role };
  }

  async function createGroup(name = 'NCAG'): Promise<TestGroup> {
    const r = await call('POST', '/api/admin/groups', { token: ADMIN_TOKEN, body: { name } });
    if (r.status !== 201) throw new Error(`create group failed: ${r.status} ${JSON.stringify(r.json)}`);
    const { group, invites } = r.json as { group: string; invites: Record<Role, string> };
    const [facilitator, member, reader] = await Promise.all([
      join(invites.facilitator, 'Fran Facilitator'),
      join(invites.member, 'Mo Member'),
      join(invites.reader, 'Ria Reader'),
    ]);
    return { group, invites, facilitator, member, reader };
  }

  return {
    kind,
    testDb,
    get store() {
      return store;
    },
    call,
    createGroup,
    join,
    async reset() {
      await store.close();
      await testDb.reset();
      store = await createApp(appOptions);
    },
    async close() {
      await store.close();
      await testDb.close();
    },
  };
}
