import { SUPPORT_LABEL } from '../model/conversation';
import type { Digest } from './types';

/** The time zone dates are shown in unless a caller says otherwise (the groups are in the UK). */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** Options every renderer takes for showing dates. */
export interface DateOptions {
  /** IANA time zone for dates people read (default Europe/London). */
  timeZone?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
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

/** "23 November 2026" for a date people read. */
export function createLongDate(options: DateOptions = {}): (iso: string) => string {
  const zoned = createZonedDay(options.timeZone ?? DEFAULT_TIME_ZONE);
  return (iso) => {
    const { year, month, day } = zoned(iso);
    return `${day} ${MONTHS[month - 1]} ${year}`;
  };
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

/** "1 comment", "3 comments". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** What the digest covers and what it leaves out, in one or two plain sentences. */
export function describeScope(digest: Digest, longDate: (iso: string) => string): string[] {
  const lines: string[] = [];
  const who = digest.scope === 'personal' ? 'Your own comments, including those only you can see.' : `Comments shared with ${digest.groupName ?? 'the group'}.`;
  lines.push(`${who} Generated on ${longDate(digest.generatedAt)}.`);
  const only: string[] = [];
  if (digest.filters.document) only.push(`the document ${digest.filters.document}`);
  if (digest.filters.theme) only.push(`the theme "${digest.filters.theme}"`);
  if (only.length) lines.push(`Only comments about ${only.join(' and ')}.`);
  const docs = digest.documents.length;
  lines.push(
    `${plural(digest.summary.comments, 'comment')} on ${plural(digest.summary.passages, 'passage')} in ${plural(docs, 'document')}.` +
      (digest.hiddenCount > 0
        ? ` ${plural(digest.hiddenCount, 'comment')} hidden by a facilitator ${digest.hiddenCount === 1 ? 'is' : 'are'} left out.`
        : ''),
  );
  if (digest.conversation) lines.push(...describeConversation(digest));
  if (digest.sort === 'support') lines.push('Comments are listed most supported first ("This is my experience too").');
  return lines;
}

/**
 * The conversation in plain sentences: replies and supports, how many comments are answered,
 * hidden replies, and replies to removed comments (left out: they are not comments).
 */
export function describeConversation(digest: Digest): string[] {
  const { comments, replies, supports } = digest.summary;
  const answered = comments - digest.unanswered.length;
  const lines = [
    `${plural(replies, 'reply', 'replies')}; "${SUPPORT_LABEL}" said ${plural(supports, 'time')}. ` +
      `${answered.toLocaleString('en-GB')} of ${plural(comments, 'comment')} answered, ${digest.unanswered.length.toLocaleString('en-GB')} not answered yet.`,
  ];
  if (digest.hiddenReplyCount > 0) {
    lines.push(`${plural(digest.hiddenReplyCount, 'reply', 'replies')} hidden by a facilitator ${digest.hiddenReplyCount === 1 ? 'is' : 'are'} left out.`);
  }
  if (digest.removedCommentReplies > 0) {
    const n = digest.removedCommentReplies;
    lines.push(`${plural(n, 'reply', 'replies')} to comments their authors removed ${n === 1 ? 'is' : 'are'} left out.`);
  }
  return lines;
}

/** "3 replies · 2 This is my experience too", for a comment's details line. */
export function conversationCounts(replyCount: number, supportCount: number): string {
  return `${plural(replyCount, 'reply', 'replies')} · ${SUPPORT_COUNT_LABEL}: ${supportCount.toLocaleString('en-GB')}`;
}

/** How a comment's support count is labelled. */
export const SUPPORT_COUNT_LABEL = SUPPORT_LABEL;
/** What a comment with no answer says. */
export const NOT_ANSWERED_LABEL = 'Not answered yet';

/** "Answer: We will change this (Sam Lee, 2 December 2026)" without the text. */
export function answerHeadline(answer: { label: string; author: string; created: string }, longDate: (iso: string) => string): string {
  return `Answer: ${answer.label} (${answer.author}, ${longDate(answer.created)})`;
}
