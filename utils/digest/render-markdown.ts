import { parseCommentText, plainExcerpt, type RichBlock, type RichSpan } from './comment-text';
import { webHref } from './safe-link';
import type { Translator } from '../i18n/translate';
import { visibilityLabel } from '../i18n/vocabulary-labels';
import { HOLE, createLongDate, describeScope, digestTranslator, pageNote, type DateOptions } from './text';
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

/** A translated sentence with `HOLE` in it, its words escaped by `escape` and `inner` (already safe) put in the hole. */
export function aroundEscaped(sentence: string, inner: string, escape: (text: string) => string): string {
  const [before = '', after = ''] = sentence.split(HOLE);
  return `${escape(before)}${inner}${escape(after)}`;
}

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
function replyMarkdown(r: DigestReply, longDate: (iso: string) => string, i18n: Translator): string {
  const { t } = i18n;
  if (r.hidden) return `- _${escapeMarkdown(r.text)}_`;
  const meta = [
    `**${escapeMarkdown(oneLine(r.author))}**`,
    ...(r.created ? [longDate(r.created)] : []),
    ...(r.answer ? [`${t('digest.answer')} **${escapeMarkdown(r.answer.label)}**`] : []),
    ...(r.inReplyTo ? [escapeMarkdown(t('digest.inReplyTo', { who: oneLine(r.inReplyTo) }))] : []),
  ].join(' · ');
  const body = r.text ? `\n\n${indent(blocksMarkdown(parseCommentText(r.text)), '  ')}` : '';
  return `- ${meta}${body}`;
}

function threadMarkdown(replies: readonly DigestReply[], longDate: (iso: string) => string, i18n: Translator): string {
  const items: string[] = [];
  for (const r of replies) {
    const md = replyMarkdown(r, longDate, i18n);
    if (r.level === 1 || items.length === 0) items.push(md);
    else items[items.length - 1] += `\n\n${indent(md, '  ')}`;
  }
  return items.join('\n\n');
}

/** The comment's conversation: counts and its latest answer, then its thread. */
function conversationMarkdown(c: DigestComment, longDate: (iso: string) => string, i18n: Translator): string {
  const { t } = i18n;
  const answer = c.latestAnswer
    ? `${t('digest.latestAnswer')} **${escapeMarkdown(c.latestAnswer.label)}** (${escapeMarkdown(oneLine(c.latestAnswer.author))}, ${longDate(c.latestAnswer.created)})`
    : `**${t('digest.notAnswered')}**`;
  const line = `${t('digest.support')}: ${c.supportCount} · ${t('digest.count.replies', { count: c.replyCount })} · ${answer}`;
  return c.replies.length ? `${line}\n\n${threadMarkdown(c.replies, longDate, i18n)}` : line;
}

function commentMarkdown(c: DigestComment, longDate: (iso: string) => string, i18n: Translator, conversation: boolean, where = ''): string {
  const { t } = i18n;
  const meta = [
    `**${escapeMarkdown(oneLine(c.author))}**`,
    escapeMarkdown(oneLine(c.perspectiveLabel)),
    escapeMarkdown(oneLine(c.kindLabel)),
    ...(c.themes.length ? [escapeMarkdown(t('digest.themes', { themes: oneLine(c.themes.join('; ')) }))] : []),
    ...(c.writtenOn ? [escapeMarkdown(oneLine(c.writtenOn))] : []),
    longDate(c.created),
    ...(c.private ? [escapeMarkdown(visibilityLabel(t, 'private'))] : []),
  ].join(' · ');
  const body = blocksMarkdown(parseCommentText(c.text));
  const after = conversation ? `\n\n${indent(conversationMarkdown(c, longDate, i18n), '  ')}` : '';
  return `- ${meta}${where ? `\n\n  ${where}` : ''}\n\n${indent(body, '  ')}${after}`;
}

/** Where a comment is, for the lists outside the document tree: document › section (page): quote. */
function placeMarkdown(p: DigestPlace, i18n: Translator): string {
  const page = escapeMarkdown(pageNote(i18n, p.passage.page));
  return `${escapeMarkdown(oneLine(p.document.title))} › ${escapeMarkdown(oneLine(p.section.title))}${page}`;
}

function answersTable(digest: Digest, t: Translator['t']): string {
  const { statuses, rows } = digest.summary.answers;
  return table(
    [t('digest.column.theme'), ...statuses.map((s) => s.label), t('digest.notAnswered'), t('digest.column.comments')],
    rows.map((r) => [r.label, ...r.byStatus.map(String), String(r.notAnswered), String(r.total)]),
    [false, ...statuses.map(() => true), true, true],
  );
}

function unansweredMarkdown(digest: Digest, i18n: Translator): string {
  const { t } = i18n;
  if (digest.unanswered.length === 0) return escapeMarkdown(t('digest.everyAnswered'));
  return digest.unanswered
    .map((p) => `- ${placeMarkdown(p, i18n)}: **${escapeMarkdown(oneLine(p.comment.author))}**: ${escapeMarkdown(plainExcerpt(p.comment.text))} (${escapeMarkdown(t('digest.support'))}: ${p.comment.supportCount})`)
    .join('\n');
}

/**
 * The digest as Markdown (CommonMark + GFM tables): headings per document and section,
 * passages as block quotes, comments as a list. All user text is escaped (`escapeMarkdown`),
 * comment text is re-serialised from its parsed blocks, and every link is one we write to an
 * http(s) address: no field can add headings, raw HTML, images or other links.
 */
export function renderMarkdown(digest: Digest, options: DateOptions = {}): string {
  const i18n = digestTranslator(digest, options);
  const { t } = i18n;
  const longDate = createLongDate({ ...options, i18n });
  const heading = (key: Parameters<typeof t>[0]) => escapeMarkdown(t(key));
  const out: string[] = [`# ${escapeMarkdown(oneLine(digest.title))}`, ...describeScope(digest, longDate, i18n).map((line) => escapeMarkdown(oneLine(line)))];
  const comments = t('digest.column.comments');
  out.push(`## ${heading('digest.heading.summary')}`);
  out.push(`### ${heading('digest.heading.byTheme')}`, table([t('digest.column.theme'), comments], countRows(digest.summary.byTheme), [false, true]));
  out.push(
    `### ${heading('digest.heading.bySection')}`,
    table([t('digest.column.document'), t('digest.column.section'), comments], digest.summary.bySection.map((s) => [s.document, s.section, String(s.count)]), [false, false, true]),
  );
  out.push(`### ${heading('digest.heading.byPerspective')}`, table([t('digest.column.perspective'), comments], countRows(digest.summary.byPerspective), [false, true]));
  if (digest.conversation) {
    out.push(`### ${heading('digest.heading.answersByTheme')}`, heading('digest.heading.answersNote'), answersTable(digest, t));
    out.push(`### ${heading('digest.notAnswered')} (${digest.unanswered.length})`, unansweredMarkdown(digest, i18n));
  }
  if (digest.sort === 'support') {
    out.push(`## ${heading('digest.heading.mostSupported')}`);
    out.push(
      digest.ordered
        .map((p) => commentMarkdown(p.comment, longDate, i18n, digest.conversation, `${aroundEscaped(t('digest.onPlace', { place: HOLE }), placeMarkdown(p, i18n), escapeMarkdown)} “${escapeMarkdown(oneLine(p.passage.quote))}”`))
        .join('\n\n'),
    );
    return `${out.join('\n\n')}\n`;
  }
  for (const doc of digest.documents) {
    out.push(`## ${escapeMarkdown(oneLine(doc.title))}`, `${heading('digest.address')} ${addressMarkdown(doc.url)}`);
    for (const section of doc.sections) {
      out.push(`### ${escapeMarkdown(oneLine(section.title))}`);
      for (const passage of section.passages) {
        out.push(`> ${escapeMarkdown(oneLine(passage.quote))}${escapeMarkdown(pageNote(i18n, passage.page))}`);
        out.push(passage.comments.map((c) => commentMarkdown(c, longDate, i18n, digest.conversation)).join('\n\n'));
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}
