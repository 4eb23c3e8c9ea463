import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { hashSecret } from '../src/auth/secrets';
import { readSse } from './support/sse';
import { BACKENDS } from './support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestGroup, type TestStore } from './support/test-store';

/** The bucket a code's wrong tries count in (join.handlers: 3 hex digits of its hash). */
const bucketOf = (code: string) => hashSecret(code).slice(0, 3);

/** Wrong codes (well formed) that land in the same failure bucket as `code`. */
function wrongCodesBeside(code: string, n: number): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const found: string[] = [];
  for (let i = 0; found.length < n; i++) {
    const chars = Array.from({ length: 12 }, (_, k) => alphabet[Math.floor(i / alphabet.length ** k) % alphabet.length]!).join('');
    const guess = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
    if (guess !== code && bucketOf(guess) === bucketOf(code)) found.push(guess);
  }
  return found;
}

describe.each(BACKENDS)('joins behind a proxy, wrong-code limit, revoked streams and headers on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind, {
      // The store's own client address (no test override): the socket, X-Forwarded-For through one proxy.
      clientAddress: undefined,
      trustProxy: { kind: 'hops', hops: 1 },
      limits: { join: { max: 5, windowSeconds: 600 }, joinFailures: { max: 3, windowSeconds: 600 } },
      pingMs: 60_000,
    });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
    await t.testDb.db.query('delete from rate_limits');
  });

  /** POST /api/join through a reverse proxy on 127.0.0.1 that appends the client to X-Forwarded-For. */
  async function joinVia(client: string, code: string, forwarded?: string) {
    const res = await t.store.app.request(
      'http://store.test/api/join',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded ? `${forwarded}, ${client}` : client },
        body: JSON.stringify({ code, displayName: 'Pat' }),
      },
      { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
    );
    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
  }

  it('limits joins per client behind the proxy, not per proxy: one client does not block the others', async () => {
    const first = [];
    for (let i = 0; i < 6; i++) first.push((await joinVia('203.0.113.7', g.invites.member)).status);
    expect(first).toEqual([201, 201, 201, 201, 201, 429]);
    // A client writing its own X-Forwarded-For is still counted by the address the proxy saw.
    expect((await joinVia('203.0.113.7', g.invites.member, '198.51.100.1')).status).toBe(429);
    expect((await joinVia('198.51.100.2', g.invites.member)).status).toBe(201);
  });

  it('caps wrong guesses near one code from any number of addresses, and leaves other codes alone', async () => {
    const guesses = wrongCodesBeside(g.invites.member, 3);
    for (const [i, guess] of guesses.entries()) {
      const r = await joinVia(`192.0.2.${i + 1}`, guess);
      expect(r.status).toBe(403);
      expect(r.body.error!.code).toBe('invite-invalid');
    }
    // The bucket is spent: a fourth address is refused even with the right code, so a botnet cannot guess on.
    const blocked = await joinVia('192.0.2.99', g.invites.member);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error!.message).toMatch(/^Too many wrong invite codes in a short time\. Please wait \d+ seconds? and try again\.$/);
    // Another code (another bucket) still joins, from the very same address.
    expect(bucketOf(g.invites.reader)).not.toBe(bucketOf(g.invites.member));
    expect((await joinVia('192.0.2.99', g.invites.reader)).status).toBe(201);
  });

  it("does not let one person's typos block anyone, themselves included", async () => {
    const right = g.invites.member;
    const typos = [right.replace(/^./, (ch) => (ch === 'a' ? 'b' : 'a')), right.slice(0, -1) + (right.endsWith('z') ? 'y' : 'z'), right.replace('-', '')+ 'x'];
    for (const typo of typos) expect((await joinVia('203.0.113.50', typo)).status).toBe(403);
    expect((await joinVia('203.0.113.50', right)).status).toBe(201);
    expect((await joinVia('203.0.113.51', g.invites.facilitator)).status).toBe(201);
  });

  it("ends a revoked member's open stream at once, not at the next ping", async () => {
    const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/stream`, { headers: { authorization: `Bearer ${g.member.token}` } });
    expect(res.status).toBe(200);
    // SSE keeps its own no-cache (Hono's streamSSE sets it) rather than the JSON answers' no-store.
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const stream = readSse(res);
    await new Promise((r) => setTimeout(r, 100));
    const revoked = await t.call('DELETE', `/api/groups/${g.group}/members/${g.member.memberId}`, { token: g.facilitator.token });
    expect(revoked.status).toBe(204);
    const started = performance.now();
    const ended = await Promise.race([stream.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), 1000))]);
    expect(ended, `after ${(performance.now() - started).toFixed(0)} ms`).toBe('ended');
    expect(t.store.hub.size()).toBe(0);
    await stream.close();
  });

  it("ends a member's open stream at once when they choose forget me", async () => {
    const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/stream`, { headers: { authorization: `Bearer ${g.member.token}` } });
    expect(res.status).toBe(200);
    const stream = readSse(res);
    await new Promise((r) => setTimeout(r, 100));
    expect((await t.call('DELETE', '/api/me', { token: g.member.token })).status).toBe(204);
    const ended = await Promise.race([stream.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), 1000))]);
    expect(ended).toBe('ended');
    expect(t.store.hub.size()).toBe(0);
    await stream.close();
  });

  it("ends the revoked member's stream on another store process too (NOTIFY)", async () => {
    const other = await createApp({ db: t.testDb.db, adminToken: ADMIN_TOKEN, channel: t.testDb.channel, pingMs: 60_000 });
    try {
      const res = await other.app.request(`http://store.test/api/groups/${g.group}/stream`, { headers: { authorization: `Bearer ${g.reader.token}` } });
      const stream = readSse(res);
      await new Promise((r) => setTimeout(r, 100));
      expect((await t.call('DELETE', `/api/groups/${g.group}/members/${g.reader.memberId}`, { token: g.facilitator.token })).status).toBe(204);
      const ended = await Promise.race([stream.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), 1000))]);
      expect(ended).toBe('ended');
      expect(other.hub.size()).toBe(0);
      await stream.close();
    } finally {
      await other.close();
    }
  });

  it('sends nosniff and Cache-Control: no-store on JSON answers, errors included', async () => {
    const answers = [
      await t.call('GET', '/api/health'),
      await t.call('GET', '/api/me', { token: g.member.token }),
      await t.call('GET', '/api/me'),
      await t.call('GET', '/api/nowhere'),
      await t.call('POST', '/api/join', { rawBody: '{bad json' }),
      await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token }),
      await t.call('GET', `/annotations/${g.group}/`, { token: g.reader.token }),
    ];
    for (const a of answers) {
      expect(a.headers.get('content-type'), String(a.status)).toMatch(/json/);
      expect(a.headers.get('x-content-type-options'), String(a.status)).toBe('nosniff');
      expect(a.headers.get('cache-control'), String(a.status)).toBe('no-store');
    }
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200, 401, 404, 400]));
  });

  it('lets browser tools read the request id and Vary, and allows PATCH in a preflight', async () => {
    const a = await t.call('GET', `/annotations/${g.group}/`, { token: g.reader.token });
    const exposed = (a.headers.get('access-control-expose-headers') ?? '').split(/,\s*/).map((h) => h.toLowerCase());
    expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'vary', 'etag', 'location']));
    const pre = await t.call('OPTIONS', '/api/me', { headers: { origin: 'https://example.org', 'access-control-request-method': 'PATCH' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('PATCH');
  });
});
