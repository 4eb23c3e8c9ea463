import { annotatableReason } from './annotatable';
import { normaliseUrl } from './normalise-url';

/** Which document a page shows: the URI comments are stored under and the other URIs it answers to. */
export interface DocumentIdentity {
  /** The normalised canonical URL when the page declares a usable one, else the normalised page URL. */
  uri: string;
  /** Every distinct normalised URI for the page, `uri` first; query the store with all of them. */
  aliases: string[];
  /** The page's title, or a readable form of its address when it has none. */
  title: string;
}

/** What {@link documentIdentity} needs to know about a page. */
export interface DocumentFacts {
  /** The address in the tab. */
  url: string;
  /** The `<link rel=canonical>` href, absolute or relative to `url`. */
  canonicalHref?: string | null;
  title?: string;
}

/**
 * The identity of the page at `facts.url`, or null when the page cannot be annotated.
 * A canonical link wins over the tab's address unless it is unusable or implausible.
 */
export function documentIdentity(facts: DocumentFacts): DocumentIdentity | null {
  if (annotatableReason(facts.url) !== null) return null;
  const pageUri = normaliseUrl(facts.url);
  if (pageUri === null) return null;
  const canonicalUri = usableCanonical(facts.canonicalHref, facts.url, pageUri);
  const uri = canonicalUri ?? pageUri;
  const aliases = [...new Set([uri, pageUri])];
  return { uri, aliases, title: cleanTitle(facts.title) || readableAddress(uri) };
}

/**
 * DOM adapter for {@link documentIdentity}: reads the first canonical link (resolved against
 * any `<base href>`) and the title from `doc`; `url` is the tab's address.
 */
export function readDocumentIdentity(doc: Document, url: string): DocumentIdentity | null {
  const base = resolve(doc.querySelector('base[href]')?.getAttribute('href'), url) ?? url;
  const canonicalHref = Array.from(doc.querySelectorAll('link[rel][href]'))
    .filter((link) => (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
    .map((link) => resolve(link.getAttribute('href'), base))
    .find((href) => href !== null);
  const title = [doc.title, metaContent(doc, 'property', 'og:title'), metaContent(doc, 'name', 'DC.title')]
    .map(cleanTitle)
    .find((text) => text !== '');
  return documentIdentity({ url, canonicalHref, title });
}

/**
 * The normalised canonical, unless it is not http(s) or is the site's home page while the page
 * is not (a common misconfiguration that would pool every page's comments into one).
 */
function usableCanonical(href: string | null | undefined, url: string, pageUri: string): string | null {
  const absolute = resolve(href, url);
  const canonical = absolute === null ? null : normaliseUrl(absolute);
  if (canonical === null) return null;
  const canonicalPath = new URL(canonical).pathname;
  const pagePath = new URL(pageUri).pathname;
  if (canonicalPath === '/' && pagePath !== '/') return null;
  return canonical;
}

function metaContent(doc: Document, attribute: 'name' | 'property', value: string): string | null {
  return doc.querySelector(`meta[${attribute}="${value}"][content]`)?.getAttribute('content') ?? null;
}

function resolve(href: string | null | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

function cleanTitle(title: string | null | undefined): string {
  return (title ?? '').replace(/\s+/g, ' ').trim();
}

/** "www.gov.uk/government/publications/x" for a title-less page: host and path, no scheme. */
function readableAddress(uri: string): string {
  const url = new URL(uri);
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep the escaped form.
  }
  return `${url.host}${path === '/' ? '' : path}`;
}
