import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../src/errors';
import { makeComment } from './support/annotations';
import type { Call } from './support/test-store';

/** What a bad-input case may use: a group, tokens per role, a revoked token. */
export interface CaseContext {
  group: string;
  otherGroup: string;
  member: string;
  reader: string;
  facilitator: string;
  revoked: string;
  existingUuid: string;
}

/** One bad request and the refusal it must get (never a 500). */
export interface BadInputCase {
  name: string;
  method: string;
  path: (c: CaseContext) => string;
  call: (c: CaseContext) => Call;
  status: number;
  code: ErrorCode;
  /** A word the plain-English message must contain. */
  mentions?: string;
}

const put = (c: CaseContext, uuid: string = randomUUID()) => `/api/groups/${c.group}/annotations/${uuid}`;
const create = { 'if-none-match': '*' };
const big = 'x'.repeat(300 * 1024);

const NUL = 'a null character';
const HALF = 'half of a character pair';
const withText = (uuid: string, text: string) => makeComment({ uuid, text });
const deep = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

/**
 * Text the database cannot keep (a null character, a lone surrogate), bodies nested
 * thousands deep and cursors that do not decode, wherever they can be sent: each once gave
 * a 500 and must be a 400 that says what is wrong and where.
 */
const UNSTORABLE_CASES: BadInputCase[] = [
  { name: 'join: null character in the name', method: 'POST', path: () => '/api/join', call: () => ({ body: { code: 'abcd-efgh-jkmn', displayName: 'Mo\u0000' } }), status: 400, code: 'invalid-body', mentions: `${NUL}, which the store cannot keep. It is at \"displayName\"` },
  { name: 'join: lone surrogate in the name', method: 'POST', path: () => '/api/join', call: () => ({ rawBody: '{"code": "abcd-efgh-jkmn", "displayName": "Mo \\ud800"}' }), status: 400, code: 'invalid-body', mentions: `${HALF} (such as a broken emoji), which the store cannot keep. It is at \"displayName\"` },
  { name: 'admin: null character in the group name', method: 'POST', path: () => '/api/admin/groups', call: () => ({ token: 'test-admin-token-0123456789', body: { name: 'NC\u0000AG' } }), status: 400, code: 'invalid-body', mentions: `${NUL}, which the store cannot keep. It is at \"name\"` },
  { name: 'hide: null character in the reason', method: 'POST', path: (c) => `${put(c, c.existingUuid)}/hide`, call: (c) => ({ token: c.facilitator, body: { reason: '\u0000' } }), status: 400, code: 'invalid-body', mentions: `${NUL}, which the store cannot keep. It is at \"reason\"` },
  { name: 'put: null character in the comment text', method: 'PUT', path: () => '', call: (c) => ({ token: c.member, body: withText('0190f0e8-7c1a-7000-8000-000000000010', 'I care for my\u0000 mum'), headers: create }), status: 400, code: 'invalid-body', mentions: `${NUL}, which the store cannot keep. It is at \"body.0.value\"` },
  {
    name: 'put: lone surrogate in the quote',
    method: 'PUT',
    path: () => '',
    call: (c) => {
      const comment = makeComment({ uuid: '0190f0e8-7c1a-7000-8000-000000000011' });
      comment.target.selector[0] = { type: 'TextQuoteSelector', exact: 'local \udc00authority', prefix: 'the ', suffix: ' must' };
      return { token: c.member, body: comment, headers: create };
    },
    status: 400,
    code: 'invalid-body',
    mentions: `${HALF} (such as a broken emoji), which the store cannot keep. It is at \"target.selector.0.exact\"`,
  },
  {
    name: 'put: null character in a field name',
    method: 'PUT',
    path: () => '',
    call: (c) => ({ token: c.member, body: { ...makeComment({ uuid: '0190f0e8-7c1a-7000-8000-000000000012' }), target: { source: 'https://x.org/', 'sel\u0000ector': [] } }, headers: create }),
    status: 400,
    code: 'invalid-body',
    mentions: 'in a field name inside "target"',
  },
  { name: 'put: JSON nested 4,000 deep', method: 'PUT', path: (c) => put(c), call: (c) => ({ token: c.member, rawBody: `{"type": "Annotation", "target": ${deep(4000)}}`, headers: create }), status: 400, code: 'invalid-body', mentions: 'nested too deeply' },
  { name: 'put: JSON nested 100,000 deep', method: 'PUT', path: (c) => put(c), call: (c) => ({ token: c.member, rawBody: deep(100_000), headers: create }), status: 400, code: 'invalid-body', mentions: 'at most 64 levels' },
  { name: 'w3c: null character in the body text', method: 'POST', path: (c) => `/annotations/${c.group}/`, call: (c) => ({ token: c.member, body: { type: 'Annotation', body: { type: 'TextualBody', value: 'x\u0000' }, target: 'http://x.org/' } }), status: 400, code: 'invalid-body', mentions: `${NUL}, which the store cannot keep. It is at \"body.value\"` },
  { name: 'w3c: lone surrogate in the target', method: 'POST', path: (c) => `/annotations/${c.group}/`, call: (c) => ({ token: c.member, rawBody: '{"type": "Annotation", "target": "http://x.org/\\ud83d"}' }), status: 400, code: 'invalid-body', mentions: `${HALF} (such as a broken emoji), which the store cannot keep. It is at \"target\"` },
  { name: 'w3c: JSON nested 4,000 deep', method: 'POST', path: (c) => `/annotations/${c.group}/`, call: (c) => ({ token: c.member, rawBody: `{"type": "Annotation", "target": "http://x.org/", "body": ${deep(4000)}}` }), status: 400, code: 'invalid-body', mentions: 'nested too deeply' },
  { name: 'revoke: null character in the member id', method: 'DELETE', path: (c) => `/api/groups/${c.group}/members/%00`, call: (c) => ({ token: c.facilitator }), status: 400, code: 'invalid-body', mentions: 'The address contains a null character, which the store cannot keep.' },
  { name: 'put: null character in the group id', method: 'PUT', path: () => `/api/groups/abc%00def/annotations/${randomUUID()}`, call: (c) => ({ token: c.member, body: makeComment(), headers: create }), status: 400, code: 'invalid-body', mentions: 'address' },
  { name: 'invite: lone surrogate in the code', method: 'DELETE', path: (c) => `/api/groups/${c.group}/invites/%ED%A0%80`, call: (c) => ({ token: c.facilitator }), status: 400, code: 'invalid-body', mentions: 'percent-encoded' },
  { name: 'digest: versions=merged', method: 'GET', path: (c) => `/api/groups/${c.group}/digest?format=csv&versions=merged`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: '"merged" is not a way to show versions in the digest' },
  { name: 'digest: perspective=cat', method: 'GET', path: (c) => `/api/groups/${c.group}/digest?format=csv&perspective=cat`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: 'The digest cannot filter by perspective "cat"' },
  { name: 'digest: from=2026-02-30x', method: 'GET', path: (c) => `/api/groups/${c.group}/digest?format=csv&from=2026-02-30x`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: '"from" must be a day written as YYYY-MM-DD' },
  { name: 'digest: passages=-1', method: 'GET', path: (c) => `/api/groups/${c.group}/digest?format=csv&passages=-1`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: '"passages" must be a whole number from 1 to 1000' },
  { name: 'digest: author over 200 characters', method: 'GET', path: (c) => `/api/groups/${c.group}/digest?format=csv&author=${'a'.repeat(201)}`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: '"author" is too long' },
  { name: 'digest: author=%00', method: 'GET', path: (c) => `/api/groups/${c.group}/digest?format=csv&author=%00`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: 'null character' },
  { name: 'digest: document=%00', method: 'GET', path: (c) => `/api/groups/${c.group}/digest?format=csv&document=%00`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: 'The "document" parameter in the address contains a null character, which the store cannot keep.' },
  { name: 'w3c: page=%00', method: 'GET', path: (c) => `/annotations/${c.group}/?page=%00`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: '"page"' },
  { name: 'w3c: page with a character HTTP headers cannot carry', method: 'GET', path: (c) => `/annotations/${c.group}/?page=%E2%80%AE`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: '"page"' },
  { name: 'changes: a cursor too large to decode', method: 'GET', path: (c) => `/api/groups/${c.group}/changes?after=zzzzzzzzzzzzzz-zzzzzzzzzzzzzz`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body' },
  { name: 'changes: a cursor with a huge second part', method: 'GET', path: (c) => `/api/groups/${c.group}/changes?after=0-zzzzzzzzzzzzzz`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body' },
];

export const BAD_INPUT_CASES: BadInputCase[] = [
  { name: 'join: malformed JSON', method: 'POST', path: () => '/api/join', call: () => ({ rawBody: '{"code": ' }), status: 400, code: 'bad-json', mentions: 'JSON' },
  { name: 'join: empty body', method: 'POST', path: () => '/api/join', call: () => ({ rawBody: '' }), status: 400, code: 'bad-json' },
  { name: 'join: an array', method: 'POST', path: () => '/api/join', call: () => ({ body: [] }), status: 400, code: 'invalid-body' },
  { name: 'join: wrong types', method: 'POST', path: () => '/api/join', call: () => ({ body: { code: 5, displayName: true } }), status: 400, code: 'invalid-body', mentions: 'code' },
  { name: 'join: unknown field', method: 'POST', path: () => '/api/join', call: () => ({ body: { code: 'a', displayName: 'b', admin: true } }), status: 400, code: 'unknown-field', mentions: 'admin' },
  { name: 'join: missing name', method: 'POST', path: () => '/api/join', call: () => ({ body: { code: 'abcd-efgh-jkmn' } }), status: 400, code: 'invalid-body', mentions: 'displayName' },
  { name: 'join: blank name', method: 'POST', path: () => '/api/join', call: () => ({ body: { code: 'abcd-efgh-jkmn', displayName: '   ' } }), status: 400, code: 'invalid-body', mentions: 'name' },
  { name: 'join: unknown code', method: 'POST', path: () => '/api/join', call: () => ({ body: { code: 'zzzz-zzzz-zzzz', displayName: 'b' } }), status: 403, code: 'invite-invalid' },
  { name: 'join: oversized body', method: 'POST', path: () => '/api/join', call: () => ({ body: { code: big, displayName: 'b' } }), status: 413, code: 'body-too-large', mentions: 'KB' },
  { name: 'put: oversized body', method: 'PUT', path: (c) => put(c), call: (c) => ({ token: c.member, body: { big }, headers: create }), status: 413, code: 'body-too-large' },
  { name: 'put: malformed JSON', method: 'PUT', path: (c) => put(c), call: (c) => ({ token: c.member, rawBody: '{"type": "Annotation",}', headers: create }), status: 400, code: 'bad-json' },
  { name: 'put: a string', method: 'PUT', path: (c) => put(c), call: (c) => ({ token: c.member, body: 'hello', headers: create }), status: 400, code: 'invalid-body' },
  { name: 'put: not a UUID in the path', method: 'PUT', path: (c) => put(c, 'not-a-uuid'), call: (c) => ({ token: c.member, body: makeComment(), headers: create }), status: 400, code: 'invalid-body', mentions: 'UUID' },
  {
    name: 'put: W3C annotation without target',
    method: 'PUT',
    path: (c) => put(c, '0190f0e8-7c1a-7000-8000-000000000001'),
    call: (c) => ({ token: c.member, body: { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:0190f0e8-7c1a-7000-8000-000000000001', type: 'Annotation' }, headers: create }),
    status: 400,
    code: 'invalid-body',
    mentions: 'target',
  },
  {
    name: 'put: not an Annotation',
    method: 'PUT',
    path: (c) => put(c, '0190f0e8-7c1a-7000-8000-000000000002'),
    call: (c) => ({ token: c.member, body: { id: 'urn:uuid:0190f0e8-7c1a-7000-8000-000000000002', type: 'Note', target: 'http://x.org/' }, headers: create }),
    status: 400,
    code: 'invalid-body',
    mentions: 'type',
  },
  {
    name: 'put: comment with an unknown field',
    method: 'PUT',
    path: () => '',
    call: (c) => ({ token: c.member, body: { ...makeComment({ uuid: '0190f0e8-7c1a-7000-8000-000000000003' }), colour: 'red' }, headers: create }),
    status: 400,
    code: 'unknown-field',
    mentions: 'colour',
  },
  {
    name: 'put: comment with a wrong type',
    method: 'PUT',
    path: () => '',
    call: (c) => ({ token: c.member, body: { ...makeComment({ uuid: '0190f0e8-7c1a-7000-8000-000000000004' }), visibility: 5 }, headers: create }),
    status: 400,
    code: 'invalid-body',
    mentions: 'visibility',
  },
  { name: 'put: another group', method: 'PUT', path: (c) => `/api/groups/${c.otherGroup}/annotations/${randomUUID()}`, call: (c) => ({ token: c.member, body: makeComment(), headers: create }), status: 403, code: 'forbidden' },
  { name: 'put: a group that does not exist', method: 'PUT', path: () => `/api/groups/nosuchgroup/annotations/${randomUUID()}`, call: (c) => ({ token: c.member, body: makeComment(), headers: create }), status: 403, code: 'forbidden' },
  { name: 'put: a reader writing', method: 'PUT', path: (c) => put(c), call: (c) => ({ token: c.reader, body: makeComment(), headers: create }), status: 403, code: 'forbidden', mentions: 'read' },
  { name: 'put: no token', method: 'PUT', path: (c) => put(c), call: () => ({ body: makeComment(), headers: create }), status: 401, code: 'unauthenticated' },
  { name: 'put: unknown token', method: 'PUT', path: (c) => put(c), call: () => ({ token: 'nonsense', body: makeComment(), headers: create }), status: 401, code: 'unauthenticated' },
  { name: 'put: Basic auth', method: 'PUT', path: (c) => put(c), call: () => ({ headers: { ...create, authorization: 'Basic YTpi' }, body: makeComment() }), status: 401, code: 'unauthenticated' },
  { name: 'put: revoked token', method: 'PUT', path: (c) => put(c), call: (c) => ({ token: c.revoked, body: makeComment(), headers: create }), status: 401, code: 'token-revoked', mentions: 'withdrawn' },
  { name: 'changes: bad cursor', method: 'GET', path: (c) => `/api/groups/${c.group}/changes?after=%22%3Cscript%3E`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: 'cursor' },
  { name: 'changes: bad limit', method: 'GET', path: (c) => `/api/groups/${c.group}/changes?limit=abc`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: 'limit' },
  { name: 'changes: limit too large', method: 'GET', path: (c) => `/api/groups/${c.group}/changes?limit=1001`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body' },
  { name: 'stream: bad Last-Event-ID', method: 'GET', path: (c) => `/api/groups/${c.group}/stream`, call: (c) => ({ token: c.reader, headers: { 'last-event-id': 'garbage!' } }), status: 400, code: 'invalid-body' },
  { name: 'hide: a member moderating', method: 'POST', path: (c) => `${put(c, c.existingUuid)}/hide`, call: (c) => ({ token: c.member, body: { reason: 'x' } }), status: 403, code: 'forbidden' },
  { name: 'hide: no reason', method: 'POST', path: (c) => `${put(c, c.existingUuid)}/hide`, call: (c) => ({ token: c.facilitator, body: {} }), status: 400, code: 'invalid-body', mentions: 'reason' },
  { name: 'hide: unknown comment', method: 'POST', path: (c) => `${put(c)}/hide`, call: (c) => ({ token: c.facilitator, body: { reason: 'x' } }), status: 404, code: 'not-found' },
  { name: 'invite: unknown role', method: 'POST', path: (c) => `/api/groups/${c.group}/invites`, call: (c) => ({ token: c.facilitator, body: { role: 'admin' } }), status: 400, code: 'invalid-body', mentions: 'role' },
  { name: 'revoke: unknown member', method: 'DELETE', path: (c) => `/api/groups/${c.group}/members/nobody`, call: (c) => ({ token: c.facilitator }), status: 404, code: 'not-found' },
  { name: 'admin: empty group name', method: 'POST', path: () => '/api/admin/groups', call: () => ({ token: 'test-admin-token-0123456789', body: { name: '' } }), status: 400, code: 'invalid-body', mentions: 'name' },
  { name: 'w3c: malformed JSON', method: 'POST', path: (c) => `/annotations/${c.group}/`, call: (c) => ({ token: c.member, rawBody: '<xml/>' }), status: 400, code: 'bad-json' },
  { name: 'w3c: an array', method: 'POST', path: (c) => `/annotations/${c.group}/`, call: (c) => ({ token: c.member, body: [1, 2] }), status: 400, code: 'invalid-body' },
  { name: 'w3c: bad page', method: 'GET', path: (c) => `/annotations/${c.group}/?page=-1`, call: (c) => ({ token: c.reader }), status: 400, code: 'invalid-body', mentions: 'page' },
  {
    name: 'w3c: id of another annotation',
    method: 'PUT',
    path: (c) => `/annotations/${c.group}/${c.existingUuid}`,
    call: (c) => ({ token: c.member, body: { type: 'Annotation', id: 'http://elsewhere.org/1', target: 'http://x.org/' }, headers: { 'if-match': '"1"' } }),
    status: 400,
    code: 'invalid-body',
  },
  { name: 'unknown address', method: 'GET', path: () => '/api/nothing-here', call: () => ({}), status: 404, code: 'not-found' },
  ...UNSTORABLE_CASES,
];
