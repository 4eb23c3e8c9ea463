import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from '../../../test/support/annotations';
import { BACKENDS } from '../../../test/support/test-db';
import { openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';

// Issue 14, "Versions" 4, through the store: `versions=together` puts a provision's versions in
// one document of the digest (the group's links and legislation.gov.uk's own versions), each
// comment saying which version it was written on; a document's digest takes in its versions.
const BILL = 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html';
const ENACTED = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
const POINT_IN_TIME = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/2014-10-01';

describe.each(BACKENDS)('digest with versions together on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let other: TestGroup;

  async function put(group: TestGroup, source: string, text: string) {
    const base = makeComment({ text });
    const body = { ...base, target: { ...base.target, source } };
    const r = await t.call('PUT', `/api/groups/${group.group}/annotations/${uuidOf(body)}`, { token: group.member.token, body, headers: { 'if-none-match': '*' } });
    expect(r.status).toBe(201);
  }

  async function digest(group: TestGroup, query: string) {
    const res = await t.store.app.request(`http://store.test/api/groups/${group.group}/digest?${query}`, { headers: { authorization: `Bearer ${group.reader.token}` } });
    return { status: res.status, text: await res.text() };
  }

  beforeAll(async () => {
    t = await openTestStore(kind);
    g = await t.createGroup('NCAG');
    other = await t.createGroup('Other');
    await put(g, BILL, 'On the Bill: who decides what well-being means?');
    await put(g, ENACTED, 'On the Act as enacted: dignity comes first.');
    await put(g, POINT_IN_TIME, 'On the 2014 version: it still says the same.');
    const linked = await t.call('POST', `/api/groups/${g.group}/document-links`, { token: g.facilitator.token, body: { earlier: BILL, later: ENACTED, earlierLabel: 'the Care Bill (2013-14)' } });
    expect(linked.status).toBe(201);
    // Another group's link between the same documents changes nothing here.
    await t.call('POST', `/api/groups/${other.group}/document-links`, { token: other.facilitator.token, body: { earlier: BILL, later: ENACTED, earlierLabel: 'OTHER-GROUP label' } });
  });
  afterAll(async () => t.close());

  it('versions=together: one document, each comment naming the version it was written on (Markdown)', async () => {
    const md = await digest(g, 'format=md&versions=together');
    expect(md.status).toBe(200);
    expect(md.text).toContain('Written on the Care Bill (2013-14)');
    expect(md.text).toContain('Written on the version as enacted');
    expect(md.text).toContain('Written on the version as it stood on 1 October 2014');
    expect(md.text).not.toContain('OTHER-GROUP');
    // Without it, nothing about versions (every address its own document).
    expect((await digest(g, 'format=md')).text).not.toContain('Written on');
  });

  it('a document digest with versions together takes in its versions; the CSV says which each was on', async () => {
    const csv = await digest(g, `format=csv&versions=together&document=${encodeURIComponent(POINT_IN_TIME)}`);
    expect(csv.status).toBe(200);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.endsWith(',Version written on')).toBe(true);
    expect(lines.slice(1)).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.slice(l.lastIndexOf(',') + 1)).sort()).toEqual([
      'Written on the Care Bill (2013-14)',
      'Written on the version as enacted',
      'Written on the version as it stood on 1 October 2014',
    ]);
    const apart = await digest(g, `format=csv&document=${encodeURIComponent(POINT_IN_TIME)}`);
    expect(apart.text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1)).toHaveLength(1);
  });

  it('in Welsh with lang=cy', async () => {
    const md = await digest(g, 'format=md&versions=together&lang=cy');
    expect(md.text).toContain('Ysgrifennwyd ar y fersiwn fel y’i deddfwyd');
  });

  it('refuses any other versions value in plain words', async () => {
    const bad = await t.call('GET', `/api/groups/${g.group}/digest?format=csv&versions=merged`, { token: g.reader.token });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('"merged" is not a way to show versions in the digest: use "versions=together" to put each document\'s versions together, or leave it out to keep every address apart.');
  });
});

describe.each(BACKENDS)('digest with the side panel’s filters on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
    g = await t.createGroup('NCAG');
    for (const [text, perspective] of [
      ['As a carer I was never asked.', 'carer'],
      ['I use care and support and nobody explained it.', 'uses-care'],
    ] as const) {
      const body = { ...makeComment({ text }), perspective };
      expect((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(body)}`, { token: g.member.token, body, headers: { 'if-none-match': '*' } })).status).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('perspective, answer and passages narrow the digest, which says so', async () => {
    const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/digest?format=md&perspective=carer&answer=not-answered`, { headers: { authorization: `Bearer ${g.reader.token}` } });
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toContain('As a carer I was never asked.');
    expect(md).not.toContain('nobody explained it');
    expect(md).toContain('Only comments that are: from the perspective “I am a carer”; not answered yet.');
    const busy = await t.store.app.request(`http://store.test/api/groups/${g.group}/digest?format=csv&passages=2`, { headers: { authorization: `Bearer ${g.reader.token}` } });
    // Both comments are on the same passage (makeComment's quote and place).
    expect((await busy.text()).replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(3);
  });

  it.each([
    ['perspective=cat', 'The digest cannot filter by perspective "cat": use one of "uses-care", "carer"'],
    ['kind=essay', 'The digest cannot filter by kind "essay"'],
    ['answer=maybe', 'The digest cannot filter by answer "maybe": use one of "not-answered", "noted"'],
    ['from=2026-13-45', '"from" must be a day written as YYYY-MM-DD'],
    ['to=yesterday', '"to" must be a day written as YYYY-MM-DD'],
    ['passages=0', '"passages" must be a whole number from 1 to 1000'],
    ['passages=3.5', '"passages" must be a whole number from 1 to 1000'],
  ])('refuses %s in plain words', async (query, words) => {
    const r = await t.call('GET', `/api/groups/${g.group}/digest?format=csv&${query}`, { token: g.reader.token });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain(words);
  });
});
