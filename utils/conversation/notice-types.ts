/**
 * The shapes of notices ("Sam Jones answered your comment: We will change this"), shared by the
 * pure derivation (notices.ts), the background's notice service and the side panel. Ids follow
 * notes/contract.md "Notice ids", so a read on one browser marks the same notice read on others.
 */

/** What a notice is about. */
export type NoticeKind = 'reply' | 'answer' | 'comment' | 'hidden' | 'unhidden';

/** One notice, ready to show: a plain-English sentence and where it leads. */
export interface Notice {
  /** `reply:<uuid>`, `comment:<uuid>`, `hidden:<uuid>:<revision>` or `unhidden:<uuid>:<revision>`. */
  id: string;
  kind: NoticeKind;
  /** One sentence, e.g. "A group member replied to your comment: I agree, the same happened to me". */
  sentence: string;
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
