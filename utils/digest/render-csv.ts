import type { MessageKey } from '../i18n/catalogue';
import type { Translator } from '../i18n/translate';
import { createIsoDay, digestTranslator, type DateOptions } from './text';
import type { Digest } from './types';

/** Column headings of the CSV export, in order (one row per comment). */
export const CSV_COLUMNS = [
  'Document',
  'Document title',
  'Section',
  'Page',
  'Quote',
  'Comment',
  'Kind',
  'Themes',
  'Perspective',
  'Author',
  'Created',
  // Appended (issue 12): the conversation. Empty when the digest was made without it.
  'Latest answer',
  'Answer text',
  'Answered by',
  'Replies',
  'This is my experience too',
] as const;

/** The catalogue keys of the CSV's columns, in CSV_COLUMNS order (the heading row follows the digest's language). */
export const CSV_COLUMN_KEYS = [
  'digest.csv.document',
  'digest.csv.documentTitle',
  'digest.csv.section',
  'digest.csv.page',
  'digest.csv.quote',
  'digest.csv.comment',
  'digest.csv.kind',
  'digest.csv.themes',
  'digest.csv.perspective',
  'digest.csv.author',
  'digest.csv.created',
  'digest.csv.latestAnswer',
  'digest.csv.answerText',
  'digest.csv.answeredBy',
  'digest.csv.replies',
  'digest.csv.supports',
] as const satisfies readonly MessageKey[];

/** The last column when a digest puts versions together: which version each comment was written on. */
export const CSV_VERSION_COLUMN_KEY: MessageKey = 'digest.csv.writtenOn';

/** The heading row in a language (English: CSV_COLUMNS), with the version column when `versions`. */
export function csvColumns(i18n: Translator, versions = false): string[] {
  return [...CSV_COLUMN_KEYS, ...(versions ? [CSV_VERSION_COLUMN_KEY] : [])].map((key: MessageKey) => i18n.t(key));
}

/** Byte order mark: without it Excel reads UTF-8 as the local code page (’ becomes â€™). */
export const BOM = '\uFEFF';

/**
 * A cell Excel or LibreOffice would run as a formula starts with = + - @ (or tab, CR or LF,
 * which some versions strip first; or the full-width ＝ ＋ － ＠ that East Asian input turns
 * into formulas): prefix an apostrophe so it stays text. OWASP "CSV Injection".
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r\n＝＋－＠]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rows of the CSV (without the heading row), cells as they will be written before quoting. */
export function csvRows(digest: Digest, options: DateOptions = {}): string[][] {
  const day = createIsoDay(options);
  const notAnswered = digestTranslator(digest, options).t('digest.notAnswered');
  const rows: string[][] = [];
  for (const { document: doc, section, passage, comment: c } of digest.ordered) {
    const answer = c.latestAnswer;
    rows.push(
      [
        doc.url,
        doc.title,
        section.title,
        passage.page === undefined ? '' : String(passage.page),
        passage.quote,
        c.text,
        c.kindLabel,
        c.themes.join('; '),
        c.perspectiveLabel,
        c.author,
        day(c.created),
        ...(digest.conversation
          ? [answer?.label ?? notAnswered, answer?.text ?? '', answer?.author ?? '', String(c.replyCount), String(c.supportCount)]
          : ['', '', '', '', '']),
        ...(digest.versionsTogether ? [c.writtenOn ?? ''] : []),
      ].map(guardFormula),
    );
  }
  return rows;
}

/**
 * The digest as CSV for Excel: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, one row
 * per comment (in the digest's order), formula-looking cells neutralised.
 */
export function renderCsv(digest: Digest, options: DateOptions = {}): string {
  const lines = [csvColumns(digestTranslator(digest, options), digest.versionsTogether).map((h) => quoteField(guardFormula(h))).join(',')];
  for (const row of csvRows(digest, options)) lines.push(row.map(quoteField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
