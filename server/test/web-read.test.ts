import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildThreads } from '../../utils/conversation/build-thread';
import type { LeaItem } from '../../utils/model';
import type { CommentPage, DocumentPage, Overview, ReadItem, SearchAnswer } from '../../utils/webapp/read-types';
import { makeComment, uuidOf } from './support/annotations';
import { create, makeReply, makeSupport } from './support/conversation';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';
import { BAD_SEARCHES, SEARCH_CASES, type Asker, type ItemKey } from './web-read-cases';

/**
 * The web app's read API (PROTOCOL.md "Reading for the web app") on both backends: what each
 * person finds and reads, and that "only me", hidden, deleted and other groups' comments never
 * leak, in results, snippets, totals or counts.
 */

const DOC1 = 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted';
const DOC2 = 'https://www.legislation.gov.uk/ukpga/2014/23/section/10/enacted';

/** A comment on `source` quoting `quote`, with a title and a section. */
function comment(o: { text: string; source?: string; quote?: string; start?: number; visibility?: 'group' | 'private'; attribution?: 'named' | 'anonymous'; creator?: string }) {
  const base = makeComment({ text: o.text, visibility: o.visibility ?? 'group', attribution: o.attribution ?? 'named', creator: o.creator ?? 'Mo Member' });
  const quote = o.quote ?? 'the local authority must';
  const start = o.start ?? 100;
  return {
    ...base,
    target: {
      source: o.source ?? DOC1,
      selector: [
        { type: 'TextQuoteSelector' as const, exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector' as const, start, end: start + quote.length },
      ],
    },
    section: '1 Promoting individual well-being',
    documentTitle: o.source === DOC2 ? 'Care Act 2014 section 10' : 'Care Act 2014 Part 1',
  };
}

interface Seeded {
  g: TestGroup;
  other: TestGroup;
  sam: { token: string; memberId: string };
  /** The anonymous writer's display name: it must never appear in any answer. */
  anonName: string;
  /** Markers in the text of items some askers must never see. */
  secrets: Record<'private' | 'hidden' | 'deleted' | 'hiddenReply' | 'otherGroup', string>;
  uuid: Record<ItemKey, string>;
  moSupport: string;
}

async function seedReadGroup(t: TestStore): Promise<Seeded> {
  const g = await t.createGroup('NCAG');
  const other = await t.createGroup('Another group');
  const sam = await t.join(g.invites.member, 'Sam Second');
  const tag = randomUUID().slice(0, 8);
  const anonName = `Anonymous Writer ${tag}`;
  const anon = await t.join(g.invites.member, anonName);
  const secrets = {
    private: `PRIVATE${tag}`,
    hidden: `HIDDENCOMMENT${tag}`,
    deleted: `DELETED${tag}`,
    hiddenReply: `HIDDENREPLY${tag}`,
    otherGroup: `OTHERGROUP${tag}`,
  };
  const put = async (item: { id: string; [k: string]: unknown }, token: string) => {
    const r = await create(t, g.group, item, token);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return uuidOf(item);
  };
  const hide = async (uuid: string) => {
    const r = await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/hide`, { token: g.facilitator.token, body: { reason: 'Names a member of staff' } });
    expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
  };
  const dignity = comment({ text: 'My mother was not treated with dignity when the agency staff came.', quote: 'promoting individual well-being', start: 50 });
  const caring = comment({ text: 'Caring for my son is a full-time job and nobody asks me about it.', attribution: 'anonymous', creator: anonName, start: 400 });
  const priv = comment({ text: `${secrets.private} my own notes on dignity for the next meeting.`, visibility: 'private', start: 10 });
  const hidden = comment({ text: `${secrets.hidden} dignity: the manager there is cruel.`, creator: 'Sam Second', start: 300 });
  const deleted = comment({ text: `${secrets.deleted} dignity, written by mistake.`, creator: 'Sam Second' });
  const care = comment({ text: 'Nobody explained the care I would get.', source: DOC2, quote: "carers' assessments", creator: 'Sam Second' });
  const uuid = {} as Record<ItemKey, string>;
  uuid.dignity = await put(dignity, g.member.token);
  uuid.caring = await put(caring, anon.token);
  uuid.private = await put(priv, g.member.token);
  uuid.hidden = await put(hidden, sam.token);
  uuid.deleted = await put(deleted, sam.token);
  uuid.care = await put(care, sam.token);
  expect((await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuid.deleted}`, { token: sam.token })).status).toBe(204);
  await hide(uuid.hidden);
  const carerReply = makeReply(dignity.id, { text: 'The carer assessment took months for us as well.', authorName: 'Sam Second', onDocument: DOC1 });
  uuid.carerReply = await put(carerReply, sam.token);
  uuid.nestedReply = await put(makeReply(carerReply.id, { text: 'Thank you: wellbeing should come first.', authorName: 'Ria Reader', onDocument: DOC1 }), g.reader.token);
  uuid.answer = await put(makeReply(caring.id, { text: 'We will look again at the support planning guidance.', answer: 'will-change', authorName: 'Ria Reader', onDocument: DOC1 }), g.reader.token);
  uuid.hiddenReply = await put(makeReply(dignity.id, { text: `${secrets.hiddenReply} dignity again.`, onDocument: DOC1 }), g.member.token);
  await hide(uuid.hiddenReply);
  // Sam's "me too" on Mo's comment (a count for everyone else), Mo's own on the anonymous one.
  await put(makeSupport(dignity.id, { named: true, authorName: 'Sam Second' }), sam.token);
  const moSupport = await put(makeSupport(caring.id), g.member.token);
  // Another group, same document and words.
  const otherComment = comment({ text: `${secrets.otherGroup} dignity and carers everywhere.` });
  const r = await create(t, other.group, otherComment, other.member.token);
  expect(r.status).toBe(201);
  uuid.otherGroup = uuidOf(otherComment);
  return { g, other, sam, anonName, secrets, uuid, moSupport };
}

describe.each(BACKENDS)('reading for the web app on %s', (kind) => {
  let t: TestStore;
  let s: Seeded;
  beforeAll(async () => {
    t = await openTestStore(kind);
    s = await seedReadGroup(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const tokenOf = (who: Asker) => (who === 'mo' ? s.g.member.token : who === 'sam' ? s.sam.token : who === 'facilitator' ? s.g.facilitator.token : s.g.reader.token);
  const get = (who: Asker, path: string) => t.call('GET', `/api/groups/${s.g.group}${path}`, { token: tokenOf(who) });
  const keyOf = (uuid: string) => (Object.entries(s.uuid).find(([, u]) => u === uuid)?.[0] ?? uuid) as ItemKey;
  /** What `who` must never receive a trace of. */
  const forbiddenFor = (who: Asker): string[] => [
    s.anonName,
    s.secrets.deleted,
    s.secrets.otherGroup,
    ...(who === 'facilitator' ? [] : [s.secrets.hidden, s.secrets.hiddenReply]),
    ...(who === 'mo' ? [] : [s.secrets.private]),
  ];
  const expectNoLeak = (who: Asker, json: unknown) => {
    const text = JSON.stringify(json);
    for (const secret of forbiddenFor(who)) expect(text, `must not hold ${secret}`).not.toContain(secret);
  };

  describe('search', () => {
    for (const c of SEARCH_CASES) {
      it(c.name, async () => {
        const r = await get(c.as, `/search?q=${encodeURIComponent(c.q)}`);
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        const answer = r.json as SearchAnswer;
        const found = new Map(answer.results.map((x) => [keyOf(x.itemId), x]));
        for (const f of c.finds) {
          const result = found.get(f.item);
          expect(result, `${f.item} in ${[...found.keys()].join(', ')}`).toBeDefined();
          expect(result!.kind).toBe(f.kind);
          expect(keyOf(result!.commentId)).toBe(f.opens);
          if (f.matched) expect(result!.snippet.filter((p) => p.match).map((p) => p.text)).toContain(f.matched);
          expect(result!.snippet.map((p) => p.text).join('')).not.toMatch(/[\u0001\u0002<]/);
        }
        for (const key of c.never) expect(found.has(key), `${key} must not be found`).toBe(false);
        if (c.total !== undefined) expect(answer.total).toBe(c.total);
        expect(answer.total).toBeGreaterThanOrEqual(answer.results.length);
        expectNoLeak(c.as, answer);
      });
    }

    it('ranks a match in the written text above a match only in the quote, and names the document', async () => {
      const r = await get('mo', `/search?q=${encodeURIComponent('assessment')}`);
      const keys = (r.json as SearchAnswer).results.map((x) => keyOf(x.itemId));
      expect(keys.indexOf('carerReply')).toBeGreaterThanOrEqual(0);
      expect(keys.indexOf('care')).toBeGreaterThan(keys.indexOf('carerReply'));
      const reply = (r.json as SearchAnswer).results.find((x) => keyOf(x.itemId) === 'carerReply')!;
      expect(reply).toMatchObject({ source: DOC1, title: 'Care Act 2014 Part 1' });
    });

    it('"limit" caps the results but not the total', async () => {
      const r = await get('facilitator', '/search?q=dignity&limit=1');
      expect(r.status).toBe(200);
      expect((r.json as SearchAnswer).results).toHaveLength(1);
      expect((r.json as SearchAnswer).total).toBe(3);
    });

    it("a search in another group's address is refused, and that group's words are never found here", async () => {
      const r = await t.call('GET', `/api/groups/${s.other.group}/search?q=dignity`, { token: s.g.member.token });
      expect(r.status).toBe(403);
      const own = await t.call('GET', `/api/groups/${s.other.group}/search?q=dignity`, { token: s.other.member.token });
      expect((own.json as SearchAnswer).results.map((x) => x.itemId)).toEqual([s.uuid.otherGroup]);
      expect(JSON.stringify(own.json)).not.toContain('mother');
    });

    for (const bad of BAD_SEARCHES) {
      it(`refuses ${bad.name} with 400 and a plain sentence`, async () => {
        const r = await get('mo', `/search?${bad.query}`);
        expect(r.status).toBe(400);
        expect(r.json.error.code).toBe('invalid-body');
        expect(r.json.error.message).toMatch(bad.says);
      });
    }

    it('follows each change to a comment: edited words, "only me", hiding, deletion and "forget me"', async () => {
      const g = await t.createGroup('Search follows changes');
      const writer = await t.join(g.invites.member, 'Wyn Writer');
      const find = async (token: string, q: string) => {
        const r = await t.call('GET', `/api/groups/${g.group}/search?q=${encodeURIComponent(q)}`, { token });
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        return (r.json as SearchAnswer).results.map((x) => x.itemId);
      };
      const item = comment({ text: 'The respite beds at Llandudno closed without warning.', creator: 'Wyn Writer' });
      const id = uuidOf(item);
      const path = `/api/groups/${g.group}/annotations/${id}`;
      expect((await create(t, g.group, item, writer.token)).status).toBe(201);
      expect(await find(g.member.token, 'Llandudno')).toEqual([id]);

      const edit = async (changes: Record<string, unknown>, revision: number) => {
        const r = await t.call('PUT', path, { token: writer.token, body: { ...item, ...changes }, headers: { 'if-match': `"${revision}"` } });
        expect(r.status, JSON.stringify(r.json)).toBe(200);
      };
      await edit({ body: [{ ...item.body[0], value: 'The respite beds at Conwy closed without warning.' }] }, 1);
      expect(await find(g.member.token, 'Llandudno')).toEqual([]);
      expect(await find(g.member.token, 'Conwy')).toEqual([id]);

      await edit({ body: [{ ...item.body[0], value: 'The respite beds at Conwy closed without warning.' }], visibility: 'private' }, 2);
      expect(await find(g.member.token, 'Conwy')).toEqual([]);
      expect(await find(writer.token, 'Conwy')).toEqual([id]);
      await edit({ body: [{ ...item.body[0], value: 'The respite beds at Conwy closed without warning.' }], visibility: 'group' }, 3);

      expect((await t.call('POST', `${path}/hide`, { token: g.facilitator.token, body: { reason: 'Names a place' } })).status).toBeLessThan(300);
      expect(await find(g.member.token, 'Conwy')).toEqual([]);
      expect(await find(g.facilitator.token, 'Conwy')).toEqual([id]);
      expect((await t.call('DELETE', `${path}/hide`, { token: g.facilitator.token })).status).toBeLessThan(300);
      expect(await find(g.member.token, 'Conwy')).toEqual([id]);

      const second = comment({ text: 'Conwy again: the day centre hours were cut.', creator: 'Wyn Writer', start: 700 });
      expect((await create(t, g.group, second, writer.token)).status).toBe(201);
      expect((await t.call('DELETE', path, { token: writer.token })).status).toBe(204);
      expect(await find(g.facilitator.token, 'Conwy')).toEqual([uuidOf(second)]);
      expect((await t.call('DELETE', '/api/me', { token: writer.token })).status).toBe(204);
      expect(await find(g.facilitator.token, 'Conwy')).toEqual([]);
      const left = await t.testDb.db.query<{ n: string }>('select count(*) as n from search_items where group_id = $1', [g.group]);
      expect(Number(left.rows[0]!.n)).toBe(0);
    });

    it('needs a sign-in', async () => {
      const r = await t.call('GET', `/api/groups/${s.g.group}/search?q=dignity`);
      expect(r.status).toBe(401);
    });
  });

  describe('document', () => {
    const itemsById = (page: DocumentPage | CommentPage) => new Map<ItemKey, ReadItem>(page.items.map((i) => [keyOf(uuidOf(i)), i]));

    it("gives a member the document's comments in document order, threads, counts and placeholders", async () => {
      const r = await get('mo', `/document?source=${encodeURIComponent(DOC1)}`);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      const page = r.json as DocumentPage;
      expect(page).toMatchObject({ source: DOC1, title: 'Care Act 2014 Part 1' });
      const items = itemsById(page);
      const commentKeys = page.items.filter((i) => i.kind === 'comment').map((i) => keyOf(uuidOf(i)));
      expect(commentKeys).toEqual(['private', 'dignity', 'hidden', 'caring']);
      expect(items.get('private')!.mine).toBe(true);
      expect(items.get('dignity')!.annotation).toMatchObject({ creator: { name: 'Mo Member' } });
      expect(items.get('caring')!.annotation).not.toHaveProperty('creator');
      expect(items.get('hidden')).toMatchObject({ annotation: null, hidden: { reason: 'Names a member of staff' } });
      expect(items.get('hiddenReply')).toMatchObject({ annotation: null, target: `urn:uuid:${s.uuid.dignity}`, mine: true });
      expect(items.get('hiddenReply')!.created).toMatch(/^\d{4}-/);
      for (const key of ['carerReply', 'nestedReply', 'answer'] as const) expect(items.get(key)?.annotation).toBeTruthy();
      expect(items.has('deleted')).toBe(false);
      expect(items.has('care')).toBe(false);
      expect(page.hidden).toEqual([`urn:uuid:${s.uuid.hidden}`]);
      expect(page.supportCounts).toEqual({ [`urn:uuid:${s.uuid.dignity}`]: 1 });
      expect(page.mySupports).toEqual([`urn:uuid:${s.moSupport}`]);
      expectNoLeak('mo', page);
      // The thread builder takes it as it is.
      const leaItems = page.items.filter((i) => i.annotation !== null).map((i) => i.annotation as unknown as LeaItem);
      const threads = buildThreads(leaItems, {
        hidden: page.items.filter((i) => i.annotation === null && i.target).map((i) => ({ id: i.id, target: i.target!, created: i.created! })),
        hiddenComments: page.hidden,
        supportCounts: page.supportCounts,
        mySupportIds: new Set(page.mySupports),
      });
      const thread = threads.get(`urn:uuid:${s.uuid.dignity}`)!;
      expect(thread.replyCount).toBe(3);
      expect(thread.supportCount).toBe(1);
      expect(thread.replies.map((n) => n.hidden)).toContain(true);
      expect(threads.get(`urn:uuid:${s.uuid.caring}`)).toMatchObject({ supportCount: 1, mySupportId: `urn:uuid:${s.moSupport}`, latestAnswer: { status: 'will-change' } });
    });

    it("never gives another member's \"only me\" comment; gives a facilitator hidden content", async () => {
      const sam = itemsById((await get('sam', `/document?source=${encodeURIComponent(DOC1)}`)).json as DocumentPage);
      expect(sam.has('private')).toBe(false);
      expect(sam.get('hidden')).toMatchObject({ mine: true, annotation: null });
      const fran = (await get('facilitator', `/document?source=${encodeURIComponent(DOC1)}`)).json as DocumentPage;
      const items = itemsById(fran);
      expect(items.has('private')).toBe(false);
      expect(JSON.stringify(items.get('hidden')!.annotation)).toContain(s.secrets.hidden);
      expect(items.get('hiddenReply')!.annotation).toBeTruthy();
      expect(fran.hidden).toEqual([]);
      expect(fran.supportCounts).toEqual({ [`urn:uuid:${s.uuid.dignity}`]: 1, [`urn:uuid:${s.uuid.caring}`]: 1 });
      expectNoLeak('sam', (await get('sam', `/document?source=${encodeURIComponent(DOC1)}`)).json);
      expectNoLeak('facilitator', fran);
    });

    it("another group's comments on the same document are not in this group's page", async () => {
      const r = await t.call('GET', `/api/groups/${s.other.group}/document?source=${encodeURIComponent(DOC1)}`, { token: s.other.member.token });
      expect((r.json as DocumentPage).items.map((i) => uuidOf(i))).toEqual([s.uuid.otherGroup]);
      const page = (await get('reader', `/document?source=${encodeURIComponent(DOC1)}`)).json as DocumentPage;
      expect(page.items.some((i) => uuidOf(i) === s.uuid.otherGroup)).toBe(false);
    });

    it('a document nobody commented on is empty, not an error; no source is a plain 400', async () => {
      const r = await get('reader', `/document?source=${encodeURIComponent('https://example.org/nothing')}`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ source: 'https://example.org/nothing', title: null, items: [], supportCounts: {}, mySupports: [], hidden: [] });
      const bad = await get('reader', '/document');
      expect(bad.status).toBe(400);
      expect(bad.json.error.message).toMatch(/Say which document to show/);
      expect((await get('reader', `/document?source=${'x'.repeat(2049)}`)).status).toBe(400);
    });
  });

  describe('permanent link', () => {
    it("opens a comment's thread for anyone in the group, and a reply's thread at that reply", async () => {
      const r = await get('reader', `/comments/${s.uuid.dignity}`);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      const page = r.json as CommentPage;
      expect(page).toMatchObject({ source: DOC1, title: 'Care Act 2014 Part 1', comment: `urn:uuid:${s.uuid.dignity}`, focus: `urn:uuid:${s.uuid.dignity}` });
      expect(page.items.map((i) => keyOf(uuidOf(i))).sort()).toEqual(['carerReply', 'dignity', 'hiddenReply', 'nestedReply']);
      expect(page.supportCounts).toEqual({ [`urn:uuid:${s.uuid.dignity}`]: 1 });
      expectNoLeak('reader', page);
      const nested = (await get('mo', `/comments/${s.uuid.nestedReply}`)).json as CommentPage;
      expect(nested).toMatchObject({ comment: `urn:uuid:${s.uuid.dignity}`, focus: `urn:uuid:${s.uuid.nestedReply}`, source: DOC1 });
    });

    it('a hidden comment is a placeholder (content for facilitators only)', async () => {
      const sam = await get('reader', `/comments/${s.uuid.hidden}`);
      expect(sam.status).toBe(200);
      expect(sam.json).toMatchObject({ comment: `urn:uuid:${s.uuid.hidden}`, hidden: [`urn:uuid:${s.uuid.hidden}`], source: null });
      expectNoLeak('reader', sam.json);
      const fran = await get('facilitator', `/comments/${s.uuid.hidden}`);
      expect(JSON.stringify(fran.json)).toContain(s.secrets.hidden);
    });

    const notFound: Array<[string, Asker, () => string]> = [
      ['a comment of another group', 'mo', () => s.uuid.otherGroup],
      ['a deleted comment', 'sam', () => s.uuid.deleted],
      ["another member's \"only me\" comment", 'sam', () => s.uuid.private],
      ['an id the store never had', 'mo', () => randomUUID()],
      ['a "me too"', 'mo', () => s.moSupport],
    ];
    for (const [name, who, id] of notFound) {
      it(`answers 404 for ${name}, with the same words and nothing of it`, async () => {
        const r = await get(who, `/comments/${id()}`);
        expect(r.status).toBe(404);
        expect(r.json.error).toMatchObject({ code: 'not-found', message: 'There is no such comment in your group (it may have been deleted, or the link is for another group).' });
      });
    }

    it("opens the author's own \"only me\" comment; a bad id is a plain 400", async () => {
      expect((await get('mo', `/comments/${s.uuid.private}`)).status).toBe(200);
      const bad = await get('mo', '/comments/not-a-uuid');
      expect(bad.status).toBe(400);
      expect(bad.json.error.message).toMatch(/must be a UUID/);
    });

    it("another group's address is refused as the feed refuses it", async () => {
      const r = await t.call('GET', `/api/groups/${s.other.group}/comments/${s.uuid.otherGroup}`, { token: s.g.member.token });
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.json)).not.toContain(s.secrets.otherGroup);
    });
  });

  describe('overview', () => {
    const docOf = (o: Overview, source: string) => o.documents.find((d) => d.source === source);

    it('counts what each person may see: their own "only me", hidden ones for facilitators only', async () => {
      const mo = (await get('mo', '/overview')).json as Overview;
      const sam = (await get('sam', '/overview')).json as Overview;
      const fran = (await get('facilitator', '/overview')).json as Overview;
      expect(docOf(mo, DOC1)).toMatchObject({ title: 'Care Act 2014 Part 1', comments: 3, unanswered: 2, byTheme: { workforce: 3 } });
      expect(docOf(sam, DOC1)).toMatchObject({ comments: 2, unanswered: 1 });
      expect(docOf(fran, DOC1)).toMatchObject({ comments: 3, unanswered: 2 });
      expect(docOf(mo, DOC2)).toMatchObject({ title: 'Care Act 2014 section 10', comments: 1, unanswered: 1 });
      expect(docOf(mo, DOC1)!.lastActivityAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expectNoLeak('mo', mo);
      expectNoLeak('sam', sam);
      expectNoLeak('facilitator', fran);
    });

    it('lists recent comments, replies and answers, newest first, each opening its thread', async () => {
      const o = (await get('reader', '/overview')).json as Overview;
      const byItem = new Map(o.recent.map((r) => [keyOf(r.itemId), r]));
      expect(byItem.get('answer')).toMatchObject({ kind: 'answer', source: DOC1, excerpt: 'We will look again at the support planning guidance.' });
      expect(keyOf(byItem.get('answer')!.commentId)).toBe('caring');
      expect(keyOf(byItem.get('nestedReply')!.commentId)).toBe('dignity');
      expect(byItem.has('hidden')).toBe(false);
      expect(byItem.has('private')).toBe(false);
      const ats = o.recent.map((r) => r.at);
      expect([...ats].sort().reverse()).toEqual(ats);
    });

    it("another group's overview holds only its own comment", async () => {
      const r = await t.call('GET', `/api/groups/${s.other.group}/overview`, { token: s.other.reader.token });
      expect((r.json as Overview).documents).toEqual([expect.objectContaining({ source: DOC1, comments: 1 })]);
      expect(JSON.stringify(r.json)).not.toContain('mother');
    });
  });
});
