import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type StoreApp } from '../src/app';
import { hashSecret } from '../src/auth/secrets';
import type { Db, Queryable } from '../src/db/db';
import type { LogFields, Logger } from '../src/log';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS, openTestDb, type TestDb } from './support/test-db';
import { ADMIN_TOKEN } from './support/test-store';

/** How the faulty database fails a statement that carries the secret comment text. */
type Fault = 'none' | 'thrown' | 'engine' | 'data';

/**
 * The real database, except that while a fault is armed any statement whose parameters hold
 * `secret` fails: `thrown` raises an error shaped like a driver's (message, detail, query and
 * parameters all quoting the values); `engine` and `data` run a statement the engine itself
 * refuses with the same parameters (an unknown table named by them; a number that is not
 * one), so the error is PGlite's or PostgreSQL's own and its message quotes them.
 */
function faultyDb(db: Db, state: { fault: Fault; secret: string }): Db {
  const wrap = (q: Queryable): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const carries = state.fault !== 'none' && JSON.stringify(params).includes(state.secret);
      if (carries && state.fault === 'thrown') {
        const text = JSON.stringify(params);
        throw Object.assign(new Error(`insert failed for ${text}`), { code: 'XX000', detail: `Failing row contains ${text}.`, query: sql, params, where: text });
      }
      if (carries && (state.fault === 'engine' || state.fault === 'data')) {
        // Every parameter joined into one value, cast to a table name (42P01) or a number (22P02).
        const joined = params.map((_, i) => `$${i + 1}::text`).join(' || ');
        const cast = state.fault === 'engine' ? 'regclass' : 'int';
        await q.query(`select (${joined})::${cast}`, params.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))));
      }
      return q.query<Row>(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  return { ...db, ...wrap(db), transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
}

interface Line {
  message: string;
  fields: LogFields;
}

describe.each(BACKENDS)('logs on %s: an unexpected error logs a code and a request id, never what people wrote', (kind) => {
  let testDb: TestDb;
  let store: StoreApp;
  const lines: Line[] = [];
  const logger: Logger = { error: (message, fields) => void lines.push({ message, fields }) };
  const state: { fault: Fault; secret: string } = { fault: 'none', secret: 'My carer told me not to complain, 7Q2X' };
  const displayName = 'Priya Secret-Name 4KZ8';
  let group = '';
  let token = '';
  let inviteCode = '';

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const res = await store.app.request(`http://store.test${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(text ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) } : {}),
        ...headers,
      },
      ...(text ? { body: text } : {}),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as { error?: { code: string; message: string; requestId?: string } } };
  }

  beforeAll(async () => {
    testDb = await openTestDb(kind);
    store = await createApp({ db: faultyDb(testDb.db, state), adminToken: ADMIN_TOKEN, channel: testDb.channel, logger });
    const created = await store.app.request('http://store.test/api/admin/groups', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'NCAG' }),
    });
    const g = (await created.json()) as { group: string; invites: { member: string } };
    group = g.group;
    inviteCode = g.invites.member;
    const joined = await call('POST', '/api/join', { code: inviteCode, displayName });
    token = (joined.json as unknown as { token: string }).token;
  });
  afterAll(async () => {
    await store.close();
    await testDb.close();
  });
  beforeEach(() => {
    lines.length = 0;
    state.fault = 'none';
  });

  /** Everything the log received, as a console would print it and as JSON. */
  const logText = () => `${inspect(lines, { depth: null })}\n${JSON.stringify(lines)}`;

  const writes = [
    { route: 'sync PUT (new comment)', send: () => { const c = makeComment({ text: state.secret, creator: displayName }); return call('PUT', `/api/groups/${group}/annotations/${uuidOf(c)}`, c, { 'if-none-match': '*' }); } },
    { route: 'W3C POST', send: () => call('POST', `/annotations/${group}/`, { type: 'Annotation', creator: { name: displayName }, body: { type: 'TextualBody', value: state.secret }, target: 'https://example.org/' }) },
  ];
  const faults: Array<{ fault: Fault; code: RegExp; status: number; says: string }> = [
    { fault: 'thrown', code: /^XX000$/, status: 500, says: 'an error quoting every parameter: 500 with a reference' },
    { fault: 'engine', code: /^42/, status: 500, says: "the engine's own error quoting the parameters: 500 with a reference" },
    // A data exception the edges did not catch is the client's fault: a 400, still logged safely.
    { fault: 'data', code: /^22P02$/, status: 400, says: "the engine's data exception quoting the parameters: 400" },
  ];

  for (const { route, send } of writes) {
    for (const { fault, code, status, says } of faults) {
      it(`${route}, ${says}, a log line with the request id and the code, no text, name, token or hash`, async () => {
        state.fault = fault;
        const r = await send();
        expect(r.status).toBe(status);
        const id = r.headers.get('x-request-id');
        expect(id).toMatch(/^[0-9a-f]{16}$/);
        if (status === 500) {
          expect(r.json.error?.code).toBe('internal');
          expect(r.json.error?.requestId).toBe(id);
          expect(r.json.error?.message).toContain(id);
        } else expect(r.json.error?.code).toBe('invalid-body');

        expect(lines).toHaveLength(1);
        expect(lines[0]!.fields.requestId).toBe(id);
        expect(lines[0]!.fields.code).toMatch(code);
        const logged = logText();
        for (const secret of [state.secret, '7Q2X', displayName, 'Secret-Name', token, hashSecret(token), inviteCode, hashSecret(inviteCode)]) {
          expect(logged).not.toContain(secret);
        }
      });
    }
  }

  it('every answer carries its own random X-Request-Id, whatever id the client sends', async () => {
    const a = await call('GET', '/api/me', undefined, { 'x-request-id': 'chosen-by-the-caller' });
    const b = await call('GET', '/api/me');
    const missing = await call('GET', '/api/nothing-here');
    const ids = [a, b, missing].map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(3);
    expect(lines).toEqual([]);
  });
});
