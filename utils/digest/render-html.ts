import { renderBarChartSvg } from './bar-chart';
import { plainExcerpt, renderCommentHtml } from './comment-text';
import { webHref } from './safe-link';
import type { Translator } from '../i18n/translate';
import { visibilityLabel } from '../i18n/vocabulary-labels';
import { HOLE, createLongDate, describeScope, digestTranslator, escapeHtml, pageNote, type DateOptions } from './text';
import type { Digest, DigestComment, DigestCount, DigestPlace, DigestReply } from './types';

const CSS = `
:root { color: #0b0c0c; background: #fff; font-family: Arial, Helvetica, sans-serif; line-height: 1.5; }
body { max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .5rem; border-bottom: 2px solid #0b0c0c; }
h3 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
a { color: #1d4f91; }
a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
.meta, .address { color: #484949; }
table { border-collapse: collapse; margin: 1rem 0; min-width: 60%; }
caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
th, td { border: 1px solid #b1b4b6; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
.passage { margin: 1.25rem 0; page-break-inside: avoid; break-inside: avoid; }
.passage > blockquote { margin: 0; padding: .5rem 1rem; border-left: 5px solid #1d4f91; background: #f3f2f1; font-style: italic; }
.passage .page { font-style: normal; color: #484949; }
.comments { list-style: none; margin: .5rem 0 0 1.5rem; padding: 0; }
.comments > li { border-top: 1px solid #d8d8d8; padding: .5rem 0; }
.comment-text > :first-child { margin-top: .25rem; }
.comment-text blockquote { border-left: 3px solid #b1b4b6; margin-left: 0; padding-left: .75rem; }
.conversation { margin: .25rem 0; }
.answer-status { font-weight: bold; }
.replies { list-style: none; margin: .25rem 0 0 1.5rem; padding: 0 0 0 .75rem; border-left: 3px solid #d8d8d8; }
.replies > li { padding: .25rem 0; }
.replies .replies { margin-left: 1rem; }
.hidden-reply { font-style: italic; color: #484949; }
.place { color: #484949; }
@media print {
  :root { font-size: 11pt; }
  body { max-width: none; margin: 0; }
  nav { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2.document { break-before: page; page-break-before: always; }
  .comments > li { break-inside: avoid; page-break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
}
@page { margin: 18mm 16mm; }
`;

function countTable(caption: string, heading: string, counts: readonly DigestCount[], commentsHeading: string): string {
  const rows = counts.map((c) => `<tr><th scope="row">${escapeHtml(c.label)}</th><td class="count">${c.count}</td></tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">${escapeHtml(heading)}</th><th scope="col">${escapeHtml(commentsHeading)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function sectionTable(digest: Digest, t: Translator['t']): string {
  const rows = digest.summary.bySection
    .map((s) => `<tr><td>${escapeHtml(s.document)}</td><th scope="row">${escapeHtml(s.section)}</th><td class="count">${s.count}</td></tr>`)
    .join('');
  return (
    `<table><caption>${escapeHtml(t('digest.heading.bySection'))}</caption><thead><tr><th scope="col">${escapeHtml(t('digest.column.document'))}</th>` +
    `<th scope="col">${escapeHtml(t('digest.column.section'))}</th><th scope="col">${escapeHtml(t('digest.column.comments'))}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function replyHtml(r: DigestReply, longDate: (iso: string) => string, t: Translator['t']): string {
  if (r.hidden) return `<p class="hidden-reply">${escapeHtml(r.text)}</p>`;
  const meta = [
    `<strong>${escapeHtml(r.author)}</strong>`,
    ...(r.created ? [`<time datetime="${escapeHtml(r.created)}">${longDate(r.created)}</time>`] : []),
    ...(r.answer ? [`${escapeHtml(t('digest.answer'))} <span class="answer-status">${escapeHtml(r.answer.label)}</span>`] : []),
    ...(r.inReplyTo ? [escapeHtml(t('digest.inReplyTo', { who: r.inReplyTo }))] : []),
  ].join(' · ');
  return `<p class="meta">${meta}</p>${r.text ? `<div class="comment-text">${renderCommentHtml(r.text)}</div>` : ''}`;
}

/** The thread: level-1 replies, each with its level-2 replies (deeper ones flattened there) nested. */
function threadHtml(replies: readonly DigestReply[], longDate: (iso: string) => string, t: Translator['t']): string {
  const items: { html: string; children: string[] }[] = [];
  for (const r of replies) {
    if (r.level === 1 || items.length === 0) items.push({ html: replyHtml(r, longDate, t), children: [] });
    else items[items.length - 1]!.children.push(`<li>${replyHtml(r, longDate, t)}</li>`);
  }
  const li = items.map((i) => `<li>${i.html}${i.children.length ? `<ul class="replies">${i.children.join('')}</ul>` : ''}</li>`).join('');
  return `<ul class="replies" aria-label="${escapeHtml(t('digest.count.replies', { count: replies.length }))}">${li}</ul>`;
}

function conversationHtml(c: DigestComment, longDate: (iso: string) => string, t: Translator['t']): string {
  const answer = c.latestAnswer
    ? `${escapeHtml(t('digest.latestAnswer'))} <span class="answer-status">${escapeHtml(c.latestAnswer.label)}</span> (${escapeHtml(c.latestAnswer.author)}, <time datetime="${escapeHtml(c.latestAnswer.created)}">${longDate(c.latestAnswer.created)}</time>)`
    : `<span class="answer-status">${escapeHtml(t('digest.notAnswered'))}</span>`;
  const line = `<p class="conversation">${escapeHtml(t('digest.support'))}: ${c.supportCount} · ${escapeHtml(t('digest.count.replies', { count: c.replyCount }))} · ${answer}</p>`;
  return c.replies.length ? line + threadHtml(c.replies, longDate, t) : line;
}

function placeHtml(p: DigestPlace, i18n: Translator): string {
  return `${escapeHtml(p.document.title)} › ${escapeHtml(p.section.title)}${escapeHtml(pageNote(i18n, p.passage.page))}`;
}

function answersTable(digest: Digest, t: Translator['t']): string {
  const { statuses, rows } = digest.summary.answers;
  const head = [t('digest.column.theme'), ...statuses.map((s) => s.label), t('digest.notAnswered'), t('digest.column.comments')].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th>${[...r.byStatus, r.notAnswered, r.total].map((n) => `<td class="count">${n}</td>`).join('')}</tr>`)
    .join('');
  return `<table><caption>${escapeHtml(t('digest.heading.answersByThemeCaption'))}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function unansweredHtml(digest: Digest, anchors: Map<string, number>, i18n: Translator): string {
  const { t } = i18n;
  const heading = `<h3 id="not-answered">${escapeHtml(t('digest.notAnswered'))} (${digest.unanswered.length})</h3>`;
  if (digest.unanswered.length === 0) return `${heading}<p>${escapeHtml(t('digest.everyAnswered'))}</p>`;
  const items = digest.unanswered
    .map(
      (p) =>
        `<li><a href="#comment-${anchors.get(p.comment.id)}">${placeHtml(p, i18n)}</a>: <strong>${escapeHtml(p.comment.author)}</strong>: ` +
        `${escapeHtml(plainExcerpt(p.comment.text))} (${escapeHtml(t('digest.support'))}: ${p.comment.supportCount})</li>`,
    )
    .join('');
  return `${heading}<ul>${items}</ul>`;
}

function commentHtml(c: DigestComment, longDate: (iso: string) => string, t: Translator['t'], conversation: boolean, anchor: number | undefined, where = ''): string {
  const meta = [
    `<strong>${escapeHtml(c.author)}</strong>`,
    escapeHtml(c.perspectiveLabel),
    escapeHtml(c.kindLabel),
    ...(c.themes.length ? [escapeHtml(t('digest.themes', { themes: c.themes.join('; ') }))] : []),
    ...(c.writtenOn ? [escapeHtml(c.writtenOn)] : []),
    `<time datetime="${escapeHtml(c.created)}">${longDate(c.created)}</time>`,
    ...(c.private ? [escapeHtml(visibilityLabel(t, 'private'))] : []),
  ].join(' · ');
  const id = anchor === undefined ? '' : ` id="comment-${anchor}"`;
  return `<li${id}><p class="meta">${meta}</p>${where}<div class="comment-text">${renderCommentHtml(c.text)}</div>${conversation ? conversationHtml(c, longDate, t) : ''}</li>`;
}

/**
 * The digest as one printable, accessible HTML page (lang = the digest's language, one h1, h2 per document,
 * h3 per section, captioned tables with scoped headers, an SVG chart with title, description
 * and text labels, print CSS). Every piece of user text is escaped; comment text goes through
 * `renderCommentHtml`, which builds only allow-listed tags (no DOM or DOMPurify needed); only
 * http(s) addresses are links (`webHref`).
 */
export function renderHtml(digest: Digest, options: DateOptions = {}): string {
  const i18n = digestTranslator(digest, options);
  const { t } = i18n;
  const longDate = createLongDate({ ...options, i18n });
  const comments = t('digest.column.comments');
  const anchors = new Map(digest.conversation ? digest.ordered.map((p, i) => [p.comment.id, i + 1]) : []);
  const parts: string[] = [];
  parts.push(`<header><h1>${escapeHtml(digest.title)}</h1>${describeScope(digest, longDate, i18n).map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</header>`);
  if (digest.documents.length > 1 && digest.sort !== 'support') {
    const items = digest.documents.map((d, i) => `<li><a href="#document-${i + 1}">${escapeHtml(d.title)}</a> (${d.commentCount})</li>`).join('');
    parts.push(`<nav aria-label="${escapeHtml(t('digest.heading.documents'))}"><ul>${items}</ul></nav>`);
  }
  parts.push('<main>');
  parts.push(
    `<section aria-labelledby="summary"><h2 id="summary">${escapeHtml(t('digest.heading.summary'))}</h2>` +
      `<figure>${renderBarChartSvg(digest.summary.byTheme, t('digest.heading.byTheme'), 'theme-chart', i18n)}</figure>` +
      countTable(t('digest.heading.byTheme'), t('digest.column.theme'), digest.summary.byTheme, comments) +
      sectionTable(digest, t) +
      countTable(t('digest.heading.byPerspective'), t('digest.column.perspective'), digest.summary.byPerspective, comments) +
      (digest.conversation ? answersTable(digest, t) + unansweredHtml(digest, anchors, i18n) : '') +
      `</section>`,
  );
  if (digest.sort === 'support') {
    const items = digest.ordered
      .map((p) => commentHtml(p.comment, longDate, t, digest.conversation, anchors.get(p.comment.id), `<p class="place">${escapeHtml(t('digest.onPlace', { place: HOLE })).replace(HOLE, placeHtml(p, i18n))}</p><blockquote><p>${escapeHtml(p.passage.quote)}</p></blockquote>`))
      .join('');
    parts.push(`<section aria-labelledby="by-support"><h2 id="by-support">${escapeHtml(t('digest.heading.mostSupported'))}</h2><ul class="comments">${items}</ul></section>`);
  }
  if (digest.sort !== 'support') digest.documents.forEach((doc, i) => {
    parts.push(`<section aria-labelledby="document-${i + 1}"><h2 class="document" id="document-${i + 1}">${escapeHtml(doc.title)}</h2>`);
    const href = webHref(doc.url);
    parts.push(`<p class="address">${escapeHtml(t('digest.address'))} ${href ? `<a href="${escapeHtml(href)}">${escapeHtml(doc.url)}</a>` : escapeHtml(doc.url)}</p>`);
    for (const section of doc.sections) {
      parts.push(`<h3>${escapeHtml(section.title)}</h3>`);
      for (const passage of section.passages) {
        const page = passage.page === undefined ? '' : ` <span class="page">${escapeHtml(pageNote(i18n, passage.page).trim())}</span>`;
        parts.push(
          `<div class="passage"><blockquote><p>${escapeHtml(passage.quote)}${page}</p></blockquote>` +
            `<ul class="comments" aria-label="${escapeHtml(t('digest.passageComments', { count: passage.comments.length }))}">` +
            passage.comments.map((c) => commentHtml(c, longDate, t, digest.conversation, anchors.get(c.id))).join('') +
            `</ul></div>`,
        );
      }
    }
    parts.push('</section>');
  });
  parts.push('</main>');
  return (
    `<!doctype html>\n<html lang="${digest.locale ?? 'en-GB'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(digest.title)}</title><style>${CSS}</style></head><body>${parts.join('\n')}</body></html>\n`
  );
}
