import { answerStatusName } from '../i18n/vocabulary-labels';
import { translator, type Translate } from '../i18n/translate';
import { answerStatusOf, commentText, isComment, isReply, replyText, type LeaItem } from '../model';
import { replyAuthorLabel, replyAuthorOf, type ReplyAuthor } from './build-thread';
import type { Notice, NoticeFacts, NoticeKind } from './notice-types';

export type { Notice, NoticeFacts, NoticeKind } from './notice-types';

/** English, for callers that give no `t` (the sentences stored in `Notice.sentence` by default). */
const english: Translate = translator('en-GB').t;

/**
 * Notices derived from what this computer holds (notes/contract.md "Notice ids"): replies and
 * answers to my comments and my replies (not by me), new comments by others on documents I
 * follow, and facilitators hiding or showing again my comments and replies. Pure: the store
 * keeps only which ids were read, so every browser of a member derives the same notices.
 */

/** A facilitator hid or showed again one of my items (from syncInfo.moderation). */
export interface ModerationNoticeInput {
  id: string;
  /** What the item is, when known ('comment' when it never reached this browser). */
  kind: 'comment' | 'reply' | 'support';
  action: 'hidden' | 'unhidden';
  revision: string;
  reason: string;
  at: string;
}

export interface NoticeInput {
  items: readonly LeaItem[];
  /** Who wrote each item; an item missing here was written on this computer ('me'). */
  authors: Readonly<Record<string, 'me' | 'other'>>;
  /** Hidden replies' places ({id, target}), so a thread's root is found through them. */
  placeholders?: readonly { id: string; target: string }[];
  moderation?: readonly ModerationNoticeInput[];
  /** Documents I follow, and since when (only comments after that count). */
  follows: readonly string[];
  followedAt?: Readonly<Record<string, string>>;
  read: ReadonlySet<string>;
  /** At most this many notices, newest first (default 200). */
  limit?: number;
  /** The language of each notice's `sentence` (English when absent); `facts` serve every language. */
  t?: Translate;
}

/** The longest piece of someone's text a notice quotes. */
export const NOTICE_EXCERPT_LENGTH = 100;

/** Text cut to `max` characters on one line ("…" included), for notices and notifications. */
export function excerpt(text: string, max = NOTICE_EXCERPT_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

const uuidOf = (id: string) => id.replace(/^urn:uuid:/, '');

/** Every notice, newest first, each marked read or not. */
export function deriveNotices(input: NoticeInput): Notice[] {
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const parentOf = new Map<string, string>();
  for (const item of input.items) if (isReply(item)) parentOf.set(item.id, item.target);
  for (const p of input.placeholders ?? []) parentOf.set(p.id, p.target);
  const isMine = (id: string) => (input.authors[id] ?? 'me') === 'me';

  /** The thread's root comment id and its document, walking reply targets up. */
  const placeOf = (id: string): { commentId: string | null; document: string | null } => {
    const seen = new Set<string>();
    let current = id;
    let document: string | null = null;
    for (;;) {
      const item = byId.get(current);
      if (item && isReply(item)) document ??= item.onDocument ?? null;
      if (item && isComment(item)) return { commentId: current, document: item.target.source };
      const parent = parentOf.get(current);
      if (!parent || seen.has(parent)) return { commentId: current, document };
      seen.add(current);
      current = parent;
    }
  };

  const notices: (Omit<Notice, 'read' | 'sentence' | 'facts'> & { facts: NoticeFacts })[] = [];
  for (const item of input.items) {
    if (!isReply(item) || isMine(item.id)) continue;
    const parent = byId.get(item.target);
    if (!parent || !isMine(parent.id) || !(isComment(parent) || isReply(parent))) continue;
    const status = answerStatusOf(item);
    const on = isComment(parent) ? 'comment' : 'reply';
    const author = replyAuthorOf(item);
    const text = excerpt(replyText(item));
    // An answer changed after it was given ("We will change this" becomes "This has been
    // changed") is news again: a notice of its own for each change. A plain reply's edit is not.
    const changed = status !== null && item.modified !== item.created;
    const facts: NoticeFacts = status ? { kind: 'answer', author, on, status, text, ...(changed ? { changed: true as const } : {}) } : { kind: 'reply', author, on, text };
    const noticeId = changed ? `answer:${uuidOf(item.id)}:${item.modified}` : `reply:${uuidOf(item.id)}`;
    notices.push({ id: noticeId, kind: facts.kind, facts, ...placeOf(item.id), itemId: item.id, at: changed ? item.modified : item.created });
  }

  const follows = new Set(input.follows);
  const since = sinceFollowed(input, follows);
  for (const item of input.items) {
    if (!isComment(item) || isMine(item.id) || item.visibility !== 'group') continue;
    const document = item.target.source;
    if (!follows.has(document) || item.created <= (since.get(document) ?? '')) continue;
    const author = item.attribution === 'named' && item.creator ? item.creator.name : null;
    const documentTitle = item.documentTitle ? excerpt(item.documentTitle, 80) : null;
    notices.push({
      id: `comment:${uuidOf(item.id)}`,
      kind: 'comment',
      facts: { kind: 'comment', author, documentTitle, text: excerpt(commentText(item)) },
      document,
      commentId: item.id,
      itemId: item.id,
      at: item.created,
    });
  }

  for (const event of input.moderation ?? []) {
    const kind: NoticeKind = event.action;
    const facts: NoticeFacts = { kind: event.action, what: event.kind, reason: excerpt(event.reason) };
    notices.push({ id: `${event.action}:${uuidOf(event.id)}:${event.revision}`, kind, facts, ...placeOf(event.id), itemId: event.id, at: event.at });
  }

  const seen = new Set<string>();
  return notices
    .filter((n) => !seen.has(n.id) && seen.add(n.id) !== undefined)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, input.limit ?? 200)
    .map((n) => ({ ...n, sentence: factsSentence(input.t ?? english, n.facts), read: input.read.has(n.id) }));
}

const NOTICE_MODERATION_KEYS = {
  hidden: { comment: 'notices.hidden.comment', reply: 'notices.hidden.reply', support: 'notices.hidden.support' },
  unhidden: { comment: 'notices.unhidden.comment', reply: 'notices.unhidden.reply', support: 'notices.unhidden.support' },
} as const;

/** Who wrote a reply, as a notice's sentence names them. */
function noticeAuthor(t: Translate, author: ReplyAuthor): string {
  if (author.as === 'member') return t('notices.author.member');
  if (author.as === 'comment-author') return t('notices.author.commentAuthor');
  return replyAuthorLabel(t, author);
}

/** A notice's facts in words, in the language of `t`. */
function factsSentence(t: Translate, facts: NoticeFacts): string {
  switch (facts.kind) {
    case 'reply':
      return t(facts.on === 'comment' ? 'notices.replied.comment' : 'notices.replied.reply', { author: noticeAuthor(t, facts.author), text: facts.text });
    case 'answer': {
      const params = { author: noticeAuthor(t, facts.author), status: answerStatusName(t, facts.status), text: facts.text };
      if (facts.changed) {
        if (facts.text) return t(facts.on === 'comment' ? 'notices.answerChanged.commentWithText' : 'notices.answerChanged.replyWithText', params);
        return t(facts.on === 'comment' ? 'notices.answerChanged.comment' : 'notices.answerChanged.reply', params);
      }
      if (facts.text) return t(facts.on === 'comment' ? 'notices.answered.commentWithText' : 'notices.answered.replyWithText', params);
      return t(facts.on === 'comment' ? 'notices.answered.comment' : 'notices.answered.reply', params);
    }
    case 'comment': {
      const params = { author: facts.author ?? t('notices.author.member'), title: facts.documentTitle ?? '', text: facts.text };
      return t(facts.documentTitle ? 'notices.commented.titled' : 'notices.commented.untitled', params);
    }
    case 'hidden':
    case 'unhidden':
      return t(NOTICE_MODERATION_KEYS[facts.kind][facts.what], { reason: facts.reason });
  }
}

/**
 * What a notice says, in the reader's language (pass the reader's `t`): from its facts, or
 * its stored English sentence when it has none (a notice from an older background).
 */
export function noticeSentence(t: Translate, notice: Pick<Notice, 'sentence' | 'facts'>): string {
  return notice.facts ? factsSentence(t, notice.facts) : notice.sentence;
}

/**
 * From when a followed document's new comments count: my first comment on it (following is
 * automatic then, on every browser alike), or when this computer first saw the follow.
 */
function sinceFollowed(input: NoticeInput, follows: ReadonlySet<string>): Map<string, string> {
  const since = new Map<string, string>();
  for (const document of follows) {
    const at = input.followedAt?.[document];
    if (at) since.set(document, at);
  }
  for (const item of input.items) {
    if (!isComment(item) || (input.authors[item.id] ?? 'me') !== 'me' || !follows.has(item.target.source)) continue;
    const current = since.get(item.target.source);
    if (current === undefined || item.created < current) since.set(item.target.source, item.created);
  }
  return since;
}

/** How many notices are unread. */
export function unreadCount(notices: readonly Notice[]): number {
  return notices.filter((n) => !n.read).length;
}

/** The toolbar badge for `unread` notices: its text ('' at none) and accessible title, in the language of `t` (English by default). */
export function badgeFor(unread: number, t: Translate = english): { text: string; title: string } {
  if (unread <= 0) return { text: '', title: t('notices.badge.none') };
  return { text: unread > 99 ? '99+' : String(unread), title: t('notices.badge.count', { count: unread }) };
}
