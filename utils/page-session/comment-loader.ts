import type { BackgroundRequest, PageState } from '../messaging';
import { callBackground } from '../messaging';
import { DEFAULT_THEMES, roleCan } from '../model';
import { filterComments, NO_FILTERS, type CommentFilters } from '../overlay/filters';
import type { DamagedRecord } from '../store/annotation-repo';
import type { CommentListing, CommentPainter } from './comment-painter';
import type { OverlayStore } from './overlay-state';
import type { DocumentSurface } from './surface';
import type { Translate } from '../i18n/translate';

/** Sends a request to the extension's background and resolves with its reply. */
export type SendToBackground = (message: BackgroundRequest) => Promise<unknown>;

/**
 * The session's knowledge of the document's comments: reads them (and the person's settings
 * and role) from the extension's store, anchors them and paints those the side panel's
 * filters show, and announces others' new comments politely. Holds the last listing so a
 * PDF can repaint as pages render.
 */
export function createCommentLoader(options: {
  send: SendToBackground;
  surface: DocumentSurface;
  painter: CommentPainter;
  store: OverlayStore;
  onCommentsChanged?: () => void;
  /** The reader's language now. */
  t: () => Translate;
  /** Marks the first read's steps on the page's timeline (`lea-page-…`; bench:conversation reads them). */
  mark?: (name: string) => void;
}) {
  const { send, surface, painter, store } = options;
  let knownIds: Set<string> | null = null;
  let damaged: DamagedRecord[] = [];
  let role: PageState['role'] = null;
  let listing: CommentListing = { annotations: [], authors: {} };
  let filters: CommentFilters = NO_FILTERS;
  /** The first read and paint has finished (or failed): until then the page's list is not known yet. */
  let settled = false;
  const marked = new Set<string>();
  const mark = (name: string) => {
    if (marked.has(name)) return;
    marked.add(name);
    options.mark?.(name);
  };

  /** Re-reads the document's comments from the extension's store, then repaints them. */
  async function reload(): Promise<number> {
    const id = surface.identity();
    if (!id) {
      settled = true;
      return 0;
    }
    mark('lea-page-listing-asked');
    const [list, settings] = await Promise.all([
      callBackground(send, { type: 'annotations/list', uris: id.aliases }),
      callBackground(send, { type: 'settings/get' }).then((settings) => (mark('lea-page-settings'), settings)),
    ]).catch((error: unknown) => {
      // Not found after all: the side panel stops saying "Finding this page's comments…".
      settled = true;
      options.onCommentsChanged?.();
      throw error;
    });
    mark('lea-page-listed');
    damaged = list.damaged;
    role = list.role;
    const themes = list.themes ?? [...DEFAULT_THEMES];
    listing = { annotations: list.annotations, authors: list.authors, links: list.links ?? [], themes };
    store.set({ settings, canWrite: canWrite(), themes });
    return repaint();
  }

  /** Anchors and paints the comments last read (after a reload, or when more of a PDF is on screen). */
  async function repaint(): Promise<number> {
    const comments = await painter.anchor(listing).catch((error: unknown) => {
      settled = true;
      options.onCommentsChanged?.();
      throw error;
    });
    if (comments.length > 0) mark('lea-page-anchored');
    const density = painter.show(filterComments(comments, filters));
    // Tell screen-reader users (politely, without moving focus) when others' comments arrive.
    const arrived = knownIds ? comments.filter((c) => !knownIds!.has(c.annotation.id) && !c.mine).length : 0;
    knownIds = new Set(comments.map((c) => c.annotation.id));
    settled = true;
    store.set({
      comments,
      density,
      ...(arrived > 0 ? { notice: options.t()('editor.session.newComments', { count: arrived }) } : {}),
    });
    options.onCommentsChanged?.();
    return painter.paintedCount();
  }

  /** Paint only the comments `next` lets through (the side panel's list), without anchoring again. */
  function setFilters(next: CommentFilters): number {
    filters = next;
    store.set({ density: painter.show(filterComments(store.get().comments, filters)) });
    return painter.paintedCount();
  }

  /** Readers may not write; without a group (role null) the person writes for themselves. */
  const canWrite = () => role === null || roleCan.write(role);

  return {
    reload,
    repaint,
    /** False until the document's comments were first read and anchored. */
    settled: () => settled,
    setFilters,
    /** The person's role in their group as of the last reload (null when not connected). */
    role: () => role,
    canWrite,
    /** Stored records that could not be read, as of the last reload. */
    damaged: () => damaged,
  };
}

/** A session's comment loader, as its other modules use it. */
export type CommentLoader = ReturnType<typeof createCommentLoader>;
