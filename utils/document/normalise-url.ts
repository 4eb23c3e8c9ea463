/**
 * URL normalisation for document identity: two addresses that show the same document text
 * should normalise to one string, and addresses of different documents must never collide.
 * When in doubt a rule is left out (a missed merge only splits comments; a wrong merge
 * shows comments on the wrong text). See README.md for the rules and why.
 */

/** Query parameters that only track how a visitor arrived (RFC 3986 leaves them opaque). */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'gbraid',
  'wbraid',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref_src',
  'ref_url',
  'srsltid',
]);

/** Hosts serving legislation.gov.uk documents; all map to the first one. */
export const LEGISLATION_HOSTS: readonly string[] = [
  'www.legislation.gov.uk',
  'legislation.gov.uk',
  'legislation.data.gov.uk',
];

/** legislation.gov.uk parameters that change presentation, not the text of the version shown. */
const LEGISLATION_PRESENTATION_PARAMS: ReadonlySet<string> = new Set(['view', 'timeline']);

/** legislation.gov.uk path suffixes that serve the same text as the path without them. */
const LEGISLATION_HTML_SUFFIX = /\/data\.(?:htm|html|xht)$/;

/**
 * The stable form of a web address for matching comments to documents, or null when it is
 * not a parsable http(s) address. Idempotent: normalising a normalised URL changes nothing.
 */
export function normaliseUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;

  // Credentials never belong in a shared identifier; the URL parser already lowercased the
  // scheme and host and dropped default ports.
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');

  const legislation = LEGISLATION_HOSTS.includes(parsed.hostname);
  if (legislation) {
    parsed.protocol = 'https:';
    parsed.hostname = LEGISLATION_HOSTS[0]!;
    parsed.pathname = parsed.pathname.replace(LEGISLATION_HTML_SUFFIX, '');
  }

  const path = normaliseEscapes(parsed.pathname).replace(/\/+$/, '') || '/';
  const query = normaliseQuery(parsed.search, legislation ? LEGISLATION_PRESENTATION_PARAMS : null);
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${parsed.protocol}//${parsed.hostname}${port}${path}${query}`;
}

/** True for parameters that only say where a visit came from (`utm_*` and known click ids). */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * Drop tracking (and, for legislation, presentation) parameters and sort the rest by name.
 * Pairs keep their original spelling so the address still works when followed.
 */
function normaliseQuery(search: string, presentation: ReadonlySet<string> | null): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({ pair: normaliseEscapes(pair), name: decodeName(pair) }))
    .filter(({ name }) => !isTrackingParam(name) && !presentation?.has(name.toLowerCase()));
  if (pairs.length === 0) return '';
  // Array.prototype.sort is stable, so repeated names keep their relative order.
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `?${pairs.map(({ pair }) => pair).join('&')}`;
}

function decodeName(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 3986 §6.2.2: upper-case percent escapes and decode escaped unreserved characters. */
function normaliseEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}
