import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentFixture } from '../conversation/conversation-fixtures';
import { buildReply, buildSupport, type LeaReply, type LeaSupport } from '../model';
import { createAnnotationRepo, createConversationRepo, createSyncRepo, openLeaDb, type LeaDb, type RemoteChange } from './index';

let db: LeaDb;
const clock = () => new Date('2026-11-23T12:00:00Z');
const DOC = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
const id = (n: number) => `urn:uuid:01890a5d-ac96-774b-bcce-${String(n).padStart(12, '0')}`;

function reply(n: number, parent: string, options: { onDocument?: string; minute?: number } = {}): LeaReply {
  const built = buildReply({
    id: id(n),
    now: new Date(Date.UTC(2026, 10, 2, 10, options.minute ?? n)),
    parentId: parent,
    draft: { text: `reply ${n}`, answer: null, attribution: 'anonymous' },
    authorName: '',
    ...(options.onDocument ? { onDocument: options.onDocument } : {}),
  });
  if (!built.ok) throw new Error(built.problems.join());
  return built.value;
}
function support(n: number, target: string): LeaSupport {
  const built = buildSupport({ id: id(n), now: new Date(Date.UTC(2026, 10, 2, 11, n)), targetId: target, named: false, authorName: '' });
  if (!built.ok) throw new Error(built.problems.join());
  return built.value;
}
const remote = (annotation: Record<string, unknown> | null, change: Partial<RemoteChange> & { id: string }): RemoteChange => ({
  revision: 'r1',
  deleted: false,
  hidden: null,
  annotation: annotation as RemoteChange['annotation'],
  ...change,
});

beforeEach(async () => {
  db = await openLeaDb(`conversation-${Math.random()}`);
});
afterEach(() => db.close());

describe('schema v3', () => {
  it('upgrades a v2 database in one step: comments and the outbox kept, replies found by target', async () => {
    const name = `v2-${Math.random()}`;
    const v2 = await openDB(name, 2, {
      upgrade(d) {
        const annotations = d.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('by-document', ['target.source', 'created']);
        annotations.createIndex('by-modified', 'modified');
        d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('by-annotation', 'annotationId');
        d.createObjectStore('meta');
        d.createObjectStore('syncInfo', { keyPath: 'id' });
        d.createObjectStore('conflicts', { keyPath: 'id' });
      },
    });
    const old = commentFixture(id(1));
    await v2.put('annotations', old);
    await v2.add('outbox', { annotationId: old.id, op: 'put', queuedAt: '2026-01-01T00:00:00.000Z' });
    v2.close();
    const upgraded = await openLeaDb(name);
    expect(upgraded.version).toBe(5);
    expect([...upgraded.transaction('annotations').store.indexNames].sort()).toEqual(['by-document', 'by-on-document', 'by-target']);
    const conversation = createConversationRepo(upgraded, clock);
    const r = await conversation.saveReply(reply(2, old.id));
    expect((await conversation.threadItems([DOC])).items).toEqual([old, r]);
    expect((await createSyncRepo(upgraded, clock).takeOutboxBatch(10)).map((i) => i.annotationId)).toEqual([old.id, r.id]);
    upgraded.close();
  });
});

describe('conversation repository', () => {
  it('saves replies and supports with their outbox entry, validated, and refuses what is not one', async () => {
    const conversation = createConversationRepo(db, clock);
    const comment = await createAnnotationRepo(db, clock).save(commentFixture(id(1)));
    const r = await conversation.saveReply(reply(2, comment.id));
    const s = await conversation.saveSupport(support(3, comment.id));
    expect((await createAnnotationRepo(db, clock).pendingOutbox()).map((e) => e.annotationId)).toEqual([comment.id, r.id, s.id]);
    await expect(conversation.saveReply({ ...r, visibility: 'private' })).rejects.toThrow(/This reply could not be saved: Replies are always shared/);
    await expect(conversation.saveSupport({ ...s, body: [] })).rejects.toThrow(/could not be saved/);
    expect(await conversation.remove(r.id)).toEqual(r);
    expect(await conversation.get(r.id)).toBeNull();
    // Comments' own listings are unchanged: no replies or supports among them, none "damaged".
    expect(await createAnnotationRepo(db, clock).listAll()).toEqual({ annotations: [comment], damaged: [] });
  });

  it('lists a document’s threads at any depth, with supports, placeholders and orphaned replies found by document', async () => {
    const conversation = createConversationRepo(db, clock);
    const comment = await createAnnotationRepo(db, clock).save(commentFixture(id(1)));
    const elsewhere = await createAnnotationRepo(db, clock).save({ ...commentFixture(id(9)), target: { ...commentFixture(id(9)).target, source: 'https://example.org/other' } });
    const first = await conversation.saveReply(reply(2, comment.id));
    const deep = await conversation.saveReply(reply(3, first.id));
    const deeper = await conversation.saveReply(reply(4, deep.id));
    const s = await conversation.saveSupport(support(5, comment.id));
    await db.put('annotations', { id: id(6), target: deep.id, placeholder: 'hidden' });
    const underHidden = await conversation.saveReply(reply(7, id(6)));
    const orphan = await conversation.saveReply(reply(8, id(99), { onDocument: DOC }));
    await conversation.saveReply(reply(10, elsewhere.id));
    await db.put('annotations', { ...reply(11, comment.id), body: [] } as never);
    const listed = await conversation.threadItems([DOC, DOC]);
    expect(listed.items.map((i) => i.id).sort()).toEqual([comment, first, deep, deeper, s, underHidden, orphan].map((i) => i.id).sort());
    expect(listed.placeholders).toEqual([{ id: id(6), target: deep.id, placeholder: 'hidden' }]);
    expect(listed.damaged).toEqual([{ id: id(11), problems: expect.any(Array) }]);
    expect(await conversation.rootComment(deeper.id)).toEqual({ rootId: comment.id, comment });
    expect(await conversation.rootComment(underHidden.id)).toMatchObject({ rootId: comment.id });
    expect(await conversation.rootComment(orphan.id)).toEqual({ rootId: id(99), comment: null });

    // The first screenful: only the threads of the comments named, the same items as the whole listing's.
    const firstOnly = await conversation.threadItemsFor([comment.id, comment.id]);
    expect(firstOnly.items.map((i) => i.id).sort()).toEqual([comment, first, deep, deeper, s, underHidden].map((i) => i.id).sort());
    expect(firstOnly.placeholders).toEqual(listed.placeholders);
    expect(firstOnly.damaged).toEqual(listed.damaged);
    expect((await conversation.threadItemsFor([elsewhere.id])).items.map((i) => i.id)).toEqual([elsewhere.id, id(10)]);
    // A reply's id, or one not here, is no comment: nothing.
    expect((await conversation.threadItemsFor([first.id, id(98)])).items).toEqual([]);
  });
});

describe('remote changes (v3)', () => {
  it('keeps replies and supports from the feed, and my items from another browser as mine', async () => {
    const repo = createSyncRepo(db, clock);
    const conversation = createConversationRepo(db, clock);
    const comment = commentFixture(id(1));
    const r = reply(2, comment.id);
    const s = support(3, comment.id);
    await repo.applyRemoteChanges([remote(comment, { id: comment.id, mine: true }), remote(r, { id: r.id }), remote(s, { id: s.id, mine: true })], null);
    expect((await conversation.threadItems([DOC])).items).toEqual([comment, r, s]);
    expect(Object.values(await repo.syncInfoFor([comment.id, r.id, s.id])).map((i) => i.author)).toEqual(['me', 'other', 'me']);
    expect(await repo.takeOutboxBatch(10)).toEqual([]);
  });

  it('puts a placeholder where someone’s reply was hidden, keeps my own copy marked, and unhides', async () => {
    const repo = createSyncRepo(db, clock);
    const conversation = createConversationRepo(db, clock);
    const comment = commentFixture(id(1));
    const theirs = reply(2, comment.id);
    const mine = reply(3, comment.id);
    await repo.applyRemoteChanges([remote(comment, { id: comment.id }), remote(theirs, { id: theirs.id }), remote(mine, { id: mine.id, mine: true })], null);
    const hide = (x: LeaReply, revision: string, isMine: boolean) =>
      remote(null, { id: x.id, revision, hidden: { reason: 'Names someone' }, target: comment.id, ...(isMine ? { mine: true } : {}) });
    expect(await repo.applyRemoteChanges([hide(theirs, 'r2', false), hide(mine, 'r3', true)], null)).toEqual([theirs.id, mine.id]);
    const listed = await conversation.threadItems([DOC]);
    expect(listed.items).toEqual([comment, mine]);
    expect(listed.placeholders).toEqual([{ id: theirs.id, target: comment.id, placeholder: 'hidden' }]);
    expect((await repo.syncInfoFor([mine.id]))[mine.id]).toMatchObject({ hidden: { reason: 'Names someone' }, moderation: [{ action: 'hidden', revision: 'r3' }] });
    expect(await repo.applyRemoteChanges([hide(theirs, 'r2', false)], null)).toEqual([]);
    // Shown again: the text comes back for everyone.
    await repo.applyRemoteChanges([remote(theirs, { id: theirs.id, revision: 'r4' }), remote(mine, { id: mine.id, revision: 'r5', mine: true })], null);
    expect((await conversation.threadItems([DOC])).placeholders).toEqual([]);
    expect((await repo.syncInfoFor([mine.id]))[mine.id]!.moderation?.map((e) => [e.action, e.revision, e.reason])).toEqual([
      ['hidden', 'r3', 'Names someone'],
      ['unhidden', 'r5', 'Names someone'],
    ]);
  });

  it('keeps a mark, no text, where someone else’s comment was hidden, so its replies say a facilitator hid it', async () => {
    const repo = createSyncRepo(db, clock);
    const conversation = createConversationRepo(db, clock);
    const comment = commentFixture(id(1));
    const answer = reply(2, comment.id, { onDocument: DOC });
    await repo.applyRemoteChanges([remote(comment, { id: comment.id }), remote(answer, { id: answer.id })], null);
    expect(await repo.applyRemoteChanges([remote(null, { id: comment.id, revision: 'r2', hidden: { reason: 'Names someone' } })], null)).toEqual([comment.id]);
    const listed = await conversation.threadItems([DOC]);
    expect(listed.items).toEqual([answer]);
    expect(listed.hiddenComments).toEqual([comment.id]);
    expect(JSON.stringify(await db.get('annotations', comment.id))).not.toContain('Wellbeing');
    expect(listed.damaged).toEqual([]);
    // Unhidden: the comment comes back and the mark goes.
    await repo.applyRemoteChanges([remote(comment, { id: comment.id, revision: 'r3' })], null);
    const again = await conversation.threadItems([DOC]);
    expect(again.hiddenComments).toEqual([]);
    expect(again.items).toEqual([comment, answer]);
  });

  it('remembers my comment hidden before this browser saw it, with no text, so I am told', async () => {
    const repo = createSyncRepo(db, clock);
    const uuid = id(4);
    expect(await repo.applyRemoteChange(remote(null, { id: uuid, revision: 'r7', hidden: { reason: 'Off topic' }, mine: true }))).toBe(true);
    expect((await repo.syncInfoFor([uuid]))[uuid]).toMatchObject({ author: 'me', moderation: [{ action: 'hidden', revision: 'r7', reason: 'Off topic' }] });
    expect(await db.get('annotations', uuid)).toBeUndefined();
  });

  it('adopts a plain W3C reply from another tool, and leaves what it cannot read', async () => {
    const repo = createSyncRepo(db, clock);
    const comment = commentFixture(id(1));
    const w3c = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: id(5), type: 'Annotation', motivation: 'replying', created: '2026-11-03T00:00:00Z', body: 'From elsewhere', target: comment.id };
    await repo.applyRemoteChanges([remote(comment, { id: comment.id }), remote(w3c, { id: w3c.id }), remote({ ...w3c, id: id(6), body: { id: 'https://x.org/a' } }, { id: id(6) })], null);
    const [, adopted] = (await createConversationRepo(db, clock).threadItems([DOC])).items;
    expect(adopted).toMatchObject({ id: id(5), motivation: 'replying', target: comment.id, body: [{ value: 'From elsewhere' }] });
    expect(await db.get('annotations', id(6))).toBeUndefined();
  });
});
