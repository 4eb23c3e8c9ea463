import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { NOTICES_EVENT, withNoticeEvents } from '../src/routes/notices/notices-stream';
import { eventsBesidesChanges, readSse, type SseReader } from './support/sse';
import { BACKENDS } from './support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestGroup, type TestStore } from './support/test-store';

describe.each(BACKENDS)('notice state shared by a member\'s browsers on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  const open: SseReader[] = [];

  beforeAll(async () => {
    t = await openTestStore(kind, { pingMs: 200 });
  });
  beforeEach(async () => {
    while (open.length) await open.pop()!.close();
    await t.reset();
    g = await t.createGroup();
  });
  afterAll(async () => {
    while (open.length) await open.pop()!.close();
    await t.close();
  });

  /** A second browser of the group's member, linked with a one-time code. */
  async function secondBrowser(token = g.member.token) {
    const code = await t.call('POST', '/api/me/link-codes', { token });
    expect(code.status).toBe(201);
    const joined = await t.call('POST', '/api/join', { body: { code: code.json.code } });
    expect(joined.status).toBe(201);
    return joined.json as { token: string; memberId: string };
  }

  async function stream(token: string): Promise<SseReader> {
    const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const reader = readSse(res);
    open.push(reader);
    return reader;
  }

  it('read ids and follows made in one browser are what the other browser of the same member gets', async () => {
    const other = await secondBrowser();
    expect(other.memberId).toBe(g.member.memberId);
    const empty = await t.call('GET', '/api/me/notices', { token: other.token });
    expect(empty.json).toEqual({ read: [], follows: [] });
    const ids = ['reply:0190f0e8-7c1a-7000-8000-000000000001', 'hidden:0190f0e8-7c1a-7000-8000-000000000002:3'];
    expect((await t.call('POST', '/api/me/notices/read', { token: g.member.token, body: { ids } })).status).toBe(204);
    // Idempotent: marking again (and a duplicate in the list) changes nothing.
    expect((await t.call('POST', '/api/me/notices/read', { token: other.token, body: { ids: [ids[0], ids[0]] } })).status).toBe(204);
    const doc = 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted';
    const followed = await t.call('PUT', '/api/me/follows', { token: g.member.token, body: { document: doc, following: true } });
    expect(followed.json).toEqual({ follows: [doc] });
    await t.call('PUT', '/api/me/follows', { token: g.member.token, body: { document: 'urn:x-pdf:3f2a9c0d11', following: true } });
    await t.call('PUT', '/api/me/follows', { token: g.member.token, body: { document: doc, following: true } });
    const seen = await t.call('GET', '/api/me/notices', { token: other.token });
    expect(seen.json).toEqual({ read: [...ids].sort(), follows: [doc, 'urn:x-pdf:3f2a9c0d11'].sort() });
    const unfollow = await t.call('PUT', '/api/me/follows', { token: other.token, body: { document: doc, following: false } });
    expect(unfollow.json).toEqual({ follows: ['urn:x-pdf:3f2a9c0d11'] });
    // Another member's state is their own.
    expect((await t.call('GET', '/api/me/notices', { token: g.reader.token })).json).toEqual({ read: [], follows: [] });
  });

  it('a change to the read set reaches the member\'s own open streams (both browsers) as event: notices, nobody else\'s', async () => {
    const other = await secondBrowser();
    const mine = await stream(g.member.token);
    const mineElsewhere = await stream(other.token);
    const theirs = await stream(g.reader.token);
    const facilitator = await stream(g.facilitator.token);
    expect((await t.call('POST', '/api/me/notices/read', { token: other.token, body: { ids: ['reply:0190f0e8-7c1a-7000-8000-00000000000a'] } })).status).toBe(204);
    expect(await mine.next(3000)).toEqual({ event: 'notices', data: '{}' });
    expect(await mineElsewhere.next(3000)).toEqual({ event: 'notices', data: '{}' });
    // Marking what is already read changes nothing: no event.
    await t.call('POST', '/api/me/notices/read', { token: g.member.token, body: { ids: ['reply:0190f0e8-7c1a-7000-8000-00000000000a'] } });
    expect(await eventsBesidesChanges(mine, 600)).toEqual([]);
    expect(await eventsBesidesChanges(theirs, 100)).toEqual([]);
    expect(await eventsBesidesChanges(facilitator, 100)).toEqual([]);
  });

  it('another store process (its own hub, the same database) tells this one\'s streams through NOTIFY', async () => {
    const second = await createApp({ db: t.testDb.db, adminToken: ADMIN_TOKEN, channel: t.testDb.channel, clientAddress: () => '127.0.0.1' });
    try {
      const mine = await stream(g.member.token);
      const body = JSON.stringify({ ids: ['unhidden:0190f0e8-7c1a-7000-8000-00000000000b:4'] });
      const res = await second.app.request('http://store.test/api/me/notices/read', {
        method: 'POST',
        headers: { authorization: `Bearer ${g.member.token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        body,
      });
      expect(res.status).toBe(204);
      expect(await mine.next(3000)).toEqual({ event: 'notices', data: '{}' });
    } finally {
      await second.close();
    }
  });

  it('a notices event never splits a feed event, and the feed still streams alongside', async () => {
    const mine = await stream(g.member.token);
    for (let i = 0; i < 5; i++) {
      await t.call('POST', '/api/me/notices/read', { token: g.member.token, body: { ids: [`comment:0190f0e8-7c1a-7000-8000-00000000010${i}`] } });
    }
    const comment = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: { type: 'TextualBody', value: 'From another tool' }, target: 'https://example.org/' };
    expect((await t.call('POST', `/annotations/${g.group}/`, { token: g.facilitator.token, body: comment })).status).toBe(201);
    const events = [];
    for (let i = 0; i < 6; i++) events.push(await mine.next(3000));
    expect(events.filter((e) => e.event === 'notices')).toHaveLength(5);
    const change = events.find((e) => e.event === 'change');
    expect(change?.id).toBeTruthy();
    expect(JSON.parse(change!.data).cursor).toBe(change!.id);
  });

  it('validates: at most 500 ids, each 1-300 printable characters; follows take http(s) or urn:x-pdf: addresses up to 2,048 characters', async () => {
    const token = g.member.token;
    const read = (body: unknown) => t.call('POST', '/api/me/notices/read', { token, body });
    const follow = (body: unknown) => t.call('PUT', '/api/me/follows', { token, body });
    const refused = [
      await read({ ids: Array.from({ length: 501 }, (_, i) => `reply:${i}`) }),
      await read({ ids: ['x'.repeat(301)] }),
      await read({ ids: [''] }),
      await read({ ids: ['reply: spaced'] }),
      await read({ ids: ['reply:\u0007bell'] }),
      await read({ ids: ['reply:\u00e9'] }),
      await read({ ids: [5] }),
      await read({ ids: 'reply:x' }),
      await read({}),
      await read({ ids: [], extra: 1 }),
      await follow({ document: 'javascript:alert(1)', following: true }),
      await follow({ document: 'file:///etc/passwd', following: true }),
      await follow({ document: 'urn:x-pdf:', following: true }),
      await follow({ document: 'urn:x-pdf:NOT HEX', following: true }),
      await follow({ document: `https://example.org/${'a'.repeat(2030)}`, following: true }),
      await follow({ document: 'https://exa mple.org/', following: true }),
      await follow({ document: 'https://example.org/' }),
      await follow({ document: 'https://example.org/', following: 'yes' }),
    ];
    expect(refused.map((r) => [r.status, r.json?.error?.code])).toEqual(refused.map((r) => [400, r.json.error.code === 'unknown-field' ? 'unknown-field' : 'invalid-body']));
    for (const r of refused) expect(r.json.error.message.length).toBeGreaterThan(10);
    expect((await read({ ids: Array.from({ length: 500 }, (_, i) => `reply:${'x'.repeat(290)}${i}`) })).status).toBe(204);
    expect((await follow({ document: `https://example.org/${'a'.repeat(2000)}`, following: true })).status).toBe(200);
    expect((await t.call('GET', '/api/me/notices', { token })).json.read).toHaveLength(500);
    // Signed out and revoked: refused.
    expect((await t.call('GET', '/api/me/notices')).status).toBe(401);
  });
});

describe('withNoticeEvents', () => {
  it('puts a notices event only between two events of the stream, never inside one, and stops watching at the end', async () => {
    const enc = new TextEncoder();
    let push: (text: string | null) => void = () => undefined;
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => (text === null ? controller.close() : controller.enqueue(enc.encode(text)));
      },
    });
    let fire: () => void = () => undefined;
    let watching = false;
    const merged = withNoticeEvents(source, (fn) => {
      fire = fn;
      watching = true;
      return () => void (watching = false);
    });
    const reader = merged.getReader();
    const chunks: string[] = [];
    const dec = new TextDecoder();
    push('event: change\n');
    chunks.push(dec.decode((await reader.read()).value));
    fire(); // mid-event: owed until the event ends
    push('data: {}\n\n');
    chunks.push(dec.decode((await reader.read()).value));
    chunks.push(dec.decode((await reader.read()).value));
    fire(); // at a boundary: at once
    chunks.push(dec.decode((await reader.read()).value));
    push(null);
    expect((await reader.read()).done).toBe(true);
    expect(chunks).toEqual(['event: change\n', 'data: {}\n\n', NOTICES_EVENT, NOTICES_EVENT]);
    expect(watching).toBe(false);
  });
});
