/**
 * Hypothesis files in and out. In: the Hypothesis client's "Export annotations" JSON
 * (`{export_date, export_userid, client_version, annotations: [...]}`), the search API's
 * answer (`{total, rows: [...]}`) or a bare list of its rows. Out: the client's export
 * format, which its "Import annotations" reads. Pure.
 */
import { passageOf, themesOf, commentText, type LeaAnnotation } from '../model/annotation';
import { DEFAULT_THEMES, themeLabel, type Theme } from '../model/themes';
import { PDF_URN_PREFIX } from '../pdf/pdf-urn';
import {
  asArray,
  buildComment,
  first,
  isObject,
  isoOf,
  tagsToThemes,
  type ImportRead,
  type Json,
  type ReadOptions,
  type RefusedItem,
} from './common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Hypothesis's share link for one annotation: `https://hypothes.is/a/<id>`. */
const SHARE_LINK = /^https?:\/\/[^/\s]+\/a\/([^/?#\s]+)$/;

/**
 * The original id of a Hypothesis row as an IRI, for `via`: a UUID id (a file this
 * extension exported) is `urn:uuid:<id>`; otherwise the row's share link (`links.html`), or
 * `https://hypothes.is/a/<id>`.
 */
export function hypothesisVia(row: Json): string | null {
  const id = typeof row.id === 'string' ? row.id.trim() : '';
  if (!id) return null;
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  const links = isObject(row.links) ? row.links : {};
  // The share link names the same id (a server other than hypothes.is keeps its own host).
  const share = typeof links.html === 'string' ? SHARE_LINK.exec(links.html) : null;
  if (share && safeDecode(share[1]!) === id) return links.html as string;
  return `https://hypothes.is/a/${encodeURIComponent(id)}`;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Is this row readable only by its writer ("Only me" in Hypothesis)? */
function isPrivate(row: Json): boolean {
  const permissions = isObject(row.permissions) ? row.permissions : null;
  if (!permissions || !Array.isArray(permissions.read)) return false;
  return !permissions.read.some((p) => typeof p === 'string' && p.startsWith('group:'));
}

function selectorsOf(row: Json): Json[] {
  const target = first(row.target);
  if (!isObject(target)) return [];
  return asArray(target.selector).filter(isObject);
}

function readRow(row: unknown, position: number, options: ReadOptions): { comment?: LeaAnnotation; refused?: RefusedItem; tagsLeftOut: number } {
  if (!isObject(row)) return { refused: { position, via: null, reason: 'It is not an annotation (not a JSON object).' }, tagsLeftOut: 0 };
  const via = hypothesisVia(row);
  const refuse = (reason: string) => ({ refused: { position, via, reason }, tagsLeftOut: 0 });
  if (!via) return refuse('It has no id, so a second import could not tell it is already here.');
  if (Array.isArray(row.references) && row.references.length > 0) return refuse('It is a reply to another annotation: only comments on a passage are imported.');
  if (isPrivate(row)) return refuse('It was private to its writer ("Only me"): only annotations shared with a group are imported.');
  if (row.hidden === true) return refuse('A moderator had hidden it in Hypothesis.');
  const selectors = selectorsOf(row);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact.length > 0);
  const page = selectors.find((s) => s.type === 'PageSelector' && Number.isInteger(s.index) && (s.index as number) >= 0);
  if (!quote && !page) return refuse('It is a page note, not about a quoted passage: comments here are always on a passage.');
  const text = typeof row.text === 'string' ? row.text.trim() : '';
  if (!text) return refuse('It is a highlight with no comment written.');
  const pos = selectors.find((s) => s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end));
  const target = first(row.target);
  const address = (isObject(target) && typeof first(target.source) === 'string' ? (first(target.source) as string) : null) ?? (typeof row.uri === 'string' ? row.uri : '');
  const document = isObject(row.document) ? row.document : {};
  // A PDF: Hypothesis names the file by pdf.js's fingerprint among the document's links, as the
  // viewer here does. Filed under it (the address it was read at as the scope), the comment
  // shows on that PDF opened from any address or from the computer, like the viewer's own.
  const fingerprint = pdfFingerprintOf(document);
  const source = fingerprint ?? address;
  if (!source) return refuse('It does not say which document it is on.');
  const { themes, leftOut } = tagsToThemes(asArray(row.tags), options.themes);
  const userInfo = isObject(row.user_info) ? row.user_info : {};
  const title = first(document.title);
  const built = buildComment(
    {
      via,
      text,
      themes,
      source,
      ...(fingerprint && address && /^https?:/i.test(address) ? { scope: address } : {}),
      quote: quote
        ? {
            exact: quote.exact as string,
            ...(typeof quote.prefix === 'string' ? { prefix: quote.prefix } : {}),
            ...(typeof quote.suffix === 'string' ? { suffix: quote.suffix } : {}),
          }
        : null,
      // A PDF page with no quoted text: the whole page.
      ...(!quote && page ? { wholePage: (page.index as number) + 1 } : {}),
      position: pos
        ? { start: pos.start as number, end: pos.end as number, ...(page ? { page: (page.index as number) + 1 } : {}) }
        : null,
      creatorName: typeof userInfo.display_name === 'string' ? userInfo.display_name : '',
      created: isoOf(row.created),
      modified: isoOf(row.updated),
      ...(typeof title === 'string' ? { documentTitle: title } : {}),
    },
    options,
  );
  if (!built.ok) return refuse(built.reason);
  return { comment: built.comment, tagsLeftOut: leftOut };
}

/** The `urn:x-pdf:<fingerprint>` among a Hypothesis row's document links (lower case), if it names a PDF. */
function pdfFingerprintOf(document: Json): string | null {
  for (const link of asArray(document.link)) {
    const href = isObject(link) && typeof link.href === 'string' ? link.href.trim() : '';
    const match = /^urn:x-pdf:([0-9a-z]{8,64})$/i.exec(href);
    if (match) return `${PDF_URN_PREFIX}${match[1]!.toLowerCase()}`;
  }
  return null;
}

/** The rows of a Hypothesis file, or why it is not one. */
function rowsOf(json: unknown): unknown[] | string {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return 'This is not a Hypothesis file: expected a JSON object with "annotations" (the client\'s export) or "rows" (the search API).';
  if (Array.isArray(json.annotations)) return json.annotations;
  if (Array.isArray(json.rows)) return json.rows;
  return 'This is not a Hypothesis file: it has no "annotations" list (the client\'s export) or "rows" list (the search API).';
}

/**
 * Read a Hypothesis export or search answer as extension comments (`via` = the original's
 * address), with a plain-English reason for each annotation that cannot be one.
 */
export function readHypothesisExport(json: unknown, options: ReadOptions = {}): ImportRead {
  const rows = rowsOf(json);
  if (typeof rows === 'string') return { ok: false, reason: rows };
  const comments: LeaAnnotation[] = [];
  const refused: RefusedItem[] = [];
  let tagsLeftOut = 0;
  rows.forEach((row, position) => {
    const out = readRow(row, position, options);
    if (out.comment) comments.push(out.comment);
    if (out.refused) refused.push(out.refused);
    tagsLeftOut += out.tagsLeftOut;
  });
  return { ok: true, format: 'hypothesis', comments, refused, tagsLeftOut };
}

/** The Hypothesis client's export file (`annotations` are API annotation objects). */
export interface HypothesisExport {
  export_date: string;
  export_userid: string;
  client_version: string;
  annotations: Json[];
}

export interface ExportOptions {
  /** The export's time (default now). */
  now?: Date;
  /** The Hypothesis group id written on each annotation (default `__world__`, Public). */
  group?: string;
  /** The group's theme vocabulary: tags are its labels (default Making It Real); ids mean nothing to Hypothesis. */
  themes?: readonly Theme[];
}

const ANONYMOUS_USER = 'acct:anonymous@lived-experience-annotator.org';

/** A Hypothesis user id for a writer's name: the client's import lists annotations by user. */
function userFor(name: string | undefined): string {
  if (!name) return ANONYMOUS_USER;
  const slug = name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '').toLowerCase().slice(0, 30) || 'named';
  return `acct:${slug}@lived-experience-annotator.org`;
}

/** The Hypothesis id of an exported comment: the original's id when it came from Hypothesis, else its own uuid. */
function exportedId(comment: LeaAnnotation): { id: string; html?: string } {
  const via = comment.via;
  const share = via ? SHARE_LINK.exec(via) : null;
  if (via && share && safeDecode(share[1]!)) return { id: safeDecode(share[1]!)!, html: via };
  if (via && /^urn:uuid:/i.test(via) && UUID.test(via.slice(9))) return { id: via.slice(9) };
  return { id: comment.id.slice('urn:uuid:'.length) };
}

/**
 * Comments as the Hypothesis client's "Export annotations" file. Kept: text, tags (themes),
 * passage (quote with context, position, PDF page), document address and title, the
 * writer's name when named, times. Hypothesis has no kind, perspective or visibility: give
 * only comments shared with the group. Re-importing the file here adds nothing (`id`/`links`
 * lead back to the same `via`).
 */
export function exportHypothesis(comments: readonly LeaAnnotation[], options: ExportOptions = {}): HypothesisExport {
  const group = options.group ?? '__world__';
  const annotations = comments.map((c) => {
    const { id, html } = exportedId(c);
    const name = c.attribution === 'named' ? c.creator?.name : undefined;
    const user = userFor(name);
    const passage = passageOf(c);
    const selector: Json[] = [];
    if (!passage.wholePage) {
      const [quote] = c.target.selector as readonly Json[];
      selector.push({ type: 'TextPositionSelector', start: passage.start, end: passage.end });
      selector.push({
        type: 'TextQuoteSelector',
        exact: passage.quote,
        ...(typeof quote?.prefix === 'string' ? { prefix: quote.prefix } : {}),
        ...(typeof quote?.suffix === 'string' ? { suffix: quote.suffix } : {}),
      });
    }
    if (passage.page !== undefined) selector.push({ type: 'PageSelector', index: passage.page - 1, label: String(passage.page) });
    const uri = c.target.scope ?? c.target.source;
    return {
      id,
      created: c.created,
      updated: c.modified,
      user,
      uri,
      text: commentText(c),
      tags: themesOf(c).map((id) => themeLabel(options.themes ?? DEFAULT_THEMES, id)),
      group,
      permissions: { read: [`group:${group}`], admin: [user], update: [user], delete: [user] },
      target: [{ source: uri, selector }],
      document: {
        ...(c.documentTitle ? { title: [c.documentTitle] } : {}),
        // A PDF is named by its fingerprint, as Hypothesis names it, and by where it was read.
        ...(c.target.source.startsWith(PDF_URN_PREFIX) ? { link: [{ href: c.target.source }, ...(c.target.scope ? [{ href: c.target.scope }] : [])] } : {}),
      },
      ...(html ? { links: { html } } : {}),
      ...(name ? { user_info: { display_name: name } } : {}),
    };
  });
  return {
    export_date: (options.now ?? new Date()).toISOString(),
    export_userid: ANONYMOUS_USER,
    client_version: 'lived-experience-annotator',
    annotations,
  };
}
