import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { buildThreads, type CommentThread } from '../utils/conversation/build-thread';
import type { Notice } from '../utils/conversation/notice-types';
import type { AnchoredComment, PageState } from '../utils/messaging';
import { translator, type Translate } from '../utils/i18n/translate';
import type { ConversationListing, ModerationList, NoticeList } from '../utils/messaging/conversation-protocol';
import { roleCan, type AnswerStatus, type LeaReply, type Role } from '../utils/model';
import type { ConversationAbilities } from './CommentConversation';

/** What the side panel needs for the conversation, passed in so the panel can be tested alone. */
export interface SidePanelConversationApi {
  /**
   * The document's threads: comments, replies, supports (works offline); with `comments`, only
   * the threads of those comments (`partial` in the answer).
   */
  list(uris: string[], comments?: string[]): Promise<ConversationListing>;
  reply(input: { target: string; text: string; answer: AnswerStatus | null; attribution: 'named' | 'anonymous'; document?: string }): Promise<LeaReply>;
  /** Delete one of my own replies (here, and from the group store at the next sync). */
  deleteReply?(id: string): Promise<LeaReply | null | void>;
  /** Change the words (and an answer's status) of one of my own replies. */
  editReply?(id: string, draft: { text: string; answer: AnswerStatus | null }): Promise<void>;
  /** Put back a reply I have just deleted. */
  restoreReply?(reply: LeaReply): Promise<void>;
  support(target: string, named: boolean): Promise<void>;
  unsupport(target: string): Promise<void>;
  report(id: string, reason: string): Promise<void>;
  follow(document: string, following: boolean): Promise<void>;
  notices(): Promise<NoticeList>;
  markRead(ids: string[]): Promise<void>;
  /** Open a notice's document in a tab (the panel then shows its comment). */
  openNotice(notice: Notice): Promise<void>;
  moderation: {
    list(): Promise<ModerationList>;
    hide(id: string, reason: string): Promise<void>;
    unhide(id: string, reason: string): Promise<void>;
    dismiss(id: string, reason: string): Promise<void>;
  };
}

/** The addresses to ask threads for: the page's, and every address its comments were made on. */
export function documentUris(page: PageState): string[] {
  return [...new Set([page.uri, ...page.comments.map((c) => c.annotation.target.source)])].slice(0, 20);
}

/** What a person may do in the thread of `comment`, from their role and the comment's visibility. */
export function abilitiesFor(role: Role | null, comment: AnchoredComment['annotation'] | null): ConversationAbilities {
  const shared = comment !== null && comment.visibility !== 'private';
  if (role === null) return { reply: false, answer: false, support: false, report: false };
  return {
    reply: shared && roleCan.reply(role),
    answer: shared && roleCan.answer(role),
    support: shared && roleCan.support(role),
    report: shared && roleCan.write(role),
  };
}

/**
 * How many comments' threads the panel asks for first on a long document: what one screen of
 * the panel shows (4-6 comments at 900 px), and more. Each costs the background a read of its
 * replies and supports; 40 took 89 ms of a 357 ms start in bench:conversation, where 12 cover
 * the screen. The rest come with the whole listing.
 */
export const FIRST_THREADS = 12;

/** The ids of the page's first comments, when the page has more than {@link FIRST_THREADS}; else null (one listing does). */
export function firstScreenful(page: PageState): string[] | null {
  if (page.comments.length <= FIRST_THREADS) return null;
  // The list shows the passages found on the page first, in document order.
  const found = page.comments.filter((c) => c.status !== 'orphan');
  return (found.length > 0 ? found : page.comments).slice(0, FIRST_THREADS).map((c) => c.annotation.id);
}

/** A thread for a comment nobody has replied to yet. */
export function quietThread(comment: AnchoredComment['annotation']): CommentThread {
  return { id: comment.id, comment, replies: [], replyCount: 0, supportCount: 0, mySupportId: null, latestAnswer: null, document: comment.target.source, hiddenComment: false };
}

/**
 * The conversation state of the side panel: the listing for the page (threads built once per
 * listing), the notices, and (facilitators) the moderation list, each re-read by `load`.
 */
export function useConversation(api: SidePanelConversationApi | undefined) {
  const [listing, setListing] = useState<ConversationListing | null>(null);
  const [notices, setNotices] = useState<NoticeList | null>(null);
  const [moderation, setModeration] = useState<ModerationList | null>(null);
  const [moderationProblem, setModerationProblem] = useState<string | null>(null);
  /** The document (its addresses) whose whole listing is shown. */
  const wholeFor = useRef<string | null>(null);

  const load = useCallback(
    async (page: PageState | null) => {
      if (!api) return;
      const work: Promise<unknown>[] = [];
      const noticesNow = () => work.push(api.notices().then(setNotices, () => setNotices(null)));
      if (page) {
        const uris = documentUris(page);
        const key = uris.join('\n');
        // A long document's whole conversation takes a while to read: on opening, the threads of
        // the first screenful come first (by id), unless the whole listing is already here by
        // then. Re-reading a document already listed whole (after a reply) keeps it whole.
        let whole = false;
        const first = wholeFor.current === key ? null : firstScreenful(page);
        // The first threads go alone: the notices and the whole listing read every item on this
        // computer, and would hold the background up while the person waits for the first screen.
        if (first) {
          await api.list(uris, first).then(
            (part) => {
              if (!whole) setListing(part);
            },
            () => undefined,
          );
        }
        noticesNow();
        work.push(
          api.list(uris).then(
            (all) => {
              whole = true;
              wholeFor.current = key;
              setListing(all);
            },
            () => setListing(null),
          ),
        );
      } else noticesNow();
      await Promise.all(work);
    },
    [api],
  );

  const loadModeration = useCallback(async () => {
    if (!api) return;
    try {
      setModeration(await api.moderation.list());
      setModerationProblem(null);
    } catch (e) {
      setModerationProblem(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  const threads = useMemo(
    () => (listing ? buildThreads(listing.items, { hidden: listing.hidden, hiddenComments: listing.hiddenComments, mySupportIds: new Set(listing.mySupportIds), supportCounts: listing.supportCounts }) : new Map<string, CommentThread>()),
    [listing],
  );
  const mine = useMemo(() => new Set(Object.entries(listing?.authors ?? {}).filter(([, who]) => who === 'me').map(([id]) => id)), [listing]);

  const pending = useMemo(() => new Set(listing?.pending ?? []), [listing]);

  return { listing, threads, mine, pending, notices, moderation, moderationProblem, load, loadModeration };
}

/**
 * What the panel's conversation buttons do: each announces its outcome (in the language of
 * `t`, English when not given) and re-reads the panel.
 */
export function conversationActions(
  conv: SidePanelConversationApi | undefined,
  state: { notices: NoticeList | null; loadModeration: () => Promise<void> },
  panel: { refresh: () => Promise<void>; announce: (message: string) => void; page: PageState | null; showComment: (id: string | null) => void },
  t: Translate = translator('en-GB').t,
) {
  const attempt = async (work: () => Promise<string | void>) => {
    try {
      const said = await work();
      if (said) panel.announce(said);
      await panel.refresh();
    } catch (e) {
      panel.announce(e instanceof Error ? e.message : String(e));
    }
  };
  return {
    openNotice: (n: Notice) =>
      attempt(async () => {
        if (!conv) return;
        if (!n.read) await conv.markRead([n.id]);
        panel.showComment(n.commentId);
        await conv.openNotice(n);
      }),
    markAllRead: () =>
      attempt(async () => {
        if (!conv || !state.notices) return;
        await conv.markRead(state.notices.notices.filter((n) => !n.read).map((n) => n.id));
        return t('conversation.panel.allRead');
      }),
    follow: (on: boolean) =>
      attempt(async () => {
        if (!conv || !panel.page) return;
        await conv.follow(panel.page.uri, on);
        return t(on ? 'conversation.panel.following' : 'conversation.panel.notFollowing');
      }),
    /** Hide, unhide or dismiss, then re-read the review list and the panel (errors reach the form). */
    moderate: (action: (id: string, reason: string) => Promise<void>) => async (id: string, reason: string) => {
      await action(id, reason);
      await state.loadModeration();
      await panel.refresh();
    },
  };
}
