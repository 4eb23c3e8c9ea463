import { Lexer, type Token, type Tokens } from 'marked';
import { webHref } from './safe-link';
import { escapeHtml } from './text';

/** A run of comment text with its emphasis; `href` only for http(s) links, made safe by `webHref`. */
export interface RichSpan {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  href?: string;
  /** A line break (the text is empty). */
  break?: boolean;
}

/** A block of comment text: what light Markdown can make, nothing more. */
export type RichBlock =
  | { type: 'paragraph'; spans: RichSpan[] }
  | { type: 'list'; ordered: boolean; items: RichBlock[][] }
  | { type: 'quote'; blocks: RichBlock[] }
  | { type: 'code'; text: string };

type Style = Omit<RichSpan, 'text' | 'break'>;

function inline(tokens: readonly Token[] | undefined, style: Style, out: RichSpan[]): RichSpan[] {
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        inline((token as Tokens.Strong).tokens, { ...style, bold: true }, out);
        break;
      case 'em':
        inline((token as Tokens.Em).tokens, { ...style, italic: true }, out);
        break;
      case 'del':
        inline((token as Tokens.Del).tokens, { ...style, strike: true }, out);
        break;
      case 'codespan':
        out.push({ ...style, code: true, text: (token as Tokens.Codespan).text });
        break;
      case 'br':
        out.push({ text: '', break: true });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = webHref(link.href);
        inline(link.tokens, href ? { ...style, href } : style, out);
        break;
      }
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens?.length) inline(text.tokens, style, out);
        else out.push({ ...style, text: text.text });
        break;
      }
      // Images, raw HTML and anything unknown: the text as it was typed (no remote images, no markup).
      case 'image':
        out.push({ ...style, text: (token as Tokens.Image).text });
        break;
      default:
        out.push({ ...style, text: 'text' in token && typeof token.text === 'string' ? token.text : token.raw });
    }
  }
  return out;
}

function blocks(tokens: readonly Token[]): RichBlock[] {
  const out: RichBlock[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'def':
        break;
      case 'paragraph':
        out.push({ type: 'paragraph', spans: inline((token as Tokens.Paragraph).tokens, {}, []) });
        break;
      case 'text': {
        // Tight list items hold bare text tokens.
        const text = token as Tokens.Text;
        out.push({ type: 'paragraph', spans: text.tokens?.length ? inline(text.tokens, {}, []) : [{ text: text.text }] });
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        out.push({ type: 'list', ordered: list.ordered, items: list.items.map((item) => blocks(item.tokens)) });
        break;
      }
      case 'blockquote':
        out.push({ type: 'quote', blocks: blocks((token as Tokens.Blockquote).tokens) });
        break;
      case 'code':
        out.push({ type: 'code', text: (token as Tokens.Code).text });
        break;
      case 'heading':
        // Headings are shown as plain text: a comment cannot restructure the digest.
        out.push({ type: 'paragraph', spans: inline((token as Tokens.Heading).tokens, {}, []) });
        break;
      case 'hr':
        break;
      default:
        // Raw HTML, tables and anything unknown: the text exactly as typed.
        out.push({ type: 'paragraph', spans: [{ text: token.raw.trim() }] });
    }
  }
  return out;
}

const lexerOptions = { gfm: true, breaks: true } as const;

/**
 * Parse a comment's light Markdown into a closed set of blocks and spans. Every format
 * renders from this, so what a comment can contain is decided here once: emphasis, lists,
 * quotes, code and web links; raw HTML, images and headings become plain text.
 */
export function parseCommentText(markdown: string): RichBlock[] {
  // Most comments are one line of plain prose: skip the lexer (~20 µs each) when nothing in
  // them could be Markdown. The test checks this shortcut against the lexer.
  if (!MAYBE_MARKDOWN.test(markdown) && markdown.trim()) return [{ type: 'paragraph', spans: [{ text: markdown }] }];
  return lexCommentText(markdown);
}

/** `parseCommentText` without the plain-prose shortcut (always through marked's lexer). */
export function lexCommentText(markdown: string): RichBlock[] {
  return blocks(new Lexer(lexerOptions).lex(markdown));
}

/**
 * Text that might mean something in GFM: markup characters, line breaks, link and e-mail
 * starts (":" "@" "www."), entities, or a list, heading or quote marker at the start.
 */
export const MAYBE_MARKDOWN = /[\\`*_~[\]<>#|!&@:\n\r\t]|www\.|^\s*(?:[-+=]|\d+[.)])|^\s{4}/i;

function spanHtml(span: RichSpan): string {
  if (span.break) return '<br>';
  let html = escapeHtml(span.text);
  if (span.code) html = `<code>${html}</code>`;
  if (span.strike) html = `<del>${html}</del>`;
  if (span.italic) html = `<em>${html}</em>`;
  if (span.bold) html = `<strong>${html}</strong>`;
  if (span.href) html = `<a href="${escapeHtml(span.href)}">${html}</a>`;
  return html;
}

function blocksHtml(list: readonly RichBlock[]): string {
  return list
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${block.spans.map(spanHtml).join('')}</p>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          // A tight item (one paragraph) is written without <p>, as Markdown renderers do.
          const item = (blocks: RichBlock[]) => (blocks.length === 1 && blocks[0]!.type === 'paragraph' ? blocks[0]!.spans.map(spanHtml).join('') : blocksHtml(blocks));
          return `<${tag}>${block.items.map((b) => `<li>${item(b)}</li>`).join('')}</${tag}>`;
        }
        case 'quote':
          return `<blockquote>${blocksHtml(block.blocks)}</blockquote>`;
        case 'code':
          return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
      }
    })
    .join('');
}

/**
 * Comment text as safe HTML without a DOM (so it runs on the server): built only from the
 * allow-listed tags of utils/sanitize (p, br, em, strong, ul, ol, li, blockquote, code, pre,
 * a[href=http(s)], del), all text escaped. Safe by construction rather than by cleaning.
 */
export function renderCommentHtml(markdown: string): string {
  return blocksHtml(parseCommentText(markdown));
}

/** The plain text of a span list (for alt text and plain formats). */
export function spansText(spans: readonly RichSpan[]): string {
  return spans.map((s) => (s.break ? '\n' : s.text)).join('');
}

function blocksText(blocks: readonly RichBlock[]): string {
  return blocks
    .map((b) => (b.type === 'paragraph' ? spansText(b.spans) : b.type === 'code' ? b.text : b.type === 'quote' ? blocksText(b.blocks) : b.items.map(blocksText).join(' ')))
    .join(' ');
}

/**
 * The start of comment text as one line of plain text (Markdown read, not shown), cut at a
 * word before `max` characters with "…": for lists that name a comment ("Not answered yet").
 * Plain text: each format escapes it as it escapes every other field.
 */
export function plainExcerpt(markdown: string, max = 120): string {
  const text = blocksText(parseCommentText(markdown)).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
