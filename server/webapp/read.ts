import { adoptW3cReply } from '../../utils/conversation/adopt-w3c';
import { buildThreads, type CommentThread, type HiddenReply } from '../../utils/conversation/build-thread';
import { adoptW3cComment } from '../../utils/interop/w3c';
import { isComment, passageOf, type LeaAnnotation, type LeaItem } from '../../utils/model';
import { checkItem } from '../../utils/store/items';

/**
 * What the web app reads from the store's read API (server/PROTOCOL.md "Web app: read and
 * search", issue 13 contract) and the threads it builds from it. Items are the sync feed's
 * shape; anything that is not a comment, reply or support the web app can show is left out.
 */

export type { CommentPage as CommentRead, DocumentPage as DocumentRead, Overview, ReadItem, SearchAnswer, ThreadData } from '../../utils/webapp/read-types';
import type { ThreadData } from '../../utils/webapp/read-types';

const urn = (id: string) => (id.startsWith('urn:uuid:') ? id : `urn:uuid:${id}`);

/** The readable items of a read, with who wrote what and what a facilitator hid. */
export interface DocumentModel {
  comments: LeaAnnotation[];
  threads: Map<string, CommentThread>;
  items: LeaItem[];
  mine: Set<string>;
  /** Hidden items the caller still sees (their own, or all for facilitators), with the reason. */
  moderated: Record<string, { reason: string }>;
  hiddenReplies: HiddenReply[];
  hiddenComments: string[];
  supportCounts: Record<string, number>;
  mySupportIds: Set<string>;
}

/** Turn a read into comments in document order and their threads. */
export function modelOf(read: ThreadData, extra: LeaItem[] = []): DocumentModel {
  const items: LeaItem[] = [];
  const mine = new Set<string>();
  const moderated: Record<string, { reason: string }> = {};
  const hiddenReplies: HiddenReply[] = [];
  const hiddenComments = new Set((read.hidden ?? []).map(urn));
  for (const raw of read.items) {
    const id = urn(raw.id);
    if (raw.annotation === null) {
      if (raw.hidden && raw.target) hiddenReplies.push({ id, target: urn(raw.target), ...(raw.created ? { created: raw.created } : {}) });
      else if (raw.hidden) hiddenComments.add(id);
      continue;
    }
    const checked = checkItem(raw.annotation);
    const item = checked.ok ? checked.value : (adoptW3cReply(raw.annotation) ?? adoptW3cComment(raw.annotation));
    if (!item || item.id !== id) continue;
    items.push(item);
    if (raw.mine) mine.add(id);
    if (raw.hidden) moderated[id] = { reason: raw.hidden.reason };
  }
  // Replies and supports just sent from this page, until the next read has them; a reply
  // changed here replaces the version read (the later one wins).
  for (const item of extra) {
    const at = items.findIndex((i) => i.id === item.id);
    if (at < 0) items.push(item);
    else if (item.modified >= items[at]!.modified) items[at] = item;
    mine.add(item.id);
  }
  const mySupportIds = new Set((read.mySupports ?? []).map(urn));
  for (const item of items) if (item.motivation === 'assessing' && mine.has(item.id)) mySupportIds.add(item.id);
  const supportCounts = read.supportCounts ? Object.fromEntries(Object.entries(read.supportCounts).map(([k, n]) => [urn(k), n])) : {};
  const threads = buildThreads(items, { hidden: hiddenReplies, hiddenComments: [...hiddenComments], mySupportIds, supportCounts });
  const comments = items.filter(isComment).sort(byDocumentOrder);
  return { comments, threads, items, mine, moderated, hiddenReplies, hiddenComments: [...hiddenComments], supportCounts, mySupportIds };
}

/** Document order: page, then where the passage starts, then oldest first. */
export function byDocumentOrder(a: LeaAnnotation, b: LeaAnnotation): number {
  const pa = passageOf(a);
  const pb = passageOf(b);
  return (pa.page ?? 0) - (pb.page ?? 0) || pa.start - pb.start || (a.created < b.created ? -1 : a.created > b.created ? 1 : 0);
}

/** Consecutive comments of one section, as the document page groups them. */
export interface SectionGroup<T> {
  section: string;
  items: T[];
}

/** Group consecutive comments by their section heading (`noSection`, in the reader's language, when unknown). */
export function groupBySection<T>(items: readonly T[], sectionOf: (item: T) => string | undefined, noSection: string): SectionGroup<T>[] {
  const groups: SectionGroup<T>[] = [];
  for (const item of items) {
    const section = sectionOf(item)?.trim() || noSection;
    const last = groups.at(-1);
    if (last && last.section === section) last.items.push(item);
    else groups.push({ section, items: [item] });
  }
  return groups;
}

/**
 * A read's model with what the person just sent added (and supports they took back left out),
 * rebuilt only when either changes.
 */
export function modelWithChanges(read: ThreadData, sent: readonly LeaItem[], removed: ReadonlySet<string>): DocumentModel {
  const items = removed.size === 0 ? read.items : read.items.filter((i) => !removed.has(urn(i.id)));
  return modelOf({ ...read, items }, sent.filter((i) => !removed.has(i.id)));
}
