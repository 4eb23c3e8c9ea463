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
];
