import { Button } from '@hypothesis/frontend-shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { threadLines, type CommentThread, type ReplyLine } from '../utils/conversation/build-thread';
import {
  HIDDEN_REPLY_LINE,
  HIDDEN_COMMENT_LINE,
  REMOVED_COMMENT_LINE,
  SUPPORT_LABEL,
  answerStatusLabel,
  answerStatusOf,
  replyAuthorLine,
  replyText,
  type ReplyDraft,
} from '../utils/model';
import { MarkdownText } from './MarkdownText';
import { ReplyEditor } from './ReplyEditor';
import { ReportButton } from './ReportDialog';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

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
export function answerLine(thread: Pick<CommentThread, 'latestAnswer'>): string | null {
  const latest = thread.latestAnswer;
  return latest ? `Answer: ${answerStatusLabel(latest.status)} — ${replyAuthorLine(latest.reply)}` : null;
}

/** "3 people said this is their experience too", or null when nobody has. */
export function supportSentence(count: number): string | null {
  if (count <= 0) return null;
  return count === 1 ? '1 person said this is their experience too' : `${count} people said this is their experience too`;
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
  /** Say something in the page's polite live region. */
  announce: (message: string) => void;
}

/**
 * Everything under a comment: its latest answer, "This is my experience too" with the count,
 * Reply and Report, and the replies two levels deep (deeper ones flattened, saying whom they
 * answer). After a reply is sent, focus goes to the new reply once it is shown, and until
 * then to the Reply button the person started from.
 */
export function CommentConversation(props: CommentConversationProps) {
  const { thread, can } = props;
  const lines = threadLines(thread);
  const [open, setOpen] = useState(lines.length <= REPLIES_SHOWN_OPEN);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [supportBusy, setSupportBusy] = useState(false);
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

  async function send(parentId: string, draft: ReplyDraft) {
    const newId = await props.onReply(parentId, draft);
    afterSend.current = { parentId, newId: newId || null, fellBack: false };
    setReplyingTo(null);
    setOpen(true);
    props.announce(draft.answer ? 'Answer sent' : 'Reply sent');
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
      props.announce(on ? 'You said this is your experience too.' : 'You took back “this is my experience too”.');
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
        Reply<span class="sr-only"> {label}</span>
      </Button>
    );

  const renderLine = (line: ReplyLine) => {
    const { node } = line;
    const reply = node.reply;
    if (!reply || node.hidden) {
      return <p class="italic text-grey-7">{HIDDEN_REPLY_LINE}</p>;
    }
    const author = replyAuthorLine(reply);
    const status = answerStatusOf(reply);
    const text = replyText(reply);
    const inReplyTo = line.inReplyTo ? (line.inReplyTo.reply ? replyAuthorLine(line.inReplyTo.reply) : 'a hidden reply') : null;
    return (
      <>
        <p class="text-xs">
          <span class="font-semibold">{author}</span> · <span class="text-grey-7">{dateFormat.format(new Date(reply.created))}</span>
        </p>
        {inReplyTo && <p class="text-xs text-grey-7">In reply to {inReplyTo}</p>}
        {props.moderated?.[reply.id] && <p class="rounded border border-red-error p-1 text-xs font-semibold">Hidden by a facilitator: {props.moderated[reply.id]!.reason}</p>}
        {status && <p class="text-xs font-semibold">Answer: {answerStatusLabel(status)}</p>}
        {text && <MarkdownText text={text} />}
        {props.refused?.[reply.id] ? (
          <p class="text-xs font-semibold text-red-error">Not sent to your group: {props.refused[reply.id]}</p>
        ) : (
          props.pending?.has(reply.id) && <p class="text-xs text-grey-7">Waiting to send to your group.</p>
        )}
        <div class="flex flex-wrap gap-2">
          {replyButtonFor(reply.id, `to ${author}`)}
          {can.report && props.onReport && !props.mine?.has(reply.id) && (
            <ReportButton what="reply" subject={text.slice(0, 40) || author} onReport={(reason) => props.onReport!(reply.id, reason)} />
          )}
        </div>
        {editorFor(reply.id, `Reply to ${author}`)}
      </>
    );
  };

  // Level-1 replies each hold their level-2 (and flattened deeper) replies in a nested list.
  const groups: { first: ReplyLine; rest: ReplyLine[] }[] = [];
  for (const line of lines) {
    if (line.level === 1) groups.push({ first: line, rest: [] });
    else groups.at(-1)?.rest.push(line);
  }

  const answer = answerLine(thread);
  const supported = supportSentence(thread.supportCount);
  const comment = thread.comment;
  return (
    <div ref={root} class="space-y-2">
      {!comment && <p class="font-semibold">{thread.hiddenComment ? HIDDEN_COMMENT_LINE : REMOVED_COMMENT_LINE}</p>}
      {answer && <p class="rounded border border-grey-5 bg-grey-1 p-1 font-semibold">{answer}</p>}
      {(supported || (can.support && props.onSupport && comment && !props.commentIsMine)) && (
        <div class="flex flex-wrap items-center gap-2">
          {can.support && props.onSupport && comment && !props.commentIsMine && (
            <Button size="sm" pressed={thread.mySupportId !== null} aria-disabled={supportBusy || undefined} onClick={() => void toggleSupport()}>
              <span aria-hidden="true">{thread.mySupportId !== null ? '✓ ' : ''}</span>
              {SUPPORT_LABEL}
              <span class="sr-only">: “{props.subject}”</span>
            </Button>
          )}
          {supported && <p class="text-xs text-grey-7">{supported}</p>}
        </div>
      )}
      {comment && (can.reply || (can.report && props.onReport && !props.commentIsMine)) && (
        <div class="flex flex-wrap gap-2">
          {replyButtonFor(comment.id, `to the comment on “${props.subject}”`)}
          {can.report && props.onReport && !props.commentIsMine && (
            <ReportButton what="comment" subject={props.subject} onReport={(reason) => props.onReport!(comment.id, reason)} />
          )}
        </div>
      )}
      {comment && editorFor(comment.id, 'Reply to this comment')}
      {lines.length > REPLIES_SHOWN_OPEN && (
        <Button size="sm" expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide replies' : `Show ${lines.length} replies`}
        </Button>
      )}
      {open && groups.length > 0 && (
        <ol class="space-y-2 border-l-2 border-grey-3 pl-3" aria-label={lines.length === 1 ? '1 reply' : `${lines.length} replies`}>
          {groups.map(({ first, rest }) => (
            <li key={first.node.id} data-reply-id={first.node.id} tabIndex={-1} class="space-y-1">
              {renderLine(first)}
              {rest.length > 0 && (
                <ol class="mt-2 space-y-2 border-l-2 border-grey-3 pl-3">
                  {rest.map((line) => (
                    <li key={line.node.id} data-reply-id={line.node.id} tabIndex={-1} class="space-y-1">
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
