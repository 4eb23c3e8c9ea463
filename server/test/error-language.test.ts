import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/test-db';
import { makeComment } from './support/annotations';
import { makeReply } from './support/conversation';
import { ADMIN_TOKEN, openTestStore, type Call, type TestGroup, type TestStore } from './support/test-store';
import { translator, type MessageRef } from '../../utils/i18n/translate';

const PARENT = 'urn:uuid:0190f0e8-7c1a-7000-8000-0000000000aa';
const REPLY_UUID = '0190f0e8-7c1a-7000-8000-0000000000ab';
/** A reply whose text is only spaces (built well, then emptied: the extension would not send it). */
function emptyReply() {
  const reply = makeReply(PARENT, { uuid: REPLY_UUID });
  return { ...reply, body: [{ ...reply.body[0], value: '   ' }] };
}

/** One refusal of each kind a person meets: what to send, and the words they then read. */
interface RefusalCase {
  name: string;
  status: number;
  code: string;
  send: (g: TestGroup) => { method: string; path: string; call: Call };
  english: string;
  welsh: string;
}

const CASES: RefusalCase[] = [
  {
    name: '400 a body that is not an object',
    status: 400,
    code: 'invalid-body',
    send: () => ({ method: 'POST', path: '/api/join', call: { body: [] } }),
    english: 'The request body must be a JSON object, like {"name": "value"}.',
    welsh: 'Rhaid i gorff y cais fod yn wrthrych JSON, fel {"name": "value"}.',
  },
  {
    name: '400 a field the store does not know',
    status: 400,
    code: 'unknown-field',
    send: () => ({ method: 'POST', path: '/api/join', call: { body: { code: 'abc', displayName: 'Sam', colour: 'blue' } } }),
    english: 'The request body has a field the store does not know: "colour". Remove it and try again.',
    welsh: 'Mae gan gorff y cais faes nad yw’r storfa’n ei adnabod: "colour". Tynnwch ef a rhowch gynnig arall arni.',
  },
  {
    name: '400 a comment id that is not a UUID',
    status: 400,
    code: 'invalid-body',
    send: (g) => ({ method: 'GET', path: `/api/groups/${g.group}/annotations/not-a-uuid`, call: { token: g.member.token } }),
    english: 'The comment id in the address must be a UUID (for example 0190f0e8-7c1a-7000-8000-000000000000).',
    welsh: 'Rhaid i ddynodwr y sylw yn y cyfeiriad fod yn UUID (er enghraifft 0190f0e8-7c1a-7000-8000-000000000000).',
  },
  {
    name: '400 a null character in the address',
    status: 400,
    code: 'invalid-body',
    send: (g) => ({ method: 'GET', path: `/api/groups/${g.group}/digest?format=csv&document=%00`, call: { token: g.reader.token } }),
    english: 'The "document" parameter in the address contains a null character, which the store cannot keep.',
    welsh: 'Mae nod null yn y paramedr "document" yn y cyfeiriad, ac ni all y storfa ei gadw.',
  },
  {
    name: '400 a null character in a field of the body',
    status: 400,
    code: 'invalid-body',
    send: () => ({ method: 'POST', path: '/api/join', call: { body: { code: 'abc', displayName: 'Sam\u0000' } } }),
    english: 'The request contains a null character, which the store cannot keep. It is at "displayName". Remove it and try again.',
    welsh: 'Mae nod null yn y cais, ac ni all y storfa ei gadw. Mae i’w gael yn "displayName". Tynnwch ef a rhowch gynnig arall arni.',
  },
  {
    name: '400 a body nested too deeply',
    status: 400,
    code: 'invalid-body',
    send: () => ({ method: 'POST', path: '/api/join', call: { rawBody: `${'['.repeat(200)}${']'.repeat(200)}`, headers: { 'content-type': 'application/json' } } }),
    english: 'The request body is nested too deeply: the store accepts at most 64 levels of lists and objects.',
    welsh: 'Mae corff y cais wedi’i nythu’n rhy ddwfn: mae’r storfa’n derbyn 64 lefel o restrau a gwrthrychau ar y mwyaf.',
  },
  {
    name: '400 a cursor the store never gave out',
    status: 400,
    code: 'invalid-body',
    send: (g) => ({ method: 'GET', path: `/api/groups/${g.group}/changes?after=zzzz`, call: { token: g.reader.token } }),
    english: 'The "after" cursor "zzzz" is not one this store gave out. Start again without it to fetch everything.',
    welsh: 'Nid yw’r cyrchwr "after" "zzzz" yn un a roddodd y storfa hon. Dechreuwch eto hebddo i nôl popeth.',
  },
  {
    name: '400 a group name that is a number (the schema’s own message, naming the field)',
    status: 400,
    code: 'invalid-body',
    send: () => ({ method: 'POST', path: '/api/admin/groups', call: { token: ADMIN_TOKEN, body: { name: 42 } } }),
    english: 'The request body is not valid: The group name must be text. (at name)',
    welsh: 'Nid yw corff y cais yn ddilys: Rhaid i enw’r grŵp fod yn destun. (yn name)',
  },
  {
    name: '400 a reply with empty text',
    status: 400,
    code: 'invalid-body',
    send: (g) => ({ method: 'PUT', path: `/api/groups/${g.group}/annotations/${REPLY_UUID}`, call: { token: g.member.token, body: emptyReply(), headers: { 'if-none-match': '*' } } }),
    english: 'The reply is not valid: Please write something in your reply before sending it. (at body.0.value)',
    welsh: 'Nid yw’r ateb yn ddilys: Ysgrifennwch rywbeth yn eich ateb cyn ei anfon. (yn body.0.value)',
  },
  {
    name: '400 a field of the wrong kind (valibot’s own problem, with the kinds in the reader’s words)',
    status: 400,
    code: 'invalid-body',
    send: (g) => ({
      method: 'PUT',
      path: `/api/groups/${g.group}/annotations/0190f0e8-7c1a-7000-8000-0000000000ac`,
      call: { token: g.member.token, body: { ...makeComment({ uuid: '0190f0e8-7c1a-7000-8000-0000000000ac' }), section: ['a list'] }, headers: { 'if-none-match': '*' } },
    }),
    english: 'The comment is not valid: "section" should be text, not a list.',
    welsh: 'Nid yw’r sylw yn ddilys: Dylai "section" fod yn destun, nid yn rhestr.',
  },
  {
    name: '401 no sign-in',
    status: 401,
    code: 'unauthenticated',
    send: () => ({ method: 'GET', path: '/api/me', call: {} }),
    english: 'This needs your group invite: send "Authorization: Bearer <token>" (join with your invite code first).',
    welsh: 'Mae angen gwahoddiad eich grŵp ar gyfer hyn: anfonwch "Authorization: Bearer <token>" (ymunwch gyda’ch cod gwahodd yn gyntaf).',
  },
  {
    name: '403 a member asking for the facilitator’s invites',
    status: 403,
    code: 'forbidden',
    send: (g) => ({ method: 'GET', path: `/api/groups/${g.group}/invites`, call: { token: g.member.token } }),
    english: 'Only a facilitator can manage invites and members.',
    welsh: 'Dim ond hwylusydd sy’n gallu rheoli gwahoddiadau ac aelodau.',
  },
  {
    name: '404 a comment that is not there',
    status: 404,
    code: 'not-found',
    send: (g) => ({ method: 'GET', path: `/api/groups/${g.group}/annotations/0190f0e8-7c1a-7000-8000-000000000000`, call: { token: g.member.token } }),
    english: 'There is no such comment in your group (it may have been deleted).',
    welsh: 'Does dim sylw o’r fath yn eich grŵp (efallai ei fod wedi’i ddileu).',
  },
  {
    name: '404 an unknown address',
    status: 404,
    code: 'not-found',
    send: () => ({ method: 'GET', path: '/api/nothing-here', call: {} }),
    english: 'There is nothing at GET /api/nothing-here.',
    welsh: 'Does dim byd yn GET /api/nothing-here.',
  },
];

describe.each(BACKENDS)('refusals in the reader’s language on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let asked = 0;

  beforeAll(async () => {
    t = await openTestStore(kind, { limits: { write: { max: 100_000, windowSeconds: 60 }, join: { max: 3, windowSeconds: 600 } } });
    g = await t.createGroup();
  });
  afterAll(async () => t.close());

  async function ask(c: RefusalCase, extra: { header?: string; query?: string }) {
    const { method, path, call } = c.send(g);
    // A client address of its own per call, so the join limit (3 here) never answers first.
    asked += 1;
    const headers = { 'x-test-client': `198.51.100.${asked}`, ...call.headers, ...(extra.header ? { 'accept-language': extra.header } : {}) };
    const address = extra.query ? `${path}${path.includes('?') ? '&' : '?'}${extra.query}` : path;
    return t.call(method, address, { ...call, headers });
  }

  it.each(CASES)('$name: English by default, with Content-Language en-GB', async (c) => {
    const r = await ask(c, {});
    expect(r.status).toBe(c.status);
    expect(r.json.error).toMatchObject({ code: c.code, message: c.english });
    expect(r.headers.get('content-language')).toBe('en-GB');
    // The catalogue messages go with the words, so a client that keeps the refusal can say it
    // again in its reader's language later: they give the same sentence in both.
    const messages = r.json.error.messages as MessageRef[];
    expect(messages.map((m) => translator('en-GB').tr(m)).join(' ')).toBe(c.english);
    expect(messages.map((m) => translator('cy').tr(m)).join(' ')).toBe(c.welsh);
  });

  it.each(CASES)('$name: Welsh for "Accept-Language: cy", the code unchanged', async (c) => {
    const r = await ask(c, { header: 'cy-GB, en;q=0.5' });
    expect(r.status).toBe(c.status);
    expect(r.json.error).toMatchObject({ code: c.code, message: c.welsh });
    expect(r.headers.get('content-language')).toBe('cy');
  });

  it.each(CASES)('$name: "?lang=cy" wins over an English browser, and "?lang=en-GB" over a Welsh one', async (c) => {
    const welsh = await ask(c, { header: 'en-GB', query: 'lang=cy' });
    expect(welsh.json.error.message).toBe(c.welsh);
    expect(welsh.headers.get('content-language')).toBe('cy');
    const english = await ask(c, { header: 'cy', query: 'lang=en-GB' });
    expect(english.json.error.message).toBe(c.english);
    expect(english.headers.get('content-language')).toBe('en-GB');
  });

  it('429: too many joins, in Welsh with the seconds to wait (Welsh keeps the singular noun after a number)', async () => {
    await t.testDb.db.query('delete from rate_limits');
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestStore['call']>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await t.call('POST', '/api/join', { body: { code: 'nope-nope-nope', displayName: 'Sam' }, headers: { 'accept-language': 'cy', 'x-test-client': '203.0.113.9' } });
      statuses.push(last.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(last!.json.error.code).toBe('rate-limited');
    expect(last!.json.error.message).toMatch(/^Gormod o ymdrechion i ymuno mewn amser byr\. Arhoswch \d+ eiliad a rhowch gynnig arall arni\.$/);
    expect(last!.headers.get('content-language')).toBe('cy');
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
