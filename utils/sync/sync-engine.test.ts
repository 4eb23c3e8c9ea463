import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LeaDb } from '../store';
import type { LeaAnnotation } from '../model';
import { describeSyncState } from './describe-sync-state';
import { FAKE_STORE_URL, createFakeStore, createFakeTime, makeComment, openComputer, otherMember, withText } from '../../tests/support/sync-harness';
import type { FetchLike } from './http';
import { createStoreClient } from './store-client';
import type { SyncEngine } from './sync-engine';

const open: LeaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function connected(options: Parameters<typeof openComputer>[0] = { store: createFakeStore() }) {
  const computer = await openComputer(options);
  open.push(computer.db);
  await computer.engine.connect({ baseUrl: FAKE_STORE_URL, code: 'member-code', displayName: 'Sam' });
  return { ...computer, store: options.store };
}

/** The same member writing from a second device with the same connection. */
async function sameMemberElsewhere(c: Awaited<ReturnType<typeof connected>>) {
  const { token } = (await c.repo.getConnection())!;
  return createStoreClient({ fetch: c.store.fetch, baseUrl: FAKE_STORE_URL, token });
}

const statusLine = async (c: { engine: SyncEngine; clock: () => Date }) => describeSyncState(await c.engine.status(), c.clock()).sentence;
const puts = (store: ReturnType<typeof createFakeStore>) => store.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE');

describe('sync engine', () => {
  it('sends new comments, then pulls other members’ comments without queueing them', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const alex = await otherMember(store);
    const mine = await me.local.save(makeComment('my view'));
    const theirs = makeComment('their view');
    await alex.client.putAnnotation('g1', theirs, { create: true });

    expect(await me.engine.runOnce()).toMatchObject({ drain: { outcome: 'done', pushed: 1 }, pull: { outcome: 'done' } });
    expect(store.stored(mine.id)).toEqual(mine);
    expect(await me.local.get(theirs.id)).toEqual(theirs);
    expect(await me.repo.syncInfoFor([mine.id, theirs.id])).toMatchObject({ [mine.id]: { author: 'me' }, [theirs.id]: { author: 'other' } });
    expect(await me.repo.takeOutboxBatch(10)).toEqual([]);
    expect(me.changes).toContainEqual({ type: 'annotations', ids: [theirs.id] });
    expect(await statusLine(me)).toBe('All saved');
  });

  it('pulls from the beginning again when the store refuses the saved cursor (an upgraded store), losing and doubling nothing', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const alex = await otherMember(store);
    const first = makeComment('first view');
    await alex.client.putAnnotation('g1', first, { create: true });
    await me.engine.runOnce();
    expect(await me.repo.getCursor()).not.toBeNull();

    store.changeCursorFormat();
    const second = makeComment('second view');
    await alex.client.putAnnotation('g1', second, { create: true });
    expect(await me.engine.runOnce()).toMatchObject({ pull: { outcome: 'done' } });
    expect(await me.local.get(first.id)).toEqual(first);
    expect(await me.local.get(second.id)).toEqual(second);
    expect(await me.repo.getCursor()).toMatch(/^v2:/);
    expect(await statusLine(me)).toBe('All saved');
  });

  it('backs up "only me" comments to the store too (the store shows them to no one else)', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const secret = await me.local.save(makeComment('just for me', 'private'));
    await me.engine.runOnce();
    expect(store.stored(secret.id)).toEqual(secret);
    const alex = await otherMember(store);
    expect((await alex.client.changes('g1')).changes.map((c) => c.id)).not.toContain(secret.id);
  });

  it('collapses several queued changes to one request per comment', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const a = await me.local.save(makeComment('first'));
    await me.local.save(withText(a, 'second'));
    const latest = await me.local.save(withText(withText(a, 'second'), 'third'));
    const b = await me.local.save(makeComment('never sent'));
    await me.local.save(withText(b, 'changed'));
    await me.local.remove(b.id);
    await me.engine.runOnce();
    expect(puts(store).map((r) => [r.method, r.path.split('/').at(-1)])).toEqual([
      ['PUT', a.id.slice(9)],
      ['DELETE', b.id.slice(9)],
    ]);
    expect(store.stored(a.id)).toEqual(latest);

    await me.local.save(withText(latest, 'fourth'));
    await me.local.remove(a.id);
    await me.engine.runOnce();
    expect(puts(store).slice(2).map((r) => [r.method, r.headers['if-match']])).toEqual([['DELETE', expect.stringMatching(/^"r\d+"$/)]]);
    expect(store.stored(a.id)).toBeNull();
    expect(await statusLine(me)).toBe('All saved');
  });

  it('backs off exponentially with full jitter (base 1 s, cap 5 min) while offline', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    await me.local.save(makeComment('written on a train'));
    store.failNext(...Array.from({ length: 11 }, () => ({ offline: true as const })));
    await me.engine.runOnce();
    // random() = 0.5: half of 1 s, 2 s, 4 s ... until the 5-minute cap.
    expect(me.time.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 150000, 150000]);
    expect(await statusLine(me)).toBe('All saved');
  });

  it('waits as long as the store asks when it is busy (429 Retry-After)', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    await me.local.save(makeComment('busy'));
    store.failNext({ status: 429, code: 'rate-limited', headers: { 'Retry-After': '30' } });
    await me.engine.runOnce();
    expect(me.time.sleeps).toEqual([30000]);
  });

  it('leaves long waits to the next run, and a restarted worker keeps to them', async () => {
    const store = createFakeStore();
    const fakeTime = createFakeTime();
    const name = `restart-${Math.random()}`;
    const me = await connected({ store, name, fakeTime, engine: { maxWaitMs: 5000 } });
    await me.local.save(makeComment('offline for days'));
    store.failNext(...Array.from({ length: 6 }, () => ({ offline: true as const })));
    expect((await me.engine.runOnce()).drain.outcome).toBe('waiting');
    expect(fakeTime.time.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(await statusLine(me)).toBe('1 comment waiting to send (offline)');
    me.db.close();

    // The service worker was stopped; an alarm starts a new one on the same database.
    const again = await openComputer({ store, name, fakeTime, engine: { maxWaitMs: 5000 } });
    open.push(again.db);
    const before = store.requests.length;
    expect((await again.engine.runOnce()).drain.outcome).toBe('waiting');
    expect(store.requests.length).toBe(before);
    fakeTime.time.now += 8000;
    expect((await again.engine.runOnce()).drain.outcome).toBe('waiting'); // the sixth failure
    fakeTime.time.now += 2 * 60 * 1000;
    expect(await statusLine(again)).toBe('1 comment waiting to send (offline)');
    expect((await again.engine.runOnce({ ignoreBackoff: true })).drain).toMatchObject({ outcome: 'done', pushed: 1 });
    expect(await statusLine(again)).toBe('All saved');
  });

  it('says when the store cannot be reached and when it last tried', async () => {
    const store = createFakeStore();
    const me = await connected({ store, engine: { maxWaitMs: 0 } });
    store.failNext({ status: 503 });
    expect((await me.engine.runOnce()).pull?.outcome).toBe('waiting');
    me.time.now += 2 * 60 * 1000 + 5000;
    expect(await statusLine(me)).toBe("Can't reach the group store: last tried 2 minutes ago");
  });

  it('resumes the change feed from the saved cursor after a restart, missing and repeating nothing', async () => {
    const store = createFakeStore();
    const alex = await otherMember(store);
    const written = [];
    for (let i = 0; i < 5; i++) {
      const a = makeComment(`page test ${i}`);
      written.push(a);
      await alex.client.putAnnotation('g1', a, { create: true });
    }
    const name = `resume-${Math.random()}`;
    let feedCalls = 0;
    const flaky: FetchLike = async (url, init) => {
      if (url.includes('/changes') && ++feedCalls === 3) throw new TypeError('Failed to fetch');
      return store.fetch(url, init);
    };
    const first = await connected({ store, name, fetch: flaky, engine: { pageSize: 2, maxWaitMs: 0 } });
    expect((await first.engine.runOnce()).pull).toMatchObject({ outcome: 'waiting', pages: 2 });
    const cursor = await first.repo.getCursor();
    first.db.close();

    const second = await openComputer({ store, name, engine: { pageSize: 2 } });
    open.push(second.db);
    const before = store.requests.length;
    await second.engine.runOnce({ ignoreBackoff: true });
    expect(store.requests[before]!.path).toBe(`/api/groups/g1/changes?after=${cursor}&limit=2`);
    const local = await second.local.listForDocument(['https://example.org/policy']);
    expect(local.annotations.map((a) => a.id)).toEqual(written.map((a) => a.id));
  });

  it('announces a long pull once, with every id, not once per page (each announcement repaints and recounts)', async () => {
    const store = createFakeStore();
    const alex = await otherMember(store);
    const written: LeaAnnotation[] = [];
    for (let i = 0; i < 5; i++) {
      const a = makeComment(`announce test ${i}`);
      written.push(a);
      await alex.client.putAnnotation('g1', a, { create: true });
    }
    const me = await connected({ store, engine: { pageSize: 2 } });
    me.changes.length = 0;
    expect((await me.engine.runOnce()).pull).toMatchObject({ outcome: 'done', pages: 3 });
    const announced = me.changes.filter((c) => c.type === 'annotations');
    expect(announced).toEqual([{ type: 'annotations', ids: written.map((a) => a.id) }]);
  });

  it('keeps both versions when the store refuses a stale edit, and lets the author choose', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const original = await me.local.save(makeComment('original'));
    await me.engine.runOnce();
    const elsewhere = await sameMemberElsewhere(me);
    const revision = (await me.repo.syncInfoFor([original.id]))[original.id]!.revision!;
    const theirs = withText(original, 'changed on the laptop');
    await elsewhere.putAnnotation('g1', theirs, { ifMatch: revision });
    const mine = await me.local.save(withText(original, 'changed on the desktop'));

    expect((await me.engine.runOnce()).drain).toMatchObject({ outcome: 'done', conflicts: 1 });
    expect(await me.repo.listConflicts()).toMatchObject([{ id: original.id, mine, theirs }]);
    expect(await me.local.get(original.id)).toEqual(mine);
    expect(await statusLine(me)).toBe('1 comment has two versions: choose which to keep');

    await me.repo.resolveConflict(original.id, 'mine');
    await me.engine.runOnce();
    expect(store.stored(original.id)).toEqual(mine);
    expect(await me.local.get(original.id)).toEqual(mine);
    expect(await statusLine(me)).toBe('All saved');
  });

  it('replaces the local copy when the author keeps the other version', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const original = await me.local.save(makeComment('original'));
    await me.engine.runOnce();
    const elsewhere = await sameMemberElsewhere(me);
    const revision = (await me.repo.syncInfoFor([original.id]))[original.id]!.revision!;
    const theirs = withText(original, 'changed on the laptop');
    await elsewhere.putAnnotation('g1', theirs, { ifMatch: revision });
    await me.local.save(withText(original, 'changed on the desktop'));
    await me.engine.runOnce();
    await me.repo.resolveConflict(original.id, 'theirs');
    const before = puts(store).length;
    await me.engine.runOnce();
    expect(puts(store).length).toBe(before);
    expect(await me.local.get(original.id)).toEqual(theirs);
  });

  it('brings back a comment deleted by mistake (undo after the delete was sent)', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const a = await me.local.save(makeComment('oops'));
    await me.engine.runOnce();
    await me.local.remove(a.id);
    await me.engine.runOnce();
    expect(store.stored(a.id)).toBeNull();
    await me.local.save(a);
    await me.engine.runOnce();
    expect(store.stored(a.id)).toEqual(a);
    expect(await me.repo.listConflicts()).toEqual([]);
  });

  it('stops when the invite is withdrawn, says so, and starts again after a new invite', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    await me.local.save(makeComment('after removal'));
    store.revoke('m1');
    expect((await me.engine.runOnce()).drain.outcome).toBe('blocked');
    expect(await statusLine(me)).toBe('Your invite has been withdrawn: ask your facilitator for a new one');
    const before = store.requests.length;
    expect((await me.engine.runOnce()).drain.outcome).toBe('blocked');
    expect(store.requests.length).toBe(before);

    await me.engine.connect({ baseUrl: FAKE_STORE_URL, code: 'member-code', displayName: 'Sam' });
    expect((await me.engine.runOnce()).drain).toMatchObject({ outcome: 'done', pushed: 1 });
  });

  it('says plainly at the next sync that a facilitator changed the role, and keeps the new role', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    await me.engine.runOnce();
    expect(await statusLine(me)).toBe('All saved');
    store.setRole('m1', 'reader');
    await me.engine.runOnce();
    const connection = await me.repo.getConnection();
    expect(connection).toMatchObject({ role: 'reader', roleChange: { from: 'member' } });
    expect(await statusLine(me)).toBe('All saved. Your role in the group is now a reader (you can read and export comments)');
    expect((await me.engine.status()).lastSuccessAt).not.toBeNull();
    // The same role at the next runs: nothing more is written.
    await me.engine.runOnce();
    expect((await me.repo.getConnection())!.roleChange).toEqual(connection!.roleChange);
  });

  it('parks a comment the store turns down, with its reason, and sends the rest', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    await me.local.save(makeComment('refused'));
    const fine = await me.local.save(makeComment('fine'));
    store.failNext({ status: 400, code: 'invalid-body', message: 'The comment has an unknown field.' });
    expect((await me.engine.runOnce()).drain).toMatchObject({ outcome: 'done', pushed: 1, parked: 1 });
    expect(store.stored(fine.id)).toEqual(fine);
    expect(await statusLine(me)).toBe('The group store refused one comment: The comment has an unknown field. It is kept on this computer.');
    await me.repo.retryParked();
    await me.engine.runOnce();
    expect(await statusLine(me)).toBe('All saved');
  });

  const REFUSALS = [
    { status: 400, code: 'invalid-body', message: 'The comment has an unknown field: "colour".' },
    { status: 403, code: 'forbidden', message: 'Only the author can change a comment.' },
    { status: 413, code: 'body-too-large', message: 'The request is larger than 256 KB.' },
  ];
  it.each(REFUSALS)('sends the other comments when the store refuses the middle one of three ($status $code)', async (refusal) => {
    const store = createFakeStore();
    const me = await connected({ store });
    const first = await me.local.save(makeComment('first'));
    const middle = await me.local.save(makeComment('refused'));
    const last = await me.local.save(makeComment('last'));
    store.refuse(middle.id, refusal);

    expect((await me.engine.runOnce()).drain).toMatchObject({ outcome: 'done', pushed: 2, parked: 1 });
    expect(store.stored(first.id)).toEqual(first);
    expect(store.stored(last.id)).toEqual(last);
    expect(store.stored(middle.id)).toBeNull();
    // Kept on this computer, still queued, and named in the status so the person can find it.
    expect(await me.local.get(middle.id)).toEqual(middle);
    expect((await me.local.pendingOutbox()).map((e) => e.annotationId)).toEqual([middle.id]);
    const status = await me.engine.status();
    expect(status.refused).toEqual([{ id: middle.id, message: refusal.message, damaged: false, quote: 'care', text: 'refused', kind: 'comment' }]);
    expect(describeSyncState(status, me.clock())).toMatchObject({
      sentence: `The group store refused one comment: ${refusal.message.replace(/\.$/, '')}. It is kept on this computer.`,
      needsAttention: true,
    });
    // A later run neither resends it nor holds anything else up.
    const next = await me.local.save(makeComment('next'));
    expect((await me.engine.runOnce()).drain).toMatchObject({ outcome: 'done', pushed: 1, parked: 0 });
    expect(store.stored(next.id)).toEqual(next);
    expect(puts(store).filter((r) => r.path.endsWith(middle.id.slice(9)))).toHaveLength(1);
  });

  it.each([
    { name: 'a 503', fault: { status: 503, code: 'unavailable' } },
    { name: 'a 429', fault: { status: 429, code: 'rate-limited', headers: { 'Retry-After': '2' } } },
    { name: 'a dropped connection', fault: { offline: true as const } },
  ])('backs off and retries after $name, parking nothing, then sends all three comments', async ({ fault }) => {
    const store = createFakeStore();
    const me = await connected({ store });
    const comments = [await me.local.save(makeComment('one')), await me.local.save(makeComment('two')), await me.local.save(makeComment('three'))];
    store.failNext(fault);
    expect((await me.engine.runOnce()).drain).toMatchObject({ outcome: 'done', pushed: 3, parked: 0 });
    expect(me.time.sleeps).toHaveLength(1);
    for (const c of comments) expect(store.stored(c.id)).toEqual(c);
    expect((await me.engine.status()).refused).toEqual([]);
    expect(await statusLine(me)).toBe('All saved');
  });

  it('sends a facilitator’s comments (facilitators write too)', async () => {
    const store = createFakeStore();
    const computer = await openComputer({ store });
    open.push(computer.db);
    await computer.engine.connect({ baseUrl: FAKE_STORE_URL, code: 'facilitator-code', displayName: 'Fran' });
    const mine = await computer.local.save(makeComment('from my own experience'));
    expect((await computer.engine.runOnce()).drain).toMatchObject({ outcome: 'done', pushed: 1, parked: 0 });
    expect(store.stored(mine.id)).toEqual(mine);
  });

  it('removes another member’s comment a facilitator hid', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const alex = await otherMember(store);
    const theirs = makeComment('names a person');
    await alex.client.putAnnotation('g1', theirs, { create: true });
    await me.engine.runOnce();
    store.hide(theirs.id, 'Personal details');
    await me.engine.runOnce();
    expect(await me.local.get(theirs.id)).toBeNull();
  });

  it('keeps a comment a facilitator hid on its author’s computer, marked with the reason, until it is unhidden', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const other = await connected({ store, name: `other-${Math.random()}` });
    const mine = await me.local.save(makeComment('names a person'));
    await me.engine.runOnce();
    await other.engine.runOnce();
    expect(await other.local.get(mine.id)).toEqual(mine);

    store.hide(mine.id, 'Personal details');
    await me.engine.runOnce();
    await other.engine.runOnce();
    expect(await me.local.get(mine.id)).toEqual(mine);
    expect(await me.repo.listHidden()).toEqual({ [mine.id]: { reason: 'Personal details' } });
    expect(me.changes).toContainEqual({ type: 'annotations', ids: [mine.id] });
    expect(await other.local.get(mine.id)).toBeNull();
    expect(await statusLine(me)).toBe('All saved');

    store.unhide(mine.id);
    await me.engine.runOnce();
    await other.engine.runOnce();
    expect(await me.repo.listHidden()).toEqual({});
    expect(await me.local.get(mine.id)).toEqual(mine);
    expect(await other.local.get(mine.id)).toEqual(mine);
  });

  it('does nothing and says so when not connected', async () => {
    const computer = await openComputer({ store: createFakeStore() });
    open.push(computer.db);
    await computer.local.save(makeComment('kept here'));
    expect((await computer.engine.runOnce()).drain.outcome).toBe('not-connected');
    expect(describeSyncState(await computer.engine.status(), computer.clock()).sentence).toBe(
      'Not connected to a group: comments are kept on this computer only',
    );
  });

  it('explains a withdrawn invite code when joining', async () => {
    const computer = await openComputer({ store: createFakeStore() });
    open.push(computer.db);
    await expect(computer.engine.connect({ baseUrl: FAKE_STORE_URL, code: 'old-code', displayName: 'Sam' })).rejects.toThrow(
      /invite code isn't valid/,
    );
    expect(await computer.repo.getConnection()).toBeNull();
  });

  it('follows the live stream: pulls on each change and reconnects with Last-Event-ID', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    const alex = await otherMember(store);
    await alex.client.putAnnotation('g1', makeComment('before going live'), { create: true });
    await me.engine.runOnce();
    const controller = new AbortController();
    const following = me.engine.live(controller.signal);
    await vi.waitFor(() => expect(store.openStreams()).toBe(1));
    const firstConnect = store.requests.filter((r) => r.path.endsWith('/stream')).at(-1)!;
    expect(firstConnect.headers['last-event-id']).toBe(await me.repo.getCursor());

    const first = makeComment('live one');
    await alex.client.putAnnotation('g1', first, { create: true });
    await vi.waitFor(async () => expect(await me.local.get(first.id)).toEqual(first));

    store.dropStreams();
    await vi.waitFor(() => expect(store.openStreams()).toBe(1));
    const reconnect = store.requests.filter((r) => r.path.endsWith('/stream')).at(-1)!;
    expect(reconnect.headers['last-event-id']).toBe(await me.repo.getCursor());

    const second = makeComment('live two');
    await alex.client.putAnnotation('g1', second, { create: true });
    await vi.waitFor(async () => expect(await me.local.get(second.id)).toEqual(second));

    controller.abort();
    expect(await following).toBe('aborted');
    expect(store.openStreams()).toBe(0);
  });

  it('stops following the stream when the invite is withdrawn', async () => {
    const store = createFakeStore();
    const me = await connected({ store });
    store.revoke('m1');
    expect(await me.engine.live(new AbortController().signal)).toBe('blocked');
    expect(await statusLine(me)).toBe('Your invite has been withdrawn: ask your facilitator for a new one');
  });
});
