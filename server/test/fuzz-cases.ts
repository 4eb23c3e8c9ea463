import { makeComment } from './support/annotations';
import { ADMIN_TOKEN } from './support/test-store';
import { seededRandom } from '../../tests/support/seeded-random';

/**
 * Malformed requests for every route of the store, generated from a seed so a failing run
 * can be repeated exactly. Each request takes one valid request of a route and breaks one
 * thing: a string in the body, a key, a type, the nesting depth, the raw bytes, a path id,
 * a query parameter or a header. The store must refuse each one with a 4xx (or accept it).
 */

/** What the generated requests may use: a group, its members' tokens, an existing comment. */
export interface FuzzContext {
  group: string;
  member: string;
  reader: string;
  facilitator: string;
  memberInvite: string;
  existingUuid: string;
}

/** One generated request, ready for `app.request`. */
export interface FuzzRequest {
  /** Route and mutation, e.g. "annotations PUT / body NUL at body.0.value". */
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

type Who = 'member' | 'reader' | 'facilitator' | 'admin' | 'nobody';

interface Route {
  name: string;
  method: string;
  /** With `{group}` and `{id}` slots. */
  path: string;
  who: Who;
  /** The valid path id (a fresh one per request where the route creates). */
  id?: (ctx: FuzzContext) => string;
  body?: (ctx: FuzzContext, id: string) => unknown;
  query?: Record<string, string>;
  /** Query parameters this route reads (the fuzzer breaks these first). */
  params?: string[];
  headers?: Record<string, string>;
  /** Never send a working token (DELETE /api/me would forget the test member). */
  neverAuthorised?: boolean;
}


function fuzzUuid(rand: () => number): string {
  const hex = () => Math.floor(rand() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-7${part(3)}-8${part(3)}-${part(12)}`;
}

const W3C_BODY = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  body: { type: 'TextualBody', value: 'A note from another tool', format: 'text/plain' },
  target: { source: 'https://example.org/policy', selector: { type: 'TextQuoteSelector', exact: 'the council' } },
};

function routes(rand: () => number): Route[] {
  const fresh = () => fuzzUuid(rand);
  const comment = (_: FuzzContext, id: string) => makeComment({ uuid: id });
  return [
    { name: 'join', method: 'POST', path: '/api/join', who: 'nobody', body: (c) => ({ code: c.memberInvite, displayName: 'Fuzz Person' }) },
    { name: 'me GET', method: 'GET', path: '/api/me', who: 'member' },
    { name: 'me DELETE', method: 'DELETE', path: '/api/me', who: 'member', neverAuthorised: true },
    { name: 'invites POST', method: 'POST', path: '/api/groups/{group}/invites', who: 'facilitator', body: () => ({ role: 'member' }) },
    { name: 'invites DELETE', method: 'DELETE', path: '/api/groups/{group}/invites/{id}', who: 'facilitator', id: () => 'abcd-efgh-jkmn' },
    { name: 'members GET', method: 'GET', path: '/api/groups/{group}/members', who: 'facilitator' },
    { name: 'members DELETE', method: 'DELETE', path: '/api/groups/{group}/members/{id}', who: 'facilitator', id: fresh },
    { name: 'annotation create', method: 'PUT', path: '/api/groups/{group}/annotations/{id}', who: 'member', id: fresh, body: comment, headers: { 'if-none-match': '*' } },
    { name: 'annotation update', method: 'PUT', path: '/api/groups/{group}/annotations/{id}', who: 'member', id: (c) => c.existingUuid, body: comment, headers: { 'if-match': '"1"' } },
    { name: 'annotation GET', method: 'GET', path: '/api/groups/{group}/annotations/{id}', who: 'reader', id: (c) => c.existingUuid },
    { name: 'annotation DELETE', method: 'DELETE', path: '/api/groups/{group}/annotations/{id}', who: 'member', id: fresh },
    { name: 'hide', method: 'POST', path: '/api/groups/{group}/annotations/{id}/hide', who: 'facilitator', id: (c) => c.existingUuid, body: () => ({ reason: 'Off topic for this group' }) },
    { name: 'unhide', method: 'DELETE', path: '/api/groups/{group}/annotations/{id}/hide', who: 'facilitator', id: (c) => c.existingUuid },
    { name: 'changes', method: 'GET', path: '/api/groups/{group}/changes', who: 'reader', query: { limit: '50' }, params: ['after', 'limit'] },
    { name: 'stream', method: 'GET', path: '/api/groups/{group}/stream', who: 'reader' },
    { name: 'digest', method: 'GET', path: '/api/groups/{group}/digest', who: 'reader', query: { format: 'csv' }, params: ['format', 'document', 'theme'] },
    { name: 'w3c container GET', method: 'GET', path: '/annotations/{group}/', who: 'reader', params: ['page', 'iris'] },
    { name: 'w3c container POST', method: 'POST', path: '/annotations/{group}/', who: 'member', body: () => W3C_BODY, headers: { 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' } },
    { name: 'w3c item GET', method: 'GET', path: '/annotations/{group}/{id}', who: 'reader', id: (c) => c.existingUuid },
    { name: 'w3c item PUT', method: 'PUT', path: '/annotations/{group}/{id}', who: 'member', id: (c) => c.existingUuid, body: () => W3C_BODY, headers: { 'if-match': '"1"' } },
    { name: 'w3c item DELETE', method: 'DELETE', path: '/annotations/{group}/{id}', who: 'member', id: fresh, headers: { 'if-match': '"1"' } },
    { name: 'admin create group', method: 'POST', path: '/api/admin/groups', who: 'admin', body: () => ({ name: 'Fuzz group' }) },
  ];
}

/** Strings the database cannot keep or that stretch a check: each replaces one string. */
const POISON_STRINGS: Array<[string, (s: string) => string]> = [
  ['NUL inside', (s) => `${s.slice(0, 3)}\u0000${s.slice(3)}`],
  ['NUL alone', () => '\u0000'],
  ['lone high surrogate', (s) => `${s}\ud800`],
  ['lone low surrogate', (s) => `\udc00${s}`],
  ['reversed surrogate pair', (s) => `${s}\udc00\ud800`],
  ['control characters', (s) => `${s}\u0001\u001f\u007f`],
  ['noncharacters', (s) => `${s}\ufffe\uffff`],
  ['overlong (30,000)', () => 'x'.repeat(30_000)],
  ['overlong (200,000)', () => 'é'.repeat(100_000)],
  ['empty', () => ''],
  ['whitespace only', () => ' \t\n '],
  ['right-to-left override', (s) => `\u202e${s}`],
];

/** Keys added to some object of the body. */
const POISON_KEYS = ['__proto__', 'constructor', 'prototype', '\u0000', 'a\u0000b', '\ud800', '', 'toString', 'hasOwnProperty'];

/** Values (raw JSON) that replace one value of the body. */
const WRONG_VALUES = ['1e999', '-1e999', '123456789012345678901234567890', '-0', '0.0000000000000000001', 'true', 'null', '[]', '{}', '[null]', '"\\u0000"', '{"__proto__":{"polluted":true}}'];

/** Whole raw bodies. */
const RAW_BODIES: Array<[string, string | Uint8Array]> = [
  ['truncated', '{"a": '],
  ['trailing comma', '{"a": 1,}'],
  ['byte order mark', '\ufeff{}'],
  ['null', 'null'],
  ['a number', '1e999'],
  ['a string', '"\\u0000"'],
  ['an array', '[]'],
  ['raw NUL in a string', '{"a":"\u0000"}'],
  ['raw control characters', '{"a":"\u0001\u0002"}'],
  ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d])],
  ['UTF-16', new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])],
  ['overlong NUL', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0x22, 0x7d])],
  ['CESU-8 surrogate', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])],
  ['duplicate keys', '{"a":1,"a":{"b":"\\u0000"}}'],
  ['many keys', `{${Array.from({ length: 5000 }, (_, i) => `"k${i}":${i}`).join(',')}}`],
  ['deep arrays (4,000)', `${'['.repeat(4000)}${']'.repeat(4000)}`],
  ['deep objects (4,000)', `${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}`],
  ['deep arrays (100,000)', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['XML', '<annotation/>'],
  ['form data', 'code=abc&displayName=x'],
];

/** Path ids, already percent-encoded as they appear in the address. */
const BAD_IDS = [
  '%00',
  'abc%00def',
  '0190f0e8-7c1a-7000-8000-00000000000%00',
  '%ED%A0%80',
  '%C0%80',
  '%FF%FE',
  '%',
  '%ZZ',
  '%E2%80%AE',
  'x'.repeat(5000),
  '0190F0E8-7C1A-7000-8000-000000000000',
  '0190f0e8-7c1a-7000-8000-000000000000%20',
  '%2e%2e',
  '%2F',
  '..%2f..%2fetc%2fpasswd',
  "'%20or%201=1--",
  '%F0%9F%98%80',
  '-1',
  '99999999999999999999999999',
];

/** Values for query parameters, percent-encoded. */
const BAD_QUERY_VALUES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%ED%B0%80',
  '%',
  '%ZZ',
  'zzzzzzzzzzzzzz-zzzzzzzzzzzzzz',
  'zzzzzzzzzzzzzzz-0',
  '0-0',
  '-',
  '1-',
  '0-zzzzzzzzzzzzzz',
  '99999999999999999999',
  '-1',
  '0',
  '1e3',
  '0x10',
  '1.5',
  ' 5',
  'NaN',
  'Infinity',
  'x'.repeat(3000),
  '%E2%80%AE',
  '<script>',
];

const QUERY_NAMES = ['after', 'limit', 'page', 'iris', 'format', 'document', 'theme', '__proto__', 'constructor'];

/** Header values (HTTP carries Latin-1 bytes; NUL, CR and LF cannot be sent). */
const BAD_HEADERS: Array<[string, string]> = [
  ['if-match', 'garbage'],
  ['if-match', '"'],
  ['if-match', '""'],
  ['if-match', 'W/"1"'],
  ['if-match', '"99999999999999999999999"'],
  ['if-match', '"-1"'],
  ['if-match', '"1.5"'],
  ['if-match', '"1", "2"'],
  ['if-match', '*'],
  ['if-match', '"\u00ff\u00fe"'],
  ['if-match', `"${'9'.repeat(2000)}"`],
  ['if-none-match', 'garbage'],
  ['if-none-match', '"1"'],
  ['if-none-match', '**'],
  ['if-none-match', 'W/"x"'],
  ['prefer', 'return=representation; include="'],
  ['prefer', `return=representation; include="${'http://www.w3.org/ns/oa#PreferContainedIRIs '.repeat(200)}"`],
  ['prefer', 'garbage=;;;;'],
  ['prefer', 'return=minimal'],
  ['content-type', 'text/plain'],
  ['content-type', 'application/json; charset=utf-16'],
  ['content-type', 'multipart/form-data; boundary='],
  ['content-type', 'application/x-www-form-urlencoded'],
  ['content-type', ';;;'],
  ['last-event-id', 'zzzzzzzzzzzzzz-zzzzzzzzzzzzzz'],
  ['last-event-id', '0-0'],
  ['last-event-id', '-'],
  ['last-event-id', 'x'.repeat(3000)],
  ['last-event-id', '99999999999999999999999'],
  ['authorization', 'Bearer'],
  ['authorization', 'Bearer a b'],
  ['authorization', `Bearer ${'a'.repeat(10_000)}`],
  ['authorization', 'Bearer \u00ff\u00fe'],
  ['authorization', 'Basic Og=='],
  ['authorization', 'bearer%00'],
  ['accept', 'application/ld+json;;;q=x'],
  ['accept-encoding', 'gzip;q=garbage'],
  ['content-length', '-1'],
  ['content-length', '1e3'],
  ['content-length', '99999999999999999999999'],
];

const DEPTHS = [100, 1000, 4000, 20_000];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Paths to every value (leaves and containers) of a JSON value, root excluded. */
function valuePaths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...valuePaths(v, [...prefix, k])]);
}

function getAt(root: Json, path: Array<string | number>): Json {
  let node: Json = root;
  for (const k of path) node = (node as Record<string | number, Json>)[k] as Json;
  return node;
}

function setAt(root: Json, path: Array<string | number>, value: Json): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path.at(-1)!] = value;
}

/** A placeholder string that marks where raw JSON text is spliced in after stringify. */
const SPLICE = '\u0001splice\u0001';

function spliced(body: Json, path: Array<string | number>, raw: string): string {
  setAt(body, path, SPLICE);
  return JSON.stringify(body).replace(JSON.stringify(SPLICE), raw);
}

function tokenFor(ctx: FuzzContext, who: Who): string | undefined {
  if (who === 'admin') return ADMIN_TOKEN;
  if (who === 'nobody') return undefined;
  return ctx[who];
}

/**
 * `count` malformed requests from `seed`, spread over every route and every kind of
 * mutation. The same seed and context give the same list.
 */
export function generateFuzzRequests(ctx: FuzzContext, seed: number, count: number): FuzzRequest[] {
  const rand = seededRandom(seed);
  const all = routes(rand);
  const out: FuzzRequest[] = [];
  // Weighted: strings the database cannot keep are the commonest fault, so they come most.
  const kinds = ['string', 'string', 'string', 'string', 'key', 'type', 'deep', 'raw', 'id', 'id', 'group', 'query', 'query', 'header', 'header'] as const;
  for (let i = 0; i < count; i++) {
    const route = all[i % all.length]!;
    const id = route.id?.(ctx) ?? '';
    const headers: Record<string, string> = { ...route.headers };
    const token = route.neverAuthorised ? 'not-a-token-of-this-store' : tokenFor(ctx, route.who);
    if (token) headers.authorization = `Bearer ${token}`;
    let pathId = id;
    let group = ctx.group;
    // Pairs, not an object: `__proto__` is one of the names sent.
    const query = new Map(Object.entries(route.query ?? {}));
    const validBody = route.body?.(ctx, id) as Json | undefined;
    let body: string | Uint8Array | undefined = validBody === undefined ? undefined : JSON.stringify(validBody);
    let what: string;

    // Pick a mutation this route can take (one with a body, a path id, a query...).
    let kind = pick(rand, kinds);
    if (['string', 'key', 'type', 'deep', 'raw'].includes(kind) && validBody === undefined) kind = rand() < 0.5 ? 'query' : 'raw';
    if (kind === 'raw' && route.method === 'GET') kind = 'query';
    if (kind === 'id' && !route.id) kind = 'header';
    if (kind === 'group' && !route.path.includes('{group}')) kind = 'header';

    const paths = validBody === undefined ? [] : valuePaths(validBody);
    const strings = paths.filter((p) => typeof getAt(validBody!, p) === 'string');
    const objects = [[], ...paths.filter((p) => { const v = getAt(validBody!, p); return v !== null && typeof v === 'object' && !Array.isArray(v); })];
    switch (kind) {
      case 'string': {
        const copy = structuredClone(validBody!);
        const at = pick(rand, strings);
        const [label, poison] = pick(rand, POISON_STRINGS);
        setAt(copy, at, poison(getAt(copy, at) as string));
        body = JSON.stringify(copy);
        what = `body ${label} at ${at.join('.')}`;
        break;
      }
      case 'key': {
        const copy = structuredClone(validBody!);
        const at = pick(rand, objects);
        const key = pick(rand, POISON_KEYS);
        const raw = `${JSON.stringify(key)}:${pick(rand, ['1', '"x"', '{"polluted":true}', 'null'])}`;
        const target = at.length === 0 ? copy : getAt(copy, at);
        const text = JSON.stringify(target);
        const withKey = text === '{}' ? `{${raw}}` : `{${raw},${text.slice(1)}`;
        body = at.length === 0 ? withKey : spliced(copy, at, withKey);
        what = `body key ${JSON.stringify(key)} at ${at.join('.') || 'the top'}`;
        break;
      }
      case 'type': {
        const copy = structuredClone(validBody!);
        const at = pick(rand, paths);
        const raw = pick(rand, WRONG_VALUES);
        body = spliced(copy, at, raw);
        what = `body ${raw.slice(0, 30)} at ${at.join('.')}`;
        break;
      }
      case 'deep': {
        const copy = structuredClone(validBody!);
        const at = pick(rand, paths);
        const depth = pick(rand, DEPTHS);
        const arrays = rand() < 0.5;
        const raw = arrays ? `${'['.repeat(depth)}"x"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
        body = spliced(copy, at, raw);
        what = `body nested ${depth} deep (${arrays ? 'lists' : 'objects'}) at ${at.join('.')}`;
        break;
      }
      case 'raw': {
        const [label, raw] = pick(rand, RAW_BODIES);
        body = raw;
        what = `raw body ${label}`;
        break;
      }
      case 'id': {
        pathId = pick(rand, BAD_IDS);
        what = `path id ${pathId.slice(0, 40)}`;
        break;
      }
      case 'group': {
        group = pick(rand, BAD_IDS);
        what = `path group ${group.slice(0, 40)}`;
        break;
      }
      case 'query': {
        const name = route.params && rand() < 0.8 ? pick(rand, route.params) : pick(rand, QUERY_NAMES);
        const value = pick(rand, BAD_QUERY_VALUES);
        query.set(name, value);
        what = `query ${name}=${value.slice(0, 40)}`;
        break;
      }
      case 'header': {
        const [name, value] = pick(rand, BAD_HEADERS);
        headers[name] = value;
        what = `header ${name}: ${value.slice(0, 40)}`;
        break;
      }
    }
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (body !== undefined && !headers['content-length']) {
      headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    }
    const search = [...query].map(([k, v]) => `${k}=${v}`).join('&');
    const path = route.path.replace('{group}', group).replace('{id}', pathId) + (search ? `?${search}` : '');
    out.push({ name: `${route.name} / ${what!}`, method: route.method, path, headers, ...(body !== undefined ? { body } : {}) });
  }
  return out;
}
