import type { Role } from '../src/auth/roles';
import { seededRandom } from '../../tests/support/seeded-random';

export const BILL = 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html';
export const ACT_S1 = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1';

/** One route of the links API: who may call it and with what success. */
export interface LinkRouteCase {
  name: string;
  method: string;
  allowed: readonly Role[];
  okStatus: number;
  /** The path under /api/groups/{group}, given an existing link's id. */
  path(linkId: string): string;
  body?(role: Role): Record<string, unknown>;
}

export const LINK_ROUTES: LinkRouteCase[] = [
  { name: 'GET document-links', method: 'GET', allowed: ['facilitator', 'member', 'reader'], okStatus: 200, path: () => '/document-links' },
  {
    name: 'POST document-links',
    method: 'POST',
    allowed: ['facilitator'],
    okStatus: 201,
    path: () => '/document-links',
    // A new pair for each call, so a success is a creation.
    body: (role) => ({ earlier: `https://www.gov.uk/draft-${role}-${Math.random().toString(36).slice(2)}`, later: ACT_S1, earlierLabel: 'the draft Bill' }),
  },
  { name: 'DELETE document-links/{id}', method: 'DELETE', allowed: ['facilitator'], okStatus: 204, path: (id) => `/document-links/${id}` },
];

/** A malformed request to the links routes. */
export interface BadLinkRequest {
  name: string;
  method: string;
  path: string;
  token: string | undefined;
  body?: string;
}

const GOOD = { earlier: BILL, later: ACT_S1, earlierLabel: 'the Care Bill (2013-14)', laterLabel: 'the Care Act 2014 s.1' };

const POISON: Array<[string, (s: string) => unknown]> = [
  ['NUL', (s) => `${s}\u0000`],
  ['lone surrogate', (s) => `${s}\ud800`],
  ['control characters', (s) => `${s}\u0001\u001f`],
  ['line separator', (s) => `${s}\u2028`],
  ['overlong', () => `https://example.org/${'x'.repeat(20_000)}`],
  ['long address', () => `https://example.org/${'y'.repeat(2100)}`],
  ['empty', () => ''],
  ['spaces', () => '   '],
  ['number', () => 1e308],
  ['null', () => null],
  ['true', () => true],
  ['list', () => ['https://example.org/a']],
  ['object', () => ({ __proto__: { polluted: true } })],
  ['script URL', () => 'javascript:alert(1)'],
  ['file URL', () => 'file:///etc/passwd'],
  ['relative', () => '/ukpga/2014/23'],
  ['bad PDF urn', () => 'urn:x-pdf:XYZ'],
  ['host only', () => 'http://'],
  ['space inside', () => 'https://example.org/a b'],
  ['right-to-left override', (s) => `\u202e${s}`],
  ['percent garbage', () => 'https://example.org/%zz%'],
];

const RAW = ['{"earlier": ', 'null', '[]', '"x"', '1e999', '{"earlier":"\\ud800"}', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"__proto__":{"x":1}}', '\ufeff{}', '<xml/>', '{}'];

const IDS = ['%00', 'not-a-uuid', '%ED%A0%80', 'x'.repeat(3000), '..%2f..', '0190F0E8-7C1A-7000-8000-000000000000', '%', "'%20or%201=1--"];

/** `count` malformed requests from `seed` (the same seed, the same list). */
export function generateBadLinkRequests(c: { group: string; link: string; tokens: Record<Role, string> }, seed: number, count: number): BadLinkRequest[] {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const out: BadLinkRequest[] = [];
  const base = `/api/groups/${c.group}/document-links`;
  for (let i = 0; i < count; i++) {
    const kind = pick(['field', 'field', 'field', 'key', 'raw', 'id', 'token', 'get']);
    if (kind === 'field' || kind === 'key') {
      const copy: Record<string, unknown> = { ...GOOD };
      let what: string;
      if (kind === 'field') {
        const field = pick(Object.keys(copy));
        const [label, poison] = pick(POISON);
        copy[field] = poison(String(copy[field]));
        what = `${label} in ${field}`;
      } else {
        copy[pick(['__proto__', 'constructor', '', 'id', 'groupId', 'createdBy'])] = 1;
        what = 'an extra key';
      }
      out.push({ name: `POST: ${what}`, method: 'POST', path: base, token: c.tokens.facilitator, body: JSON.stringify(copy) });
    } else if (kind === 'raw') {
      const body = pick(RAW);
      out.push({ name: `POST: raw body ${body.slice(0, 20)}`, method: 'POST', path: base, token: c.tokens.facilitator, body });
    } else if (kind === 'id') {
      const id = pick(IDS);
      out.push({ name: `DELETE: path id ${id.slice(0, 20)}`, method: 'DELETE', path: `${base}/${id}`, token: c.tokens.facilitator });
    } else if (kind === 'get') {
      out.push({ name: 'GET: with a query and a body', method: 'GET', path: `${base}?after=${pick(IDS)}`, token: c.tokens.reader });
    } else {
      const token = pick(['', 'x', 'a'.repeat(5000), 'Basic', '\u00ff']);
      out.push({ name: 'a bad token', method: pick(['GET', 'POST', 'DELETE']), path: base, token, body: JSON.stringify(GOOD) });
    }
  }
  return out;
}
