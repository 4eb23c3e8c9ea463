import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ROLES, type Role } from '../src/auth/roles';
import { makeComment, uuidOf } from './support/annotations';
import { makeReply, makeSupport } from './support/conversation';
import { ADMIN_TOKEN, type Answer, type TestGroup, type TestStore } from './support/test-store';

/**
 * The web app's access matrix (issue 13, notes/webapp-contract.md): every route the web app
 * calls with its session cookie, and every group route a cookie reaches, with who may call it,
 * how to build the call, and how to tell that a refusal gave nothing of the group away.
 * webapp-access.test.ts runs it in every state; the CSRF, permalink and bad-input tests use
 * the helpers here too.
 */

/** The address tests call the store at (t.call's origin). */
export const STORE_ORIGIN = 'http://store.test';
export const SESSION_COOKIE = 'lea_session';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A web session as the browser holds it: the cookie's value and the CSRF token the page was given. */
export interface WebSessionOf {
  cookie: string;
  csrfToken: string;
  memberId: string;
  role: Role;
}

/** A call to the store from the web app (cookie) or the extension (bearer), or signed out. */
export interface WebCall {
  session?: WebSessionOf | undefined;
  /** The X-CSRF-Token to send with the cookie: default the session's own on writes; null sends none. */
  csrf?: string | null;
  /** Origin header: default the store's own on a cookie write (as a browser sends it); null sends none. */
  origin?: string | null;
  /** A raw Cookie header instead of the session's. */
  cookieHeader?: string;
  token?: string | undefined;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Every answer seen by webCall (for the "never 5xx" check at the end of a run). */
export const SEEN: Array<{ method: string; path: string; status: number }> = [];

/** Call the store as the web app would (cookie, CSRF token, same Origin) or with a bearer token. */
export async function webCall(t: TestStore, method: string, path: string, c: WebCall = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...c.headers };
  const write = WRITE_METHODS.has(method);
  if (c.cookieHeader !== undefined) headers.cookie = c.cookieHeader;
  else if (c.session) headers.cookie = `${SESSION_COOKIE}=${c.session.cookie}`;
  if (c.session) {
    const csrf = c.csrf === undefined ? (write ? c.session.csrfToken : null) : c.csrf;
    if (csrf !== null && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrf;
  }
  const origin = c.origin === undefined ? (write && (c.session || c.cookieHeader) ? STORE_ORIGIN : null) : c.origin;
  if (origin !== null && !('origin' in headers)) headers.origin = origin;
  const answer = await t.call(method, path, { token: c.token, headers, ...(c.rawBody !== undefined ? { rawBody: c.rawBody } : {}), ...(c.body !== undefined ? { body: c.body } : {}) });
  SEEN.push({ method, path: path.slice(0, 120), status: answer.status });
  return answer;
}

/** The value of the session cookie an answer sets (null when it sets none). */
export function setSessionCookie(answer: Answer): { value: string; attributes: string } | null {
  for (const line of answer.headers.getSetCookie()) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)(.*)$`).exec(line);
    if (match) return { value: match[1]!, attributes: match[2]! };
  }
  return null;
}

/** Sign in at the web app with a code (an invite needs a name); fails the test if it does not work. */
export async function signIn(t: TestStore, code: string, name?: string): Promise<WebSessionOf> {
  const r = await webCall(t, 'POST', '/api/web/sign-in', { body: { code, ...(name !== undefined ? { name } : {}) }, origin: STORE_ORIGIN });
  expect(r.status, `sign-in: ${JSON.stringify(r.json)}`).toBe(200);
  const cookie = setSessionCookie(r);
  expect(cookie, 'sign-in sets the session cookie').not.toBeNull();
  return { cookie: cookie!.value, csrfToken: r.json.csrfToken, memberId: r.json.memberId, role: r.json.role };
}

/** A group for the web matrix: its people (named with the secret), comments on a shared address, a theme. */
export interface WebGroup extends TestGroup {
  label: string;
  /** In every comment, quote, name, reply and theme label of this group: must never reach anyone else. */
  secret: string;
  /** The people's display names (all contain the secret). */
  names: string[];
  /** A shared comment (by the member), a private one, a hidden one and a reply to the shared one (uuids). */
  shared: string;
  private: string;
  hiddenOne: string;
  reply: string;
  /** The web sessions of three people who signed in with the group's invites, one per role. */
  web: Record<Role, WebSessionOf>;
}

/** The policy page every group's comments are on (the same address in every group). */
export const SHARED_SOURCE = 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted';

function quoteOf(secret: string, what: string) {
  const a = makeComment({ text: `${secret} ${what}: dignity matters when care is arranged`, creator: `${secret} Mo` });
  const target = a.target as { source: string; selector: Array<Record<string, unknown>> };
  target.selector[0] = { type: 'TextQuoteSelector', exact: `${secret} quoted ${what}`, prefix: 'the ', suffix: ' must' };
  return a;
}

/** Make a group whose every piece of content carries its own secret marker, and sign one person per role in to the web app. */
export async function prepareWebGroup(t: TestStore, label: string): Promise<WebGroup> {
  const secret = `SECRET${label}${randomUUID().slice(0, 8)}`;
  const made = await t.call('POST', '/api/admin/groups', { token: ADMIN_TOKEN, body: { name: `${secret} group` } });
  expect(made.status, JSON.stringify(made.json)).toBe(201);
  const { group, invites } = made.json as { group: string; invites: Record<Role, string> };
  const names = { facilitator: `${secret} Fran`, member: `${secret} Mo`, reader: `${secret} Ria` };
  const [facilitator, member, reader] = await Promise.all(ROLES.map((role) => t.join(invites[role], names[role])));
  const g: TestGroup = { group, invites, facilitator: facilitator!, member: member!, reader: reader! };
  const shared = quoteOf(secret, 'shared');
  const priv = { ...quoteOf(secret, 'private'), visibility: 'private' as const };
  const hidden = quoteOf(secret, 'hidden');
  for (const a of [shared, priv, hidden]) {
    const r = await t.call('PUT', `/api/groups/${group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
  expect((await t.call('POST', `/api/groups/${group}/annotations/${uuidOf(hidden)}/hide`, { token: g.facilitator.token, body: { reason: `${secret} moderated` } })).status).toBe(200);
  const reply = makeReply(shared.id, { text: `${secret} reply`, authorName: names.reader });
  expect((await t.call('PUT', `/api/groups/${group}/annotations/${uuidOf(reply)}`, { token: g.reader.token, body: reply, headers: { 'if-none-match': '*' } })).status).toBe(201);
  const web = {} as Record<Role, WebSessionOf>;
  for (const role of ROLES) web[role] = await signIn(t, invites[role], `${secret} Web ${role}`);
  return {
    ...g,
    label,
    secret,
    names: [...Object.values(names), ...ROLES.map((role) => `${secret} Web ${role}`)],
    shared: uuidOf(shared),
    private: uuidOf(priv),
    hiddenOne: uuidOf(hidden),
    reply: uuidOf(reply),
    web,
  };
}

/**
 * A refusal gives nothing away: only `{ error: { code, message } }` (no counts, no lists), and
 * no text of the group (comments, quotes, names, theme labels all carry its secret).
 */
export function expectNothingOf(answer: Answer, ...groups: WebGroup[]) {
  const text = typeof answer.json === 'string' ? answer.json : JSON.stringify(answer.json);
  for (const g of groups) {
    expect(text).not.toContain(g.secret);
    for (const uuid of [g.shared, g.private, g.hiddenOne, g.reply]) expect(text).not.toContain(uuid);
  }
  expect(answer.json && typeof answer.json === 'object' ? Object.keys(answer.json) : answer.json).toEqual(['error']);
  expect(Object.keys(answer.json.error).filter((k) => k !== 'code' && k !== 'message' && k !== 'messages' && k !== 'requestId')).toEqual([]);
  expect(typeof answer.json.error.message).toBe('string');
  expect(answer.json.error.message.length).toBeGreaterThan(10);
}

/** One call to build: `at` is the group in the path, `of` the group whose things (comment, member, invite, theme) it names. */
export interface BuiltCall {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** After a refused call: the thing of `of` it named is as it was. */
  intact?: () => Promise<void>;
}

/** One web route: who may call it, its success, and how it answers another group's ids in the own group's path. */
export interface WebRouteCase {
  name: string;
  allowed: readonly Role[];
  okStatus: number;
  /**
   * Own group's path naming another group's thing (for the roles allowed): `404` (no such thing here)
   * or `'nothing'` (an answer of the own group that holds nothing of the other). Absent: the route names no thing.
   */
  otherIds?: 404 | 'nothing';
  request(t: TestStore, at: WebGroup, of: WebGroup): Promise<BuiltCall>;
}

const ALL: readonly Role[] = ROLES;
const FACILITATOR: readonly Role[] = ['facilitator'];
const WRITERS: readonly Role[] = ['facilitator', 'member'];
const ANSWERERS: readonly Role[] = ['facilitator', 'reader'];

async function newTheme(t: TestStore, g: WebGroup): Promise<{ id: string; label: string }> {
  const label = `${g.secret} theme ${randomUUID().slice(0, 6)}`;
  const r = await t.call('POST', `/api/groups/${g.group}/themes`, { token: g.facilitator.token, body: { label } });
  expect(r.status, `making a theme to act on: ${JSON.stringify(r.json)}`).toBe(201);
  return { id: r.json.id, label };
}

async function newInvite(t: TestStore, g: WebGroup): Promise<string> {
  const r = await t.call('POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'reader', reusable: false, expiresInDays: 7 } });
  expect(r.status, `making an invite to act on: ${JSON.stringify(r.json)}`).toBe(201);
  return r.json.inviteId;
}

async function newMember(t: TestStore, g: WebGroup) {
  return t.join(g.invites.reader, `${g.secret} Throwaway`);
}

async function memberRow(t: TestStore, g: WebGroup, memberId: string) {
  const r = await t.call('GET', `/api/groups/${g.group}/members`, { token: g.facilitator.token });
  expect(r.status).toBe(200);
  return (r.json.members as Array<{ memberId: string; role: string; revoked: boolean }>).find((m) => m.memberId === memberId);
}

async function newComment(t: TestStore, g: WebGroup): Promise<string> {
  const a = quoteOf(g.secret, 'extra');
  expect((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } })).status).toBe(201);
  return uuidOf(a);
}

const put = (at: WebGroup, item: { id: string }): BuiltCall => ({ method: 'PUT', path: `/api/groups/${at.group}/annotations/${uuidOf(item)}`, body: item, headers: { 'if-none-match': '*' } });

/** Every group route of the web app (sessions are in SESSION_ROUTES). */
export const WEB_ROUTES: WebRouteCase[] = [
  // Sessions' group routes (H1): invites, members, one-time sign-in links.
  { name: 'GET invites', allowed: FACILITATOR, okStatus: 200, request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/invites` }) },
  { name: 'POST invites', allowed: FACILITATOR, okStatus: 201, request: async (_t, at) => ({ method: 'POST', path: `/api/groups/${at.group}/invites`, body: { role: 'member', reusable: false, expiresInDays: 3 } }) },
  {
    name: 'DELETE invite (withdraw)',
    allowed: FACILITATOR,
    okStatus: 204,
    otherIds: 404,
    request: async (t, at, of) => {
      const inviteId = await newInvite(t, of);
      return {
        method: 'DELETE',
        path: `/api/groups/${at.group}/invites/${inviteId}`,
        intact: async () => {
          const r = await t.call('GET', `/api/groups/${of.group}/invites`, { token: of.facilitator.token });
          const invite = (r.json.invites as Array<{ inviteId: string; withdrawn: boolean }>).find((i) => i.inviteId === inviteId);
          expect(invite?.withdrawn, 'the other group\'s invite is not withdrawn').toBe(false);
        },
      };
    },
  },
  { name: 'GET members', allowed: FACILITATOR, okStatus: 200, request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/members` }) },
  {
    name: 'PATCH member (role)',
    allowed: FACILITATOR,
    okStatus: 200,
    otherIds: 404,
    request: async (t, at, of) => {
      const someone = await newMember(t, of);
      return {
        method: 'PATCH',
        path: `/api/groups/${at.group}/members/${someone.memberId}`,
        body: { role: 'member' },
        intact: async () => expect((await memberRow(t, of, someone.memberId))?.role).toBe('reader'),
      };
    },
  },
  {
    name: 'DELETE member (revoke)',
    allowed: FACILITATOR,
    okStatus: 204,
    otherIds: 404,
    request: async (t, at, of) => {
      const someone = await newMember(t, of);
      return {
        method: 'DELETE',
        path: `/api/groups/${at.group}/members/${someone.memberId}`,
        intact: async () => expect((await t.call('GET', `/api/groups/${of.group}/changes`, { token: someone.token })).status).toBe(200),
      };
    },
  },
  {
    name: 'POST sign-in link',
    allowed: FACILITATOR,
    okStatus: 201,
    otherIds: 404,
    request: async (t, at, of) => ({ method: 'POST', path: `/api/groups/${at.group}/members/${(await newMember(t, of)).memberId}/sign-in-links` }),
  },
  // Themes (H2).
  { name: 'GET themes', allowed: ALL, okStatus: 200, request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/themes` }) },
  { name: 'POST theme', allowed: FACILITATOR, okStatus: 201, request: async (_t, at) => ({ method: 'POST', path: `/api/groups/${at.group}/themes`, body: { label: `${at.secret} new ${randomUUID().slice(0, 6)}` } }) },
  {
    name: 'PATCH theme',
    allowed: FACILITATOR,
    okStatus: 200,
    otherIds: 404,
    request: async (t, at, of) => {
      const theme = await newTheme(t, of);
      return {
        method: 'PATCH',
        path: `/api/groups/${at.group}/themes/${encodeURIComponent(theme.id)}`,
        body: { label: `Renamed ${randomUUID().slice(0, 6)}`, retired: true },
        intact: async () => {
          const r = await t.call('GET', `/api/groups/${of.group}/themes`, { token: of.reader.token });
          expect((r.json.themes as Array<{ id: string; label: string; retired: boolean }>).find((x) => x.id === theme.id)).toEqual({ id: theme.id, label: theme.label, retired: false });
        },
      };
    },
  },
  // Reading (H3).
  { name: 'GET overview', allowed: ALL, okStatus: 200, request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/overview` }) },
  {
    name: 'GET document',
    allowed: ALL,
    okStatus: 200,
    otherIds: 'nothing',
    request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/document?source=${encodeURIComponent(SHARED_SOURCE)}` }),
  },
  { name: 'GET comment (permalink)', allowed: ALL, okStatus: 200, otherIds: 404, request: async (_t, at, of) => ({ method: 'GET', path: `/api/groups/${at.group}/comments/${of.shared}` }) },
  { name: 'GET search', allowed: ALL, okStatus: 200, otherIds: 'nothing', request: async (_t, at, of) => ({ method: 'GET', path: `/api/groups/${at.group}/search?q=${encodeURIComponent(`${of.secret} dignity`)}&limit=50` }) },
  { name: 'GET digest (csv)', allowed: ALL, okStatus: 200, request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/digest?format=csv` }) },
  { name: 'GET digest (docx)', allowed: ALL, okStatus: 200, request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/digest?format=docx` }) },
  // Writing from the web app (the sync API, existing).
  { name: 'PUT comment', allowed: WRITERS, okStatus: 201, request: async (_t, at) => put(at, quoteOf(at.secret, 'written')) },
  { name: 'PUT reply', allowed: ALL, okStatus: 201, otherIds: 404, request: async (_t, at, of) => put(at, makeReply(`urn:uuid:${of.shared}`, { text: 'Me as well.', authorName: 'Someone' })) },
  {
    name: 'PUT answer',
    allowed: ANSWERERS,
    okStatus: 201,
    otherIds: 404,
    request: async (_t, at, of) => put(at, makeReply(`urn:uuid:${of.shared}`, { text: 'We will change this.', answer: 'changed', authorName: 'Officer' })),
  },
  {
    name: 'PUT support (me too)',
    allowed: WRITERS,
    okStatus: 201,
    otherIds: 404,
    // A fresh comment each time: a person says "me too" to a comment once.
    request: async (t, at, of) => put(at, makeSupport(`urn:uuid:${await newComment(t, of)}`)),
  },
  // Moderation from the web app (existing routes, now reached with a cookie).
  {
    name: 'POST report',
    allowed: WRITERS,
    okStatus: 201,
    otherIds: 404,
    request: async (t, at, of) => ({ method: 'POST', path: `/api/groups/${at.group}/annotations/${await newComment(t, of)}/reports`, body: { reason: 'Names a person' } }),
  },
  {
    name: 'POST dismiss reports',
    allowed: FACILITATOR,
    okStatus: 200,
    // PROTOCOL.md: 200 {"dismissed": 0} for a comment with no open reports here, as for no such comment.
    otherIds: 'nothing',
    request: async (t, at, of) => {
      const uuid = await newComment(t, of);
      expect((await t.call('POST', `/api/groups/${of.group}/annotations/${uuid}/reports`, { token: of.member.token, body: { reason: `${of.secret} reason` } })).status).toBe(201);
      return {
        method: 'POST',
        path: `/api/groups/${at.group}/annotations/${uuid}/reports/dismiss`,
        body: { reason: 'Fine as it is' },
        intact: async () => {
          const r = await t.call('GET', `/api/groups/${of.group}/moderation`, { token: of.facilitator.token });
          expect(JSON.stringify(r.json), "the other group's report is still open").toContain(uuid);
        },
      };
    },
  },
  { name: 'GET moderation', allowed: FACILITATOR, okStatus: 200, request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/moderation` }) },
  {
    name: 'POST hide',
    allowed: FACILITATOR,
    okStatus: 200,
    otherIds: 404,
    request: async (t, at, of) => {
      const uuid = await newComment(t, of);
      return {
        method: 'POST',
        path: `/api/groups/${at.group}/annotations/${uuid}/hide`,
        body: { reason: 'Names a person' },
        intact: async () => {
          const r = await t.call('GET', `/api/groups/${of.group}/annotations/${uuid}`, { token: of.reader.token });
          expect(JSON.stringify(r.json)).toContain(`${of.secret} extra`);
        },
      };
    },
  },
  {
    name: 'DELETE hide (show again)',
    allowed: FACILITATOR,
    okStatus: 200,
    otherIds: 404,
    request: async (t, at, of) => {
      const uuid = await newComment(t, of);
      expect((await t.call('POST', `/api/groups/${of.group}/annotations/${uuid}/hide`, { token: of.facilitator.token, body: { reason: 'Names a person' } })).status).toBe(200);
      return {
        method: 'DELETE',
        path: `/api/groups/${at.group}/annotations/${uuid}/hide`,
        intact: async () => {
          const r = await t.call('GET', `/api/groups/${of.group}/annotations/${uuid}`, { token: of.reader.token });
          expect(JSON.stringify(r.json), "the other group's comment is still hidden").not.toContain(`${of.secret} extra`);
        },
      };
    },
  },
  {
    name: 'DELETE invite by its code',
    allowed: FACILITATOR,
    okStatus: 204,
    otherIds: 404,
    request: async (t, at, of) => {
      const r = await t.call('POST', `/api/groups/${of.group}/invites`, { token: of.facilitator.token, body: { role: 'member' } });
      expect(r.status).toBe(201);
      return {
        method: 'DELETE',
        path: `/api/groups/${at.group}/invites/${r.json.code}`,
        intact: async () => expect((await t.call('POST', '/api/join', { body: { code: r.json.code, displayName: 'Still invited' } })).status).toBe(201),
      };
    },
  },
  { name: 'GET changes', allowed: ALL, okStatus: 200, request: async (_t, at) => ({ method: 'GET', path: `/api/groups/${at.group}/changes` }) },
];

/** The roles × routes grid of a route list. */
export function cellsOf(routes: readonly WebRouteCase[]) {
  return routes.flatMap((route) => ROLES.map((role) => ({ route, role })));
}
