import { afterEach, describe, expect, it } from 'vitest';
import { buildReply, buildSupport, type LeaReply, type LeaSupport } from '../model';
import { createConversationRepo, type LeaDb } from '../store';
import { FAKE_STORE_URL, createFakeStore, makeComment, openComputer, otherMember } from '../../tests/support/sync-harness';
import type { FakeStore } from '../../tests/support/fake-store-server';
import type { FetchLike } from './http';

const open: LeaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
async function connected(store: FakeStore, code = 'member-code', fetch?: FetchLike) {
  const computer = await openComputer({ store, ...(fetch ? { fetch } : {}) });
  open.push(computer.db);
  await computer.engine.connect({ baseUrl: FAKE_STORE_URL, code, displayName: 'Sam' });
  return { ...computer, conversation: createConversationRepo(computer.db, computer.clock) };
}
let n = 0;
const nextId = () => `urn:uuid:01890a5d-ac96-774b-bece-${String(++n).padStart(12, '0')}`;
function reply(target: string, answer: 'noted' | null = null): LeaReply {
  const built = buildReply({ id: nextId(), now: new Date('2026-11-23T12:00:00Z'), parentId: target, draft: { text: 'yes', answer, attribution: 'named' }, authorName: 'Sam' });
  if (!built.ok) throw new Error(built.problems.join());
  return built.value;
}
function support(target: string): LeaSupport {
  const built = buildSupport({ id: nextId(), now: new Date('2026-11-23T12:00:00Z'), targetId: target, named: false, authorName: '' });
  if (!built.ok) throw new Error(built.problems.join());
  return built.value;
}

describe('sync engine: the conversation', () => {
  it('counts replies and supports waiting to send as what they are, not as comments', async () => {
    const store = createFakeStore();
    const me = await connected(store);
    const comment = await me.local.save(makeComment('mine'));
    await me.conversation.saveReply(reply(comment.id));
    await me.conversation.saveReply(reply(comment.id));
    await me.conversation.saveSupport(support(comment.id));
    const status = await me.repo.syncStatus();
    expect([status.waiting, status.waitingKinds]).toEqual([4, { comment: 1, reply: 2, support: 1 }]);
  });

  it('pushes replies and supports like comments, in order, with If-None-Match', async () => {
    const store = createFakeStore();
    const me = await connected(store);
    const comment = await me.local.save(makeComment('mine'));
    const r = await me.conversation.saveReply(reply(comment.id));
    const s = await me.conversation.saveSupport(support(comment.id));
    expect(await me.engine.runOnce()).toMatchObject({ drain: { outcome: 'done', pushed: 3, parked: 0 } });
    expect(store.requests.filter((q) => q.method === 'PUT' && q.path.includes('/annotations/')).map((q) => [q.path.slice(-12), q.headers['if-none-match']])).toEqual([
      [comment.id.slice(-12), '*'],
      [r.id.slice(-12), '*'],
      [s.id.slice(-12), '*'],
    ]);
    expect([store.stored(r.id), store.stored(s.id)]).toEqual([r, s]);
  });

  it('parks a second support (409) and a reply to a removed comment (404) with the store’s sentence; the rest goes on', async () => {
    const store = createFakeStore();
    const me = await connected(store);
    const alex = await otherMember(store);
    const theirs = makeComment('theirs');
    const gone = makeComment('gone');
    await alex.client.putAnnotation('g1', theirs, { create: true });
    await alex.client.putAnnotation('g1', gone, { create: true });
    await me.engine.runOnce();
    const first = await me.conversation.saveSupport(support(theirs.id));
    await me.engine.runOnce();
    await alex.client.deleteAnnotation('g1', gone.id);
    const second = await me.conversation.saveSupport(support(theirs.id));
    const orphan = await me.conversation.saveReply(reply(gone.id));
    const fine = await me.local.save(makeComment('after them'));
    expect((await me.engine.runOnce()).drain).toMatchObject({ outcome: 'done', pushed: 1, parked: 2 });
    expect(store.stored(fine.id)).toEqual(fine);
    expect(store.stored(first.id)).toEqual(first);
    expect((await me.repo.syncStatus()).refused.map((x) => [x.id, x.message, x.kind])).toEqual([
      [second.id, 'You have already said this is your experience too.', 'support'],
      [orphan.id, 'The comment you are replying to is not in this group or has been removed.', 'reply'],
    ]);
  });

  it('keeps the store’s version of an answer (creator from the profile), unless edited since', async () => {
    const store = createFakeStore();
    const alex = await otherMember(store);
    const theirs = makeComment('please change');
    await alex.client.putAnnotation('g1', theirs, { create: true });
    const officer = await connected(store, 'reader-code');
    await officer.engine.runOnce();
    const client = (await import('./store-client')).createStoreClient({ fetch: store.fetch, baseUrl: FAKE_STORE_URL, token: (await officer.repo.getConnection())!.token });
    await client.updateProfile({ jobTitle: 'Policy officer' });
    const answer = await officer.conversation.saveReply(reply(theirs.id, 'noted'));
    await officer.engine.runOnce();
    expect(await officer.conversation.get(answer.id)).toEqual({ ...answer, creator: { type: 'Person', name: 'Sam', jobTitle: 'Policy officer' } });
    expect(await officer.engine.runOnce()).toMatchObject({ drain: { pushed: 0 } });
  });

  it('carries on when the store has no notice routes (an older store): no error recorded', async () => {
    const store = createFakeStore();
    const fetch: FetchLike = (url, init) =>
      url.includes('/api/me/') ? Promise.resolve({ status: 404, headers: new Headers(), text: async () => '{"error":{"code":"not-found","message":"Nothing here."}}', body: null }) : store.fetch(url, init);
    const me = await connected(store, 'member-code', fetch);
    await me.repo.updateNoticeState((s) => ({ ...s, pendingRead: ['reply:x'], read: ['reply:x'] }));
    expect(await me.engine.runOnce()).toMatchObject({ drain: { outcome: 'done' }, pull: { outcome: 'done' } });
    expect((await me.repo.getSyncState()).lastError).toBeNull();
    expect(me.changes).toContainEqual({ type: 'notices' });
  });

  it('sends reads and follows made here, then takes the store’s (read on another browser)', async () => {
    const store = createFakeStore();
    const me = await connected(store);
    await me.repo.updateNoticeState((s) => ({ ...s, read: ['reply:a'], pendingRead: ['reply:a'], follows: ['https://example.org/policy'], pendingFollows: [{ document: 'https://example.org/policy', following: true }] }));
    await me.engine.runOnce();
    expect(store.requests.filter((q) => q.path.startsWith('/api/me/')).map((q) => [q.method, q.path, q.body])).toEqual([
      ['PUT', '/api/me/follows', { document: 'https://example.org/policy', following: true }],
      ['POST', '/api/me/notices/read', { ids: ['reply:a'] }],
      ['GET', '/api/me/notices', undefined],
    ]);
    expect(await me.repo.getNoticeState()).toMatchObject({ read: ['reply:a'], pendingRead: [], pendingFollows: [], follows: ['https://example.org/policy'], followedAt: { 'https://example.org/policy': expect.any(String) } });
  });
});
