import { FileChild, type IXmlableObject } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type ZipOptions } from 'fflate';
import type { RichSpan } from './comment-text';

/**
 * The bulk of a Word digest (quotes and comment paragraphs) written as WordprocessingML text
 * by us, byte for byte as docx would write the same paragraphs, and spliced into the
 * document docx built for everything else (title, headings, tables, chart, links: whatever
 * needs docx's relationships, numbering or media). docx's generic serialiser and its scans
 * for `{placeholders}` over the whole document were most of a 10,000-comment digest's time.
 */

/** The part of the package that holds the body. */
const DOCUMENT_PART = 'word/document.xml';

/**
 * Stands in the body, in docx's tree, for one run of prepared paragraphs: written as
 * `<lea:bulk n="3"/>`, an element no docx component and no text can produce (text is
 * escaped), replaced by `spliceBulk` before the package is zipped again.
 */
export class BulkMarker extends FileChild {
  constructor(private readonly index: number) {
    super('lea:bulk');
  }

  override prepForXml(): IXmlableObject {
    return { 'lea:bulk': { _attr: { n: this.index } } };
  }
}

const MARKER = /<lea:bulk n="(\d+)"\/>/g;

/**
 * Replace every `BulkMarker` in a docx package with its prepared XML and zip the package
 * again, parts in the same order. Throws if a marker is missing or left over, so a change in
 * docx's output can never ship a document Word would refuse.
 */
export function spliceBulk(pkg: Uint8Array, bulk: readonly (readonly string[])[], zip: ZipOptions = {}): Uint8Array {
  const parts = unzipSync(pkg);
  const skeleton = strFromU8(parts[DOCUMENT_PART]!);
  const pieces: string[] = [];
  let last = 0;
  let expected = 0;
  for (const match of skeleton.matchAll(MARKER)) {
    const n = Number(match[1]);
    if (n !== expected) throw new Error(`Word digest: prepared block ${expected} expected, found ${n}.`);
    pieces.push(skeleton.slice(last, match.index), bulk[n]!.join(''));
    last = match.index + match[0].length;
    expected++;
  }
  if (expected !== bulk.length) throw new Error(`Word digest: ${bulk.length - expected} prepared blocks not placed.`);
  pieces.push(skeleton.slice(last));
  parts[DOCUMENT_PART] = strToU8(pieces.join(''));
  return zipSync(parts, zip);
}

/** Text and attribute values escaped as docx escapes them (`&"'<>`; C0 controls other than tab, LF, CR dropped). */
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const SPECIALS = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapeXml = (text: string) => (SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c] ?? '') : text);

/** Run properties in schema order (ECMA-376 CT_RPr: rFonts, b, bCs, i, iCs, strike), by style key. */
const PROPERTY_CACHE = new Map<number, string>();

type Span = RichSpan & { upright?: boolean };
const styleKey = (s: Span) => (s.code ? 1 : 0) | (s.bold ? 2 : 0) | (s.italic ? 4 : 0) | (s.upright ? 8 : 0) | (s.strike ? 16 : 0);

function runProperties(key: number): string {
  let cached = PROPERTY_CACHE.get(key);
  if (cached === undefined) {
    let props = '';
    if (key & 1) props += '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>';
    if (key & 2) props += '<w:b/><w:bCs/>';
    if (key & 4) props += '<w:i/><w:iCs/>';
    if (key & 8) props += '<w:i w:val="0"/><w:iCs w:val="0"/>';
    if (key & 16) props += '<w:strike/>';
    cached = props ? `<w:rPr>${props}</w:rPr>` : '';
    PROPERTY_CACHE.set(key, cached);
  }
  return cached;
}

/** `w:t`, keeping spaces at the ends (and tabs) only where the text has them. */
const PRESERVED = /^\s|\s$|\t/;
const textXml = (text: string) => (PRESERVED.test(text) ? `<w:t xml:space="preserve">${escapeXml(text)}</w:t>` : `<w:t>${escapeXml(text)}</w:t>`);

/**
 * Spans as WordprocessingML runs (`w:r`), neighbours with the same formatting sharing one
 * run and line breaks going inside it (`<w:t/><w:br/><w:t/>`), as Word writes them.
 */
export function runsXml(spans: readonly Span[]): string {
  let out = '';
  let open = false;
  let key = -1;
  for (const span of spans) {
    if (span.break) {
      out += open ? '<w:br/>' : '<w:r><w:br/></w:r>';
      continue;
    }
    const k = styleKey(span);
    if (!open || k !== key) {
      if (open) out += '</w:r>';
      out += `<w:r>${runProperties(k)}`;
      open = true;
      key = k;
    }
    out += textXml(span.text);
  }
  return open ? `${out}</w:r>` : out;
}

/** Paragraph properties in schema order (CT_PPr: pStyle, keepNext, ind), then the runs. */
export function paragraphXml(style: string, runs: string, options: { keepNext?: boolean; left?: number; hanging?: number } = {}): string {
  let props = `<w:pStyle w:val="${escapeXml(style)}"/>`;
  if (options.keepNext) props += '<w:keepNext/>';
  if (options.left !== undefined) props += `<w:ind w:left="${options.left}"${options.hanging ? ` w:hanging="${options.hanging}"` : ''}/>`;
  return `<w:p><w:pPr>${props}</w:pPr>${runs}</w:p>`;
}
