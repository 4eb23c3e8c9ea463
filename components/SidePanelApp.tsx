import { Button } from '@hypothesis/frontend-shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AnchoredComment, PageState, SyncOverview } from '../utils/messaging';
import { SyncStatus } from './SyncStatus';
import { facetCounts, filterComments, NO_FILTERS, showsEverything, type CommentFilters } from '../utils/overlay/filters';
import { CommentFiltersForm } from './CommentFiltersForm';
import { ThemeLegend } from './ThemeLegend';
import { DigestExport } from './DigestExport';
import {
  MAKING_IT_REAL_THEMES,
  draftFromAnnotation,
  updateAnnotation,
  type CommentDraft,
  type LeaAnnotation,
  type Settings,
  quoteOf,
  roleCan,
} from '../utils/model';
import { CommentEditor } from './CommentEditor';
import { CommentView } from './CommentView';

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
}

/** The side panel: the page's comments in document order, a theme filter, edit and delete with undo. */
export function SidePanelApp({ api }: { api: SidePanelApi }) {
  const [page, setPage] = useState<PageState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [filters, setFilters] = useState<CommentFilters>(NO_FILTERS);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<LeaAnnotation | null>(null);
  const [notice, setNotice] = useState('');
  const [sync, setSync] = useState<SyncOverview | null>(null);
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
      // A reloaded page starts with every comment painted: tell it again what the list shows.
      if (!showsEverything(filtersRef.current)) void api.showOnPage(filtersRef.current).catch(() => undefined);
    } catch (e) {
      setPage(null);
      setProblem(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    return api.onChange(() => void refresh());
  }, [api, refresh]);

  // After saving or cancelling an edit, focus goes back to that comment's Edit button (or the heading).
  useEffect(() => {
    if (editing) {
      lastEdited.current = editing;
      return;
    }
    const id = lastEdited.current;
    lastEdited.current = null;
    if (!id || (document.activeElement && document.activeElement !== document.body)) return;
    const item = [...document.querySelectorAll<HTMLElement>('li[data-comment-id]')].find((li) => li.dataset.commentId === id);
    const edit = [...(item?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.startsWith('Edit'));
    (edit ?? heading.current)?.focus();
  }, [editing, page]);

  // The page paints what the list shows.
  useEffect(() => {
    filtersRef.current = filters;
    void api.showOnPage(filters).catch(() => undefined);
  }, [api, filters]);

  const all = page?.comments ?? [];
  const facets = useMemo(() => facetCounts(all.map((c) => c.annotation), filters, MAKING_IT_REAL_THEMES), [all, filters]);
  const shown = filterComments(all, filters);
  const reader = page?.role != null && !roleCan.write(page.role);
  const anchored = shown.filter((c) => c.status !== 'orphan');
  const orphans = shown.filter((c) => c.status === 'orphan');

  async function saveEdit(comment: AnchoredComment, draft: CommentDraft) {
    const updated = updateAnnotation(comment.annotation, draft, api.now(), settings?.displayName ?? '');
    if (!updated.ok) throw new Error(updated.problems.join(' '));
    await api.save(updated.value);
    setEditing(null);
    setNotice('Your changes are saved.');
    await refresh();
  }

  async function remove(comment: AnchoredComment) {
    try {
      const gone = await api.remove(comment.annotation.id);
      setDeleted(gone);
      setNotice('Comment deleted.');
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
      setNotice('Comment restored.');
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
            title="Edit your comment"
            quote={quote}
            initial={draftFromAnnotation(annotation)}
            displayName={settings?.displayName ?? ''}
            onSave={(draft) => saveEdit(comment, draft)}
            onCancel={() => setEditing(null)}
          />
        </li>
      );
    }
    return (
      <li key={annotation.id} data-comment-id={annotation.id} class="space-y-2 rounded border border-grey-4 p-3">
        {(annotation.section || comment.page) && (
          <p class="text-xs font-semibold text-grey-7">{[comment.page ? `Page ${comment.page}` : null, annotation.section].filter(Boolean).join(' · ')}</p>
        )}
        {comment.status === 'orphan' ? (
          <blockquote class="border-l-4 border-grey-4 pl-2 italic text-grey-8">{quote}</blockquote>
        ) : (
          <button
            type="button"
            class="block w-full border-l-4 border-yellow-400 pl-2 text-left italic text-grey-8 hover:bg-grey-1"
            onClick={() => void api.focus(annotation.id)}
          >
            <span class="sr-only">Show this passage on the page: </span>
            {quote}
          </button>
        )}
        <CommentView annotation={annotation} hidden={sync?.hidden[annotation.id] ?? null} />
        {!comment.mine || reader ? (
          <p class="text-xs text-grey-7">{reader ? 'Readers can’t change comments.' : 'Written by another member of your group: only they can change it.'}</p>
        ) : (
        <div class="flex gap-2">
          <Button size="sm" onClick={() => setEditing(annotation.id)}>
            Edit<span class="sr-only"> comment on “{quote.slice(0, 40)}”</span>
          </Button>
          <Button size="sm" onClick={() => void remove(comment)}>
            Delete<span class="sr-only"> comment on “{quote.slice(0, 40)}”</span>
          </Button>
        </div>
        )}
      </li>
    );
  };

  return (
    <main class="space-y-4 p-3 text-sm text-grey-9">
      <header>
        <h1 ref={heading} tabIndex={-1} class="text-lg font-bold">
          Comments on this page
        </h1>
        {page && <p class="text-grey-7">{page.title}</p>}
      </header>
      <div role="status" aria-live="polite" class="min-h-[1.5em]">
        {notice}
        {deleted && (
          <>
            {' '}
            <Button size="sm" variant="primary" onClick={() => void undo()}>
              Undo delete
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
      {page && (
        <>
          {reader && (
            <p class="rounded border border-grey-5 bg-grey-1 p-2">
              You joined this group as a reader: you can read, filter and export comments, but not write or change them.
            </p>
          )}
          <CommentFiltersForm filters={filters} facets={facets} total={all.length} shown={shown.length} onChange={setFilters} />
          <ThemeLegend />
          {page.comments.length === 0 && (
            <p>{reader ? 'There are no comments on this page yet.' : 'There are no comments on this page yet. Select some text on the page, then choose “Add comment”.'}</p>
          )}
          {page.comments.length > 0 && shown.length === 0 && <p>No comments match these filters.</p>}
          {anchored.length > 0 && (
            <ol class="space-y-3" aria-label="Comments in page order">
              {anchored.map(renderItem)}
            </ol>
          )}
          {orphans.length > 0 && (
            <section class="space-y-2" aria-labelledby="orphans-heading">
              <h2 id="orphans-heading" class="font-bold">
                Couldn't find this passage on the page now
              </h2>
              <p class="text-grey-7">The page may have changed since these comments were written. The comments are kept, with the words they were about.</p>
              <ul class="space-y-3">{orphans.map(renderItem)}</ul>
            </section>
          )}
          {shown.length > 0 && (
            <DigestExport title="Download these comments" entries={() => shown.map((c) => ({ annotation: c.annotation }))} />
          )}
          {page.damaged.length > 0 && (
            <section class="space-y-1" aria-labelledby="damaged-heading">
              <h2 id="damaged-heading" class="font-bold">
                Some saved comments could not be read
              </h2>
              <p>They are still stored and have not been deleted. Details for support: </p>
              <ul class="list-disc pl-5 text-xs">
                {page.damaged.map((d) => (
                  <li key={d.id}>{d.problems.join('; ')}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}
