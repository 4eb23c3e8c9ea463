import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/support/seeded-random';
import type { Role } from '../src/auth/roles';
import { BACKENDS } from './support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestStore } from './support/test-store';
import { prepareWebGroup, SEEN, signIn, webCall, type WebCall, type WebGroup } from './webapp-access-cases';

/**
 * Malformed input to the web app's routes (issue 13; compare bad-input-cases.ts): bad JSON,
 * wrong types, over-long values, characters the store cannot keep, bad query parameters and
 * cookies. Each gets a 4xx whose message is a plain sentence, never a 5xx; then a seeded fuzz.
 */

/** What a bad request is made against. */
interface Ctx {
  g: WebGroup;
  /** A member of the group to act on (role changes, sign-in links). */
  someone: string;
  /** A theme of the group, an invite of the group. */
  theme: string;
  inviteId: string;
}

interface BadWebCase {
  name: string;
  method: string;
  path: (c: Ctx) => string;
  /** Who sends it: a role's web session (default the facilitator's), or signed out. */
  who?: Role | 'nobody';
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The X-CSRF-Token to send instead of the session's own. */
  csrf?: string;
  /** The status, or the statuses the contract leaves open. */
  status: number | number[];
  code?: string | string[];
  /** Words the message must hold. */
  mentions?: string;
}

const NUL = '\u0000';
const long = (n: number) => 'x'.repeat(n);
const group = (c: Ctx) => `/api/groups/${c.g.group}`;

const SIGN_IN: BadWebCase[] = [
  { name: 'sign-in: malformed JSON', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', rawBody: '{"code": ', status: 400, code: 'bad-json', mentions: 'JSON' },
  { name: 'sign-in: empty body', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', rawBody: '', status: 400, code: 'bad-json' },
  { name: 'sign-in: an array', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: [], status: 400, code: 'invalid-body' },
  { name: 'sign-in: a string', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: 'abcd-efgh-jkmn', status: 400, code: 'invalid-body' },
  { name: 'sign-in: no code', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { name: 'Ria' }, status: 400, code: 'invalid-body', mentions: 'code' },
  { name: 'sign-in: code a number', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: 1234 }, status: 400, code: 'invalid-body', mentions: 'code' },
  { name: 'sign-in: code null', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: null }, status: 400, code: 'invalid-body', mentions: 'code' },
  { name: 'sign-in: name a number', method: 'POST', path: () => `/api/web/sign-in`, who: 'nobody', body: { code: 'zzzz-zzzz-zzzz', name: 5 }, status: 400, code: 'invalid-body', mentions: 'name' },
  { name: 'sign-in: unknown field', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: 'zzzz-zzzz-zzzz', role: 'facilitator' }, status: 400, code: 'unknown-field', mentions: 'role' },
  { name: 'sign-in: code of 3,000 characters', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: long(3000) }, status: [400, 403], code: ['invalid-body', 'invite-invalid'] },
  { name: 'sign-in: null character in the code', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: `abcd${NUL}efgh` }, status: [400, 403], code: ['invalid-body', 'invite-invalid'] },
  { name: 'sign-in: lone surrogate in the code', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', rawBody: '{"code":"abcd-\\ud800"}', status: [400, 403], code: ['invalid-body', 'invite-invalid'] },
  { name: 'sign-in: a body over the limit', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: long(300 * 1024) }, status: 413, code: 'body-too-large' },
  { name: 'sign-in: JSON nested 5,000 deep', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', rawBody: `{"code": ${'['.repeat(5000)}${']'.repeat(5000)}}`, status: 400 },
  { name: 'sign-in: invite with a name of 5,000 characters', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: 'INVITE', name: long(5000) }, status: 400, code: 'invalid-body', mentions: 'name' },
  { name: 'sign-in: invite with a blank name', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: 'INVITE', name: '   ' }, status: 400, code: ['name-needed', 'invalid-body'] },
  { name: 'sign-in: invite with a null character in the name', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: 'INVITE', name: `Ria${NUL}` }, status: 400, code: 'invalid-body' },
  { name: 'sign-in: invite with a right-to-left override in the name', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: 'INVITE', name: '\u202eairotciV' }, status: [200, 400] },
  { name: 'sign-in: XML', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', rawBody: '<code>abcd</code>', headers: { 'content-type': 'application/xml' }, status: [400, 415] },
];

const COOKIES: BadWebCase[] = [
  { name: 'session: a cookie of 5,000 characters', method: 'GET', path: () => '/api/web/session', who: 'nobody', headers: { cookie: `lea_session=${long(5000)}` }, status: 401, code: 'unauthenticated' },
  { name: 'session: a percent-encoded null in the cookie', method: 'GET', path: () => '/api/web/session', who: 'nobody', headers: { cookie: 'lea_session=%00' }, status: 401, code: 'unauthenticated' },
  { name: 'session: a broken percent-encoding in the cookie', method: 'GET', path: () => '/api/web/session', who: 'nobody', headers: { cookie: 'lea_session=%E0%A4%A' }, status: 401, code: 'unauthenticated' },
  { name: 'session: an empty cookie', method: 'GET', path: () => '/api/web/session', who: 'nobody', headers: { cookie: 'lea_session=' }, status: 401, code: 'unauthenticated' },
  { name: 'session: a quoted cookie', method: 'GET', path: () => '/api/web/session', who: 'nobody', headers: { cookie: 'lea_session="abc"' }, status: 401, code: 'unauthenticated' },
  { name: 'overview: a cookie with no name', method: 'GET', path: (c) => `${group(c)}/overview`, who: 'nobody', headers: { cookie: '=;;; ;=x' }, status: 401, code: 'unauthenticated' },
  { name: 'overview: two session cookies, both unknown', method: 'GET', path: (c) => `${group(c)}/overview`, who: 'nobody', headers: { cookie: 'lea_session=a; lea_session=b' }, status: 401, code: 'unauthenticated' },
  { name: 'invites: an X-CSRF-Token of 5,000 characters', method: 'POST', path: (c) => `${group(c)}/invites`, csrf: long(5000), body: { role: 'reader' }, status: 403, code: 'csrf-failed' },
  { name: 'invites: a non-ASCII X-CSRF-Token', method: 'POST', path: (c) => `${group(c)}/invites`, csrf: '\u00ff\u00fe', body: { role: 'reader' }, status: 403, code: 'csrf-failed' },
];

const INVITES: BadWebCase[] = [
  { name: 'invites: malformed JSON', method: 'POST', path: (c) => `${group(c)}/invites`, rawBody: '{"role":', status: 400, code: 'bad-json' },
  { name: 'invites: an array', method: 'POST', path: (c) => `${group(c)}/invites`, body: ['reader'], status: 400, code: 'invalid-body' },
  { name: 'invites: role "admin"', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'admin' }, status: 400, code: 'invalid-body', mentions: 'role' },
  { name: 'invites: reusable "yes"', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'reader', reusable: 'yes' }, status: 400, code: 'invalid-body', mentions: 'reusable' },
  { name: 'invites: expiresInDays 0', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'reader', expiresInDays: 0 }, status: 400, code: 'invalid-body', mentions: 'expiresInDays' },
  { name: 'invites: expiresInDays 91', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'reader', expiresInDays: 91 }, status: 400, code: 'invalid-body', mentions: 'expiresInDays' },
  { name: 'invites: expiresInDays 1.5', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'reader', expiresInDays: 1.5 }, status: 400, code: 'invalid-body', mentions: 'expiresInDays' },
  { name: 'invites: expiresInDays "7"', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'reader', expiresInDays: '7' }, status: 400, code: 'invalid-body', mentions: 'expiresInDays' },
  { name: 'invites: expiresInDays 1e308', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'reader', expiresInDays: 1e308 }, status: 400, code: 'invalid-body', mentions: 'expiresInDays' },
  { name: 'invites: expiresInDays -1', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'reader', expiresInDays: -1 }, status: 400, code: 'invalid-body', mentions: 'expiresInDays' },
  { name: 'invites: unknown field', method: 'POST', path: (c) => `${group(c)}/invites`, body: { role: 'reader', uses: 5 }, status: 400, code: 'unknown-field', mentions: 'uses' },
  { name: 'invites: withdraw an invite that is not there', method: 'DELETE', path: (c) => `${group(c)}/invites/0190a1b2-0000-7000-8000-000000000000`, status: 404, code: 'not-found' },
  { name: 'invites: withdraw with a null character', method: 'DELETE', path: (c) => `${group(c)}/invites/%00`, status: [400, 404], code: ['invalid-body', 'not-found'] },
  { name: 'invites: withdraw with an id of 3,000 characters', method: 'DELETE', path: (c) => `${group(c)}/invites/${long(3000)}`, status: [400, 404] },
  { name: 'invites: withdraw with a lone surrogate', method: 'DELETE', path: (c) => `${group(c)}/invites/%ED%A0%80`, status: [400, 404] },
  { name: 'invites: list with a bad query', method: 'GET', path: (c) => `${group(c)}/invites?limit=%00&x=%E0%A4%A`, status: [200, 400] },
];

const MEMBERS: BadWebCase[] = [
  { name: 'members: role "owner"', method: 'PATCH', path: (c) => `${group(c)}/members/${c.someone}`, body: { role: 'owner' }, status: 400, code: 'invalid-body', mentions: 'role' },
  { name: 'members: no role', method: 'PATCH', path: (c) => `${group(c)}/members/${c.someone}`, body: {}, status: 400, code: 'invalid-body', mentions: 'role' },
  { name: 'members: role a number', method: 'PATCH', path: (c) => `${group(c)}/members/${c.someone}`, body: { role: 1 }, status: 400, code: 'invalid-body', mentions: 'role' },
  { name: 'members: malformed JSON', method: 'PATCH', path: (c) => `${group(c)}/members/${c.someone}`, rawBody: '{role: member}', status: 400, code: 'bad-json' },
  { name: 'members: unknown field', method: 'PATCH', path: (c) => `${group(c)}/members/${c.someone}`, body: { role: 'member', groupId: 'elsewhere' }, status: 400, code: 'unknown-field', mentions: 'groupId' },
  { name: 'members: a member who is not there', method: 'PATCH', path: (c) => `${group(c)}/members/nobody`, body: { role: 'member' }, status: 404, code: 'not-found' },
  { name: 'members: a null character in the id', method: 'PATCH', path: (c) => `${group(c)}/members/%00`, body: { role: 'member' }, status: [400, 404] },
  { name: 'members: an id of 3,000 characters', method: 'PATCH', path: (c) => `${group(c)}/members/${long(3000)}`, body: { role: 'member' }, status: [400, 404] },
  { name: 'sign-in links: a member who is not there', method: 'POST', path: (c) => `${group(c)}/members/nobody/sign-in-links`, status: 404, code: 'not-found' },
  { name: 'sign-in links: a null character in the id', method: 'POST', path: (c) => `${group(c)}/members/%00/sign-in-links`, status: [400, 404] },
  { name: 'sign-in links: a lone surrogate in the id', method: 'POST', path: (c) => `${group(c)}/members/%ED%A0%80/sign-in-links`, status: [400, 404] },
  { name: 'sign-in links: a body of bad JSON', method: 'POST', path: (c) => `${group(c)}/members/${c.someone}/sign-in-links`, rawBody: '{', status: [201, 400] },
];

const THEMES: BadWebCase[] = [
  { name: 'themes: empty label', method: 'POST', path: (c) => `${group(c)}/themes`, body: { label: '' }, status: 400, code: 'invalid-body', mentions: 'label' },
  { name: 'themes: blank label', method: 'POST', path: (c) => `${group(c)}/themes`, body: { label: '   ' }, status: 400, code: 'invalid-body' },
  { name: 'themes: no label', method: 'POST', path: (c) => `${group(c)}/themes`, body: {}, status: 400, code: 'invalid-body', mentions: 'label' },
  { name: 'themes: label of 5,000 characters', method: 'POST', path: (c) => `${group(c)}/themes`, body: { label: long(5000) }, status: 400, code: 'invalid-body', mentions: 'label' },
  { name: 'themes: label a number', method: 'POST', path: (c) => `${group(c)}/themes`, body: { label: 42 }, status: 400, code: 'invalid-body', mentions: 'label' },
  { name: 'themes: label a list', method: 'POST', path: (c) => `${group(c)}/themes`, body: { label: ['Housing'] }, status: 400, code: 'invalid-body', mentions: 'label' },
  { name: 'themes: null character in the label', method: 'POST', path: (c) => `${group(c)}/themes`, body: { label: `Housing${NUL}` }, status: 400, code: 'invalid-body' },
  { name: 'themes: lone surrogate in the label', method: 'POST', path: (c) => `${group(c)}/themes`, rawBody: '{"label":"Housing \\ud800"}', status: 400, code: 'invalid-body' },
  { name: 'themes: unknown field', method: 'POST', path: (c) => `${group(c)}/themes`, body: { label: 'Housing', id: 'workforce' }, status: 400, code: 'unknown-field' },
  { name: 'themes: malformed JSON', method: 'POST', path: (c) => `${group(c)}/themes`, rawBody: "{'label': 'x'}", status: 400, code: 'bad-json' },
  { name: 'themes: the label of a theme already there', method: 'POST', path: (c) => `${group(c)}/themes`, body: { label: 'Workforce' }, status: [400, 409] },
  { name: 'themes: rename a theme that is not there', method: 'PATCH', path: (c) => `${group(c)}/themes/no-such-theme`, body: { label: 'X theme' }, status: 404, code: 'not-found' },
  { name: 'themes: rename with a null character in the id', method: 'PATCH', path: (c) => `${group(c)}/themes/%00`, body: { label: 'X theme' }, status: [400, 404] },
  { name: 'themes: rename with an id of 3,000 characters', method: 'PATCH', path: (c) => `${group(c)}/themes/${long(3000)}`, body: { label: 'X theme' }, status: [400, 404] },
  { name: 'themes: retired "yes"', method: 'PATCH', path: (c) => `${group(c)}/themes/${c.theme}`, body: { retired: 'yes' }, status: 400, code: 'invalid-body', mentions: 'retired' },
  { name: 'themes: rename to an empty label', method: 'PATCH', path: (c) => `${group(c)}/themes/${c.theme}`, body: { label: '' }, status: 400, code: 'invalid-body', mentions: 'label' },
  { name: 'themes: rename to 5,000 characters', method: 'PATCH', path: (c) => `${group(c)}/themes/${c.theme}`, body: { label: long(5000) }, status: 400, code: 'invalid-body', mentions: 'label' },
  { name: 'themes: patch with an unknown field', method: 'PATCH', path: (c) => `${group(c)}/themes/${c.theme}`, body: { colour: 'red' }, status: 400, code: 'unknown-field', mentions: 'colour' },
  { name: 'themes: patch an array', method: 'PATCH', path: (c) => `${group(c)}/themes/${c.theme}`, body: [{ label: 'x' }], status: 400, code: 'invalid-body' },
];

const READING: BadWebCase[] = [
  { name: 'document: no source', method: 'GET', path: (c) => `${group(c)}/document`, who: 'reader', status: 400, code: 'invalid-body', mentions: 'source' },
  { name: 'document: empty source', method: 'GET', path: (c) => `${group(c)}/document?source=`, who: 'reader', status: 400, code: 'invalid-body', mentions: 'source' },
  { name: 'document: source not an address', method: 'GET', path: (c) => `${group(c)}/document?source=my%20documents`, who: 'reader', status: [200, 400] },
  { name: 'document: null character in the source', method: 'GET', path: (c) => `${group(c)}/document?source=https%3A%2F%2Fexample.org%2F%00`, who: 'reader', status: 400, code: 'invalid-body' },
  { name: 'document: broken percent-encoding in the source', method: 'GET', path: (c) => `${group(c)}/document?source=%E0%A4%A`, who: 'reader', status: 400, code: 'invalid-body' },
  { name: 'document: source of 20,000 characters', method: 'GET', path: (c) => `${group(c)}/document?source=https%3A%2F%2Fexample.org%2F${long(20_000)}`, who: 'reader', status: [200, 400, 414] },
  { name: 'document: two sources', method: 'GET', path: (c) => `${group(c)}/document?source=https%3A%2F%2Fa.org%2F&source=https%3A%2F%2Fb.org%2F`, who: 'reader', status: [200, 400] },
  { name: 'document: a script address', method: 'GET', path: (c) => `${group(c)}/document?source=javascript%3Aalert(1)`, who: 'reader', status: [200, 400] },
  { name: 'comment: not a UUID', method: 'GET', path: (c) => `${group(c)}/comments/not-a-uuid`, who: 'reader', status: [400, 404], code: ['invalid-body', 'not-found'] },
  { name: 'comment: a null character', method: 'GET', path: (c) => `${group(c)}/comments/%00`, who: 'reader', status: [400, 404] },
  { name: 'comment: a lone surrogate', method: 'GET', path: (c) => `${group(c)}/comments/%ED%A0%80`, who: 'reader', status: [400, 404] },
  { name: 'comment: 3,000 characters', method: 'GET', path: (c) => `${group(c)}/comments/${long(3000)}`, who: 'reader', status: [400, 404] },
  { name: 'comment: an SQL fragment', method: 'GET', path: (c) => `${group(c)}/comments/'%20or%201=1--`, who: 'reader', status: [400, 404] },
  { name: 'comment: a urn', method: 'GET', path: (c) => `${group(c)}/comments/urn:uuid:0190a1b2-0000-7000-8000-000000000000`, who: 'reader', status: [400, 404] },
  { name: 'search: no q', method: 'GET', path: (c) => `${group(c)}/search`, who: 'reader', status: 400, code: 'invalid-body' },
  { name: 'search: empty q', method: 'GET', path: (c) => `${group(c)}/search?q=`, who: 'reader', status: 400, code: 'invalid-body' },
  { name: 'search: blank q', method: 'GET', path: (c) => `${group(c)}/search?q=%20%20%20`, who: 'reader', status: 400, code: 'invalid-body' },
  { name: 'search: q of 2,000 characters', method: 'GET', path: (c) => `${group(c)}/search?q=${'word%20'.repeat(300)}`, who: 'reader', status: 400, code: 'invalid-body' },
  { name: 'search: null character in q', method: 'GET', path: (c) => `${group(c)}/search?q=dignity%00`, who: 'reader', status: 400, code: 'invalid-body' },
  { name: 'search: lone surrogate in q', method: 'GET', path: (c) => `${group(c)}/search?q=%ED%A0%80`, who: 'reader', status: 400, code: 'invalid-body' },
  { name: 'search: limit "abc"', method: 'GET', path: (c) => `${group(c)}/search?q=dignity&limit=abc`, who: 'reader', status: 400, code: 'invalid-body', mentions: 'limit' },
  { name: 'search: limit 0', method: 'GET', path: (c) => `${group(c)}/search?q=dignity&limit=0`, who: 'reader', status: 400, code: 'invalid-body', mentions: 'limit' },
  { name: 'search: limit -1', method: 'GET', path: (c) => `${group(c)}/search?q=dignity&limit=-1`, who: 'reader', status: 400, code: 'invalid-body', mentions: 'limit' },
  { name: 'search: limit 100000', method: 'GET', path: (c) => `${group(c)}/search?q=dignity&limit=100000`, who: 'reader', status: 400, code: 'invalid-body', mentions: 'limit' },
  { name: 'search: limit 1e999', method: 'GET', path: (c) => `${group(c)}/search?q=dignity&limit=1e999`, who: 'reader', status: 400, code: 'invalid-body', mentions: 'limit' },
  { name: 'search: tsquery operators', method: 'GET', path: (c) => `${group(c)}/search?q=${encodeURIComponent("!!! & | :* ( ) <-> 'a")}`, who: 'reader', status: [200, 400] },
  { name: 'search: only stop words', method: 'GET', path: (c) => `${group(c)}/search?q=the%20and%20of`, who: 'reader', status: [200, 400] },
  { name: 'search: quotes and a minus', method: 'GET', path: (c) => `${group(c)}/search?q=${encodeURIComponent('"dignity -care')}`, who: 'reader', status: 200 },
  { name: 'search: backslashes', method: 'GET', path: (c) => `${group(c)}/search?q=${encodeURIComponent('\\\\ \\')}`, who: 'reader', status: [200, 400] },
  { name: 'search: HTML', method: 'GET', path: (c) => `${group(c)}/search?q=${encodeURIComponent('<script>alert(1)</script>')}`, who: 'reader', status: [200, 400] },
  { name: 'overview: unknown parameters', method: 'GET', path: (c) => `${group(c)}/overview?x=%00&limit=abc`, who: 'reader', status: [200, 400] },
  { name: 'digest: an unknown format', method: 'GET', path: (c) => `${group(c)}/digest?format=exe`, who: 'reader', status: 400, code: 'invalid-body', mentions: 'format' },
];

const CASES: BadWebCase[] = [...SIGN_IN, ...COOKIES, ...INVITES, ...MEMBERS, ...THEMES, ...READING];

/** Templates for the seeded fuzz: the web app's writes and reads, each with a body to spoil. */
interface FuzzTemplate {
  name: string;
  method: string;
  path: (c: Ctx, id: string) => string;
  who: Role | 'nobody';
  body?: Record<string, unknown>;
}

const FUZZ: FuzzTemplate[] = [
  { name: 'sign-in', method: 'POST', path: () => '/api/web/sign-in', who: 'nobody', body: { code: 'abcd-efgh-jkmn', name: 'Ria' } },
  { name: 'invite', method: 'POST', path: (c) => `${group(c)}/invites`, who: 'facilitator', body: { role: 'reader', reusable: true, expiresInDays: 7 } },
  { name: 'withdraw', method: 'DELETE', path: (c, id) => `${group(c)}/invites/${id}`, who: 'facilitator' },
  { name: 'role', method: 'PATCH', path: (c, id) => `${group(c)}/members/${id}`, who: 'facilitator', body: { role: 'member' } },
  { name: 'sign-in link', method: 'POST', path: (c, id) => `${group(c)}/members/${id}/sign-in-links`, who: 'facilitator' },
  { name: 'theme', method: 'POST', path: (c) => `${group(c)}/themes`, who: 'facilitator', body: { label: 'Housing' } },
  { name: 'rename', method: 'PATCH', path: (c, id) => `${group(c)}/themes/${id}`, who: 'facilitator', body: { label: 'Homes', retired: false } },
  { name: 'comment', method: 'GET', path: (c, id) => `${group(c)}/comments/${id}`, who: 'reader' },
  { name: 'search', method: 'GET', path: (c, id) => `${group(c)}/search?q=${id}`, who: 'member' },
  { name: 'document', method: 'GET', path: (c, id) => `${group(c)}/document?source=${id}`, who: 'member' },
];

const POISON: Array<[string, (s: string) => unknown]> = [
  ['NUL', (s) => `${s}\u0000`],
  ['lone surrogate', (s) => `${s}\ud800`],
  ['control characters', (s) => `${s}\u0001\u001f`],
  ['overlong', () => 'x'.repeat(20_000)],
  ['empty', () => ''],
  ['number', () => 1e308],
  ['negative', () => -1],
  ['null', () => null],
  ['true', () => true],
  ['list', () => ['a']],
  ['object', () => ({ __proto__: { polluted: true } })],
  ['right-to-left override', (s) => `\u202e${s}`],
];
const RAW = ['{"a": ', 'null', '[]', '"x"', '1e999', '{"label":"\\ud800"}', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"__proto__":{"x":1}}', '\ufeff{}', '<xml/>'];
const IDS = ['%00', 'not-a-uuid', '%ED%A0%80', 'x'.repeat(3000), '..%2f..', '%', "'%20or%201=1--", '%E0%A4%A', '%F0%9F%98%80', 'workforce'];

describe.each(BACKENDS)('bad input to the web app\'s routes on %s: a 4xx with a plain sentence, never a 5xx', (kind) => {
  let t: TestStore;
  let ctx: Ctx;

  beforeAll(async () => {
    t = await openTestStore(kind);
    const g = await prepareWebGroup(t, 'A');
    const someone = await t.join(g.invites.reader, 'Someone');
    const theme = await t.call('POST', `/api/groups/${g.group}/themes`, { token: g.facilitator.token, body: { label: 'Housing and homes' } });
    const invite = await t.call('POST', `/api/groups/${g.group}/invites`, { token: g.facilitator.token, body: { role: 'reader' } });
    ctx = { g, someone: someone.memberId, theme: theme.json?.id ?? 'housing', inviteId: invite.json?.inviteId ?? 'none' };
  }, 120_000);
  afterAll(async () => t?.close());

  function sender(who: Role | 'nobody' | undefined): WebCall {
    return who === 'nobody' ? {} : { session: ctx.g.web[who ?? 'facilitator'] };
  }

  it.each(CASES)('$name → $status $code', async (c) => {
    // "INVITE" stands for a real invite of the group (so the name is what is checked).
    const body = c.body && typeof c.body === 'object' && (c.body as { code?: unknown }).code === 'INVITE' ? { ...(c.body as object), code: ctx.g.invites.reader } : c.body;
    const r = await webCall(t, c.method, c.path(ctx), {
      ...sender(c.who),
      ...(c.csrf !== undefined ? { csrf: c.csrf } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(c.rawBody !== undefined ? { rawBody: c.rawBody } : {}),
      headers: { ...c.headers },
    });
    const statuses = Array.isArray(c.status) ? c.status : [c.status];
    expect(statuses, `${r.status} ${JSON.stringify(r.json).slice(0, 300)}`).toContain(r.status);
    if (r.status >= 400) {
      expect(r.headers.get('content-type')).toContain('application/json');
      expect(typeof r.json.error.code).toBe('string');
      if (c.code) expect(Array.isArray(c.code) ? c.code : [c.code]).toContain(r.json.error.code);
      expect(typeof r.json.error.message).toBe('string');
      expect(r.json.error.message.length).toBeGreaterThan(10);
      expect(r.json.error.message).toMatch(/^[A-Z"]/);
      expect(r.json.error.message).not.toMatch(/\bat .*\.ts:\d+|TypeError|undefined|null(?! character)|\[object|valibot/);
      if (c.mentions) expect(r.json.error.message).toContain(c.mentions);
    }
  });

  it('the last facilitator cannot make themself a member: 409 with a plain sentence, still a facilitator', async () => {
    const made = await t.call('POST', '/api/admin/groups', { token: ADMIN_TOKEN, body: { name: 'Lone' } });
    const lone = await signIn(t, made.json.invites.facilitator, 'Only Facilitator');
    const r = await webCall(t, 'PATCH', `/api/groups/${made.json.group}/members/${lone.memberId}`, { session: lone, body: { role: 'member' } });
    expect(r.status, JSON.stringify(r.json)).toBe(409);
    expect(r.json.error.message.length).toBeGreaterThan(10);
    expect((await webCall(t, 'GET', `/api/groups/${made.json.group}/members`, { session: lone })).status).toBe(200);
  });

  const SEED = 13;
  const COUNT = 400;
  it(`${COUNT} seeded malformed requests to the web app's routes with its cookie: 0 answers of 500 or more, every refusal a plain JSON message`, async () => {
    const rand = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
    const outcomes: Array<{ name: string; status: number; body: unknown }> = [];
    for (let i = 0; i < COUNT; i++) {
      const tpl = FUZZ[i % FUZZ.length]!;
      const ids: Record<string, string> = { withdraw: ctx.inviteId, role: ctx.someone, 'sign-in link': ctx.someone, rename: ctx.theme, comment: ctx.g.shared, search: 'dignity', document: encodeURIComponent('https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted') };
      let id = ids[tpl.name] ?? 'x';
      let body: string | undefined = tpl.body ? JSON.stringify(tpl.body) : undefined;
      const call: WebCall = sender(tpl.who);
      let what: string;
      const kind = pick(['field', 'field', 'field', 'key', 'raw', 'id', 'cookie', 'csrf']);
      if ((kind === 'field' || kind === 'key') && tpl.body) {
        const copy: Record<string, unknown> = structuredClone(tpl.body);
        const field = pick(Object.keys(copy));
        if (kind === 'field') {
          const [label, poison] = pick(POISON);
          copy[field] = poison(typeof copy[field] === 'string' ? (copy[field] as string) : 'x');
          what = `${label} in ${field}`;
        } else {
          copy[pick(['__proto__', 'constructor', '', 'groupId', 'memberId', 'role'])] = 1;
          what = 'an extra key';
        }
        body = JSON.stringify(copy);
      } else if (kind === 'raw' && tpl.method !== 'GET') {
        body = pick(RAW);
        what = `raw body ${body.slice(0, 20)}`;
      } else if (kind === 'id' && tpl.path(ctx, 'ID').includes('ID')) {
        id = pick(IDS);
        what = `path id ${id.slice(0, 20)}`;
      } else if (kind === 'csrf' && call.session) {
        call.csrf = pick(['', 'x', 'a'.repeat(5000), '\u00ff', ctx.g.web.member.csrfToken]);
        what = 'a bad CSRF token';
      } else {
        call.cookieHeader = pick(['lea_session=', `lea_session=${'a'.repeat(5000)}`, 'lea_session=%00', 'lea_session="x"', 'lea_session=a; lea_session=b', ';;=;', `lea_session=${ctx.g.web.reader.cookie}x`]);
        if (call.session) call.csrf = call.session.csrfToken;
        what = 'a bad cookie';
      }
      const r = await webCall(t, tpl.method, tpl.path(ctx, id), { ...call, ...(body !== undefined ? { rawBody: body } : {}) });
      outcomes.push({ name: `${tpl.name}: ${what}`, status: r.status, body: r.json });
    }
    const failures = outcomes.filter((o) => o.status >= 500).map((o) => `${o.status} ${o.name}: ${JSON.stringify(o.body).slice(0, 120)}`);
    console.log(`web app routes on ${kind}: ${outcomes.length} malformed requests, ${failures.length} answered 5xx, ${outcomes.filter((o) => o.status >= 400).length} refused`);
    expect(failures).toEqual([]);
    const unclear = outcomes.filter((o) => {
      if (o.status < 400) return false;
      const json = o.body as { error?: { code?: unknown; message?: unknown } } | null;
      return typeof json?.error?.code !== 'string' || typeof json.error.message !== 'string' || json.error.message.length < 10;
    });
    expect(unclear.map((o) => `${o.status} ${o.name}: ${JSON.stringify(o.body).slice(0, 80)}`)).toEqual([]);
    // Nothing kept holds a control character.
    const { rows } = await t.testDb.db.query<{ v: string | null }>('select display_name as v from members');
    expect(rows.map((r) => r.v ?? '').filter((v) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v))).toEqual([]);
  });

  it('no answer was a 5xx', () => {
    expect(SEEN.filter((s) => s.status >= 500)).toEqual([]);
  });
});
