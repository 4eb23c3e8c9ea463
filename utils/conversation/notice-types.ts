/**
 * The shapes of notices ("Sam Jones answered your comment: We will change this"), shared by the
 * pure derivation (notices.ts), the background's notice service and the side panel. Ids follow
 * notes/contract.md "Notice ids", so a read on one browser marks the same notice read on others.
 */
import type { AnswerStatus } from '../model';
import type { ReplyAuthor } from './build-thread';

/** What a notice is about. */
export type NoticeKind = 'reply' | 'answer' | 'comment' | 'hidden' | 'unhidden';

/**
 * What a notice says, as data, so each reader sees it in their own language: noticeSentence
 * (notices.ts) turns it into words with the reader's `t`. Only names and people's own text
 * (already cut to an excerpt) are kept as they are.
 */
export type NoticeFacts =
  | { kind: 'reply'; author: ReplyAuthor; on: 'comment' | 'reply'; text: string }
  /** `changed`: the answer was changed after it was given (its status or its words). */
  | { kind: 'answer'; author: ReplyAuthor; on: 'comment' | 'reply'; status: AnswerStatus; text: string; changed?: true }
  /** `author` null: an anonymous group member; `documentTitle` null: "a document you follow". */
  | { kind: 'comment'; author: string | null; documentTitle: string | null; text: string }
  | { kind: 'hidden' | 'unhidden'; what: 'comment' | 'reply' | 'support'; reason: string };

/** One notice, ready to show: what it says and where it leads. */
export interface Notice {
  /**
   * `reply:<uuid>`, `answer:<uuid>:<modified>` (an answer changed after it was given, once per
   * change), `comment:<uuid>`, `hidden:<uuid>:<revision>` or `unhidden:<uuid>:<revision>`.
   */
  id: string;
  kind: NoticeKind;
  /**
   * One sentence in English (or the language deriveNotices was given), e.g. "A group member
   * replied to your comment: I agree, the same happened to me". Show `noticeSentence(t, notice)`
   * instead: it uses `facts` in the reader's language, and this only when `facts` is missing.
   */
  sentence: string;
  /** What the sentence says, as data (every notice deriveNotices makes has it). */
  facts?: NoticeFacts;
  /** The document to open (a comment's `target.source`, or a reply's `onDocument`); null when unknown. */
  document: string | null;
  /** The comment whose thread to open (the thread's root), or null when unknown. */
  commentId: string | null;
  /** The item the notice is about (the reply, the new comment, or my hidden item). */
  itemId: string;
  /** When it happened (ISO): the reply's or comment's `created`, or when the hide was seen. */
  at: string;
  read: boolean;
}
