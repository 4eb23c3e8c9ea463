import { Component } from 'preact';
import { CommentConversation } from '../../components/CommentConversation';
import { CommentView } from '../../components/CommentView';
import { useI18n } from '../../components/i18n';
import { abilitiesFor, quietThread } from '../../components/use-conversation';
import type { CommentThread } from '../../utils/conversation/build-thread';
import { isReply, quoteOf, type LeaAnnotation, type LeaItem, type LeaReply, type ReplyDraft } from '../../utils/model';
import type { Theme } from '../../utils/model/themes';
import { AppLink } from './AppLink';
import { useApp } from './app-context';
import { changeReply, deleteReply, restoreReply, sendReply, sendReport, sendSupport, takeBackSupport } from './conversation-actions';
import type { DocumentModel } from './read';
import { hrefFor, uuidOf } from './router';

export interface ThreadItemProps {
  comment: LeaAnnotation;
  model: DocumentModel;
  /** A reply or support was sent (add it to the page), or a support taken back (`removed`). */
  onSent: (item: LeaItem | null, removed?: string) => void;
  /** The group's theme vocabulary (its labels on each comment). */
  themes: readonly Theme[];
  /** Show the permanent link (the document page); the permalink page itself leaves it out. */
  permalink?: boolean;
  /** A reply to bring into view: the permanent link was to it. */
  focusId?: string;
}

/**
 * One comment with its passage, text, themes, answers, "me too" count and replies, and what
 * the signed-in person may do: reply (everyone), answer (readers, facilitators), "this is my
 * experience too" and report (members, facilitators). Uses the extension's components with the web
 * app's own actions (the sync API with the cookie session). Memoised: a long list that grows
 * a batch per frame renders only the new items.
 */
function ThreadItemView({ comment, model, onSent, themes, permalink = true, focusId }: ThreadItemProps) {
  const { api, session, announce } = useApp();
  const { t, tr } = useI18n();
  if (!session) return null;
  const thread: CommentThread = model.threads.get(comment.id) ?? quietThread(comment);
  const deps = { api, session, say: tr };
  const mine = model.mine.has(comment.id);
  const subject = quoteOf(comment).slice(0, 60);
  const replyById = (id: string): LeaReply | null => {
    const found = model.items.find((item) => item.id === id);
    return found && isReply(found) ? found : null;
  };
  return (
    <article class="lea-webapp-item space-y-2 rounded border border-grey-4 bg-white p-3" aria-label={t('webapp.thread.label', { subject })} data-comment-id={comment.id}>
      <CommentView annotation={comment} showQuote hidden={model.moderated[comment.id] ?? null} themes={themes} />
      <CommentConversation
        thread={thread}
        can={abilitiesFor(session.role, comment)}
        asCommentAuthor={mine && comment.attribution === 'anonymous'}
        mine={model.mine}
        moderated={model.moderated}
        commentIsMine={mine}
        displayName={session.displayName ?? ''}
        subject={subject}
        announce={announce}
        {...(focusId && focusId !== comment.id ? { focusId } : {})}
        onReply={async (parentId: string, draft: ReplyDraft) => {
          const reply = await sendReply(deps, { parentId, draft, document: comment.target.source, byCommentAuthor: mine && comment.attribution === 'anonymous' });
          onSent(reply);
          return reply.id;
        }}
        onReport={(id: string, reason: string) => sendReport(deps, id, reason)}
        onEditReply={async (id, draft) => {
          const reply = replyById(id);
          if (reply) onSent(await changeReply(deps, reply, draft));
        }}
        onDeleteReply={async (id) => {
          const reply = replyById(id);
          await deleteReply(deps, id);
          onSent(null, id);
          return reply;
        }}
        onRestoreReply={async (reply) => {
          await restoreReply(deps, reply);
          onSent(reply);
        }}
        onSupport={async (on: boolean) => {
          if (on) onSent(await sendSupport(deps, comment.id, Boolean(session.displayName)));
          else if (thread.mySupportId) {
            await takeBackSupport(deps, thread.mySupportId);
            onSent(null, thread.mySupportId);
          }
        }}
      />
      {permalink && (
        <p class="text-sm">
          <AppLink href={hrefFor({ name: 'comment', uuid: uuidOf(comment.id) })}>
            {t('webapp.thread.permalink')}
            <span class="sr-only"> {t('webapp.thread.permalinkTo', { subject })}</span>
          </AppLink>
        </p>
      )}
    </article>
  );
}

/**
 * ThreadItemView, rendered again only when its props change (preact/compat's `memo` would add
 * a hook to every element of the app; this is the one place that needs it).
 */
export class ThreadItem extends Component<ThreadItemProps> {
  override shouldComponentUpdate(next: ThreadItemProps): boolean {
    const p = this.props;
    return p.comment !== next.comment || p.model !== next.model || p.onSent !== next.onSent || p.themes !== next.themes || p.permalink !== next.permalink || p.focusId !== next.focusId;
  }
  override render() {
    return <ThreadItemView {...this.props} />;
  }
}
