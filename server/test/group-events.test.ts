import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { eventsBesidesChanges, readSse, type SseReader } from './support/sse';
import { BACKENDS } from './support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestGroup, type TestStore } from './support/test-store';

const BILL = 'https://bills.parliament.uk/publications/52962/documents/3933';
const ACT = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';

/**
 * Themes and document links are not in the change feed: a facilitator's change to either
 * reaches every open stream of the group as `event: group`, so extensions fetch it at once
 * instead of at their next pull (server/PROTOCOL.md "Live stream").
 */
describe.each(BACKENDS)('group changes on the live stream on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let other: TestGroup;
  const open: SseReader[] = [];

  beforeAll(async () => {
    t = await openTestStore(kind, { pingMs: 200 });
  });
  beforeEach(async () => {
    while (open.length) await open.pop()!.close();
    await t.reset();
    g = await t.createGroup();
    other = await t.createGroup();
  });
  afterAll(async () => {
    while (open.length) await open.pop()!.close();
    await t.close();
  });

  async function stream(group: string, token: string): Promise<SseReader> {
    const res = await t.store.app.request(`http://store.test/api/groups/${group}/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const reader = readSse(res);
    open.push(reader);
    return reader;
  }

  it('a renamed or added theme reaches every stream of the group, and no other group', async () => {
    const member = await stream(g.group, g.member.token);
    const reader = await stream(g.group, g.reader.token);
    const elsewhere = await stream(other.group, other.member.token);
    expect((await t.call('PATCH', `/api/groups/${g.group}/themes/workforce`, { token: g.facilitator.token, body: { label: 'Care workers' } })).status).toBe(200);
    expect(await member.next(3000)).toEqual({ event: 'group', data: '{"changed":"themes"}' });
    expect(await reader.next(3000)).toEqual({ event: 'group', data: '{"changed":"themes"}' });
    expect((await t.call('POST', `/api/groups/${g.group}/themes`, { token: g.facilitator.token, body: { label: 'Respite' } })).status).toBe(201);
    expect(await member.next(3000)).toEqual({ event: 'group', data: '{"changed":"themes"}' });
    expect(await eventsBesidesChanges(elsewhere, 300)).toEqual([]);
  });

  it('a refused theme change tells nobody', async () => {
    const member = await stream(g.group, g.member.token);
    expect((await t.call('PATCH', `/api/groups/${g.group}/themes/workforce`, { token: g.member.token, body: { label: 'Care workers' } })).status).toBe(403);
    expect((await t.call('POST', `/api/groups/${g.group}/themes`, { token: g.facilitator.token, body: { label: 'workforce' } })).status).toBe(409);
    expect(await eventsBesidesChanges(member, 400)).toEqual([]);
  });

  it('linking and unlinking two versions reaches the group\'s streams; removing a link that is gone tells nobody', async () => {
    const member = await stream(g.group, g.member.token);
    const linked = await t.call('POST', `/api/groups/${g.group}/document-links`, { token: g.facilitator.token, body: { earlier: BILL, later: ACT } });
    expect(linked.status).toBe(201);
    expect(await member.next(3000)).toEqual({ event: 'group', data: '{"changed":"links"}' });
    const id = linked.json.link.id as string;
    expect((await t.call('DELETE', `/api/groups/${g.group}/document-links/${id}`, { token: g.facilitator.token })).status).toBe(204);
    expect(await member.next(3000)).toEqual({ event: 'group', data: '{"changed":"links"}' });
    expect((await t.call('DELETE', `/api/groups/${g.group}/document-links/${id}`, { token: g.facilitator.token })).status).toBe(204);
    expect(await eventsBesidesChanges(member, 400)).toEqual([]);
  });

  it('another store process (its own hub, the same database) tells this one\'s streams through NOTIFY', async () => {
    const second = await createApp({ db: t.testDb.db, adminToken: ADMIN_TOKEN, channel: t.testDb.channel, clientAddress: () => '127.0.0.1' });
    try {
      const member = await stream(g.group, g.member.token);
      const body = JSON.stringify({ label: 'Care workers' });
      const res = await second.app.request(`http://store.test/api/groups/${g.group}/themes/workforce`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${g.facilitator.token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        body,
      });
      expect(res.status).toBe(200);
      expect(await member.next(3000)).toEqual({ event: 'group', data: '{"changed":"themes"}' });
    } finally {
      await second.close();
    }
  });
});
