import { Button } from '@hypothesis/frontend-shared';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AnchoredComment, PageState, SyncOverview } from '../utils/messaging';
import { SyncStatus } from './SyncStatus';
import { answerFacet, facetCounts, filterComments, NO_FILTERS, showsEverything, type CommentFilters, type CommentOrder } from '../utils/overlay/filters';
import { sortBySupport } from '../utils/conversation/build-thread';
import { CommentFiltersForm } from './CommentFiltersForm';
import { ThemeLegend } from './ThemeLegend';
import { DigestExport } from './DigestExport';
import {
  DEFAULT_THEMES,
  draftFromAnnotation,
  updateAnnotation,
  type CommentDraft,
  type AnswerStatus,
  type LeaAnnotation,
  type LeaReply,
  type Settings,
  quoteOf,
  roleCan,
} from '../utils/model';
import { CommentEditor } from './CommentEditor';
import { CommentView } from './CommentView';
import { CommentConversation } from './CommentConversation';
import { Tabs, type TabSpec } from './Tabs';
import { FollowButton } from './WhatsNew';
import { useProgressiveCount } from './use-progressive';
import { abilitiesFor, conversationActions, quietThread, useConversation, type SidePanelConversationApi } from './use-conversation';
import { conversationTabs, type PanelTab } from './SidePanelTabs';
import { VersionNote } from './VersionNote';
import { useT } from './i18n';

export type { SidePanelConversationApi } from './use-conversation';

/** What the side panel needs from the browser, passed in so the panel can be tested alone. */
export interface SidePanelApi {
  /** The current tab's comments as anchored by its page; rejects with a plain-English reason. */
  getPageState(): Promise<PageState>;
  focus(id: string): Promise<boolean>;
  /** Paint on the page only the comments these filters show (NO_FILTERS: all of them). */
  showOnPage(filters: CommentFilters): Promise<void>;
  save(annotation: LeaAnnotation): Promise<void>;
  remove(id: string): Promise<LeaAnnotation | null>;
  getSettings(): Promise<Settings>;
  /** Calls back whenever the comments on the current tab may have changed. */
  onChange(listener: () => void): () => void;
  now(): Date;
  /** Group sync, when the extension has a store to talk to. */
  sync?: {
    overview(): Promise<SyncOverview>;
    retry(): Promise<SyncOverview>;
    resolve(id: string, choice: 'mine' | 'theirs'): Promise<void>;
  };
  /** Replies, answers, supports, reports, notices and moderation, when connected to a group. */
  conversation?: SidePanelConversationApi;
}

/**
 * The side panel: the page's comments in document order (or most supported first) with their
 * conversations, filters, edit and delete with undo; What's new; and for facilitators, To review.
 */
export function SidePanelApp({ api }: { api: SidePanelApi }) {
  const t = useT();
  const [page, setPage] = useState<PageState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [filters, setFilters] = useState<CommentFilters>(NO_FILTERS);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<LeaAnnotation | null>(null);
  const [notice, setNoticeText] = useState('');
  // A new text node per message, so the same words twice ("Reply sent") are announced twice.
  const [noticeKey, setNoticeKey] = useState(0);
  const setNotice = (message: string) => {
    setNoticeText(message);
    setNoticeKey((k) => k + 1);
  };
  const [sync, setSync] = useState<SyncOverview | null>(null);
  const [order, setOrder] = useState<CommentOrder>('page');
  const [tab, setTab] = useState<PanelTab>('comments');
  const conversation = useConversation(api.conversation);
  const { listing, threads } = conversation;
  /** A comment to show and focus once it is listed (opened from What's new). */
  const focusComment = useRef<string | null>(null);
  const filtersRef = useRef(filters);
  const heading = useRef<HTMLHeadingElement>(null);
  const lastEdited = useRef<string | null>(null);

  const refresh = useCallback(async () => {
    // Group status is shown even when the current tab can't be read (e.g. a browser page).
    if (api.sync) api.sync.overview().then(setSync, () => setSync(null));
    try {
      const [state, s] = await Promise.all([api.getPageState(), api.getSettings()]);
      setPage(state);
      setSettings(s);
      setProblem(null);
      // The page is still finding its comments: it says when it has them (onChange). Reading the
      // conversation now would make the background read this document's every reply twice,
      // and the first screenful would wait behind the first read.
      if (state.loading) return;
      // A reloaded page starts with every comment painted: tell it again what the list shows.
      if (!showsEverything(filtersRef.current)) void api.showOnPage(filtersRef.current).catch(() => undefined);
      await conversation.load(state);
    } catch (e) {
      setPage(null);
      setProblem(e instanceof Error ? e.message : String(e));
      void conversation.load(null);
    }
  }, [api, conversation.load]);

  useEffect(() => {
    void refresh();
    return api.onChange(() => void refresh());
  }, [api, refresh]);

  // After saving or cancelling an edit, focus goes back to that comment's Edit button (or the
  // heading), in the same task as the editor goes: a layout effect, because a plain effect waits
  // for an animation frame, which a panel in a background tab may not get before the next key.
  useLayoutEffect(() => {
    if (editing) {
      lastEdited.current = editing;
      return;
    }
    const id = lastEdited.current;
    lastEdited.current = null;
    if (!id || (document.activeElement && document.activeElement !== document.body)) return;
    const item = [...document.querySelectorAll<HTMLElement>('li[data-comment-id]')].find((li) => li.dataset.commentId === id);
    const edit = item?.querySelector<HTMLElement>('button[data-action="edit"]');
    (edit ?? heading.current)?.focus();
  }, [editing, page]);

  const all = page?.comments ?? [];
  // The group's vocabulary as the page last listed it (the defaults without a group).
  const themes = page?.themes ?? DEFAULT_THEMES;
  const facets = useMemo(() => facetCounts(all.map((c) => c.annotation), filters, themes), [all, filters, themes]);
  // Only the first threads are here yet (a long document): answer filters and the support
  // order wait for the whole listing, rather than count from part of it.
  const whole = listing && !listing.partial ? listing : null;
  const answers = useMemo(() => (whole ? answerFacet(all.map((c) => c.annotation), threads, filters) : undefined), [all, threads, filters, whole]);
  const shown = filterComments(all, filters, whole ? threads : undefined);
  const role = listing?.role ?? page?.role ?? null;
  const reader = role != null && !roleCan.write(role);
  const threadOf = (comment: AnchoredComment) => threads.get(comment.annotation.id) ?? quietThread(comment.annotation);
  const inOrder = (list: AnchoredComment[]) => (order === 'support' ? sortBySupport(list.map((c) => ({ c, supportCount: threadOf(c).supportCount }))).map((x) => x.c) : list);
  const anchored = inOrder(shown.filter((c) => c.status !== 'orphan'));
  const orphans = inOrder(shown.filter((c) => c.status === 'orphan' && c.version?.status !== 'not-in-this-version'));
  const notInVersion = inOrder(shown.filter((c) => c.status === 'orphan' && c.version?.status === 'not-in-this-version'));
  // Long lists render a screenful first and the rest over the next frames.
  const rendered = useProgressiveCount(anchored.length);
  // Threads on this document whose comment its author removed.
  const removed = [...threads.values()].filter((t) => t.comment === null && t.replyCount > 0);

  // The page paints what the list shows (an answer filter: exactly the listed comments).
  const pageFilters: CommentFilters = filters.answer ? { ...filters, only: shown.map((c) => c.annotation.id) } : filters;
  const pageFiltersKey = JSON.stringify(pageFilters);
  useEffect(() => {
    filtersRef.current = pageFilters;
    void api.showOnPage(pageFilters).catch(() => undefined);
  }, [api, pageFiltersKey]);

  // A comment opened from What's new: show it, then focus it.
  useEffect(() => {
    const id = focusComment.current;
    if (!id || tab !== 'comments') return;
    const item = [...document.querySelectorAll<HTMLElement>('li[data-comment-id]')].find((li) => li.dataset.commentId === id);
    if (!item) return;
    focusComment.current = null;
    item.focus();
  });

  useEffect(() => {
    if (tab === 'review') void conversation.loadModeration();
  }, [tab, conversation.loadModeration]);

  const announce = (message: string) => setNotice(message);
  const conv = api.conversation;

  const { openNotice, markAllRead, follow, moderate } = conversationActions(conv, conversation, {
    refresh,
    announce,
    page,
    showComment: (id) => {
      focusComment.current = id;
      setTab('comments');
    },
  }, t);

  const renderConversation = (thread: ReturnType<typeof threadOf>, mine: boolean, subject: string) =>
    conv &&
    listing && (
      <CommentConversation
        thread={thread}
        can={abilitiesFor(role, thread.comment)}
        asCommentAuthor={mine && thread.comment?.attribution === 'anonymous'}
        commentIsMine={mine}
        mine={conversation.mine}
        pending={conversation.pending}
        refused={listing.refused}
        moderated={listing.moderated}
        displayName={settings?.displayName ?? ''}
        defaultAttribution={settings?.defaultAttribution}
        subject={subject}
        announce={announce}
        onReply={async (target, draft) => {
          const sent = await conv.reply({ target, text: draft.text, answer: draft.answer, attribution: draft.attribution, document: thread.document ?? page?.uri });
          await refresh();
          return sent.id;
        }}
        onSupport={async (on) => {
          if (on) await conv.support(thread.id, settings?.defaultAttribution === 'named');
          else await conv.unsupport(thread.id);
          await refresh();
        }}
        onReport={(id, reason) => conv.report(id, reason)}
        {...(conv.deleteReply
          ? {
              onDeleteReply: async (id: string) => {
                const deleted = await conv.deleteReply!(id);
                await refresh();
                return deleted;
              },
            }
          : {})}
        {...(conv.restoreReply
          ? {
              onRestoreReply: async (reply: LeaReply) => {
                await conv.restoreReply!(reply);
                await refresh();
              },
            }
          : {})}
        {...(conv.editReply
          ? {
              onEditReply: async (id: string, draft: { text: string; answer: AnswerStatus | null }) => {
                await conv.editReply!(id, draft);
                await refresh();
              },
            }
          : {})}
      />
    );

  async function saveEdit(comment: AnchoredComment, draft: CommentDraft) {
    const updated = updateAnnotation(comment.annotation, draft, api.now(), settings?.displayName ?? '', (ref) => t(ref.key, ref.params));
    if (!updated.ok) throw new Error(updated.problems.join(' '));
    await api.save(updated.value);
    setEditing(null);
    setNotice(t('sidepanel.saved'));
    await refresh();
  }

  async function remove(comment: AnchoredComment) {
    try {
      const gone = await api.remove(comment.annotation.id);
      setDeleted(gone);
      setNotice(t('sidepanel.deleted'));
      await refresh();
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  }

  async function undo() {
    if (!deleted) return;
    try {
      await api.save(deleted);
      setDeleted(null);
      setNotice(t('sidepanel.restored'));
      await refresh();
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  }

  const renderItem = (comment: AnchoredComment) => {
    const { annotation } = comment;
    const quote = quoteOf(annotation);
    if (editing === annotation.id) {
      return (
        <li key={annotation.id} class="rounded border border-grey-5 p-3">
          <CommentEditor
            title={t('sidepanel.editTitle')}
            quote={quote}
            initial={draftFromAnnotation(annotation)}
            displayName={settings?.displayName ?? ''}
            themes={themes}
            onSave={(draft) => saveEdit(comment, draft)}
            onCancel={() => setEditing(null)}
          />
        </li>
      );
    }
    return (
      <li key={annotation.id} data-comment-id={annotation.id} tabIndex={-1} class="space-y-2 rounded border border-grey-4 p-3">
        {(annotation.section || comment.page) && (
          <p class="text-xs font-semibold text-grey-7">{[comment.page ? t('sidepanel.page', { page: comment.page }) : null, annotation.section].filter(Boolean).join(' · ')}</p>
        )}
        {comment.version && <VersionNote version={comment.version} />}
        {comment.status === 'orphan' ? (
          <blockquote class="border-l-4 border-grey-4 pl-2 italic text-grey-8">{quote}</blockquote>
        ) : (
          <button
            type="button"
            class="block w-full border-l-4 border-yellow-400 pl-2 text-left italic text-grey-8 hover:bg-grey-1"
            onClick={() => void api.focus(annotation.id)}
          >
            <span class="sr-only">{t('sidepanel.showPassage')}</span>
            {quote}
          </button>
        )}
        <CommentView annotation={annotation} themes={themes} hidden={listing?.moderated[annotation.id] ?? sync?.hidden[annotation.id] ?? null} />
        {!comment.mine || reader ? (
          <p class="text-xs text-grey-7">{reader ? t('sidepanel.readerCannotChange') : t('sidepanel.othersComment')}</p>
        ) : (
        <div class="flex gap-2">
          <Button size="sm" data-action="edit" onClick={() => setEditing(annotation.id)}>
            {t('sidepanel.edit')}<span class="sr-only">{t('sidepanel.onQuote', { quote: quote.slice(0, 40) })}</span>
          </Button>
          <Button size="sm" onClick={() => void remove(comment)}>
            {t('sidepanel.delete')}<span class="sr-only">{t('sidepanel.onQuote', { quote: quote.slice(0, 40) })}</span>
          </Button>
        </div>
        )}
        {renderConversation(threadOf(comment), comment.mine || listing?.authors[annotation.id] === 'me', quote.slice(0, 40))}
      </li>
    );
  };

  const commentsPanel = () =>
    page && (
      <>
          {reader && (
            <p class="rounded border border-grey-5 bg-grey-1 p-2">
              {conv && listing?.role
                ? t('sidepanel.readerConversation')
                : t('sidepanel.readerOnly')}
            </p>
          )}
          {conv && listing?.role && <FollowButton following={listing.following} onToggle={(on) => void follow(on)} />}
          <CommentFiltersForm
            filters={filters}
            facets={facets}
            total={all.length}
            shown={shown.length}
            onChange={setFilters}
            answers={answers}
            order={conv && whole ? order : undefined}
            onOrder={setOrder}
            themes={themes}
          />
          <ThemeLegend themes={themes} />
          {page.loading && page.comments.length === 0 && (
            <p role="status">{t('sidepanel.loadingComments')}</p>
          )}
          {!page.loading && page.comments.length === 0 && (
            <p>{reader ? t('sidepanel.noCommentsReader') : t('sidepanel.noComments')}</p>
          )}
          {page.comments.length > 0 && shown.length === 0 && <p>{t('sidepanel.noMatch')}</p>}
          {anchored.length > 0 && (
            <ol class="space-y-3" aria-label={order === 'support' ? t('sidepanel.listBySupport') : t('sidepanel.listInOrder')}>
              {anchored.slice(0, rendered).map(renderItem)}
            </ol>
          )}
          {notInVersion.length > 0 && (
            <section class="space-y-2" aria-labelledby="not-in-version-heading">
              <h2 id="not-in-version-heading" class="font-bold">
                {t('sidepanel.notInVersion')}
              </h2>
              <ul class="space-y-3">{notInVersion.map(renderItem)}</ul>
            </section>
          )}
          {orphans.length > 0 && (
            <section class="space-y-2" aria-labelledby="orphans-heading">
              <h2 id="orphans-heading" class="font-bold">
                {t('sidepanel.orphans.heading')}
              </h2>
              <p class="text-grey-7">{t('sidepanel.orphans.text')}</p>
              <ul class="space-y-3">{orphans.map(renderItem)}</ul>
            </section>
          )}
          {removed.length > 0 && (
            <section class="space-y-2" aria-labelledby="removed-heading">
              <h2 id="removed-heading" class="font-bold">
                {t('sidepanel.removed.heading')}
              </h2>
              <ul class="space-y-3">
                {removed.map((thread) => (
                  <li key={thread.id} class="rounded border border-grey-4 p-3">
                    {renderConversation(thread, false, t('sidepanel.removed.subject'))}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {shown.length > 0 && (
            <DigestExport title={t('sidepanel.download')} themes={themes} entries={() => shown.map((c) => ({ annotation: c.annotation }))} />
          )}
          {page.damaged.length > 0 && (
            <section class="space-y-1" aria-labelledby="damaged-heading">
              <h2 id="damaged-heading" class="font-bold">
                {t('sidepanel.damaged.heading')}
              </h2>
              <p>{t('sidepanel.damaged.text')}</p>
              <ul class="list-disc pl-5 text-xs">
                {page.damaged.map((d) => (
                  <li key={d.id}>{d.problems.join('; ')}</li>
                ))}
              </ul>
            </section>
          )}
        </>
    );
  const tabs: TabSpec<PanelTab>[] = [
    { key: 'comments', label: t('sidepanel.tab.comments'), panel: commentsPanel },
    ...conversationTabs({ t, conv, conversation, role, announce, openNotice, markAllRead, moderate }),
  ];

  return (
    <main class="space-y-4 p-3 text-sm text-grey-9">
      <header>
        <h1 ref={heading} tabIndex={-1} class="text-lg font-bold">
          {t('sidepanel.heading')}
        </h1>
        {page && <p class="text-grey-7">{page.title}</p>}
      </header>
      <div role="status" aria-live="polite" class="min-h-[1.5em]">
        <span key={noticeKey}>{notice}</span>
        {deleted && (
          <>
            {' '}
            <Button size="sm" variant="primary" onClick={() => void undo()}>
              {t('sidepanel.undoDelete')}
            </Button>
          </>
        )}
      </div>
      {sync && api.sync && (
        <SyncStatus
          overview={sync}
          onRetry={() => void api.sync!.retry().then(setSync)}
          onResolve={(id, choice) => void api.sync!.resolve(id, choice).then(refresh)}
        />
      )}
      {problem && <p class="rounded border border-red-error p-2">{problem}</p>}
      <Tabs label={t('sidepanel.sections')} tabs={tabs} selected={tab} onSelect={setTab} />
    </main>
  );
}
