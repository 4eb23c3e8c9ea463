import { describe, expect, it } from 'vitest';
import { documentLink, hrefFor, parseRoute, safeNext } from './router';

describe('web app addresses', () => {
  it.each([
    ['/', '', { name: 'home' }],
    ['/sign-in', '?next=%2Fc%2F0190a1b2-0000-7000-8000-000000000001', { name: 'sign-in', next: '/c/0190a1b2-0000-7000-8000-000000000001' }],
    ['/documents', '?source=https%3A%2F%2Fexample.org%2Fa', { name: 'document', source: 'https://example.org/a' }],
    ['/documents', '', { name: 'home' }],
    ['/search', '?q=dignity', { name: 'search', q: 'dignity' }],
    ['/c/0190A1B2-0000-7000-8000-000000000001', '', { name: 'comment', uuid: '0190a1b2-0000-7000-8000-000000000001' }],
    ['/c/not-a-uuid', '', { name: 'not-found' }],
    ['/group/members', '', { name: 'group', page: 'members' }],
    ['/group/themes/', '', { name: 'group', page: 'themes' }],
    ['/group/secrets', '', { name: 'not-found' }],
    ['/elsewhere', '', { name: 'not-found' }],
  ] as const)('%s%s is %o', (path, search, route) => {
    expect(parseRoute(path, search)).toEqual(route);
  });

  it('builds the links it parses', () => {
    for (const route of [{ name: 'document', source: 'https://example.org/a?b=c&d' }, { name: 'search', q: 'carer & family' }, { name: 'sign-in', next: '/search?q=x' }] as const) {
      const url = new URL(hrefFor(route), 'http://store.test');
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', '/sign-in', '/sign-in?next=/', 'javascript:alert(1)', '/nowhere', '', null])('never returns to %s after signing in', (next) => {
    expect(safeNext(next)).toBeNull();
  });

  it('returns to a page of the app after signing in', () => {
    expect(safeNext('/c/0190a1b2-0000-7000-8000-000000000001')).toBe('/c/0190a1b2-0000-7000-8000-000000000001');
    expect(safeNext('/search?q=dignity')).toBe('/search?q=dignity');
  });

  it('"Open the document" links only to http(s) pages', () => {
    expect(documentLink('https://www.legislation.gov.uk/ukpga/2014/23')).toBe('https://www.legislation.gov.uk/ukpga/2014/23');
    expect(documentLink('urn:x-pdf:abc')).toBeNull();
    expect(documentLink('javascript:alert(1)')).toBeNull();
    expect(documentLink('not a url')).toBeNull();
  });
});
