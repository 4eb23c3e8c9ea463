import { parseCommentText, plainExcerpt, type RichBlock, type RichSpan } from './comment-text';
import { webHref } from './safe-link';
import { NOT_ANSWERED_LABEL, SUPPORT_COUNT_LABEL, createLongDate, describeScope, plural, type DateOptions } from './text';
import type { Digest, DigestComment, DigestCount, DigestPlace, DigestReply } from './types';

/**
 * Escape text so any CommonMark/GFM renderer shows it literally and makes nothing of it:
 * `<` and `>` as `&lt;` `&gt;` (no tag can ever form, even where an autolink would swallow a
 * backslash), `&` before an entity name as `&amp;`, inline markup backslash-escaped (and `{`,
 * which starts pandoc's attributes and raw blocks: `{onclick=…}`, `` `…`{=html} ``), the
 * starts of GFM autolinks broken (a scheme's `:`, `www.`, `@`, and the `//` of a protocol-relative
 * address, which markdown-it's linkify makes a link), block markers at a line start
 * and a heading's closing `#`. Plain prose is unchanged.
 */
export function escapeMarkdown(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~@{]/g, '\\$&')
    .replace(/:(?=\S)/g, (colon, i: number, all: string) => (/\d/.test(all[i - 1] ?? '') && /\d/.test(all[i + 1]!) ? colon : '\\:'))
    .replace(/(www)\./gi, '$1\\.')
    .replace(/\/(?=\/)/g, '\\/')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/(?<!\\)#(?=[ \t]*$)/gm, '\\#');
}

/** Text that needs `escapeMarkdown` (most does not: the fast path keeps big digests quick). */
const NEEDS_ESCAPE = /[\\`*_[\]<>|~&@{]|:\S|www\.|\/\/|#[ \t]*$|^\s*(?:[#+=-]|\d+[.)])/im;

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
  // Every link is written by us, to an address webHref made safe (http(s), nothing to escape):
  // a bare address as an autolink, anything else as text linked to its address.
  const plain = !span.bold && !span.italic && !span.strike && !span.code;
  if (span.href) return plain && span.text === span.href ? `<${span.href}>` : `[${md}](<${span.href}>)`;
  return md;
}

const sameStyle = (a: RichSpan, b: RichSpan) => !a.break && !b.break && !a.code && !b.code && !a.bold === !b.bold && !a.italic === !b.italic && !a.strike === !b.strike && a.href === b.href;

/** Neighbouring spans of one style as one, so escaping sees the text whole (`&` + `lt;` is an entity). */
function mergeSpans(spans: readonly RichSpan[]): RichSpan[] {
  const out: RichSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && sameStyle(last, span)) out[out.length - 1] = { ...last, text: last.text + span.text };
    else out.push(span);
  }
  return out;
}

/** A paragraph's spans; a `!` just before a link we write is escaped, or it would make an image. */
function paragraphMarkdown(spans: readonly RichSpan[]): string {
  let out = '';
  for (const md of mergeSpans(spans).map(spanMarkdown)) out = md.startsWith('[') && out.endsWith('!') ? `${out.slice(0, -1)}\\!${md}` : out + md;
  return out;
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
          return paragraphMarkdown(block.spans);
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

/** A document's address: a link when it is a web address, else text that links nowhere. */
function addressMarkdown(address: string): string {
  const href = webHref(address);
  if (!href) return escapeMarkdown(oneLine(address));
  return href === address ? `<${href}>` : `[${escapeMarkdown(oneLine(address))}](<${href}>)`;
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

/** One reply: its details line, then its text; replies at level 2 nest under their level-1 reply. */
function replyMarkdown(r: DigestReply, longDate: (iso: string) => string): string {
  if (r.hidden) return `- _${escapeMarkdown(r.text)}_`;
  const meta = [
    `**${escapeMarkdown(oneLine(r.author))}**`,
    ...(r.created ? [longDate(r.created)] : []),
    ...(r.answer ? [`Answer: **${escapeMarkdown(r.answer.label)}**`] : []),
    ...(r.inReplyTo ? [`in reply to ${escapeMarkdown(oneLine(r.inReplyTo))}`] : []),
  ].join(' · ');
  const body = r.text ? `\n\n${indent(blocksMarkdown(parseCommentText(r.text)), '  ')}` : '';
  return `- ${meta}${body}`;
}

function threadMarkdown(replies: readonly DigestReply[], longDate: (iso: string) => string): string {
  const items: string[] = [];
  for (const r of replies) {
    const md = replyMarkdown(r, longDate);
    if (r.level === 1 || items.length === 0) items.push(md);
    else items[items.length - 1] += `\n\n${indent(md, '  ')}`;
  }
  return items.join('\n\n');
}

/** The comment's conversation: counts and its latest answer, then its thread. */
function conversationMarkdown(c: DigestComment, longDate: (iso: string) => string): string {
  const answer = c.latestAnswer
    ? `Latest answer: **${escapeMarkdown(c.latestAnswer.label)}** (${escapeMarkdown(oneLine(c.latestAnswer.author))}, ${longDate(c.latestAnswer.created)})`
    : `**${NOT_ANSWERED_LABEL}**`;
  const line = `${SUPPORT_COUNT_LABEL}: ${c.supportCount} · ${plural(c.replyCount, 'reply', 'replies')} · ${answer}`;
  return c.replies.length ? `${line}\n\n${threadMarkdown(c.replies, longDate)}` : line;
}

function commentMarkdown(c: DigestComment, longDate: (iso: string) => string, conversation: boolean, where = ''): string {
  const meta = [
    `**${escapeMarkdown(oneLine(c.author))}**`,
    escapeMarkdown(oneLine(c.perspectiveLabel)),
    escapeMarkdown(oneLine(c.kindLabel)),
    ...(c.themes.length ? [`Themes: ${escapeMarkdown(oneLine(c.themes.join('; ')))}`] : []),
    longDate(c.created),
    ...(c.private ? ['Only me'] : []),
  ].join(' · ');
  const body = blocksMarkdown(parseCommentText(c.text));
  const after = conversation ? `\n\n${indent(conversationMarkdown(c, longDate), '  ')}` : '';
  return `- ${meta}${where ? `\n\n  ${where}` : ''}\n\n${indent(body, '  ')}${after}`;
}

/** Where a comment is, for the lists outside the document tree: document › section (page): quote. */
function placeMarkdown(p: DigestPlace): string {
  const page = p.passage.page === undefined ? '' : ` (page ${p.passage.page})`;
  return `${escapeMarkdown(oneLine(p.document.title))} › ${escapeMarkdown(oneLine(p.section.title))}${page}`;
}

function answersTable(digest: Digest): string {
  const { statuses, rows } = digest.summary.answers;
  return table(
    ['Theme', ...statuses.map((s) => s.label), NOT_ANSWERED_LABEL, 'Comments'],
    rows.map((r) => [r.label, ...r.byStatus.map(String), String(r.notAnswered), String(r.total)]),
    [false, ...statuses.map(() => true), true, true],
  );
}

function unansweredMarkdown(digest: Digest): string {
  if (digest.unanswered.length === 0) return 'Every comment has an answer.';
  return digest.unanswered
    .map((p) => `- ${placeMarkdown(p)}: **${escapeMarkdown(oneLine(p.comment.author))}**: ${escapeMarkdown(plainExcerpt(p.comment.text))} (${SUPPORT_COUNT_LABEL}: ${p.comment.supportCount})`)
    .join('\n');
}

/**
 * The digest as Markdown (CommonMark + GFM tables): headings per document and section,
 * passages as block quotes, comments as a list. All user text is escaped (`escapeMarkdown`),
 * comment text is re-serialised from its parsed blocks, and every link is one we write to an
 * http(s) address: no field can add headings, raw HTML, images or other links.
 */
export function renderMarkdown(digest: Digest, options: DateOptions = {}): string {
  const longDate = createLongDate(options);
  const out: string[] = [`# ${escapeMarkdown(oneLine(digest.title))}`, ...describeScope(digest, longDate).map((line) => escapeMarkdown(oneLine(line)))];
  out.push('## Summary');
  out.push('### Comments by theme', table(['Theme', 'Comments'], countRows(digest.summary.byTheme), [false, true]));
  out.push(
    '### Comments by section',
    table(['Document', 'Section', 'Comments'], digest.summary.bySection.map((s) => [s.document, s.section, String(s.count)]), [false, false, true]),
  );
  out.push('### Comments by perspective', table(['Perspective', 'Comments'], countRows(digest.summary.byPerspective), [false, true]));
  if (digest.conversation) {
    out.push('### Answers by theme', 'The latest answer to each comment; a comment with two themes counts under both.', answersTable(digest));
    out.push(`### ${NOT_ANSWERED_LABEL} (${digest.unanswered.length})`, unansweredMarkdown(digest));
  }
  if (digest.sort === 'support') {
    out.push('## Comments, most supported first');
    out.push(digest.ordered.map((p) => commentMarkdown(p.comment, longDate, digest.conversation, `On ${placeMarkdown(p)}: “${escapeMarkdown(oneLine(p.passage.quote))}”`)).join('\n\n'));
    return `${out.join('\n\n')}\n`;
  }
  for (const doc of digest.documents) {
    out.push(`## ${escapeMarkdown(oneLine(doc.title))}`, `Address: ${addressMarkdown(doc.url)}`);
    for (const section of doc.sections) {
      out.push(`### ${escapeMarkdown(oneLine(section.title))}`);
      for (const passage of section.passages) {
        const where = passage.page === undefined ? '' : ` (page ${passage.page})`;
        out.push(`> ${escapeMarkdown(oneLine(passage.quote))}${where}`);
        out.push(passage.comments.map((c) => commentMarkdown(c, longDate, digest.conversation)).join('\n\n'));
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}
