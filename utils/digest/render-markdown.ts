import { parseCommentText, type RichBlock, type RichSpan } from './comment-text';
import { createLongDate, describeScope, type DateOptions } from './text';
import type { Digest, DigestComment, DigestCount } from './types';

/**
 * Escape text so Markdown shows it literally (quotes, titles, names): inline markup characters
 * anywhere, block markers (# - + = and "1.") at a line start, and `&` before an entity name.
 */
export function escapeMarkdown(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

const NEEDS_ESCAPE = /[\\`*_[\]<>|~&]|^\s*(?:[#+=-]|\d+[.)])/m;

/** Collapse a passage's line breaks: a quote or table cell is one line. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function spanMarkdown(span: RichSpan): string {
  if (span.break) return '\\\n';
  let md: string;
  if (span.code) {
    const ticks = '`'.repeat(Math.max(1, ...(span.text.match(/`+/g) ?? []).map((r) => r.length + 1)));
    md = `${ticks} ${span.text.replace(/\n/g, ' ')} ${ticks}`;
  } else {
    md = escapeMarkdown(span.text);
  }
  if (span.strike) md = `~~${md}~~`;
  if (span.italic) md = `_${md}_`;
  if (span.bold) md = `**${md}**`;
  // Destination in angle brackets: only spaces and brackets would need escaping there.
  // A bare address stays bare text (viewers link it again); a named link keeps its address.
  if (span.href && span.href !== span.text) md = `[${md}](<${span.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  return md;
}

const indent = (text: string, by: string, first = by) =>
  text
    .split('\n')
    .map((line, i) => (line === '' ? '' : (i === 0 ? first : by) + line))
    .join('\n');

/** Rich comment blocks back to Markdown that can only mean what the blocks mean. */
export function blocksMarkdown(list: readonly RichBlock[]): string {
  return list
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return block.spans.map(spanMarkdown).join('');
        case 'list':
          return block.items
            .map((item, i) => {
              const marker = block.ordered ? `${i + 1}. ` : '- ';
              return indent(blocksMarkdown(item) || '\u00a0', ' '.repeat(marker.length), marker);
            })
            .join('\n');
        case 'quote':
          return blocksMarkdown(block.blocks)
            .split('\n')
            .map((line) => (line ? `> ${line}` : '>'))
            .join('\n');
        case 'code': {
          const fence = fenceFor(block.text);
          return `${fence}\n${block.text}\n${fence}`;
        }
      }
    })
    .join('\n\n');
}

function table(headings: string[], rows: string[][], numeric: boolean[]): string {
  const cell = (text: string) => escapeMarkdown(oneLine(text));
  return [
    `| ${headings.map(cell).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const countRows = (counts: DigestCount[]) => counts.map((c) => [c.label, String(c.count)]);

function commentMarkdown(c: DigestComment, longDate: (iso: string) => string): string {
  const meta = [
    `**${escapeMarkdown(c.author)}**`,
    escapeMarkdown(c.perspectiveLabel),
    escapeMarkdown(c.kindLabel),
    ...(c.themes.length ? [`Themes: ${escapeMarkdown(c.themes.join('; '))}`] : []),
    longDate(c.created),
    ...(c.private ? ['Only me'] : []),
  ].join(' · ');
  const body = blocksMarkdown(parseCommentText(c.text));
  return `- ${meta}\n\n${indent(body, '  ')}`;
}

/**
 * The digest as Markdown (CommonMark + GFM tables): headings per document and section,
 * passages as block quotes, comments as a list. All user text is escaped; comment text is
 * re-serialised from its parsed blocks, so a comment cannot add headings or raw HTML.
 */
export function renderMarkdown(digest: Digest, options: DateOptions = {}): string {
  const longDate = createLongDate(options);
  const out: string[] = [`# ${escapeMarkdown(digest.title)}`, ...describeScope(digest, longDate).map(escapeMarkdown)];
  out.push('## Summary');
  out.push('### Comments by theme', table(['Theme', 'Comments'], countRows(digest.summary.byTheme), [false, true]));
  out.push(
    '### Comments by section',
    table(['Document', 'Section', 'Comments'], digest.summary.bySection.map((s) => [s.document, s.section, String(s.count)]), [false, false, true]),
  );
  out.push('### Comments by perspective', table(['Perspective', 'Comments'], countRows(digest.summary.byPerspective), [false, true]));
  for (const doc of digest.documents) {
    out.push(`## ${escapeMarkdown(oneLine(doc.title))}`, `Address: ${/^[^\s<>]+$/.test(doc.url) ? `<${doc.url}>` : escapeMarkdown(doc.url)}`);
    for (const section of doc.sections) {
      out.push(`### ${escapeMarkdown(oneLine(section.title))}`);
      for (const passage of section.passages) {
        const where = passage.page === undefined ? '' : ` (page ${passage.page})`;
        out.push(`> ${escapeMarkdown(oneLine(passage.quote))}${where}`);
        out.push(passage.comments.map((c) => commentMarkdown(c, longDate)).join('\n\n'));
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}
