import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestStore } from './support/test-store';
import { BAD_INPUT_CASES, type CaseContext } from './bad-input-cases';

describe.each(BACKENDS)('bad input on %s: a 4xx JSON naming the problem, never a 500', (kind) => {
  let t: TestStore;
  let ctx: CaseContext;

  beforeAll(async () => {
    t = await openTestStore(kind);
    const g = await t.createGroup();
    const other = await t.createGroup('Other');
    const gone = await t.join(g.invites.member, 'Gone');
    await t.call('DELETE', `/api/groups/${g.group}/members/${gone.memberId}`, { token: g.facilitator.token });
    const existing = makeComment();
    await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(existing)}`, { token: g.member.token, body: existing, headers: { 'if-none-match': '*' } });
    ctx = {
      group: g.group,
      otherGroup: other.group,
      member: g.member.token,
      reader: g.reader.token,
      facilitator: g.facilitator.token,
      revoked: gone.token,
      existingUuid: uuidOf(existing),
    };
  });
  afterAll(async () => t.close());

  it('refuses an oversized body sent in chunks, with no length declared, as 413', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await t.store.app.request(`http://store.test/api/groups/${ctx.group}/annotations/${ctx.existingUuid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ctx.member}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body-too-large');
  });

  it('refuses a declared length over the limit without reading the body', async () => {
    const r = await t.call('PUT', `/api/groups/${ctx.group}/annotations/${ctx.existingUuid}`, { token: ctx.member, rawBody: '{}', headers: { 'content-length': String(10 * 1024 * 1024) } });
    expect(r.status).toBe(413);
  });

  it.each(BAD_INPUT_CASES)('$name → $status $code', async (c) => {
    const call = c.call(ctx);
    let path = c.path(ctx);
    if (!path) {
      // Cases that build a full comment put it at its own id.
      path = `/api/groups/${ctx.group}/annotations/${uuidOf(call.body as { id: string })}`;
    }
    const r = await t.call(c.method, path, call);
    expect(r.status, JSON.stringify(r.json)).toBe(c.status);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(r.json.error.code).toBe(c.code);
    expect(typeof r.json.error.message).toBe('string');
    expect(r.json.error.message.length).toBeGreaterThan(10);
    // "a null character" is a plain description; a bare null is a leaked value.
    expect(r.json.error.message).not.toMatch(/\bat .*\.ts:\d+|TypeError|undefined|null(?! character)|\[object/);
    if (c.mentions) expect(r.json.error.message).toContain(c.mentions);
  });
});

describe.each(BACKENDS)('body limit on %s: each store names its own limit', (kind) => {
  it('a store made with a 10 KB limit says 10 KB, even after another store with a 64 KB limit was made', async () => {
    const small = await openTestStore(kind, { limits: { bodyBytes: 10 * 1024 } });
    const large = await openTestStore(kind, { limits: { bodyBytes: 64 * 1024 } });
    try {
      const body = { name: 'x'.repeat(20 * 1024) };
      const declared = await small.call('POST', '/api/admin/groups', { token: 'test-admin-token-0123456789', body });
      expect(declared.status).toBe(413);
      expect(declared.json.error.message).toContain('at most 10 KB');
      const big = { name: 'x'.repeat(100 * 1024) };
      const other = await large.call('POST', '/api/admin/groups', { token: 'test-admin-token-0123456789', body: big });
      expect(other.json.error.message).toContain('at most 64 KB');
    } finally {
      await small.close();
      await large.close();
    }
  });
});
