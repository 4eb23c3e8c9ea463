import { DEFAULT_LOCALE } from '../i18n/locales';
import { translator, type Translator } from '../i18n/translate';
import type { Digest, DigestFilters } from './types';
import { answerStatusName, kindLabel, perspectiveLabel } from '../i18n/vocabulary-labels';
import { NOT_ANSWERED } from '../conversation/build-thread';
import type { AnswerStatus, Kind, Perspective } from '../model';

/** The side panel's filters a digest was made with, each in words ("by Sam", "not answered yet"). */
function panelFilterWords(filters: DigestFilters, i18n: Translator): string[] {
  const { t } = i18n;
  const day = (iso: string) => i18n.formatDate(`${iso}T00:00:00Z`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return [
    ...(filters.perspective ? [t('digest.scope.filter.perspective', { value: perspectiveLabel(t, filters.perspective as Perspective) })] : []),
    ...(filters.kind ? [t('digest.scope.filter.kind', { value: kindLabel(t, filters.kind as Kind) })] : []),
    ...(filters.author ? [t('digest.scope.filter.author', { name: filters.author === 'Anonymous' ? t('digest.anonymous') : filters.author })] : []),
    ...(filters.from ? [t('digest.scope.filter.from', { date: day(filters.from) })] : []),
    ...(filters.to ? [t('digest.scope.filter.to', { date: day(filters.to) })] : []),
    ...(filters.answer ? [filters.answer === NOT_ANSWERED ? t('digest.scope.filter.notAnswered') : t('digest.scope.filter.answer', { status: answerStatusName(t, filters.answer as AnswerStatus) })] : []),
    ...(filters.minPerPassage && filters.minPerPassage > 1 ? [t('digest.scope.filter.passages', { count: filters.minPerPassage })] : []),
  ];
}

/** The time zone dates are shown in unless a caller says otherwise (the groups are in the UK). */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** Options every renderer takes for showing dates. */
export interface DateOptions {
  /** IANA time zone for dates people read (default Europe/London). */
  timeZone?: string;
  /** The language dates and words are written in (default: the digest's `locale`, else English). */
  i18n?: Translator;
}

const DAY_MS = 86_400_000;

/**
 * The calendar day of an instant in a time zone, fast: the zone's UTC offset is asked of Intl
 * once per UTC day (at its start and end) and reused for every instant of a day without a
 * change; only a day with a clock change asks Intl per instant. Intl per comment costs
 * ~40 µs, which is most of a 10,000-comment digest.
 */
function createZonedDay(timeZone: string): (iso: string) => { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsetAt = (ms: number) => {
    const p: Record<string, number> = {};
    for (const { type, value } of parts.formatToParts(ms)) if (type !== 'literal') p[type] = Number(value);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(ms / 60_000) * 60_000;
  };
  const dayOffsets = new Map<number, number | null>();
  return (iso) => {
    const ms = Date.parse(iso);
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = dayOffsets.get(utcDay);
    if (offset === undefined) {
      const start = offsetAt(utcDay * DAY_MS);
      offset = start === offsetAt((utcDay + 1) * DAY_MS - 60_000) ? start : null;
      dayOffsets.set(utcDay, offset);
    }
    const local = new Date(ms + (offset ?? offsetAt(ms)));
    return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  };
}

/**
 * "23 November 2026" (English) or "23 Tachwedd 2026" (Welsh) for a date people read, through
 * the translator's `formatDate` (Intl). The calendar day is found fast (createZonedDay) and
 * each day is written once, so a 10,000-comment digest asks Intl only once a day.
 */
export function createLongDate(options: DateOptions = {}): (iso: string) => string {
  const zoned = createZonedDay(options.timeZone ?? DEFAULT_TIME_ZONE);
  const i18n = options.i18n ?? translator(DEFAULT_LOCALE);
  const written = new Map<number, string>();
  return (iso) => {
    const { year, month, day } = zoned(iso);
    const key = (year * 100 + month) * 100 + day;
    let text = written.get(key);
    if (text === undefined) {
      text = i18n.formatDate(Date.UTC(year, month - 1, day, 12), { dateStyle: 'long', timeZone: 'UTC' });
      written.set(key, text);
    }
    return text;
  };
}

/** The translator a renderer writes in: the one it is given, else the digest's own language. */
export function digestTranslator(digest: Digest, options: DateOptions = {}): Translator {
  return options.i18n ?? translator(digest.locale ?? DEFAULT_LOCALE);
}

/** "2026-11-23" (the calendar day in the given time zone), for file names and spreadsheets. */
export function createIsoDay(options: DateOptions = {}): (iso: string) => string {
  const zoned = createZonedDay(options.timeZone ?? DEFAULT_TIME_ZONE);
  return (iso) => {
    const { year, month, day } = zoned(iso);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
}

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** What the digest covers and what it leaves out, in one or two plain sentences. */
export function describeScope(digest: Digest, longDate: (iso: string) => string, i18n: Translator = translator(DEFAULT_LOCALE)): string[] {
  const { t } = i18n;
  const lines: string[] = [];
  const who = digest.scope === 'personal' ? t('digest.scope.personal') : digest.groupName ? t('digest.scope.groupNamed', { group: digest.groupName }) : t('digest.scope.group');
  lines.push(`${who} ${t('digest.scope.generated', { date: longDate(digest.generatedAt) })}`);
  const { document, theme } = digest.filters;
  if (document && theme) lines.push(t('digest.scope.onlyBoth', { document, theme }));
  else if (document) lines.push(t('digest.scope.onlyDocument', { document }));
  else if (theme) lines.push(t('digest.scope.onlyTheme', { theme }));
  const more = panelFilterWords(digest.filters, i18n);
  if (more.length > 0) lines.push(t('digest.scope.onlyMatching', { filters: more.join('; ') }));
  const counts = t('digest.scope.counts', {
    comments: t('digest.count.comments', { count: digest.summary.comments }),
    passages: t('digest.count.passages', { count: digest.summary.passages }),
    documents: t('digest.count.documents', { count: digest.documents.length }),
  });
  lines.push(counts + (digest.hiddenCount > 0 ? ` ${t('digest.scope.hidden', { count: digest.hiddenCount })}` : ''));
  if (digest.conversation) lines.push(...describeConversation(digest, i18n));
  if (digest.sort === 'support') lines.push(t('digest.scope.bySupport', { support: t('digest.support') }));
  return lines;
}

/**
 * The conversation in plain sentences: replies and supports, how many comments are answered,
 * hidden replies, and replies to removed comments (left out: they are not comments).
 */
export function describeConversation(digest: Digest, i18n: Translator = translator(DEFAULT_LOCALE)): string[] {
  const { t } = i18n;
  const { comments, replies, supports } = digest.summary;
  const answered = comments - digest.unanswered.length;
  const lines = [
    t('digest.conversation.summary', {
      replies: t('digest.count.replies', { count: replies }),
      support: t('digest.support'),
      times: t('digest.count.times', { count: supports }),
      answered: i18n.formatNumber(answered),
      comments: t('digest.count.comments', { count: comments }),
      unanswered: i18n.formatNumber(digest.unanswered.length),
    }),
  ];
  if (digest.hiddenReplyCount > 0) lines.push(t('digest.conversation.hiddenReplies', { count: digest.hiddenReplyCount }));
  if (digest.removedCommentReplies > 0) lines.push(t('digest.conversation.removed', { count: digest.removedCommentReplies }));
  return lines;
}

/** Where already-escaped text goes inside a translated sentence (split there, each side escaped). */
export const HOLE = '\u0000';

/** "(page 3)" / "(tudalen 3)" after a quote or a place. */
export function pageNote(i18n: Translator, page: number | undefined): string {
  return page === undefined ? '' : ` (${i18n.t('digest.page', { page })})`;
}

/** Where a comment is, for the lists outside the document tree: document › section (page), as plain text. */
export function placeLine(i18n: Translator, place: { document: { title: string }; section: { title: string }; passage: { page?: number } }): string {
  return `${place.document.title} › ${place.section.title}${pageNote(i18n, place.passage.page)}`;
}
