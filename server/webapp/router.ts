/**
 * The web app's addresses (the store answers index.html at each: server/src/routes/webapp).
 * Pure: parse a path and query into a route, and build links; no globals.
 */

/** The facilitator pages under /group/ (H5's components in ./facilitator). */
export const GROUP_PAGES = ['members', 'invites', 'moderation', 'themes', 'versions'] as const;
export type GroupPage = (typeof GROUP_PAGES)[number];

export type Route =
  | { name: 'home' }
  | { name: 'sign-in'; next: string | null }
  | { name: 'document'; source: string }
  | { name: 'search'; q: string }
  | { name: 'comment'; uuid: string }
  | { name: 'group'; page: GroupPage }
  | { name: 'not-found' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where to go after signing in: a path of this web app only (never another site, `//host`,
 * a backslash trick or the sign-in page itself), else null.
 */
export function safeNext(value: string | null | undefined): string | null {
  if (!value || value.length > 2048) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f]/.test(value)) return null;
  const path = value.split(/[?#]/)[0]!;
  if (path === '/sign-in') return null;
  const route = parseRoute(path, value.slice(path.length).split('#')[0] ?? '');
  return route.name === 'not-found' ? null : value;
}

/** The route a location names. */
export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'home' };
  if (path === '/documents') {
    const source = query.get('source');
    return source ? { name: 'document', source } : { name: 'home' };
  }
  if (path === '/sign-in') return { name: 'sign-in', next: safeNext(query.get('next')) };
  if (path === '/search') return { name: 'search', q: query.get('q') ?? '' };
  const comment = /^\/c\/([^/]+)$/.exec(path);
  if (comment) {
    const uuid = decodeURIComponent(comment[1]!).toLowerCase();
    return UUID.test(uuid) ? { name: 'comment', uuid } : { name: 'not-found' };
  }
  const group = /^\/group\/([a-z]+)$/.exec(path);
  if (group && (GROUP_PAGES as readonly string[]).includes(group[1]!)) return { name: 'group', page: group[1] as GroupPage };
  return { name: 'not-found' };
}

/** The address of a route, for links. */
export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'sign-in':
      return route.next ? `/sign-in?next=${encodeURIComponent(route.next)}` : '/sign-in';
    case 'document':
      return `/documents?source=${encodeURIComponent(route.source)}`;
    case 'search':
      return route.q ? `/search?q=${encodeURIComponent(route.q)}` : '/search';
    case 'comment':
      return `/c/${route.uuid}`;
    case 'group':
      return `/group/${route.page}`;
    case 'not-found':
      return '/';
  }
}

/** The uuid of `urn:uuid:<uuid>` (or the value itself). */
export function uuidOf(id: string): string {
  return id.startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : id;
}

/** A web address people may be sent to from a comment: http(s) only, else null. */
export function documentLink(source: string): string | null {
  try {
    const url = new URL(source);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
