/**
 * Which documents are versions of one another. Two sources, both pure:
 *
 * - legislation.gov.uk addresses: one provision as enacted (`/enacted`, `/made`, ...), at a
 *   point in time (`/2014-10-01`) and as current (no suffix) share one version-free key.
 * - Links a facilitator made ("the Care Act 2014 s.1 is a later version of the Care Bill
 *   2013-14 clause 1"), which join any two documents, and through a legislation key every
 *   version of the provision.
 *
 * Anchoring is unchanged: comments of every version are anchored on the page as it is.
 * See README.md ("Versions").
 */
import { LEGISLATION_HOSTS, normaliseUrl } from './normalise-url';

/** The version a legislation.gov.uk address shows. */
export type LegislationVersionKind = 'original' | 'point-in-time' | 'current' | 'prospective';

/** A legislation.gov.uk address split into the provision and the version of it. */
export interface LegislationVersion {
  /** The normalised address. */
  uri: string;
  /** The same provision with no version: the address of its current version. */
  key: string;
  kind: LegislationVersionKind;
  /** `enacted`, `made`, `created`, `adopted` for the original; the ISO date for a point in time. */
  version: string | null;
  /** Plain English: "as enacted", "as it stood on 1 October 2014", "the current version". */
  label: string;
  /** The Welsh-language text (`/cy/`): never a version of the English one. */
  welsh: boolean;
  /** The whole piece of legislation (`.../ukpga/2014/23`), of which this provision is a part. */
  work: string;
}

/** A facilitator's link: `later` is a later version of `earlier` (both any http(s) address). */
export interface DocumentLink {
  id?: string;
  earlier: string;
  later: string;
  earlierLabel?: string | null;
  laterLabel?: string | null;
}

/** Path segments naming the original version of a piece of legislation. */
const ORIGINAL_VERSIONS: Readonly<Record<string, string>> = {
  enacted: 'as enacted',
  made: 'as made',
  created: 'as created',
  adopted: 'as adopted',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A legislation type: ukpga, uksi, asp, ssi, anaw, asc, wsi, nia, nisr, ukla, mwa, ... */
const TYPE = /^[a-z]{3,6}$/;
/** A calendar year, or a regnal year (`Geo6/9-10`, `Eliz2/1-2`, `Vict/63-64`). */
const YEAR = /^\d{4}$/;
const REIGN = /^[A-Z][a-z]{2,4}\d{0,2}$/;
const SESSION = /^\d{1,3}(?:-\d{1,3})?$/;
const NUMBER = /^\d{1,5}$/;
/** Site pages that are not documents of their own. */
const NOT_DOCUMENTS: ReadonlySet<string> = new Set(['id', 'changes', 'search', 'browse', 'new', 'help', 'projects', 'developer', 'primary', 'secondary']);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 October 2014" for `2014-10-01`, or null when it is not a real calendar date. */
export function plainDate(iso: string): string | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * The provision and version of a legislation.gov.uk address, or null for any other address,
 * a site page that is not a document (search, browse, changes), or another format of the
 * text (`/data.xml`, `/data.akn`, `/data.pdf`: not a page to annotate as the same text).
 */
export function legislationVersion(url: string): LegislationVersion | null {
  const uri = normaliseUrl(url);
  if (uri === null) return null;
  const parsed = new URL(uri);
  if (parsed.hostname !== LEGISLATION_HOSTS[0]) return null;
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  const welsh = segments[0] === 'cy';
  const body = welsh ? segments.slice(1) : segments;
  if (!isLegislationPath(body)) return null;
  const last = body[body.length - 1]!;
  if (/^data\./.test(last)) return null;

  let kind: LegislationVersionKind = 'current';
  let version: string | null = null;
  let label = 'the current version';
  let base = body;
  if (Object.hasOwn(ORIGINAL_VERSIONS, last)) {
    kind = 'original';
    version = last;
    label = ORIGINAL_VERSIONS[last]!;
    base = body.slice(0, -1);
  } else if (last === 'prospective') {
    kind = 'prospective';
    version = last;
    label = 'the version with changes not yet in force';
    base = body.slice(0, -1);
  } else if (ISO_DATE.test(last)) {
    const day = plainDate(last);
    if (day === null) return null;
    kind = 'point-in-time';
    version = last;
    label = `as it stood on ${day}`;
    base = body.slice(0, -1);
  }
  if (!isLegislationPath(base)) return null;
  const lang = welsh ? ['cy'] : [];
  const key = `${parsed.origin}/${[...lang, ...base].join('/')}${parsed.search}`;
  const work = `${parsed.origin}/${[...lang, ...base.slice(0, YEAR.test(base[1]!) ? 3 : 4)].join('/')}`;
  return { uri, key, kind, version, label: welsh ? `${label} (in Welsh)` : label, welsh, work };
}

/** `type/year/number[/...]`, with a calendar or regnal year. */
function isLegislationPath(body: readonly string[]): boolean {
  const [type, year, second, third] = body;
  if (!type || !TYPE.test(type) || NOT_DOCUMENTS.has(type)) return false;
  if (year && YEAR.test(year)) return second !== undefined && NUMBER.test(second);
  if (year && REIGN.test(year)) return second !== undefined && SESSION.test(second) && third !== undefined && NUMBER.test(third);
  return false;
}

/**
 * The version-free key of a document: the provision's key for a legislation.gov.uk version,
 * else the normalised address itself (null when it is not an http(s) address).
 */
export function versionKey(url: string): string | null {
  return legislationVersion(url)?.key ?? normaliseUrl(url);
}

/** True when `a` and `b` are versions of one document by the address rules alone. */
export function sameDocumentByAddress(a: string, b: string): boolean {
  const ka = versionKey(a);
  return ka !== null && ka === versionKey(b);
}

/**
 * True when `a` and `b` are different provisions of one piece of legislation in one language
 * (s.1 and the Part 1 cross-heading that contains it): a comment on one may be on the other's
 * page too, but is never "not in this version" of it.
 */
export function partsOfOneWork(a: string, b: string): boolean {
  const va = legislationVersion(a);
  const vb = legislationVersion(b);
  return va !== null && vb !== null && va.work === vb.work && va.key !== vb.key;
}

/** The standard addresses of a legislation key's versions that can be named without a date. */
function standardForms(key: string): string[] {
  const url = new URL(key);
  const path = url.pathname;
  return [key, ...Object.keys(ORIGINAL_VERSIONS).map((v) => `${url.origin}${path}/${v}${url.search}`)];
}

/**
 * The version keys joined to `uri` through the links (both directions, any number of steps),
 * `uri`'s own key first.
 */
export function linkedKeys(uri: string, links: readonly DocumentLink[]): string[] {
  const start = versionKey(uri);
  if (start === null) return [];
  const edges = new Map<string, Set<string>>();
  const join = (a: string, b: string) => {
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  };
  for (const link of links) {
    const a = versionKey(link.earlier);
    const b = versionKey(link.later);
    if (a === null || b === null || a === b) continue;
    join(a, b);
    join(b, a);
  }
  const seen = [start];
  const found = new Set(seen);
  for (let i = 0; i < seen.length; i++) {
    for (const next of edges.get(seen[i]!) ?? []) {
      if (!found.has(next)) {
        found.add(next);
        seen.push(next);
      }
    }
  }
  return seen;
}

/**
 * Every document URI that is a version of `uri` (normalised, deduplicated, `uri` first):
 * the addresses the links name, and for each legislation provision reached, its current
 * and original versions. Point-in-time versions are not enumerable: pass the document URIs
 * already known (`known`, e.g. those of stored comments) and every one that is a version is
 * included too. Empty when `uri` is not an http(s) address.
 */
export function versionsOf(uri: string, links: readonly DocumentLink[], known: Iterable<string> = []): string[] {
  const self = normaliseUrl(uri);
  if (self === null) return [];
  const keys = new Set(linkedKeys(self, links));
  const out = new Set<string>([self]);
  const add = (candidate: string) => {
    const normal = normaliseUrl(candidate);
    const key = normal === null ? null : versionKey(normal);
    if (normal !== null && key !== null && keys.has(key)) out.add(normal);
  };
  for (const link of links) {
    add(link.earlier);
    add(link.later);
  }
  for (const key of keys) {
    if (legislationVersion(key)) standardForms(key).forEach(add);
    else add(key);
  }
  for (const candidate of known) add(candidate);
  return [...out];
}

/**
 * How to name the version a comment was written on: the label a facilitator gave that
 * address in a link, else the legislation version ("as enacted"), else null (the caller
 * falls back to the document's title or address).
 */
export function versionLabel(uri: string, links: readonly DocumentLink[] = []): string | null {
  const self = normaliseUrl(uri);
  if (self === null) return null;
  for (const link of links) {
    if (link.earlierLabel && normaliseUrl(link.earlier) === self) return link.earlierLabel;
    if (link.laterLabel && normaliseUrl(link.later) === self) return link.laterLabel;
  }
  return legislationVersion(self)?.label ?? null;
}

/**
 * The version a comment was written on, as data, so each reader's language can name it
 * (utils/i18n/version-names.ts): a facilitator's own label for a linked document, a
 * legislation.gov.uk version (as enacted / made …, at a date, current, prospective; `welsh`
 * for the Welsh text), or nothing known.
 */
export type VersionName =
  | { kind: 'label'; label: string }
  | { kind: 'legislation'; version: LegislationVersionKind; id: string | null; welsh: boolean }
  | { kind: 'unknown' };

/** versionLabel as data (same precedence: a link's label, then the legislation version). */
export function versionName(uri: string, links: readonly DocumentLink[] = []): VersionName {
  const self = normaliseUrl(uri);
  if (self === null) return { kind: 'unknown' };
  for (const link of links) {
    if (link.earlierLabel && normaliseUrl(link.earlier) === self) return { kind: 'label', label: link.earlierLabel };
    if (link.laterLabel && normaliseUrl(link.later) === self) return { kind: 'label', label: link.laterLabel };
  }
  const legislation = legislationVersion(self);
  return legislation ? { kind: 'legislation', version: legislation.kind, id: legislation.version, welsh: legislation.welsh } : { kind: 'unknown' };
}

/**
 * "Written on the Care Bill (2013-14)", "Written on the version as enacted", "Written on the
 * current version"; `fallback` (a title or address) when the version has no label.
 */
export function writtenOnLine(label: string | null, fallback = 'another version of this document'): string {
  const name = label ?? fallback;
  return /^as /.test(name) ? `Written on the version ${name}` : `Written on ${name}`;
}
