import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  FileChild,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { describeBarChart, renderBarChartSvg } from './bar-chart';
import { renderBarChartPng } from './bar-chart-png';
import { parseCommentText, plainExcerpt, type RichBlock, type RichSpan } from './comment-text';
import { BulkMarker, paragraphXml, runsXml, spliceBulk } from './docx-prepared';
import { webHref } from './safe-link';
import type { Translator } from '../i18n/translate';
import { visibilityLabel } from '../i18n/vocabulary-labels';
import { createLongDate, describeScope, digestTranslator, pageNote, placeLine, type DateOptions } from './text';
import type { Digest, DigestComment, DigestCount, DigestPlace, DigestReply } from './types';

/** Word's language tag for each locale (the default run's w:lang). */
export const WORD_LANGUAGE: Readonly<Record<Translator['locale'], string>> = { 'en-GB': 'en-GB', cy: 'cy-GB' };

/** Paragraph style of quoted passages; named "Quote" so Word lists it as its own Quote style. */
export const QUOTE_STYLE = 'Quote';
const COMMENT_STYLE = 'Comment';
/** Left indent of comments (twips), deeper for lists and quotes inside them. */
const COMMENT_INDENT = 567;
/** Depth (in 360-twip steps past the comment's indent) of replies at level 1 and level 2. */
const REPLY_DEPTH = { 1: 2, 2: 4 } as const;

/** A span as a docx run (the slow path, for lines with web links: `href` is http(s) only, see comment-text). */
function spanRun(span: RichSpan): ParagraphChild {
  if (span.break) return new TextRun({ break: 1 });
  const run = new TextRun({
    text: span.text,
    ...(span.bold ? { bold: true } : {}),
    ...(span.italic ? { italics: true } : {}),
    ...(span.strike ? { strike: true } : {}),
    ...(span.code ? { font: 'Consolas' } : {}),
    ...(span.href ? { style: 'Hyperlink' } : {}),
  });
  return span.href ? new ExternalHyperlink({ link: span.href, children: [run] }) : run;
}

interface Line {
  spans: RichSpan[];
  depth: number;
  hanging: boolean;
}

/** Comment blocks as lines: emphasis as run formatting, lists as "•"/"1." with a hanging indent. */
function blockLines(blocks: readonly RichBlock[], depth: number): Line[] {
  const out: Line[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push({ spans: block.spans, depth, hanging: false });
        break;
      case 'code':
        out.push({
          spans: block.text.split('\n').flatMap((text, i) => (i > 0 ? [{ text: '', break: true }, { text, code: true }] : [{ text, code: true }])),
          depth,
          hanging: false,
        });
        break;
      case 'quote':
        out.push(...blockLines(block.blocks, depth + 1));
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const marker: RichSpan = { text: block.ordered ? `${i + 1}.\t` : '•\t' };
          const lines = blockLines(item, depth + 1);
          const first = lines[0];
          if (first && first.depth === depth + 1) lines[0] = { spans: [marker, ...first.spans], depth: first.depth, hanging: true };
          else lines.unshift({ spans: [marker], depth: depth + 1, hanging: true });
          out.push(...lines);
        });
        break;
    }
  }
  return out;
}

/** A comment line as a paragraph: prepared XML, or docx components when it holds a link. */
function lineParagraph(line: Line, before: RichSpan[] = [], keepNext = false): FileChild | string {
  const spans = before.length ? [...before, ...line.spans] : line.spans;
  // Depth 0 takes its indent from the style: fewer elements, smaller files.
  const indent = line.depth > 0 ? { left: COMMENT_INDENT + 360 * line.depth, ...(line.hanging ? { hanging: 360 } : {}) } : undefined;
  if (spans.some((s) => s.href)) {
    return new Paragraph({ style: COMMENT_STYLE, keepNext, ...(indent ? { indent } : {}), children: spans.map(spanRun) });
  }
  return paragraphXml(COMMENT_STYLE, runsXml(spans), { keepNext, ...indent });
}

/**
 * The body under construction: docx components, and between them runs of prepared
 * paragraph XML, each standing in docx's tree as one `BulkMarker` until `spliceBulk`.
 */
class Body {
  readonly children: FileChild[] = [];
  readonly bulk: string[][] = [];
  private open: string[] | null = null;

  add(...items: (FileChild | string)[]): void {
    for (const item of items) {
      if (typeof item !== 'string') {
        this.open = null;
        this.children.push(item);
      } else if (this.open) this.open.push(item);
      else {
        this.open = [item];
        this.bulk.push(this.open);
        this.children.push(new BulkMarker(this.bulk.length - 1));
      }
    }
  }
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' } as const;
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(text: string, header = false, right = false): TableCell {
  return new TableCell({
    borders,
    children: [new Paragraph({ ...(right ? { alignment: 'right' as const } : {}), children: [new TextRun({ text, bold: header })] })],
  });
}

/** A captioned table; columns from `numericFrom` on (default: the last) hold numbers, right-aligned. */
function table(caption: string, headings: string[], rows: string[][], numericFrom = headings.length - 1): FileChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(caption)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: headings.map((h, i) => cell(h, true, i >= numericFrom)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, false, i >= numericFrom)) })),
      ],
    }),
  ];
}

const countRows = (counts: readonly DigestCount[]) => counts.map((c) => [c.label, String(c.count)]);

function chart(counts: readonly DigestCount[], i18n: Translator): Paragraph {
  const png = renderBarChartPng(counts);
  const title = i18n.t('digest.heading.byTheme');
  const svg = new TextEncoder().encode(renderBarChartSvg(counts, title, 'chart', i18n));
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'svg',
        data: svg,
        fallback: { type: 'png', data: png.png },
        transformation: { width: png.width * 0.75, height: png.height * 0.75 },
        altText: { name: title, title, description: describeBarChart(counts, i18n) },
      }),
    ],
  });
}

/**
 * An entry (comment or reply) as paragraphs: its details and, after a line break in the same
 * paragraph, its first block of text, so the two never part across pages; then the rest.
 * `depth` is the entry's own indent (0 for a comment).
 */
function entryParagraphs(meta: RichSpan[], text: string, depth: number): (FileChild | string)[] {
  const lines = text ? blockLines(parseCommentText(text), depth) : [];
  const first = lines[0];
  const metaOnly = { spans: [], depth, hanging: false };
  if (!first || first.depth > depth) return [lineParagraph(metaOnly, meta, lines.length > 0), ...lines.map((line) => lineParagraph(line))];
  return [lineParagraph(first, [...meta, { text: '', break: true }]), ...lines.slice(1).map((line) => lineParagraph(line))];
}

function replyParagraphs(r: DigestReply, longDate: (iso: string) => string, t: Translator['t']): (FileChild | string)[] {
  const depth = REPLY_DEPTH[r.level];
  if (r.hidden) return [lineParagraph({ spans: [{ text: r.text, italic: true }], depth, hanging: false })];
  const details = [...(r.created ? [longDate(r.created)] : []), ...(r.inReplyTo ? [t('digest.inReplyTo', { who: r.inReplyTo })] : [])];
  const meta: RichSpan[] = [
    { text: r.author, bold: true },
    ...(details.length ? [{ text: ` · ${details.join(' · ')}` }] : []),
    ...(r.answer ? [{ text: ` · ${t('digest.answer')} ` }, { text: r.answer.label, bold: true }] : []),
  ];
  return entryParagraphs(meta, r.text, depth);
}

/** The comment's counts and latest answer, then its thread. */
function conversationParagraphs(c: DigestComment, longDate: (iso: string) => string, t: Translator['t']): (FileChild | string)[] {
  const answer: RichSpan[] = c.latestAnswer
    ? [{ text: `${t('digest.latestAnswer')} ` }, { text: c.latestAnswer.label, bold: true }, { text: ` (${c.latestAnswer.author}, ${longDate(c.latestAnswer.created)})` }]
    : [{ text: t('digest.notAnswered'), bold: true }];
  const line: RichSpan[] = [{ text: `${t('digest.support')}: ${c.supportCount} · ${t('digest.count.replies', { count: c.replyCount })} · ` }, ...answer];
  return [lineParagraph({ spans: line, depth: 1, hanging: false }, [], c.replies.length > 0), ...c.replies.flatMap((r) => replyParagraphs(r, longDate, t))];
}

/** A comment as paragraphs (see entryParagraphs), with its conversation when the digest has one. */
function commentParagraphs(c: DigestComment, longDate: (iso: string) => string, t: Translator['t'], conversation: boolean): (FileChild | string)[] {
  const details = [
    c.perspectiveLabel,
    c.kindLabel,
    ...(c.themes.length ? [t('digest.themes', { themes: c.themes.join('; ') })] : []),
    ...(c.writtenOn ? [c.writtenOn] : []),
    longDate(c.created),
    ...(c.private ? [visibilityLabel(t, 'private')] : []),
  ];
  const meta: RichSpan[] = [{ text: c.author, bold: true }, { text: ` · ${details.join(' · ')}` }];
  return [...entryParagraphs(meta, c.text, 0), ...(conversation ? conversationParagraphs(c, longDate, t) : [])];
}

function unansweredParagraphs(digest: Digest, i18n: Translator): (FileChild | string)[] {
  const { t } = i18n;
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${t('digest.notAnswered')} (${digest.unanswered.length})`)] });
  if (digest.unanswered.length === 0) return [heading, new Paragraph({ children: [new TextRun(t('digest.everyAnswered'))] })];
  return [
    heading,
    ...digest.unanswered.map((p) =>
      paragraphXml(
        COMMENT_STYLE,
        runsXml([
          { text: `${placeLine(i18n, p)}: ` },
          { text: p.comment.author, bold: true },
          { text: `: ${plainExcerpt(p.comment.text)} (${t('digest.support')}: ${p.comment.supportCount})` },
        ]),
      ),
    ),
  ];
}

function answersTable(digest: Digest, t: Translator['t']): FileChild[] {
  const { statuses, rows } = digest.summary.answers;
  return table(
    t('digest.heading.answersByThemeCaption'),
    [t('digest.column.theme'), ...statuses.map((s) => s.label), t('digest.notAnswered'), t('digest.column.comments')],
    rows.map((r) => [r.label, ...[...r.byStatus, r.notAnswered, r.total].map(String)]),
    1,
  );
}

/**
 * The digest as a Word document (docx library): a title, the summary with the theme chart
 * (SVG with a PNG fallback, alt text describing every bar) and tables, then Heading 1 per
 * document, Heading 2 per section, passages in the Quote style, and the comments under each.
 * Hyperlinks go only to http(s) addresses; any other address is plain text.
 */
export async function renderDocx(digest: Digest, options: DateOptions = {}): Promise<Uint8Array> {
  const i18n = digestTranslator(digest, options);
  const { t } = i18n;
  const longDate = createLongDate({ ...options, i18n });
  const comments = t('digest.column.comments');
  const pageRun = (page: number | undefined) => (page === undefined ? [] : [{ text: pageNote(i18n, page), upright: true }]);
  const body = new Body();
  body.add(
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(digest.title)] }),
    ...describeScope(digest, longDate, i18n).map((line) => new Paragraph({ children: [new TextRun(line)] })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t('digest.heading.summary'))] }),
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(t('digest.heading.chart'))] }),
    chart(digest.summary.byTheme, i18n),
    ...table(t('digest.heading.byTheme'), [t('digest.column.theme'), comments], countRows(digest.summary.byTheme)),
    ...table(
      t('digest.heading.bySection'),
      [t('digest.column.document'), t('digest.column.section'), comments],
      digest.summary.bySection.map((s) => [s.document, s.section, String(s.count)]),
    ),
    ...table(t('digest.heading.byPerspective'), [t('digest.column.perspective'), comments], countRows(digest.summary.byPerspective)),
  );
  if (digest.conversation) body.add(...answersTable(digest, t), ...unansweredParagraphs(digest, i18n));
  if (digest.sort === 'support') {
    body.add(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(t('digest.heading.mostSupported'))] }));
    for (const p of digest.ordered) {
      const page = pageRun(p.passage.page);
      body.add(paragraphXml(QUOTE_STYLE, runsXml([{ text: `${p.document.title} › ${p.section.title}: `, upright: true }, { text: p.passage.quote }, ...page]), { keepNext: true }));
      body.add(...commentParagraphs(p.comment, longDate, t, digest.conversation));
    }
  }
  for (const doc of digest.sort === 'support' ? [] : digest.documents) {
    body.add(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(doc.title)] }));
    // Only a web address is a hyperlink: Word would open javascript:, vbscript:, data: or file: too.
    const href = webHref(doc.url);
    body.add(
      new Paragraph({
        children: [
          new TextRun(`${t('digest.address')} `),
          href ? new ExternalHyperlink({ link: href, children: [new TextRun({ text: doc.url, style: 'Hyperlink' })] }) : new TextRun(doc.url),
        ],
      }),
    );
    for (const section of doc.sections) {
      body.add(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.title)] }));
      for (const passage of section.passages) {
        const page = pageRun(passage.page);
        body.add(paragraphXml(QUOTE_STYLE, runsXml([{ text: passage.quote }, ...page]), { keepNext: true }));
        for (const c of passage.comments) body.add(...commentParagraphs(c, longDate, t, digest.conversation));
      }
    }
  }
  const document = new Document({
    title: digest.title,
    creator: 'Lived Experience Annotator',
    description: t('digest.word.description'),
    styles: {
      // The document's language (w:lang on the default run): Word checks spelling and reads it aloud in it.
      default: { document: { run: { font: 'Arial', size: 22, language: { value: WORD_LANGUAGE[i18n.locale] } } } },
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '0B0C0C' },
          paragraph: {
            indent: { left: 567 },
            spacing: { before: 240, after: 120 },
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: '1D4F91', space: 8 } },
            shading: { type: 'clear', fill: 'F3F2F1', color: 'auto' },
          },
        },
        { id: COMMENT_STYLE, name: 'Comment', basedOn: 'Normal', paragraph: { indent: { left: COMMENT_INDENT }, spacing: { before: 120, after: 60 } } },
      ],
    },
    sections: [{ children: body.children }],
  });
  return spliceBulk(await Packer.pack(document, 'uint8array'), body.bulk);
}
