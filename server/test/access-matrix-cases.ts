import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../src/auth/roles';
import { makeComment, uuidOf } from './support/annotations';
import type { Call, TestGroup, TestStore } from './support/test-store';

/** A group prepared for the matrix: people, a shared, a private and a hidden comment. */
export interface MatrixGroup extends TestGroup {
  shared: string;
  private: string;
  hiddenOne: string;
  /** Text only this group's comments contain: must never show up for another group. */
  secret: string;
}

/** One route, what it takes to call it on a group, and which roles may. */
export interface RouteCase {
  name: string;
  allowed: Role[];
  okStatus: number;
  /** Build the request against group `g` (may create what it needs as the group's member). */
  request(t: TestStore, g: MatrixGroup): Promise<{ method: string; path: string; call: Omit<Call, 'token'> }>;
}

const ALL: Role[] = [...ROLES];
/** Who writes new comments: members and facilitators (utils/model/roles.ts). */
const WRITERS: Role[] = ['facilitator', 'member'];

/** Every download format of `GET /api/groups/{group}/digest`. */
export const DIGEST_FORMATS = ['csv', 'md', 'html', 'docx', 'jsonld'] as const;

async function newComment(t: TestStore, g: MatrixGroup): Promise<string> {
  const a = makeComment({ text: `${g.secret} extra` });
  await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
  return uuidOf(a);
}

// Edits and deletes act on a comment the group's member wrote: only its author may change it,
// so a facilitator (who may write their own) is refused there like a reader.
export const ROUTE_CASES: RouteCase[] = [
  { name: 'GET changes', allowed: ALL, okStatus: 200, request: async (_t, g) => ({ method: 'GET', path: `/api/groups/${g.group}/changes`, call: {} }) },
  { name: 'GET annotation', allowed: ALL, okStatus: 200, request: async (_t, g) => ({ method: 'GET', path: `/api/groups/${g.group}/annotations/${g.shared}`, call: {} }) },
  {
    name: 'PUT annotation',
    allowed: WRITERS,
    okStatus: 201,
    request: async (_t, g) => {
      const a = makeComment({ text: g.secret });
      return { method: 'PUT', path: `/api/groups/${g.group}/annotations/${uuidOf(a)}`, call: { body: a, headers: { 'if-none-match': '*' } } };
    },
  },
  { name: 'DELETE annotation', allowed: ['member'], okStatus: 204, request: async (t, g) => ({ method: 'DELETE', path: `/api/groups/${g.group}/annotations/${await newComment(t, g)}`, call: {} }) },
  { name: 'POST hide', allowed: ['facilitator'], okStatus: 200, request: async (t, g) => ({ method: 'POST', path: `/api/groups/${g.group}/annotations/${await newComment(t, g)}/hide`, call: { body: { reason: 'test' } } }) },
  {
    name: 'DELETE hide',
    allowed: ['facilitator'],
    okStatus: 200,
    request: async (t, g) => {
      const uuid = await newComment(t, g);
      await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/hide`, { token: g.facilitator.token, body: { reason: 'to unhide' } });
      return { method: 'DELETE', path: `/api/groups/${g.group}/annotations/${uuid}/hide`, call: {} };
    },
  },
  { name: 'POST invites', allowed: ['facilitator'], okStatus: 201, request: async (_t, g) => ({ method: 'POST', path: `/api/groups/${g.group}/invites`, call: { body: { role: 'reader' } } }) },
  {
    name: 'DELETE invite',
    allowed: ['facilitator'],
    okStatus: 204,
    request: async (t, g) => {
      const r = await t.call('POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'reader' } });
      return { method: 'DELETE', path: `/api/groups/${g.group}/invites/${r.json.code}`, call: {} };
    },
  },
  { name: 'GET members', allowed: ['facilitator'], okStatus: 200, request: async (_t, g) => ({ method: 'GET', path: `/api/groups/${g.group}/members`, call: {} }) },
  {
    name: 'DELETE member',
    allowed: ['facilitator'],
    okStatus: 204,
    request: async (t, g) => {
      const someone = await t.join(g.invites.reader, 'Throwaway');
      return { method: 'DELETE', path: `/api/groups/${g.group}/members/${someone.memberId}`, call: {} };
    },
  },
  { name: 'GET W3C container', allowed: ALL, okStatus: 200, request: async (_t, g) => ({ method: 'GET', path: `/annotations/${g.group}/`, call: {} }) },
  { name: 'GET W3C page', allowed: ALL, okStatus: 200, request: async (_t, g) => ({ method: 'GET', path: `/annotations/${g.group}/?page=0`, call: {} }) },
  {
    name: 'POST W3C container',
    allowed: WRITERS,
    okStatus: 201,
    request: async (_t, g) => ({ method: 'POST', path: `/annotations/${g.group}/`, call: { body: { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: { type: 'TextualBody', value: g.secret }, target: 'http://example.com/' } } }),
  },
  { name: 'GET W3C annotation', allowed: ALL, okStatus: 200, request: async (_t, g) => ({ method: 'GET', path: `/annotations/${g.group}/${g.shared}`, call: {} }) },
  {
    name: 'PUT W3C annotation',
    allowed: ['member'],
    okStatus: 200,
    request: async (t, g) => {
      const uuid = await newComment(t, g);
      const a = makeComment({ uuid, text: `${g.secret} edited` });
      return { method: 'PUT', path: `/annotations/${g.group}/${uuid}`, call: { body: a, headers: { 'if-match': '"1"' } } };
    },
  },
  { name: 'DELETE W3C annotation', allowed: ['member'], okStatus: 204, request: async (t, g) => ({ method: 'DELETE', path: `/annotations/${g.group}/${await newComment(t, g)}`, call: {} }) },
  ...DIGEST_FORMATS.map(
    (format): RouteCase => ({ name: `GET digest (${format})`, allowed: ALL, okStatus: 200, request: async (_t, g) => ({ method: 'GET', path: `/api/groups/${g.group}/digest?format=${format}`, call: {} }) }),
  ),
];

/** Set up a group for the matrix with its own secret marker. */
export async function prepareGroup(t: TestStore, name: string): Promise<MatrixGroup> {
  const g = await t.createGroup(name);
  const secret = `SECRET-${name}-${randomUUID().slice(0, 8)}`;
  const shared = makeComment({ text: `${secret} shared`, creator: `${secret} Person` });
  const priv = makeComment({ text: `${secret} private`, visibility: 'private' });
  const hidden = makeComment({ text: `${secret} hidden` });
  for (const a of [shared, priv, hidden]) {
    await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
  }
  await t.call('POST', `/api/groups/${g.group}/annotations/${uuidOf(hidden)}/hide`, { token: g.facilitator.token, body: { reason: 'moderated' } });
  return { ...g, shared: uuidOf(shared), private: uuidOf(priv), hiddenOne: uuidOf(hidden), secret };
}
