import {
  answerStatusOf,
  isReply,
  isSupport,
  type AnswerStatus,
  type LeaAnnotation,
  type LeaItem,
  type LeaReply,
} from '../model';
import type { Translate } from '../i18n/translate';

/**
 * Threads from a flat list, in one pass (compare hypothesis/client
 * `src/sidebar/helpers/build-thread.ts`): each comment with its replies, answers and supports.
 * Pure: the side panel, the PDF viewer, the web app and the digests build threads the same way.
 */

/** A reply the caller cannot read: hidden by a facilitator, known only by its place. */
export interface HiddenReply {
  id: string;
  target: string;
  created?: string;
}

/** One reply in a thread, with the replies to it. `reply` is null where it was hidden. */
export interface ReplyNode {
  id: string;
  reply: LeaReply | null;
  hidden: boolean;
  created: string;
  children: ReplyNode[];
}

/** A comment and its conversation. `comment` is null when its author removed it. */
export interface CommentThread {
  id: string;
  comment: LeaAnnotation | null;
  replies: ReplyNode[];
  /** Every reply in the thread, at any depth (hidden ones included). */
  replyCount: number;
  supportCount: number;
  /** The id of the caller's own support, for "take it back" (when `mySupportIds` was given). */
  mySupportId: string | null;
  /** The newest answer anywhere in the thread, or null: "not answered yet". */
  latestAnswer: { status: AnswerStatus; reply: LeaReply } | null;
  /** The document the thread is on (the comment's, or a reply's `onDocument` once it is gone). */
  document: string | null;
  /** The comment is not shown because a facilitator hid it (not because its author removed it). */
  hiddenComment: boolean;
}

export interface BuildThreadsOptions {
  hidden?: readonly HiddenReply[];
  /** Ids of the caller's own supports (so the thread knows which one is theirs). */
  mySupportIds?: ReadonlySet<string>;
  /** Ids of comments a facilitator hid from the caller (their threads say so). */
  hiddenComments?: readonly string[];
  /** Supports counted but not passed as items, by comment id (a listing sends only the caller's own). */
  supportCounts?: Readonly<Record<string, number>>;
}

const byCreated = (a: { created: string; id: string }, b: { created: string; id: string }) =>
  a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Build every thread the items make, keyed by comment id, in the order comments were given.
 * Replies whose chain reaches no known comment make a thread with `comment: null` (its author
 * removed it); a reply's parent is found whether it is a comment or another reply.
 */
export function buildThreads(items: readonly LeaItem[], options: BuildThreadsOptions = {}): Map<string, CommentThread> {
  const comments = new Map<string, LeaAnnotation>();
  const nodes = new Map<string, ReplyNode & { target: string }>();
  const supports = new Map<string, { count: number; mine: string | null }>();
  for (const item of items) {
    if (isReply(item)) nodes.set(item.id, { id: item.id, reply: item, hidden: false, created: item.created, children: [], target: item.target });
    else if (isSupport(item)) {
      const entry = supports.get(item.target) ?? { count: 0, mine: null };
      entry.count += 1;
      if (options.mySupportIds?.has(item.id)) entry.mine = item.id;
      supports.set(item.target, entry);
    } else comments.set(item.id, item);
  }
  for (const h of options.hidden ?? []) {
    if (!nodes.has(h.id)) nodes.set(h.id, { id: h.id, reply: null, hidden: true, created: h.created ?? '', children: [], target: h.target });
  }

  const threads = new Map<string, CommentThread>();
  const hiddenComments = new Set(options.hiddenComments ?? []);
  const threadFor = (rootId: string): CommentThread => {
    let thread = threads.get(rootId);
    if (!thread) {
      const comment = comments.get(rootId) ?? null;
      const support = supports.get(rootId);
      const counted = options.supportCounts?.[rootId] ?? 0;
      thread = {
        id: rootId,
        comment,
        replies: [],
        replyCount: 0,
        supportCount: (support?.count ?? 0) + counted,
        mySupportId: support?.mine ?? null,
        latestAnswer: null,
        document: comment?.target.source ?? null,
        hiddenComment: comment === null && hiddenComments.has(rootId),
      };
      threads.set(rootId, thread);
    }
    return thread;
  };
  for (const id of comments.keys()) threadFor(id);

  // The root of each reply: follow targets up through replies (guarding against cycles).
  const rootOf = (node: ReplyNode & { target: string }): string => {
    const seen = new Set<string>([node.id]);
    let target = node.target;
    let parent = nodes.get(target);
    while (parent !== undefined && !seen.has(parent.id)) {
      seen.add(parent.id);
      target = parent.target;
      parent = nodes.get(target);
    }
    return target;
  };

  for (const node of [...nodes.values()].sort(byCreated)) {
    const thread = threadFor(rootOf(node));
    thread.replyCount += 1;
    const parent = nodes.get(node.target);
    if (parent && parent.id !== node.id && rootOf(parent) === thread.id) parent.children.push(node);
    else thread.replies.push(node);
    if (thread.document === null && node.reply?.onDocument) thread.document = node.reply.onDocument;
    const status = node.reply ? answerStatusOf(node.reply) : null;
    if (status && node.reply && (!thread.latestAnswer || thread.latestAnswer.reply.created <= node.reply.created)) {
      thread.latestAnswer = { status, reply: node.reply };
    }
  }
  return threads;
}

/** A reply as a thread shows it: indented one or two levels; deeper ones sit at level 2. */
export interface ReplyLine {
  node: ReplyNode;
  level: 1 | 2;
  /** For a reply flattened from deeper down: the reply it answers. */
  inReplyTo: ReplyNode | null;
}

/**
 * The replies of a thread in reading order, two levels deep: replies to the comment at level 1,
 * replies to those at level 2, and anything deeper flattened under its level-2 ancestor, in
 * time order, each saying which reply it answers.
 */
export function threadLines(thread: Pick<CommentThread, 'replies'>): ReplyLine[] {
  const lines: ReplyLine[] = [];
  for (const first of thread.replies) {
    lines.push({ node: first, level: 1, inReplyTo: null });
    for (const second of first.children) {
      lines.push({ node: second, level: 2, inReplyTo: null });
      const deeper: ReplyLine[] = [];
      const walk = (parent: ReplyNode) => {
        for (const child of parent.children) {
          deeper.push({ node: child, level: 2, inReplyTo: parent });
          walk(child);
        }
      };
      walk(second);
      lines.push(...deeper.sort((a, b) => byCreated(a.node, b.node)));
    }
  }
  return lines;
}

/** Answer filter values the side panel, web app and digests offer, beside the statuses. */
export const NOT_ANSWERED = 'not-answered';
export type AnswerFilter = AnswerStatus | typeof NOT_ANSWERED | '';

/** Does a thread pass an answer filter ('' = any)? */
export function matchesAnswerFilter(thread: CommentThread, filter: AnswerFilter): boolean {
  if (filter === '') return true;
  if (filter === NOT_ANSWERED) return thread.latestAnswer === null;
  return thread.latestAnswer?.status === filter;
}

/** Order threads by most supported first (ties keep their given order). */
export function sortBySupport<T extends Pick<CommentThread, 'supportCount'>>(threads: readonly T[]): T[] {
  return threads
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t.supportCount - a.t.supportCount || a.i - b.i)
    .map((x) => x.t);
}

/**
 * Who wrote a reply, as data (a name is a name in every language; the rest is words): the
 * comment's own author, an anonymous group member, or a named person with their job title
 * and organisation (answers). Safe to send between contexts; read it with `replyAuthorLabel`.
 */
export type ReplyAuthor = { as: 'comment-author' } | { as: 'member' } | { as: 'named'; name: string; role: string | null };

/** How the writer of `reply` is shown, as data (the same choice as utils/model replyAuthorLine). */
export function replyAuthorOf(reply: LeaReply): ReplyAuthor {
  if (reply.byCommentAuthor) return { as: 'comment-author' };
  if (!reply.creator || reply.attribution === 'anonymous') return { as: 'member' };
  const role = [reply.creator.jobTitle, reply.creator.organisation].filter(Boolean).join(', ');
  return { as: 'named', name: reply.creator.name, role: role || null };
}

/**
 * A reply's writer in the reader's language: "Sam Jones (Policy officer, DHSC)", "The author
 * of this comment" or "A group member". Takes a reply or its `ReplyAuthor`.
 */
export function replyAuthorLabel(t: Translate, replyOrAuthor: LeaReply | ReplyAuthor): string {
  const author = 'as' in replyOrAuthor ? replyOrAuthor : replyAuthorOf(replyOrAuthor);
  if (author.as === 'comment-author') return t('conversation.author.commentAuthor');
  if (author.as === 'member') return t('conversation.author.member');
  return author.role ? t('conversation.author.withRole', { name: author.name, role: author.role }) : author.name;
}
