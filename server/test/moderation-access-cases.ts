import { randomUUID } from 'node:crypto';
import type { Role } from '../src/auth/roles';
import { seededRandom } from '../../tests/support/seeded-random';
import { makeComment, uuidOf } from './support/annotations';
import type { Call, TestGroup, TestStore } from './support/test-store';

/** A group for the matrix: its people, a comment with an open report and a secret marker. */
export interface ModerationGroup extends TestGroup {
  /** A live comment of the group (by its member). */
  comment: string;
  /** Text only this group's records contain (a report reason, the comment). */
  secret: string;
}

/** One new route: how to call it, which roles may, and with what success. */
export interface NewRouteCase {
  name: string;
  /** Routes under /api/groups/{group}; the others act on the caller (/api/me). */
  grouped: boolean;
  allowed: readonly Role[];
  okStatus: number;
  request(t: TestStore, g: ModerationGroup): Promise<{ method: string; path: string; call: Omit<Call, 'token'> }>;
}

const ALL: readonly Role[] = ['facilitator', 'member', 'reader'];

async function newComment(t: TestStore, g: ModerationGroup): Promise<string> {
  const a = makeComment({ text: `${g.secret} another` });
  await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
  return uuidOf(a);
}

/** Every route this work added, with its roles (notes/contract.md). */
export const NEW_ROUTES: NewRouteCase[] = [
  {
    name: 'POST report',
    grouped: true,
    allowed: ['facilitator', 'member'],
    okStatus: 201,
    request: async (t, g) => ({ method: 'POST', path: `/api/groups/${g.group}/annotations/${await newComment(t, g)}/reports`, call: { body: { reason: `${g.secret} reason` } } }),
  },
  {
    name: 'POST dismiss',
    grouped: true,
    allowed: ['facilitator'],
    okStatus: 200,
    request: async (_t, g) => ({ method: 'POST', path: `/api/groups/${g.group}/annotations/${g.comment}/reports/dismiss`, call: { body: { reason: 'Fine as it is' } } }),
  },
  { name: 'GET moderation', grouped: true, allowed: ['facilitator'], okStatus: 200, request: async (_t, g) => ({ method: 'GET', path: `/api/groups/${g.group}/moderation`, call: {} }) },
  { name: 'GET notices', grouped: false, allowed: ALL, okStatus: 200, request: async () => ({ method: 'GET', path: '/api/me/notices', call: {} }) },
  { name: 'POST notices read', grouped: false, allowed: ALL, okStatus: 204, request: async () => ({ method: 'POST', path: '/api/me/notices/read', call: { body: { ids: [`reply:${randomUUID()}`] } } }) },
  { name: 'PUT follows', grouped: false, allowed: ALL, okStatus: 200, request: async () => ({ method: 'PUT', path: '/api/me/follows', call: { body: { document: 'https://www.gov.uk/guidance/care-act', following: true } } }) },
  { name: 'PATCH me', grouped: false, allowed: ALL, okStatus: 200, request: async () => ({ method: 'PATCH', path: '/api/me', call: { body: { jobTitle: 'Commissioning officer' } } }) },
  { name: 'POST link code', grouped: false, allowed: ALL, okStatus: 201, request: async () => ({ method: 'POST', path: '/api/me/link-codes', call: {} }) },
];

/** Set up a group with a reported comment and its own secret marker. */
export async function prepareModerationGroup(t: TestStore, name: string): Promise<ModerationGroup> {
  const g = await t.createGroup(name);
  const secret = `SECRET-${name}-${randomUUID().slice(0, 8)}`;
  const a = makeComment({ text: `${secret} reported` });
  await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
  await t.call('POST', `/api/groups/${g.group}/annotations/${uuidOf(a)}/reports`, { token: g.facilitator.token, body: { reason: `${secret} reason` } });
  return { ...g, comment: uuidOf(a), secret };
}

/** A malformed request to one of the new routes. */
export interface BadRequest {
  name: string;
  method: string;
  path: string;
  token: string | undefined;
  body?: string;
}

/** What the bad requests are made against. */
export interface BadContext {
  group: string;
  comment: string;
  tokens: Record<Role, string>;
}

interface Template {
  name: string;
  method: string;
  path: (c: BadContext, id: string) => string;
  who: Role;
  body?: Record<string, unknown>;
}

const TEMPLATES: Template[] = [
  { name: 'report', method: 'POST', path: (c, id) => `/api/groups/${c.group}/annotations/${id}/reports`, who: 'member', body: { reason: 'Names a person' } },
  { name: 'dismiss', method: 'POST', path: (c, id) => `/api/groups/${c.group}/annotations/${id}/reports/dismiss`, who: 'facilitator', body: { reason: 'Fine' } },
  { name: 'moderation', method: 'GET', path: (c) => `/api/groups/${c.group}/moderation`, who: 'facilitator' },
  { name: 'notices', method: 'GET', path: () => '/api/me/notices', who: 'reader' },
  { name: 'read', method: 'POST', path: () => '/api/me/notices/read', who: 'member', body: { ids: ['reply:0190f0e8-7c1a-7000-8000-000000000000', 'comment:x'] } },
  { name: 'follows', method: 'PUT', path: () => '/api/me/follows', who: 'reader', body: { document: 'https://example.org/policy', following: true } },
  { name: 'profile', method: 'PATCH', path: () => '/api/me', who: 'reader', body: { displayName: 'Ria', jobTitle: 'Officer', organisation: 'Council' } },
  { name: 'link code', method: 'POST', path: () => '/api/me/link-codes', who: 'member' },
  { name: 'join with a link code', method: 'POST', path: () => '/api/join', who: 'member', body: { code: 'abcd-efgh-jkmn' } },
];

const POISON: Array<[string, (s: string) => unknown]> = [
  ['NUL', (s) => `${s}\u0000`],
  ['lone surrogate', (s) => `${s}\ud800`],
  ['control characters', (s) => `${s}\u0001\u001f`],
  ['line separator', (s) => `${s}\u2028`],
  ['overlong', () => 'x'.repeat(20_000)],
  ['empty', () => ''],
  ['spaces', () => '   '],
  ['number', () => 1e308],
  ['null', () => null],
  ['list', () => ['a']],
  ['object', () => ({ __proto__: { polluted: true } })],
  ['huge list', () => Array.from({ length: 3000 }, (_, i) => `reply:${i}`)],
  ['script URL', () => 'javascript:alert(1)'],
  ['right-to-left override', (s) => `\u202e${s}`],
];

const RAW: string[] = ['{"a": ', 'null', '[]', '"x"', '1e999', '{"reason":"\\ud800"}', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"__proto__":{"x":1}}', '\ufeff{}', '<xml/>'];

const IDS = ['%00', 'not-a-uuid', '%ED%A0%80', 'x'.repeat(3000), '..%2f..', '0190F0E8-7C1A-7000-8000-000000000000', '%', "'%20or%201=1--"];

/** `count` malformed requests from `seed`, over every new route (the same seed, the same list). */
export function generateBadRequests(c: BadContext, seed: number, count: number): BadRequest[] {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const out: BadRequest[] = [];
  for (let i = 0; i < count; i++) {
    const tpl = TEMPLATES[i % TEMPLATES.length]!;
    let id = c.comment;
    let body: string | undefined = tpl.body ? JSON.stringify(tpl.body) : undefined;
    let token: string | undefined = tpl.name.startsWith('join') ? undefined : c.tokens[tpl.who];
    let what: string;
    const kind = pick(['field', 'field', 'field', 'key', 'raw', 'id', 'token']);
    if ((kind === 'field' || kind === 'key') && tpl.body) {
      const copy: Record<string, unknown> = structuredClone(tpl.body);
      const field = pick(Object.keys(copy));
      if (kind === 'field') {
        const [label, poison] = pick(POISON);
        const current = copy[field];
        copy[field] = poison(typeof current === 'string' ? current : Array.isArray(current) ? String(current[0]) : 'x');
        if (Array.isArray(tpl.body[field]) && rand() < 0.5) copy[field] = [poison('reply:x')];
        what = `${label} in ${field}`;
      } else {
        copy[pick(['__proto__', 'constructor', '', 'reporter', 'memberId'])] = 1;
        what = 'an extra key';
      }
      body = JSON.stringify(copy);
    } else if (kind === 'raw' && tpl.method !== 'GET') {
      body = pick(RAW);
      what = `raw body ${body.slice(0, 20)}`;
    } else if (kind === 'id' && tpl.path(c, 'ID').includes('ID')) {
      id = pick(IDS);
      what = `path id ${id.slice(0, 20)}`;
    } else {
      token = pick(['', 'x', 'a'.repeat(5000), 'Basic', '\u00ff']);
      what = 'a bad token';
    }
    out.push({ name: `${tpl.name}: ${what}`, method: tpl.method, path: tpl.path(c, id), token, ...(body !== undefined ? { body } : {}) });
  }
  return out;
}
