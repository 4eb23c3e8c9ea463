import type { Digest } from './types';

/** The time zone dates are shown in unless a caller says otherwise (the groups are in the UK). */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** Options every renderer takes for showing dates. */
export interface DateOptions {
  /** IANA time zone for dates people read (default Europe/London). */
  timeZone?: string;
}

/** "23 November 2026" for a date people read. */
export function createLongDate(options: DateOptions = {}): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: options.timeZone ?? DEFAULT_TIME_ZONE });
  return (iso) => format.format(new Date(iso));
}

/** "2026-11-23" (the calendar day in the given time zone), for file names and spreadsheets. */
export function createIsoDay(options: DateOptions = {}): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: options.timeZone ?? DEFAULT_TIME_ZONE });
  const cache = new Map<string, string>();
  return (iso) => {
    // Comments made on the same day share the prefix; formatting is the slow part.
    const key = iso.slice(0, 13);
    let day = cache.get(key);
    if (day === undefined) {
      day = format.format(new Date(iso));
      cache.set(key, day);
    }
    return day;
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
  return lines;
}
