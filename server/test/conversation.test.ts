import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adoptW3cReply } from '../../utils/conversation/adopt-w3c';
import { ADOPT_CASES, COMMENT } from '../../utils/conversation/adopt-w3c-cases';
import { makeComment, uuidOf } from './support/annotations';
import { create, makeReply, makeSupport } from './support/conversation';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';

const NOT_HERE = 'The comment you are replying to is not in this group or has been removed.';
const LD = { 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' };

interface Change {
  id: string;
  deleted: boolean;
  hidden: { reason: string } | null;
  annotation: Record<string, unknown> | null;
  mine?: true;
  target?: string;
}

describe.each(BACKENDS)('the conversation (replies, answers, supports) on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let comment: ReturnType<typeof makeComment>;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
    comment = makeComment({ text: 'Respite is never available at weekends.' });
    expect((await create(t, g.group, comment, g.member.token)).status).toBe(201);
  });

  async function feed(token: string): Promise<Change[]> {
    const r = await t.call('GET', `/api/groups/${g.group}/changes`, { token });
    expect(r.status).toBe(200);
    return r.json.changes as Change[];
  }
  const byId = (changes: Change[], id: string) => changes.find((c) => c.id === id);

  it('stores a reply and a reply to it (any role), and everyone in the group reads both', async () => {
    const reply = makeReply(comment.id);
    const r = await create(t, g.group, reply, g.member.token);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.annotation).toEqual(reply);
    const nested = makeReply(reply.id, { text: 'We are looking into weekend cover.', authorName: 'Ria Reader' });
    const n = await create(t, g.group, nested, g.reader.token);
    expect(n.status, JSON.stringify(n.json)).toBe(201);
    const third = makeReply(nested.id, { authorName: 'Fran Facilitator' });
    expect((await create(t, g.group, third, g.facilitator.token)).status).toBe(201);
    for (const who of [g.facilitator, g.member, g.reader]) {
      const changes = await feed(who.token);
      expect(byId(changes, reply.id)?.annotation).toEqual(reply);
      expect(byId(changes, nested.id)?.annotation).toMatchObject({ motivation: 'replying', target: reply.id });
      expect(byId(changes, third.id)?.annotation).toMatchObject({ target: nested.id });
    }
    const got = await t.call('GET', `/api/groups/${g.group}/annotations/${uuidOf(nested)}`, { token: g.member.token });
    expect(got.json.annotation.target).toBe(reply.id);
    // A repeated push of a reply is harmless.
    const again = await create(t, g.group, reply, g.member.token);
    expect(again.status).toBe(200);
    expect(again.json.revision).toBe('1');
  });

  it("lets a reader answer, naming them from their profile (name, job title, organisation), never from the client", async () => {
    await t.testDb.db.query('update members set job_title = $2, organisation = $3 where id = $1', [g.reader.memberId, 'Policy officer', 'Northshire Council']);
    const answer = { ...makeReply(comment.id, { answer: 'will-change', text: 'We will add weekend respite.', authorName: 'Ria Reader' }), creator: { type: 'Person' as const, name: 'Someone Else' } };
    const r = await create(t, g.group, answer, g.reader.token);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const creator = { type: 'Person', name: 'Ria Reader', jobTitle: 'Policy officer', organisation: 'Northshire Council' };
    expect(r.json.annotation.creator).toEqual(creator);
    const mine = byId(await feed(g.member.token), answer.id);
    expect(mine?.annotation?.creator).toEqual(creator);
    expect(mine?.annotation?.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'We will add weekend respite.' },
      { type: 'TextualBody', purpose: 'assessing', value: 'will-change' },
    ]);
    // Pushing the same answer again is a repeat, not a change.
    const again = await create(t, g.group, answer, g.reader.token);
    expect(again.status).toBe(200);
    // Without a job title or organisation the creator is the name alone; facilitators answer too.
    const noted = makeReply(comment.id, { answer: 'noted', text: '', authorName: 'Fran Facilitator' });
    const f = await create(t, g.group, noted, g.facilitator.token);
    expect(f.status, JSON.stringify(f.json)).toBe(201);
    expect(f.json.annotation.creator).toEqual({ type: 'Person', name: 'Fran Facilitator' });
  });

  it('lets no plain reply claim a job title or organisation (only answers show them, from the profile)', async () => {
    const reply = makeReply(comment.id);
    const claimed = { ...reply, creator: { type: 'Person', name: 'Mo Member', jobTitle: 'Director of Adult Social Care', organisation: 'Northshire Council' } };
    const r = await create(t, g.group, claimed, g.member.token);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.annotation.creator).toEqual({ type: 'Person', name: 'Mo Member' });
    expect(JSON.stringify([await feed(g.reader.token), (await t.testDb.db.query('select annotation from annotations')).rows])).not.toContain('Director');
  });

  it('names an answer from the profile set with PATCH /api/me', async () => {
    const patched = await t.call('PATCH', '/api/me', { token: g.facilitator.token, body: { displayName: 'Fran Patel', jobTitle: 'Co-production lead', organisation: 'Northshire Carers' } });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    const answer = makeReply(comment.id, { answer: 'changed', text: 'Now in the draft.', authorName: 'Fran Facilitator' });
    const r = await create(t, g.group, answer, g.facilitator.token);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.annotation.creator).toEqual({ type: 'Person', name: 'Fran Patel', jobTitle: 'Co-production lead', organisation: 'Northshire Carers' });
  });

  it('refuses an answer when the caller has no display name (400)', async () => {
    await t.testDb.db.query('update members set display_name = null where id = $1', [g.reader.memberId]);
    const r = await create(t, g.group, makeReply(comment.id, { answer: 'noted', authorName: 'Ria Reader' }), g.reader.token);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalid-body', message: 'Please add your name (Options) before answering.' });
  });

  it('refuses what a role may not write with 403 naming what it may do', async () => {
    const memberAnswer = await create(t, g.group, makeReply(comment.id, { answer: 'changed' }), g.member.token);
    expect(memberAnswer.status).toBe(403);
    expect(memberAnswer.json.error.code).toBe('forbidden');
    expect(memberAnswer.json.error.message).toContain('As a member you can comment, reply and say "This is my experience too".');
    const readerComment = await create(t, g.group, makeComment(), g.reader.token);
    expect(readerComment.status).toBe(403);
    expect(readerComment.json.error.message).toContain('As a reader you can read, reply to and answer comments.');
    const readerSupport = await create(t, g.group, makeSupport(comment.id), g.reader.token);
    expect(readerSupport.status).toBe(403);
    expect(readerSupport.json.error.message).toContain('Only members and facilitators can say "This is my experience too".');
    // The same through the W3C container.
    const w3cSupport = await t.call('POST', `/annotations/${g.group}/`, { token: g.reader.token, body: makeSupport(comment.id), headers: LD });
    expect(w3cSupport.status).toBe(403);
    const w3cAnswer = await t.call('POST', `/annotations/${g.group}/`, { token: g.member.token, body: makeReply(comment.id, { answer: 'noted' }), headers: LD });
    expect(w3cAnswer.status).toBe(403);
    expect(await feed(g.facilitator.token)).toHaveLength(1);
  });

  it('refuses "not changing" without a reason, and other malformed replies, with 400', async () => {
    const bare = makeReply(comment.id, { answer: 'noted', text: '', authorName: 'Ria Reader' });
    const notChanging = { ...bare, body: [{ type: 'TextualBody', purpose: 'assessing', value: 'not-changing' }] };
    const r = await create(t, g.group, notChanging, g.reader.token);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid-body');
    expect(r.json.error.message).toContain('Please say why this is not being changed.');
    const anonymousAnswer = { ...makeReply(comment.id, { answer: 'noted', authorName: 'Ria Reader' }), attribution: 'anonymous' };
    expect((await create(t, g.group, anonymousAnswer, g.reader.token)).json.error.message).toContain('An answer is always named.');
    const extra = { ...makeReply(comment.id), mood: 'cross' };
    const unknown = await create(t, g.group, extra, g.member.token);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('unknown-field');
    const privateReply = { ...makeReply(comment.id), visibility: 'private' };
    expect((await create(t, g.group, privateReply, g.member.token)).json.error.message).toContain('Replies are always shared with the group');
  });

  it('keeps one support per member per comment: a second is 409, taking it back allows a new one', async () => {
    const first = makeSupport(comment.id);
    expect((await create(t, g.group, first, g.member.token)).status).toBe(201);
    const second = makeSupport(comment.id);
    const again = await create(t, g.group, second, g.member.token);
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'already-supported', message: 'You have already said this is your experience too.' });
    // Someone else may, and the same push repeated is harmless.
    expect((await create(t, g.group, makeSupport(comment.id, { named: true, authorName: 'Fran Facilitator' }), g.facilitator.token)).status).toBe(201);
    expect((await create(t, g.group, first, g.member.token)).status).toBe(200);
    // Take it back, then say it again.
    expect((await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuidOf(first)}`, { token: g.member.token })).status).toBe(204);
    expect((await create(t, g.group, second, g.member.token)).status).toBe(201);
    // Bringing back the first (undo) while the second is live: 409, not a 500.
    const undo = await create(t, g.group, first, g.member.token);
    expect(undo.status).toBe(409);
    expect(undo.json.error.code).toBe('already-supported');
    const live = (await feed(g.reader.token)).filter((c) => c.annotation?.motivation === 'assessing');
    expect(live).toHaveLength(2);
  });

  it('lets only one of two racing supports in (409 for the other)', async () => {
    const answers = await Promise.all([0, 1, 2, 3].map(() => create(t, g.group, makeSupport(comment.id), g.member.token)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('refuses a target that is missing, removed, private, hidden, a reply (for a support) or in another group with 404', async () => {
    const other = await t.createGroup('Other');
    const theirs = makeComment();
    expect((await create(t, other.group, theirs, other.member.token)).status).toBe(201);
    const privateOne = makeComment({ visibility: 'private' });
    await create(t, g.group, privateOne, g.member.token);
    const gone = makeComment();
    await create(t, g.group, gone, g.member.token);
    await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuidOf(gone)}`, { token: g.member.token });
    const hidden = makeComment();
    await create(t, g.group, hidden, g.member.token);
    await t.call('POST', `/api/groups/${g.group}/annotations/${uuidOf(hidden)}/hide`, { token: g.facilitator.token, body: { reason: 'Names a person' } });
    const reply = makeReply(comment.id);
    await create(t, g.group, reply, g.member.token);

    const refusals = [
      await create(t, g.group, makeReply(theirs.id), g.member.token),
      await create(t, g.group, makeReply(`urn:uuid:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`), g.member.token),
      await create(t, g.group, makeReply(privateOne.id), g.member.token),
      await create(t, g.group, makeReply(gone.id), g.member.token),
      await create(t, g.group, makeReply(hidden.id), g.member.token),
      await create(t, g.group, makeSupport(reply.id), g.member.token),
      await create(t, g.group, makeSupport(theirs.id), g.member.token),
      await create(t, g.group, makeSupport(gone.id), g.member.token),
      await t.call('POST', `/annotations/${g.group}/`, {
        token: g.reader.token,
        body: { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', motivation: 'replying', body: { type: 'TextualBody', value: 'Hi' }, target: `http://store.test/annotations/${other.group}/${uuidOf(theirs)}` },
        headers: LD,
      }),
    ];
    for (const r of refusals) {
      expect(r.status, JSON.stringify(r.json)).toBe(404);
      expect(r.json.error).toMatchObject({ code: 'not-found', message: NOT_HERE });
    }
    // A facilitator can see the hidden comment, so may reply to it.
    expect((await create(t, g.group, makeReply(hidden.id, { authorName: 'Fran Facilitator' }), g.facilitator.token)).status).toBe(201);
    // Nothing of the other group came back.
    expect(JSON.stringify(refusals.map((r) => r.json))).not.toContain(uuidOf(theirs));
  });

  it('keeps a reply readable after its comment is deleted, and refuses new replies to it', async () => {
    const reply = makeReply(comment.id, { onDocument: comment.target.source });
    await create(t, g.group, reply, g.reader.token);
    expect((await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuidOf(comment)}`, { token: g.member.token })).status).toBe(204);
    const changes = await feed(g.facilitator.token);
    expect(byId(changes, comment.id)).toMatchObject({ deleted: true, annotation: null });
    expect(byId(changes, reply.id)).toMatchObject({ deleted: false, annotation: reply });
    expect((await t.call('GET', `/api/groups/${g.group}/annotations/${uuidOf(reply)}`, { token: g.member.token })).status).toBe(200);
    const late = await create(t, g.group, makeReply(comment.id), g.member.token);
    expect(late.status).toBe(404);
    expect(late.json.error.message).toBe(NOT_HERE);
    // Its author can still edit it (the thread is still there), and reply to the reply.
    const edited = { ...reply, body: [{ ...reply.body[0], value: 'Edited after the comment went.' }] };
    const edit = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(reply)}`, { token: g.reader.token, body: edited, headers: { 'if-match': '"1"' } });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);
    expect((await create(t, g.group, makeReply(reply.id), g.member.token)).status).toBe(201);
  });

  it('refuses moving a reply to another comment or turning a comment into a reply (400)', async () => {
    const reply = makeReply(comment.id);
    await create(t, g.group, reply, g.member.token);
    const elsewhere = makeComment();
    await create(t, g.group, elsewhere, g.member.token);
    const moved = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(reply)}`, { token: g.member.token, body: { ...reply, target: elsewhere.id }, headers: { 'if-match': '"1"' } });
    expect(moved.status).toBe(400);
    expect(moved.json.error.message).toContain('cannot change');
    const asReply = makeReply(elsewhere.id, { uuid: uuidOf(comment) });
    const turned = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(comment)}`, { token: g.member.token, body: asReply, headers: { 'if-match': '"1"' } });
    expect(turned.status).toBe(400);
    expect(turned.json.error.message).toContain('cannot change what it is');
  });

  it('accepts "the author of this comment" only from the author of an anonymous root comment', async () => {
    const anonymous = makeComment({ attribution: 'anonymous', text: 'My carer was sent home.' });
    await create(t, g.group, anonymous, g.member.token);
    const someone = await t.join(g.invites.member, 'Sam Second');
    const reply = makeReply(anonymous.id, { authorName: 'Sam Second' });
    expect((await create(t, g.group, reply, someone.token)).status).toBe(201);

    const own = makeReply(anonymous.id, { byCommentAuthor: true, attribution: 'anonymous' });
    const r = await create(t, g.group, own, g.member.token);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.annotation.byCommentAuthor).toBe(true);
    expect(r.json.annotation.creator).toBeUndefined();
    // Deeper in the same thread too.
    expect((await create(t, g.group, makeReply(reply.id, { byCommentAuthor: true, attribution: 'anonymous' }), g.member.token)).status).toBe(201);

    const message = 'Only the author of an anonymous comment can reply as "The author of this comment".';
    const notTheAuthor = await create(t, g.group, makeReply(anonymous.id, { byCommentAuthor: true, attribution: 'anonymous' }), someone.token);
    expect(notTheAuthor.status).toBe(400);
    expect(notTheAuthor.json.error).toMatchObject({ code: 'invalid-body', message });
    const notTheAuthorDeep = await create(t, g.group, makeReply(reply.id, { byCommentAuthor: true, attribution: 'anonymous' }), someone.token);
    expect(notTheAuthorDeep.json.error.message).toBe(message);
    // The author of a named comment has no need of it.
    const namedOwn = await create(t, g.group, makeReply(comment.id, { byCommentAuthor: true, attribution: 'anonymous' }), g.member.token);
    expect(namedOwn.status).toBe(400);
    expect(namedOwn.json.error.message).toBe(message);
  });

  it('keeps an anonymous reply without creator in every answer, feed, container and row', async () => {
    const reply = { ...makeReply(comment.id, { attribution: 'anonymous', text: 'Same for us.' }), creator: { type: 'Person' as const, name: 'Secret Replier' } };
    const r = await create(t, g.group, reply, g.member.token);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const seen = [
      r.json,
      await feed(g.facilitator.token),
      await feed(g.reader.token),
      (await t.call('GET', `/api/groups/${g.group}/annotations/${uuidOf(reply)}`, { token: g.facilitator.token })).json,
      (await t.call('GET', `/annotations/${g.group}/?page=0`, { token: g.facilitator.token })).json,
      (await t.call('GET', `/annotations/${g.group}/${uuidOf(reply)}`, { token: g.facilitator.token })).json,
      (await t.testDb.db.query('select annotation from annotations')).rows,
    ];
    expect(JSON.stringify(seen)).not.toContain('Secret Replier');
    const anonymousSupport = { ...makeSupport(comment.id), creator: { type: 'Person' as const, name: 'Secret Supporter' } };
    expect((await create(t, g.group, anonymousSupport, g.member.token)).status).toBe(201);
    expect(JSON.stringify([await feed(g.reader.token), (await t.testDb.db.query('select annotation from annotations')).rows])).not.toContain('Secret Supporter');
  });

  it('marks the caller\'s own rows "mine" in the feed, and nobody else\'s', async () => {
    const reply = makeReply(comment.id, { authorName: 'Ria Reader' });
    await create(t, g.group, reply, g.reader.token);
    const support = makeSupport(comment.id);
    await create(t, g.group, support, g.member.token);
    const memberFeed = await feed(g.member.token);
    expect(byId(memberFeed, comment.id)?.mine).toBe(true);
    expect(byId(memberFeed, support.id)?.mine).toBe(true);
    expect(byId(memberFeed, reply.id)).not.toHaveProperty('mine');
    const readerFeed = await feed(g.reader.token);
    expect(byId(readerFeed, reply.id)?.mine).toBe(true);
    expect(byId(readerFeed, comment.id)).not.toHaveProperty('mine');
    expect((await feed(g.facilitator.token)).filter((c) => 'mine' in c)).toEqual([]);
  });

  it('gives a hidden reply its target in the feed, so threads can place "hidden by a facilitator"', async () => {
    const reply = makeReply(comment.id, { text: 'Rude words' });
    await create(t, g.group, reply, g.member.token);
    const hide = await t.call('POST', `/api/groups/${g.group}/annotations/${uuidOf(reply)}/hide`, { token: g.facilitator.token, body: { reason: 'Not kind' } });
    expect(hide.status).toBe(200);
    const other = await t.join(g.invites.member, 'Sam Second');
    for (const token of [g.reader.token, other.token]) {
      const item = byId(await feed(token), reply.id);
      expect(item).toEqual(expect.objectContaining({ hidden: { reason: 'Not kind' }, annotation: null, target: comment.id }));
      expect(JSON.stringify(item)).not.toContain('Rude words');
    }
    expect(byId(await feed(g.facilitator.token), reply.id)).toMatchObject({ target: comment.id, annotation: { id: reply.id } });
    // A hidden comment has no target to give.
    await t.call('POST', `/api/groups/${g.group}/annotations/${uuidOf(comment)}/hide`, { token: g.facilitator.token, body: { reason: 'x' } });
    expect(byId(await feed(g.reader.token), comment.id)).not.toHaveProperty('target');
    // Replies to a hidden reply are refused to those who cannot see it.
    expect((await create(t, g.group, makeReply(reply.id), other.token)).status).toBe(404);
  });

  it('accepts a plain W3C client\'s reply to a container IRI, keeps it intact, and serves its target as urn (sync) and IRI (W3C)', async () => {
    const commentIri = `http://store.test/annotations/${g.group}/${uuidOf(comment)}`;
    // The W3C model's reply shape (Example 34): a textual body, the annotation as target.
    const w3cReply = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', motivation: 'replying', body: { type: 'TextualBody', value: 'I agree with this.' }, target: commentIri };
    const posted = await t.call('POST', `/annotations/${g.group}/`, { token: g.reader.token, body: w3cReply, headers: LD });
    expect(posted.status, JSON.stringify(posted.json)).toBe(201);
    expect(posted.json.target).toBe(commentIri);
    const uuid = posted.headers.get('location')!.split('/').pop()!;
    const item = byId(await feed(g.member.token), `urn:uuid:${uuid}`);
    expect(item?.annotation).toEqual({ ...w3cReply, id: `urn:uuid:${uuid}`, target: comment.id });
    const got = await t.call('GET', `/annotations/${g.group}/${uuid}`, { token: g.member.token });
    expect(got.json).toEqual({ ...w3cReply, id: `http://store.test/annotations/${g.group}/${uuid}` });
    const page = await t.call('GET', `/annotations/${g.group}/?page=0`, { token: g.member.token });
    expect(page.json.items.find((i: { id: string }) => i.id.endsWith(uuid)).target).toBe(commentIri);
    // A W3C reply to something that is not in this store is any other annotation, kept as sent.
    const elsewhere = { ...w3cReply, target: 'http://example.org/anno1' };
    const kept = await t.call('POST', `/annotations/${g.group}/`, { token: g.member.token, body: elsewhere, headers: LD });
    expect(kept.status).toBe(201);
    expect(kept.json.target).toBe('http://example.org/anno1');
    // Readers write only replies: that one is not a reply here.
    expect((await t.call('POST', `/annotations/${g.group}/`, { token: g.reader.token, body: elsewhere, headers: LD })).status).toBe(403);
  });

  it('puts every W3C annotation the extension shows as a reply through the reply rules (adopt-w3c table)', async () => {
    const target = makeComment({ uuid: uuidOf({ id: COMMENT }) });
    await create(t, g.group, target, g.member.token);
    const adopted: string[] = [];
    for (const c of ADOPT_CASES) {
      if (c.annotation === null || typeof c.annotation !== 'object') continue;
      const { id: _id, ...body }: Record<string, unknown> = { type: 'Annotation', target: 'https://example.org/page', ...(c.annotation as Record<string, unknown>) };
      const r = await t.call('POST', `/annotations/${g.group}/`, { token: g.member.token, body, headers: LD });
      if (r.status !== 201) continue;
      const uuid = r.headers.get('location')!.split('/').pop()!;
      const item = byId(await feed(g.reader.token), `urn:uuid:${uuid}`);
      const shown = adoptW3cReply(item?.annotation);
      const { rows } = await t.testDb.db.query<{ kind: string; target_id: string | null }>('select kind, target_id from annotations where id = $1', [uuid]);
      if (shown) {
        adopted.push(c.name);
        expect(rows[0], c.name).toEqual({ kind: 'reply', target_id: uuidOf({ id: COMMENT }) });
        expect(shown.target).toBe(COMMENT);
      }
      // (The store may count more as replies than the extension shows: stricter is fine.)
    }
    expect(adopted.length).toBeGreaterThanOrEqual(ADOPT_CASES.filter((c) => c.expected !== null).length - 1);
    // So the same shapes are refused when their target is not there for the caller.
    await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuidOf(target)}`, { token: g.member.token });
    for (const c of ADOPT_CASES.filter((x) => x.expected !== null)) {
      const { id: _id, ...body }: Record<string, unknown> = { type: 'Annotation', ...(c.annotation as Record<string, unknown>) };
      const r = await t.call('POST', `/annotations/${g.group}/`, { token: g.reader.token, body, headers: LD });
      expect(r.status, `${c.name}: ${JSON.stringify(r.json)}`).toBe(404);
    }
  });

  it('accepts an extension reply and a support through the W3C container with the target as IRI (stored as urn)', async () => {
    const commentIri = `http://store.test/annotations/${g.group}/${uuidOf(comment)}`;
    const reply = makeReply(comment.id);
    const { id: _id, ...withoutId } = reply;
    const posted = await t.call('POST', `/annotations/${g.group}/`, { token: g.member.token, body: { ...withoutId, target: commentIri }, headers: LD });
    expect(posted.status, JSON.stringify(posted.json)).toBe(201);
    expect(posted.json.target).toBe(commentIri);
    const uuid = posted.headers.get('location')!.split('/').pop()!;
    expect(byId(await feed(g.reader.token), `urn:uuid:${uuid}`)?.annotation?.target).toBe(comment.id);
    // Through the sync API, the container IRI is also read as the comment's urn.
    const viaSync = makeReply(comment.id);
    const put = await create(t, g.group, { ...viaSync, target: commentIri }, g.member.token);
    expect(put.status, JSON.stringify(put.json)).toBe(201);
    expect(put.json.annotation.target).toBe(comment.id);
    const support = makeSupport(comment.id);
    const { id: _sid, ...supportBody } = support;
    const s = await t.call('POST', `/annotations/${g.group}/`, { token: g.facilitator.token, body: { ...supportBody, target: commentIri }, headers: LD });
    expect(s.status, JSON.stringify(s.json)).toBe(201);
    expect(s.json.target).toBe(commentIri);
    // W3C PUT of the reply keeps working with the IRI target.
    const edit = await t.call('PUT', `/annotations/${g.group}/${uuid}`, {
      token: g.member.token,
      body: { ...withoutId, target: commentIri, body: [{ ...reply.body[0], value: 'Edited' }] },
      headers: { ...LD, 'if-match': '"1"' },
    });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);
    expect(edit.json.target).toBe(commentIri);
  });

  it('"forget me" removes the member\'s replies and supports too, and frees their support', async () => {
    const reply = makeReply(comment.id, { text: 'FORGET-ME reply' });
    const support = makeSupport(comment.id);
    const someone = await t.join(g.invites.member, 'Sam Second');
    const other = makeComment({ text: 'Another comment' });
    await create(t, g.group, other, someone.token);
    const answer = makeReply(other.id, { answer: 'noted', text: 'FORGET-ME answer', authorName: 'Ria Reader' });
    await create(t, g.group, reply, someone.token);
    await create(t, g.group, support, someone.token);
    expect((await create(t, g.group, answer, g.reader.token)).status).toBe(201);
    expect((await t.call('DELETE', '/api/me', { token: someone.token })).status).toBe(204);
    expect((await t.call('DELETE', '/api/me', { token: g.reader.token })).status).toBe(204);
    const changes = await feed(g.member.token);
    for (const id of [reply.id, support.id, other.id, answer.id]) expect(byId(changes, id)).toMatchObject({ deleted: true, annotation: null });
    expect(byId(changes, comment.id)).toMatchObject({ deleted: false });
    const { rows } = await t.testDb.db.query<{ n: number }>(
      `select count(*)::int as n from annotations where author_id = any($1) or annotation::text like '%FORGET-ME%'`,
      [[someone.memberId, g.reader.memberId]],
    );
    expect(rows[0]!.n).toBe(0);
    const profile = await t.testDb.db.query('select display_name, job_title, organisation from members where id = $1', [g.reader.memberId]);
    expect(profile.rows[0]).toEqual({ display_name: null, job_title: null, organisation: null });
  });
});
