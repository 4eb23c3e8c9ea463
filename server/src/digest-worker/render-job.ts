import * as v from 'valibot';
import type { HiddenReply } from '../../../utils/conversation/build-thread';
import { buildDigest } from '../../../utils/digest/build-digest';
import { renderDigest, type DigestFormat, type RenderedDigest } from '../../../utils/digest/formats';
import type { DigestEntry, DigestFilters, DigestSort } from '../../../utils/digest/types';
import { adoptW3cComment } from '../../../utils/interop/w3c';
import { LeaAnnotationSchema } from '../../../utils/model/annotation';
import type { Theme } from '../../../utils/model/themes';
import type { DocumentLink } from '../../../utils/document/versions';
import type { Locale } from '../../../utils/i18n/locales';
import { translator } from '../../../utils/i18n/translate';
import { LeaReplySchema, LeaSupportSchema, type LeaReply, type LeaSupport } from '../../../utils/model/conversation';

/** A stored annotation as read for a digest (already redacted), not yet checked against utils/model. */
export interface StoredDigestEntry {
  annotation: Record<string, unknown>;
  hidden?: { reason: string };
}

/**
 * A stored reply or support as read for a digest (anonymous ones redacted, supports without
 * `creator`), not yet checked. A hidden reply is only its place: `{ id, target, created }`.
 */
export interface StoredConversationEntry {
  annotation: Record<string, unknown>;
  hidden?: true;
}

/** Everything a digest is made from: plain data, so it can be posted to a worker thread. */
export interface DigestJob {
  entries: StoredDigestEntry[];
  /** Replies and supports of the comments (absent: a digest without the conversation). */
  conversation?: StoredConversationEntry[];
  /** "This is my experience too" counts by comment id (`urn:uuid:…`): supports are counted, never read whole. */
  supportCounts?: Record<string, number>;
  sort?: DigestSort;
  /** Put each document's versions together, with the group's links (absent: every address apart). */
  links?: DocumentLink[];
  filters: DigestFilters;
  generatedAt: Date;
  groupName?: string;
  /** The group's theme vocabulary (labels to print); absent: Making It Real. */
  themes?: Theme[];
  /** The language the digest is written in (`lang`, else Accept-Language); absent: English. */
  locale?: Locale;
  format: DigestFormat;
  jsonLdId: string;
}

/**
 * The extension's comments among the stored annotations, and other W3C tools' comments on a
 * passage as the extension shows them (utils/interop adoptW3cComment; others are left out).
 * Checked here, in the worker, because checking 1,000 long comments takes ~70 ms of CPU.
 */
export function checkEntries(stored: readonly StoredDigestEntry[]): DigestEntry[] {
  const entries: DigestEntry[] = [];
  for (const entry of stored) {
    const checked = v.safeParse(LeaAnnotationSchema, entry.annotation);
    const annotation = checked.success ? checked.output : adoptW3cComment(entry.annotation);
    if (annotation) entries.push({ annotation, ...(entry.hidden ? { hidden: entry.hidden } : {}) });
  }
  return entries;
}

/**
 * The extension's replies and supports among the stored ones, and the hidden replies' places.
 * Replies from other W3C tools that do not match utils/model are left out (see README).
 */
export function checkConversation(stored: readonly StoredConversationEntry[]): { conversation: (LeaReply | LeaSupport)[]; hiddenReplies: HiddenReply[] } {
  const conversation: (LeaReply | LeaSupport)[] = [];
  const hiddenReplies: HiddenReply[] = [];
  for (const { annotation, hidden } of stored) {
    if (hidden) {
      const { id, target, created } = annotation;
      if (typeof id === 'string' && typeof target === 'string') hiddenReplies.push({ id, target, ...(typeof created === 'string' ? { created } : {}) });
      continue;
    }
    const checked = annotation.motivation === 'assessing' ? v.safeParse(LeaSupportSchema, annotation) : v.safeParse(LeaReplySchema, annotation);
    if (checked.success) conversation.push(checked.output);
  }
  return { conversation, hiddenReplies };
}

/**
 * Build and render one group digest (utils/digest, pure). The worker threads and the
 * in-process path both call this, so the bytes are the same wherever it runs.
 */
export async function renderDigestJob(job: DigestJob): Promise<RenderedDigest> {
  const digest = buildDigest({
    annotations: checkEntries(job.entries),
    ...(job.conversation ? checkConversation(job.conversation) : {}),
    ...(job.supportCounts ? { supportCounts: job.supportCounts } : {}),
    ...(job.sort ? { sort: job.sort } : {}),
    ...(job.links ? { versions: { links: job.links } } : {}),
    scope: 'group',
    filters: job.filters,
    generatedAt: job.generatedAt,
    ...(job.groupName ? { groupName: job.groupName } : {}),
    ...(job.themes ? { themes: job.themes } : {}),
    ...(job.locale ? { i18n: translator(job.locale) } : {}),
  });
  return renderDigest(digest, job.format, { jsonLdId: job.jsonLdId });
}
