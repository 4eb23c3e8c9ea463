import { Button } from '@hypothesis/frontend-shared';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { replyAuthorLabel, threadLines, type CommentThread, type ReplyLine } from '../utils/conversation/build-thread';
import { excerpt } from '../utils/conversation/notices';
import type { Translate } from '../utils/i18n/translate';
import { answerStatusName } from '../utils/i18n/vocabulary-labels';
import { answerStatusOf, replyText, type LeaReply, type ReplyDraft } from '../utils/model';
import { useI18n } from './i18n';
import { MarkdownText } from './MarkdownText';
import { ReplyEditor } from './ReplyEditor';
import { ReportButton } from './ReportDialog';

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** An id attribute's part from an item id (`urn:uuid:…`). */
const idOf = (id: string) => id.replace(/[^a-zA-Z0-9-]/g, '');

/** Focus a control as it appears (the question's first answer, so a keyboard user is on it). */
const focusOnMount = (el: HTMLElement | null | undefined) => void el?.focus();

/** More replies than this fold behind "Show N replies". */
export const REPLIES_SHOWN_OPEN = 2;

/** What the person may do in a conversation (from their role and the comment's visibility). */
export interface ConversationAbilities {
  reply: boolean;
  answer: boolean;
  support: boolean;
  report: boolean;
}

/** The latest answer as the comment shows it, e.g. "Answer: We will change this — Sam Jones (Policy officer, DHSC)". */
export function answerLine(t: Translate, thread: Pick<CommentThread, 'latestAnswer'>): string | null {
  const latest = thread.latestAnswer;
  return latest ? t('conversation.answerLine', { status: answerStatusName(t, latest.status), author: replyAuthorLabel(t, latest.reply) }) : null;
}

/** "3 people said this is their experience too", or null when nobody has. */
export function supportSentence(t: Translate, count: number): string | null {
  return count > 0 ? t('conversation.support.count', { count }) : null;
}

export interface CommentConversationProps {
  thread: CommentThread;
  can: ConversationAbilities;
  /** The person wrote this thread's anonymous comment (their replies show as its author). */
  asCommentAuthor?: boolean;
  /** Replies the person wrote (they get no Report button). */
  mine?: ReadonlySet<string>;
  /** Replies written here and not yet in the group store. */
  pending?: ReadonlySet<string>;
  /** Replies the store refused, with its plain-English reason. */
  refused?: Readonly<Record<string, string>>;
  /** Replies a facilitator hid that the person still sees (their own, or all for facilitators). */
  moderated?: Readonly<Record<string, { reason: string }>>;
  /** The comment is the person's own (no Report, no support on it). */
  commentIsMine?: boolean;
  displayName: string;
  defaultAttribution?: 'named' | 'anonymous';
  /** A few words of the passage, for button names screen-reader users can tell apart. */
  subject: string;
  /** Send a reply to `parentId` (the comment or a reply); resolves with the new reply's id. */
  onReply: (parentId: string, draft: ReplyDraft) => Promise<string | void>;
  /** Say (true) or take back (false) "This is my experience too". */
  onSupport?: (on: boolean) => Promise<void>;
  onReport?: (id: string, reason: string) => Promise<void>;
  /**
   * Delete one of the person's own replies (offered while nobody has replied to it, so no one
   * else's words go with it); resolves once it is gone here and queued for the group store.
   */
  onDeleteReply?: (id: string) => Promise<LeaReply | null | void>;
  /** Put back a reply the person has just deleted (the thread offers "Undo" after a delete). */
  onRestoreReply?: (reply: LeaReply) => Promise<void>;
  /** Change the words (and an answer's status) of one of the person's own replies. */
  onEditReply?: (id: string, draft: Pick<ReplyDraft, 'text' | 'answer'>) => Promise<void>;
  /** Say something in the page's polite live region. */
  announce: (message: string) => void;
  /**
   * A reply to bring into view (a permanent link to a reply): the replies start open, and it is
   * scrolled to, focused and marked as the one the link is for.
   */
  focusId?: string;
}

/**
 * Everything under a comment: its latest answer, "This is my experience too" with the count,
 * Reply and Report, and the replies two levels deep (deeper ones flattened, saying whom they
 * answer). After a reply is sent, focus goes to the new reply once it is shown, and until
 * then to the Reply button the person started from.
 */
export function CommentConversation(props: CommentConversationProps) {
  const { thread, can } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const lines = threadLines(thread);
  const linked = props.focusId !== undefined && lines.some((line) => line.node.id === props.focusId) ? props.focusId : null;
  const [open, setOpen] = useState(lines.length <= REPLIES_SHOWN_OPEN || linked !== null);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [supportBusy, setSupportBusy] = useState(false);
  /** The reply whose "Delete this reply?" question is open. */
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  /** The reply just deleted, while "Undo" is offered. */
  const [undoable, setUndoable] = useState<LeaReply | null>(null);
  const [undoBusy, setUndoBusy] = useState(false);
  /** The reply being changed (its editor open in place of its buttons). */
  const [editingId, setEditingId] = useState<string | null>(null);
  /** After a reply is deleted (its item gone): focus goes to the comment's Reply button, else the thread. */
  const afterDelete = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  const afterSend = useRef<{ parentId: string; newId: string | null; fellBack: boolean } | null>(null);

  const replyButton = (parentId: string) => root.current?.querySelector<HTMLElement>(`button[data-reply-to="${CSS.escape(parentId)}"]`) ?? null;
  // After a reply is sent and its editor has gone: focus the new reply once it is shown, and
  // until then the Reply button the person started from (never <body>). Placed here, after the
  // render, because the new reply may arrive in this render or a later one.
  useEffect(() => {
    const sent = afterSend.current;
    if (!sent || replyingTo !== null) return;
    const active = document.activeElement;
    // Before the fallback: focus was on the editor's button (gone now). After it: still on Reply.
    const ours = !active || active === document.body || (sent.fellBack ? active === replyButton(sent.parentId) : root.current?.contains(active));
    if (!ours) {
      afterSend.current = null; // the person has moved on: leave their focus alone
      return;
    }
    const item = sent.newId ? root.current?.querySelector<HTMLElement>(`[data-reply-id="${CSS.escape(sent.newId)}"]`) : null;
    if (item) {
      afterSend.current = null;
      item.focus();
    } else if (!sent.fellBack) {
      sent.fellBack = true;
      replyButton(sent.parentId)?.focus();
      if (!sent.newId) afterSend.current = null;
    }
  });

  useLayoutEffect(() => {
    if (!afterDelete.current) return;
    const active = document.activeElement;
    if (active && active !== document.body && root.current?.contains(active)) return;
    afterDelete.current = false;
    const comment = thread.comment;
    ((comment ? replyButton(comment.id) : null) ?? root.current)?.focus();
  });

  async function confirmDelete(id: string) {
    if (!props.onDeleteReply || deleteBusy) return;
    setDeleteBusy(true);
    try {
      const deleted = await props.onDeleteReply(id);
      afterDelete.current = true;
      setDeleting(null);
      if (deleted && props.onRestoreReply) setUndoable(deleted);
      props.announce(t('conversation.reply.deleted'));
    } catch (e) {
      props.announce(e instanceof Error ? e.message : String(e));
    } finally {
      setDeleteBusy(false);
    }
  }

  async function undoDelete() {
    if (!undoable || !props.onRestoreReply || undoBusy) return;
    setUndoBusy(true);
    try {
      await props.onRestoreReply(undoable);
      // Focus goes to the reply once it is back on screen (as after sending one).
      afterSend.current = { parentId: undoable.target, newId: undoable.id, fellBack: false };
      setUndoable(null);
      setOpen(true);
      props.announce(t('conversation.reply.restored'));
    } catch (e) {
      props.announce(e instanceof Error ? e.message : String(e));
    } finally {
      setUndoBusy(false);
    }
  }

  const editButton = (id: string) => root.current?.querySelector<HTMLElement>(`button[data-edit="${CSS.escape(id)}"]`) ?? null;
  async function saveEdit(id: string, draft: ReplyDraft) {
    await props.onEditReply!(id, { text: draft.text, answer: draft.answer });
    setEditingId(null);
    props.announce(t('conversation.reply.changed'));
    queueMicrotask(() => editButton(id)?.focus());
  }
  function cancelEdit(id: string) {
    setEditingId(null);
    queueMicrotask(() => editButton(id)?.focus());
  }

  function keepReply(id: string) {
    setDeleting(null);
    queueMicrotask(() => root.current?.querySelector<HTMLElement>(`button[data-delete="${CSS.escape(id)}"]`)?.focus());
  }

  // A permanent link to a reply: take the person to it once, when it is first on screen.
  const broughtIntoView = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!linked || broughtIntoView.current === linked) return;
    const item = root.current?.querySelector<HTMLElement>(`[data-reply-id="${CSS.escape(linked)}"]`);
    if (!item) return;
    broughtIntoView.current = linked;
    item.scrollIntoView?.({ block: 'center' });
    item.focus({ preventScroll: true });
  });

  async function send(parentId: string, draft: ReplyDraft) {
    const newId = await props.onReply(parentId, draft);
    afterSend.current = { parentId, newId: newId || null, fellBack: false };
    setReplyingTo(null);
    setOpen(true);
    props.announce(t(draft.answer ? 'conversation.answer.sent' : 'conversation.reply.sent'));
  }

  function cancel(parentId: string) {
    setReplyingTo(null);
    queueMicrotask(() => replyButton(parentId)?.focus());
  }

  async function toggleSupport() {
    if (!props.onSupport || supportBusy) return;
    const on = thread.mySupportId === null;
    setSupportBusy(true);
    try {
      await props.onSupport(on);
      props.announce(t(on ? 'conversation.support.saidOn' : 'conversation.support.saidOff'));
    } catch (e) {
      props.announce(e instanceof Error ? e.message : String(e));
    } finally {
      setSupportBusy(false);
    }
  }

  const editorFor = (parentId: string, title: string) =>
    replyingTo === parentId && (
      <ReplyEditor
        title={title}
        canAnswer={can.answer}
        asCommentAuthor={props.asCommentAuthor}
        displayName={props.displayName}
        defaultAttribution={props.defaultAttribution}
        onSend={(draft) => send(parentId, draft)}
        onCancel={() => cancel(parentId)}
      />
    );

  const replyButtonFor = (parentId: string, label: string) =>
    can.reply && (
      <Button size="sm" data-reply-to={parentId} expanded={replyingTo === parentId} onClick={() => setReplyingTo(replyingTo === parentId ? null : parentId)}>
        {t('conversation.reply.button')}
        <span class="sr-only"> {label}</span>
      </Button>
    );

  const renderLine = (line: ReplyLine) => {
    const { node } = line;
    const reply = node.reply;
    if (!reply || node.hidden) {
      return <p class="italic text-grey-7">{t('conversation.thread.hiddenReply')}</p>;
    }
    const author = replyAuthorLabel(t, reply);
    const status = answerStatusOf(reply);
    const text = replyText(reply);
    // "your reply “The same happened…” of 2 November 2026": two of my replies' buttons never share a name.
    const which = t('conversation.reply.deleteWhich', { excerpt: excerpt(text || (status ? answerStatusName(t, status) : ''), 40), date: i18n.formatDate(reply.created, DATE) });
    const inReplyTo = line.inReplyTo ? (line.inReplyTo.reply ? replyAuthorLabel(t, line.inReplyTo.reply) : t('conversation.thread.aHiddenReply')) : null;
    return (
      <>
        <p class="text-xs">
          <span class="font-semibold">{author}</span> · <span class="text-grey-7">{i18n.formatDate(reply.created, DATE)}</span>
          {/* Changed after it was written (its words, or an answer's status): said, so nobody is misled. */}
          {reply.modified !== reply.created && <span class="text-grey-7"> · {t('conversation.thread.changed', { date: i18n.formatDate(reply.modified, DATE) })}</span>}
        </p>
        {inReplyTo && <p class="text-xs text-grey-7">{t('conversation.thread.inReplyTo', { author: inReplyTo })}</p>}
        {props.moderated?.[reply.id] && <p class="rounded border border-red-error p-1 text-xs font-semibold">{t('conversation.thread.moderated', { reason: props.moderated[reply.id]!.reason })}</p>}
        {status && <p class="text-xs font-semibold">{t('conversation.answerStatus', { status: answerStatusName(t, status) })}</p>}
        {text && <MarkdownText text={text} />}
        {props.refused?.[reply.id] ? (
          <p class="text-xs font-semibold text-red-error">{t('conversation.thread.refused', { reason: props.refused[reply.id]! })}</p>
        ) : (
          props.pending?.has(reply.id) && <p class="text-xs text-grey-7">{t('conversation.thread.pending')}</p>
        )}
        <div class="flex flex-wrap gap-2">
          {replyButtonFor(reply.id, t('conversation.reply.toAuthor', { author }))}
          {can.report && props.onReport && !props.mine?.has(reply.id) && (
            <ReportButton what="reply" subject={text.slice(0, 40) || author} onReport={(reason) => props.onReport!(reply.id, reason)} />
          )}
          {props.onEditReply && props.mine?.has(reply.id) && editingId !== reply.id && (
            <Button size="sm" data-edit={reply.id} onClick={() => setEditingId(reply.id)}>
              {t('conversation.reply.edit')}
              <span class="sr-only"> {which}</span>
            </Button>
          )}
          {props.onDeleteReply && props.mine?.has(reply.id) && node.children.length === 0 && deleting !== reply.id && editingId !== reply.id && (
            <Button size="sm" data-delete={reply.id} onClick={() => setDeleting(reply.id)}>
              {t('conversation.reply.delete')}
              <span class="sr-only"> {which}</span>
            </Button>
          )}
        </div>
        {deleting === reply.id && (
          <div role="group" aria-labelledby={`delete-question-${idOf(reply.id)}`} class="space-y-1 rounded border border-grey-5 p-2">
            <p id={`delete-question-${idOf(reply.id)}`} class="text-sm font-semibold">
              {t('conversation.reply.deleteQuestion')}
            </p>
            <div class="flex flex-wrap gap-2">
              <Button size="sm" variant="primary" aria-disabled={deleteBusy || undefined} elementRef={focusOnMount} onClick={() => void confirmDelete(reply.id)}>
                {t('conversation.reply.deleteYes')}
              </Button>
              <Button size="sm" onClick={() => keepReply(reply.id)}>
                {t('conversation.reply.deleteNo')}
              </Button>
            </div>
          </div>
        )}
        {editingId === reply.id && (
          <ReplyEditor
            title={t('conversation.editor.editTitle')}
            canAnswer={can.answer}
            asCommentAuthor={props.asCommentAuthor}
            displayName={props.displayName}
            editing={{ text, answer: status }}
            onSend={(draft) => saveEdit(reply.id, draft)}
            onCancel={() => cancelEdit(reply.id)}
          />
        )}
        {editorFor(reply.id, t('conversation.editor.replyTo', { author }))}
      </>
    );
  };

  // Level-1 replies each hold their level-2 (and flattened deeper) replies in a nested list.
  const groups: { first: ReplyLine; rest: ReplyLine[] }[] = [];
  for (const line of lines) {
    if (line.level === 1) groups.push({ first: line, rest: [] });
    else groups.at(-1)?.rest.push(line);
  }

  // The reply a permanent link is for stands out (and is `aria-current`, for screen readers).
  const linkedClass = (id: string) => (id === linked ? 'space-y-1 rounded outline outline-2 outline-offset-2 outline-blue-700' : 'space-y-1');
  const answer = answerLine(t, thread);
  const supported = supportSentence(t, thread.supportCount);
  const comment = thread.comment;
  return (
    <div ref={root} tabIndex={-1} class="space-y-2">
      {!comment && <p class="font-semibold">{t(thread.hiddenComment ? 'conversation.thread.hiddenComment' : 'conversation.thread.removedComment')}</p>}
      {answer && <p class="rounded border border-grey-5 bg-grey-1 p-1 font-semibold">{answer}</p>}
      {(supported || (can.support && props.onSupport && comment && !props.commentIsMine)) && (
        <div class="flex flex-wrap items-center gap-2">
          {can.support && props.onSupport && comment && !props.commentIsMine && (
            <Button size="sm" pressed={thread.mySupportId !== null} aria-disabled={supportBusy || undefined} onClick={() => void toggleSupport()}>
              <span aria-hidden="true">{thread.mySupportId !== null ? '✓ ' : ''}</span>
              {t('conversation.support.button')}
              <span class="sr-only">{t('conversation.support.subject', { subject: props.subject })}</span>
            </Button>
          )}
          {supported && <p class="text-xs text-grey-7">{supported}</p>}
        </div>
      )}
      {comment && (can.reply || (can.report && props.onReport && !props.commentIsMine)) && (
        <div class="flex flex-wrap gap-2">
          {replyButtonFor(comment.id, t('conversation.reply.toComment', { subject: props.subject }))}
          {can.report && props.onReport && !props.commentIsMine && (
            <ReportButton what="comment" subject={props.subject} onReport={(reason) => props.onReport!(comment.id, reason)} />
          )}
        </div>
      )}
      {comment && editorFor(comment.id, t('conversation.editor.replyToComment'))}
      {undoable && (
        <div class="flex flex-wrap items-center gap-2">
          <p class="text-xs">{t('conversation.reply.deletedLine')}</p>
          <Button size="sm" data-undo={undoable.id} aria-disabled={undoBusy || undefined} onClick={() => void undoDelete()}>
            {t('conversation.reply.undo')}
            <span class="sr-only"> {t('conversation.reply.undoWhich')}</span>
          </Button>
        </div>
      )}
      {lines.length > REPLIES_SHOWN_OPEN && (
        <Button size="sm" expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('conversation.thread.hideReplies') : t('conversation.thread.showReplies', { count: lines.length })}
        </Button>
      )}
      {open && groups.length > 0 && (
        <ol class="space-y-2 border-l-2 border-grey-3 pl-3" aria-label={t('conversation.thread.replyCount', { count: lines.length })}>
          {groups.map(({ first, rest }) => (
            <li key={first.node.id} data-reply-id={first.node.id} tabIndex={-1} class={linkedClass(first.node.id)} aria-current={first.node.id === linked ? 'true' : undefined}>
              {renderLine(first)}
              {rest.length > 0 && (
                <ol class="mt-2 space-y-2 border-l-2 border-grey-3 pl-3">
                  {rest.map((line) => (
                    <li key={line.node.id} data-reply-id={line.node.id} tabIndex={-1} class={linkedClass(line.node.id)} aria-current={line.node.id === linked ? 'true' : undefined}>
                      {renderLine(line)}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
