import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { setCurrentLanguage } from '../i18n/current-language';
import { translator } from '../i18n/translate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnnotation, updateAnnotation, draftFromAnnotation, type LeaAnnotation } from '../model';
import { createAnnotationRepo, createSyncRepo, newPullMemo, openLeaDb, type LeaDb, type RemoteChange } from './index';

let db: LeaDb;
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 23, 12, 0, tick++));
const connection = { baseUrl: 'http://store.test', token: 't', group: 'g1', role: 'member' as const, memberId: 'm1', displayName: 'Sam' };

function comment(n: number, text = `comment ${n}`, visibility: 'group' | 'private' = 'group'): LeaAnnotation {
  const result = buildAnnotation({
    id: `urn:uuid:01890a5d-ac96-774b-bcce-${String(n).padStart(12, '0')}`,
    now: clock(),
    draft: { text, themes: [], perspective: 'carer', attribution: 'anonymous', visibility, kind: 'comment' },
    target: { source: 'https://example.org/policy', selectors: [{ type: 'TextQuoteSelector', exact: 'care' }, { type: 'TextPositionSelector', start: 1, end: 5 }] },
    authorName: '',
  });
  if (!result.ok) throw new Error(result.problems.join());
  return result.value;
}

function edited(a: LeaAnnotation, text: string): LeaAnnotation {
  const result = updateAnnotation(a, { ...draftFromAnnotation(a), text }, clock(), '');
  if (!result.ok) throw new Error(result.problems.join());
  return result.value;
}

const remote = (a: LeaAnnotation | null, id: string, revision: string, extra: Partial<RemoteChange> = {}): RemoteChange => ({
  id,
  revision,
  deleted: a === null,
  hidden: null,
  annotation: a,
  ...extra,
});

beforeEach(async () => {
  db = await openLeaDb(`sync-${Math.random()}`);
});
afterEach(() => db.close());

describe('schema v2 migration', () => {
  it('keeps v1 comments and their outbox, and adds the sync stores (and, in v3, the conversation indexes)', async () => {
    const name = `v1-${Math.random()}`;
    const v1 = await openDB(name, 1, {
      upgrade(d) {
        const annotations = d.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('by-document', ['target.source', 'created']);
        annotations.createIndex('by-modified', 'modified');
        d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('by-annotation', 'annotationId');
        d.createObjectStore('meta');
      },
    });
    const old = comment(1);
    await v1.put('annotations', old);
    await v1.add('outbox', { annotationId: old.id, op: 'put', queuedAt: '2026-01-01T00:00:00.000Z' });
    v1.close();

    const upgraded = await openLeaDb(name);
    expect(upgraded.version).toBe(5);
    expect([...upgraded.objectStoreNames].sort()).toEqual(['annotations', 'conflicts', 'meta', 'outbox', 'syncInfo']);
    expect(await createAnnotationRepo(upgraded, clock).get(old.id)).toEqual(old);
    const repo = createSyncRepo(upgraded, clock);
    expect(await repo.takeOutboxBatch(10)).toMatchObject([{ annotationId: old.id, op: 'put', baseRevision: null }]);
    expect(await repo.syncInfoFor([old.id])).toEqual({ [old.id]: { id: old.id, revision: null, author: 'me', hidden: null } });
    upgraded.close();
  });

  it('v4 finds what a facilitator hid among the sync records a v3 browser already holds', async () => {
    const name = `v3-${Math.random()}`;
    const v3 = await openDB(name, 3, {
      upgrade(d) {
        const annotations = d.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('by-document', ['target.source', 'created']);
        annotations.createIndex('by-modified', 'modified');
        annotations.createIndex('by-target', 'target');
        annotations.createIndex('by-on-document', 'onDocument');
        d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('by-annotation', 'annotationId');
        d.createObjectStore('meta');
        d.createObjectStore('syncInfo', { keyPath: 'id' });
        d.createObjectStore('conflicts', { keyPath: 'id' });
      },
    });
    for (let n = 1; n <= 50; n++) await v3.put('syncInfo', { id: comment(n).id, revision: '1', author: 'other', hidden: n % 20 === 0 ? { reason: `Names a person (${n})` } : null });
    v3.close();

    const upgraded = await openLeaDb(name);
    expect(upgraded.version).toBe(5);
    expect(await createSyncRepo(upgraded, clock).listHidden()).toEqual({
      [comment(20).id]: { reason: 'Names a person (20)' },
      [comment(40).id]: { reason: 'Names a person (40)' },
    });
    upgraded.close();
  });
});

describe('outbox for sync', () => {
  it('collapses edit, edit, delete to one delete, keeping each annotation in first-queued order', async () => {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    const a = await local.save(comment(1));
    const b = await local.save(comment(2));
    await local.save(edited(a, 'second thoughts'));
    await local.save(edited(a, 'third thoughts'));
    await local.remove(a.id);
    const batch = await repo.takeOutboxBatch(10);
    expect(batch.map((i) => [i.annotationId, i.op, i.entries])).toEqual([
      [a.id, 'delete', 4],
      [b.id, 'put', 1],
    ]);
    expect(await repo.takeOutboxBatch(1)).toHaveLength(1);
  });

  it('acknowledges only what was sent: an edit made during the push stays queued, based on the new revision', async () => {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    const a = await local.save(comment(1));
    const [item] = await repo.takeOutboxBatch(10);
    await local.save(edited(a, 'typed while sending'));
    await repo.ackOutbox(item!.seq, 'r1');
    const [next] = await repo.takeOutboxBatch(10);
    expect(next).toMatchObject({ annotationId: a.id, op: 'put', baseRevision: 'r1', entries: 1 });
    expect((await repo.syncStatus()).waiting).toBe(1);
  });

  it('parks a refused change with its reason, skips it, and can put it back', async () => {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    await local.save(comment(1));
    const b = await local.save(comment(2));
    const [first] = await repo.takeOutboxBatch(10);
    await repo.parkOutbox(first!.seq, 'Too long.');
    expect((await repo.takeOutboxBatch(10)).map((i) => i.annotationId)).toEqual([b.id]);
    expect(await repo.syncStatus()).toMatchObject({ waiting: 1, refused: [{ id: first!.annotationId, message: 'Too long.', damaged: false, quote: 'care', text: 'comment 1' }] });
    expect(await repo.retryParked()).toBe(1);
    expect(await repo.takeOutboxBatch(10)).toHaveLength(2);
  });

  it("says a refusal the store sent as catalogue messages in the reader's language of the moment", async () => {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    await local.save(comment(1));
    await local.save(comment(2));
    const [first, second] = await repo.takeOutboxBatch(10);
    const messages = [{ key: 'server.limitRange' as const, params: { max: 500 } }];
    await repo.parkOutbox(first!.seq, 'In English as it arrived.', { messages });
    // Stored messages are read back as untrusted: an unknown key falls back to the words.
    await repo.parkOutbox(second!.seq, 'Kept as it arrived.', { messages: [{ key: 'server.noSuchKey' as never }] });
    try {
      setCurrentLanguage('cy');
      expect((await repo.syncStatus()).refused.map((r) => r.message)).toEqual(['Rhaid i "limit" fod yn rhif cyfan o 1 i 500.', 'Kept as it arrived.']);
      setCurrentLanguage('en-GB');
      expect((await repo.syncStatus()).refused[0]!.message).toBe(translator('en-GB').tr(messages[0]!));
    } finally {
      setCurrentLanguage('en-GB');
    }
  });
});

describe('remote changes', () => {
  it('writes another member’s comment without an outbox entry, then removes it on a tombstone', async () => {
    const repo = createSyncRepo(db, clock);
    const theirs = comment(9, 'from Alex');
    expect(await repo.applyRemoteChange(remote(theirs, theirs.id, 'r5'))).toBe(true);
    expect(await createAnnotationRepo(db, clock).get(theirs.id)).toEqual(theirs);
    expect(await repo.takeOutboxBatch(10)).toEqual([]);
    expect((await repo.syncInfoFor([theirs.id]))[theirs.id]).toMatchObject({ author: 'other', revision: 'r5' });
    expect(await repo.applyRemoteChange(remote(theirs, theirs.id, 'r5'))).toBe(false);
    expect(await repo.applyRemoteChange(remote(null, theirs.id, 'r6'))).toBe(true);
    expect(await createAnnotationRepo(db, clock).get(theirs.id)).toBeNull();
  });

  it('removes a comment a facilitator hid, and keeps the reason when the text still comes (facilitators)', async () => {
    const repo = createSyncRepo(db, clock);
    const a = comment(3);
    await repo.applyRemoteChange(remote(a, a.id, 'r1'));
    await repo.applyRemoteChange(remote(a, a.id, 'r2', { hidden: { reason: 'Personal details' } }));
    expect((await repo.syncInfoFor([a.id]))[a.id]!.hidden).toEqual({ reason: 'Personal details' });
    await repo.applyRemoteChange(remote(null, a.id, 'r2', { hidden: { reason: 'Personal details' } }));
    expect(await db.get('annotations', a.id)).toBeUndefined();
  });

  it('keeps its author’s own comment when a facilitator hides it, marked with the reason, until it is unhidden', async () => {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    const mine = await local.save(comment(6, 'my story'));
    await repo.ackOutbox((await repo.takeOutboxBatch(1))[0]!.seq, 'r1');
    // What the store sends a member who is not a facilitator: hidden, with no text.
    const hidden = remote(null, mine.id, 'r2', { deleted: false, hidden: { reason: 'Names a staff member' } });
    expect(await repo.applyRemoteChange(hidden)).toBe(true);
    expect(await local.get(mine.id)).toEqual(mine);
    expect((await repo.syncInfoFor([mine.id]))[mine.id]).toEqual({
      id: mine.id,
      revision: 'r2',
      author: 'me',
      hidden: { reason: 'Names a staff member' },
      // v3: the hide is remembered at its revision, for the notice "hidden:<uuid>:r2".
      moderation: [{ action: 'hidden', revision: 'r2', reason: 'Names a staff member', at: expect.any(String) }],
    });
    expect(await repo.applyRemoteChange(hidden)).toBe(false);
    expect(await repo.takeOutboxBatch(10)).toEqual([]);

    expect(await repo.applyRemoteChange(remote(mine, mine.id, 'r3'))).toBe(true);
    expect(await local.get(mine.id)).toEqual(mine);
    expect((await repo.syncInfoFor([mine.id]))[mine.id]).toMatchObject({ revision: 'r3', author: 'me', hidden: null });
  });

  it('removes another member’s comment a facilitator hid, and the author’s when it is then deleted', async () => {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    const theirs = comment(7, 'their story');
    await repo.applyRemoteChange(remote(theirs, theirs.id, 'r1'));
    expect(await repo.applyRemoteChange(remote(null, theirs.id, 'r2', { deleted: false, hidden: { reason: 'Personal details' } }))).toBe(true);
    expect(await local.get(theirs.id)).toBeNull();

    const mine = await local.save(comment(8, 'my story'));
    await repo.ackOutbox((await repo.takeOutboxBatch(1))[0]!.seq, 'r1');
    await repo.applyRemoteChange(remote(null, mine.id, 'r2', { deleted: false, hidden: { reason: 'Personal details' } }));
    expect(await repo.applyRemoteChange(remote(null, mine.id, 'r3'))).toBe(true);
    expect(await local.get(mine.id)).toBeNull();
  });

  it('notes a hide on a comment whose edit is still waiting to be sent, and keeps the edit', async () => {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    const mine = await local.save(comment(9, 'first words'));
    await repo.ackOutbox((await repo.takeOutboxBatch(1))[0]!.seq, 'r1');
    const edit = await local.save(edited(mine, 'second words'));
    expect(await repo.applyRemoteChange(remote(null, mine.id, 'r2', { deleted: false, hidden: { reason: 'Off topic' } }))).toBe(true);
    expect(await local.get(mine.id)).toEqual(edit);
    expect((await repo.syncInfoFor([mine.id]))[mine.id]).toMatchObject({ revision: 'r1', hidden: { reason: 'Off topic' } });
    expect(await repo.takeOutboxBatch(10)).toHaveLength(1);
  });

  it('never overwrites a local change that is still waiting to be sent', async () => {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    const mine = await local.save(comment(1, 'my unsent words'));
    expect(await repo.applyRemoteChange(remote(comment(1, 'older words'), mine.id, 'r9'))).toBe(false);
    expect(await local.get(mine.id)).toEqual(mine);
  });

  it('ignores annotations it cannot show (other tools, mismatched ids)', async () => {
    const repo = createSyncRepo(db, clock);
    const foreign = { id: 'urn:uuid:01890a5d-ac96-774b-bcce-000000000077', type: 'Annotation', target: 'http://example.org/a', body: 'hi' };
    expect(await repo.applyRemoteChange(remote(null, foreign.id, 'r1', { deleted: false, annotation: foreign }))).toBe(false);
    const a = comment(4);
    expect(await repo.applyRemoteChange(remote(a, 'urn:uuid:01890a5d-ac96-774b-bcce-000000000078', 'r1'))).toBe(false);
    expect(await db.count('annotations')).toBe(0);
  });

  it('saves the cursor in the same transaction as the page', async () => {
    const repo = createSyncRepo(db, clock);
    await repo.setConnection(connection);
    const a = comment(5);
    await repo.applyRemoteChanges([remote(a, a.id, 'r1')], '0000000001');
    expect(await repo.getCursor()).toBe('0000000001');
  });
});

describe('sync facts for many ids', () => {
  it('answers the same whether it reads a few of many records one by one or most of them at once', async () => {
    const repo = createSyncRepo(db, clock);
    await repo.setConnection(connection);
    const all = Array.from({ length: 1200 }, (_, i) => comment(1000 + i));
    await repo.applyRemoteChanges(all.map((a, i) => remote(a, a.id, `r${i}`, i % 3 === 0 ? { mine: true } : {})), '1');
    const missing = 'urn:uuid:01890a5d-ac96-774b-bcce-0000000fffff';
    const some = [...all.slice(0, 250).map((a) => a.id), missing];
    const most = [...all.map((a) => a.id), missing];
    for (const ids of [some, most]) {
      const info = await repo.syncInfoFor(ids);
      expect(Object.keys(info)).toHaveLength(ids.length);
      expect(info[all[0]!.id]).toMatchObject({ revision: 'r0', author: 'me' });
      expect(info[all[1]!.id]).toMatchObject({ revision: 'r1', author: 'other' });
      expect(info[missing]).toEqual({ id: missing, revision: null, author: 'me', hidden: null });
    }
  });
});

describe("a fresh client's initial sync (no reads for ids it never held)", () => {
  it('ends with what the store has when an id comes back on a later page: edited, deleted, hidden, mine', async () => {
    const repo = createSyncRepo(db, clock);
    await repo.setConnection(connection);
    const [a, b, c, d] = [comment(11), comment(12), comment(13), comment(14)];
    const memo = newPullMemo();
    await repo.applyRemoteChanges([remote(a, a.id, 'r1'), remote(b, b.id, 'r1'), remote(c, c.id, 'r1', { mine: true })], '1', memo);
    expect(memo.fresh).toBe(true);
    const b2 = edited(b, 'b edited');
    await repo.applyRemoteChanges(
      [remote(null, a.id, 'r2'), remote(b2, b.id, 'r2'), remote(null, c.id, 'r2', { deleted: false, hidden: { reason: 'Names a nurse' } }), remote(null, d.id, 'r9'), remote(d, 'urn:uuid:01890a5d-ac96-774b-bcce-000000000099', 'r1')],
      '2',
      memo,
    );
    const local = createAnnotationRepo(db, clock);
    expect(await local.get(a.id)).toBeNull();
    expect(JSON.stringify(await local.get(b.id))).toContain('b edited');
    // My own comment, hidden on a later page: kept for me, marked, and the hiding noted.
    expect(await local.get(c.id)).toBeDefined();
    const info = (await repo.syncInfoFor([c.id]))[c.id]!;
    expect(info).toMatchObject({ author: 'me', hidden: { reason: 'Names a nurse' } });
    expect(info.moderation?.[0]).toMatchObject({ action: 'hidden', reason: 'Names a nurse' });
    // A tombstone for an id never held writes nothing.
    expect(await db.count('syncInfo')).toBe(2);
    expect(await db.count('annotations')).toBe(2);
  });

  it('reads as usual for a client that held something when the pull began', async () => {
    const repo = createSyncRepo(db, clock);
    await repo.setConnection(connection);
    const a = comment(21);
    await repo.applyRemoteChanges([remote(a, a.id, 'r1', { mine: true })], '1');
    const memo = newPullMemo();
    await repo.applyRemoteChanges([remote(null, a.id, 'r2', { deleted: false, hidden: { reason: 'Off topic' } })], '2', memo);
    expect(memo.fresh).toBe(false);
    expect((await repo.syncInfoFor([a.id]))[a.id]).toMatchObject({ author: 'me', hidden: { reason: 'Off topic' } });
    expect(await createAnnotationRepo(db, clock).get(a.id)).toBeDefined();
  });
});

describe('conflicts', () => {
  async function conflicted() {
    const local = createAnnotationRepo(db, clock);
    const repo = createSyncRepo(db, clock);
    const original = await local.save(comment(1, 'original'));
    await repo.ackOutbox((await repo.takeOutboxBatch(1))[0]!.seq, 'r1');
    const mine = await local.save(edited(original, 'my edit'));
    const theirs = edited(original, 'their edit');
    await repo.recordConflict({ seq: (await repo.takeOutboxBatch(1))[0]!.seq, theirs, theirsRevision: 'r2' });
    return { local, repo, mine, theirs };
  }

  it('keeps both versions, out of the queue, until the author chooses', async () => {
    const { local, repo, mine, theirs } = await conflicted();
    expect(await repo.listConflicts()).toEqual([{ id: mine.id, mine, theirs, theirsRevision: 'r2', detectedAt: expect.any(String) }]);
    expect(await local.get(mine.id)).toEqual(mine);
    expect(await repo.takeOutboxBatch(10)).toEqual([]);
    expect((await repo.syncStatus()).conflicts).toBe(1);
    // A newer store version while the author decides refreshes "theirs" and leaves the local copy alone.
    const newer = edited(theirs, 'their second edit');
    await repo.applyRemoteChange(remote(newer, mine.id, 'r3'));
    expect((await repo.listConflicts())[0]).toMatchObject({ theirs: newer, theirsRevision: 'r3' });
    expect(await local.get(mine.id)).toEqual(mine);
  });

  it('"mine" queues the local version against the store’s revision', async () => {
    const { repo, mine } = await conflicted();
    expect(await repo.resolveConflict(mine.id, 'mine')).toEqual(mine);
    expect(await repo.takeOutboxBatch(10)).toMatchObject([{ annotationId: mine.id, op: 'put', baseRevision: 'r2', annotation: mine }]);
    expect(await repo.listConflicts()).toEqual([]);
  });

  it('"theirs" replaces the local copy and sends nothing', async () => {
    const { local, repo, mine, theirs } = await conflicted();
    expect(await repo.resolveConflict(mine.id, 'theirs')).toEqual(theirs);
    expect(await local.get(mine.id)).toEqual(theirs);
    expect(await repo.takeOutboxBatch(10)).toEqual([]);
    expect((await repo.syncInfoFor([mine.id]))[mine.id]!.revision).toBe('r2');
    await expect(repo.resolveConflict(mine.id, 'theirs')).rejects.toThrow(/already been made/);
  });
});

describe('connection and status', () => {
  it('keeps the cursor for the same group, and starts the feed again for another', async () => {
    const repo = createSyncRepo(db, clock);
    await repo.setConnection(connection);
    await repo.applyRemoteChanges([], '0000000042');
    await repo.patchSyncState({ failures: 3, lastError: { kind: 'revoked', message: 'x', at: clock().toISOString() } });
    await repo.setConnection({ ...connection, token: 'new-token' });
    expect(await repo.getCursor()).toBe('0000000042');
    expect((await repo.getSyncState()).lastError).toBeNull();
    await repo.setConnection({ ...connection, group: 'g2' });
    expect(await repo.getCursor()).toBeNull();
  });

  it('reports the connection without its token', async () => {
    const repo = createSyncRepo(db, clock);
    expect((await repo.syncStatus()).connection).toBeNull();
    await repo.setConnection(connection);
    const status = await repo.syncStatus();
    expect(status.connection).toEqual({ baseUrl: 'http://store.test', group: 'g1', role: 'member', memberId: 'm1', displayName: 'Sam' });
    expect(JSON.stringify(status)).not.toContain('"t"');
    await expect(repo.setConnection({ ...connection, baseUrl: 'nowhere' })).rejects.toThrow(/not a valid web address/);
  });
});
