import { FileChild, type IXmlableObject } from 'docx';
import type { RichSpan } from './comment-text';

/**
 * A paragraph handed to docx already in its XML object form (what its own components'
 * `prepForXml` return). docx still writes, escapes and packages it; we only skip building
 * a tree of option objects and components per comment, which made a 10,000-comment Word
 * digest take several seconds. Used for the bulk (comments and quotes), never for links,
 * images or anything that needs docx's relationships.
 */
export class PreparedParagraph extends FileChild {
  constructor(private readonly xml: IXmlableObject) {
    super('w:p');
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

const EMPTY = {};
const PRESERVE = { _attr: { 'xml:space': 'preserve' } };
const OFF = { _attr: { 'w:val': '0' } };
const BREAK = { 'w:r': [{ 'w:br': EMPTY }] };
const CONSOLAS = { 'w:rFonts': { _attr: { 'w:ascii': 'Consolas', 'w:hAnsi': 'Consolas', 'w:cs': 'Consolas' } } };
// Shared, never mutated: docx only reads these objects, and thousands of runs use them.
const PROPERTY_CACHE = new Map<number, IXmlableObject | null>();

/** Run properties in schema order (ECMA-376 CT_RPr: rFonts, b, bCs, i, iCs, strike). */
function runProperties(span: Omit<RichSpan, 'text'> & { upright?: boolean }): IXmlableObject | null {
  const key = (span.code ? 1 : 0) | (span.bold ? 2 : 0) | (span.italic ? 4 : 0) | (span.upright ? 8 : 0) | (span.strike ? 16 : 0);
  let cached = PROPERTY_CACHE.get(key);
  if (cached === undefined) {
    const props: IXmlableObject[] = [];
    if (span.code) props.push(CONSOLAS);
    if (span.bold) props.push({ 'w:b': EMPTY }, { 'w:bCs': EMPTY });
    if (span.italic) props.push({ 'w:i': EMPTY }, { 'w:iCs': EMPTY });
    if (span.upright) props.push({ 'w:i': OFF }, { 'w:iCs': OFF });
    if (span.strike) props.push({ 'w:strike': EMPTY });
    cached = props.length ? { 'w:rPr': props } : null;
    PROPERTY_CACHE.set(key, cached);
  }
  return cached;
}

/** `w:t`, keeping spaces at the ends (and tabs) only where the text has them. */
const textXml = (text: string) => ({ 'w:t': /^\s|\s$|\t/.test(text) ? [PRESERVE, text] : text });

type Span = RichSpan & { upright?: boolean };
const styleKey = (s: Span) => (s.code ? 1 : 0) | (s.bold ? 2 : 0) | (s.italic ? 4 : 0) | (s.upright ? 8 : 0) | (s.strike ? 16 : 0);

/**
 * Spans as WordprocessingML runs (`w:r`), neighbours with the same formatting sharing one
 * run and line breaks going inside it (`<w:t/><w:br/><w:t/>`), as Word writes them: fewer
 * elements for docx to serialise.
 */
export function runsXml(spans: readonly Span[]): IXmlableObject[] {
  const runs: IXmlableObject[] = [];
  let content: IXmlableObject[] | null = null;
  let key = -1;
  for (const span of spans) {
    if (span.break) {
      if (content) content.push({ 'w:br': EMPTY });
      else runs.push(BREAK);
      continue;
    }
    const k = styleKey(span);
    if (!content || k !== key) {
      const props = runProperties(span);
      content = props ? [props] : [];
      runs.push({ 'w:r': content });
      key = k;
    }
    content.push(textXml(span.text));
  }
  return runs;
}

const STYLE_ONLY = new Map<string, IXmlableObject>();

/** Paragraph properties in schema order (CT_PPr: pStyle, keepNext, ind). */
export function paragraphXml(style: string, runs: IXmlableObject[], options: { keepNext?: boolean; left?: number; hanging?: number } = {}): IXmlableObject {
  if (!options.keepNext && options.left === undefined) {
    let props = STYLE_ONLY.get(style);
    if (!props) STYLE_ONLY.set(style, (props = { 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': style } } }] }));
    return { 'w:p': [props, ...runs] };
  }
  const props: IXmlableObject[] = [{ 'w:pStyle': { _attr: { 'w:val': style } } }];
  if (options.keepNext) props.push({ 'w:keepNext': EMPTY });
  if (options.left !== undefined) props.push({ 'w:ind': { _attr: { 'w:left': options.left, ...(options.hanging ? { 'w:hanging': options.hanging } : {}) } } });
  return { 'w:p': [{ 'w:pPr': props }, ...runs] };
}
