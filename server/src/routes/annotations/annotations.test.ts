import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from '../../../test/support/annotations';
import { BACKENDS } from '../../../test/support/test-db';
import { openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';

describe.each(BACKENDS)('sync API annotations on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  const path = (uuid: string) => `/api/groups/${g.group}/annotations/${uuid}`;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
  });

  it('creates with If-None-Match: * and answers 201 with revision, cursor and ETag', async () => {
    const a = makeComment();
    const r = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ annotation: a, revision: '1', cursor: expect.any(String) });
    expect(r.headers.get('etag')).toBe('"1"');
    const got = await t.call('GET', path(uuidOf(a)), { token: g.reader.token });
    expect(got.status).toBe(200);
    expect(got.json).toEqual({ annotation: a, revision: '1' });
  });

  it('treats a repeated push as harmless: same body again is 200 with the current revision', async () => {
    const a = makeComment();
    const first = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    const again = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    expect(again.status).toBe(200);
    expect(again.json.revision).toBe('1');
    expect(again.json.cursor).toBe(first.json.cursor);
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.member.token });
    expect(feed.json.changes).toHaveLength(1);
  });

  it('updates with If-Match, refuses a stale revision with 412 and the current version', async () => {
    const a = makeComment();
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    const edited = { ...a, body: [{ ...a.body[0], value: 'Edited once' }] };
    const r = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: edited, headers: { 'if-match': '"1"' } });
    expect(r.status).toBe(200);
    expect(r.json.revision).toBe('2');
    // The same edit retried (its answer was lost) is still fine.
    const retry = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: edited, headers: { 'if-match': '"1"' } });
    expect(retry.status).toBe(200);
    expect(retry.json.revision).toBe('2');
    const other = { ...a, body: [{ ...a.body[0], value: 'Edited elsewhere' }] };
    const stale = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: other, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('conflict');
    expect(stale.json.current).toEqual({ annotation: edited, revision: '2' });
  });

  it('asks for a precondition (428) and refuses to create over a different version (412)', async () => {
    const a = makeComment();
    const none = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a });
    expect(none.status).toBe(428);
    expect(none.json.error.code).toBe('precondition-required');
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    const changed = { ...a, perspective: 'family' };
    const clash = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: changed, headers: { 'if-none-match': '*' } });
    expect(clash.status).toBe(412);
  });

  it('lets only the author update or delete', async () => {
    const a = makeComment();
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    const second = await t.join(g.invites.member, 'Sam Second');
    const edit = await t.call('PUT', path(uuidOf(a)), { token: second.token, body: { ...a, perspective: 'family' }, headers: { 'if-match': '"1"' } });
    expect(edit.status).toBe(403);
    expect(edit.json.error.code).toBe('forbidden');
    const del = await t.call('DELETE', path(uuidOf(a)), { token: second.token });
    expect(del.status).toBe(403);
    const readerWrite = await t.call('PUT', path(uuidOf(makeComment())), { token: g.reader.token, body: makeComment(), headers: { 'if-none-match': '*' } });
    expect(readerWrite.status).toBe(403);
  });

  it('deletes to a tombstone; deleting again is 204; undo re-creates it', async () => {
    const a = makeComment();
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    expect((await t.call('DELETE', path(uuidOf(a)), { token: g.member.token })).status).toBe(204);
    expect((await t.call('DELETE', path(uuidOf(a)), { token: g.member.token })).status).toBe(204);
    expect((await t.call('GET', path(uuidOf(a)), { token: g.member.token })).status).toBe(404);
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(feed.json.changes).toEqual([expect.objectContaining({ id: a.id, deleted: true, annotation: null, revision: '2' })]);
    const undo = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    expect(undo.status).toBe(201);
    expect(undo.json.revision).toBe('3');
  });

  it('refuses a stale If-Match on delete with 412', async () => {
    const a = makeComment();
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: { ...a, perspective: 'family' }, headers: { 'if-match': '"1"' } });
    const r = await t.call('DELETE', path(uuidOf(a)), { token: g.member.token, headers: { 'if-match': '"1"' } });
    expect(r.status).toBe(412);
  });

  it('never stores or sends the creator of an anonymous comment', async () => {
    const a = { ...makeComment({ attribution: 'anonymous' }), creator: { type: 'Person' as const, name: 'Secret Name' } };
    const r = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    expect(r.status).toBe(201);
    expect(JSON.stringify(r.json)).not.toContain('Secret Name');
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.facilitator.token });
    expect(JSON.stringify(feed.json)).not.toContain('Secret Name');
    const { rows } = await t.testDb.db.query<{ annotation: unknown }>('select annotation from annotations');
    expect(JSON.stringify(rows)).not.toContain('Secret Name');
  });

  it('keeps an "only me" comment out of everyone else\'s reach', async () => {
    const a = makeComment({ visibility: 'private', text: 'private thought' });
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    for (const who of [g.facilitator, g.reader]) {
      expect((await t.call('GET', path(uuidOf(a)), { token: who.token })).status).toBe(404);
      const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: who.token });
      expect(feed.json.changes).toEqual([]);
    }
    const mine = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.member.token });
    expect(mine.json.changes[0].annotation.body[0].value).toBe('private thought');
  });

  it('turns a shared comment made private into a tombstone for the others', async () => {
    const a = makeComment();
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: { ...a, visibility: 'private' }, headers: { 'if-match': '"1"' } });
    const theirs = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(theirs.json.changes).toEqual([expect.objectContaining({ id: a.id, deleted: true, annotation: null })]);
    const mine = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.member.token });
    expect(mine.json.changes[0]).toMatchObject({ deleted: false, annotation: { visibility: 'private' } });
  });

  it('lets a facilitator hide and unhide with a reason; others see it hidden without content', async () => {
    const a = makeComment();
    await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    const hide = await t.call('POST', `${path(uuidOf(a))}/hide`, { token: g.facilitator.token, body: { reason: 'Names a staff member' } });
    expect(hide.status).toBe(200);
    expect(hide.json).toMatchObject({ id: a.id, hidden: { reason: 'Names a staff member' } });
    const readerFeed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(readerFeed.json.changes).toEqual([expect.objectContaining({ hidden: { reason: 'Names a staff member' }, annotation: null, deleted: false })]);
    const facFeed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.facilitator.token });
    expect(facFeed.json.changes[0]).toMatchObject({ hidden: { reason: 'Names a staff member' }, annotation: { id: a.id } });
    expect((await t.call('POST', `${path(uuidOf(a))}/hide`, { token: g.member.token, body: { reason: 'x' } })).status).toBe(403);
    const unhide = await t.call('DELETE', `${path(uuidOf(a))}/hide`, { token: g.facilitator.token });
    expect(unhide.status).toBe(200);
    const after = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(after.json.changes[0]).toMatchObject({ hidden: null, annotation: { id: a.id } });
  });

  it('validates extension comments against utils/model and names the problem', async () => {
    const a = makeComment();
    const bad = { ...a, perspective: 'robot' };
    const r = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: bad, headers: { 'if-none-match': '*' } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid-body');
    expect(r.json.error.message).toContain('perspective');
    const extra = await t.call('PUT', path(uuidOf(a)), { token: g.member.token, body: { ...a, mood: 'happy' }, headers: { 'if-none-match': '*' } });
    expect(extra.status).toBe(400);
    expect(extra.json.error.code).toBe('unknown-field');
    expect(extra.json.error.message).toContain('mood');
    const wrongId = await t.call('PUT', path(uuidOf(makeComment())), { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    expect(wrongId.status).toBe(400);
    expect(wrongId.json.error.message).toContain('must be');
  });
});
