import type { PageState } from '../messaging';
import { createCommentComposer } from './comment-composer';
import { createCommentLoader, type SendToBackground } from './comment-loader';
import { createCommentPainter } from './comment-painter';
import { createDomSurface } from './dom-surface';
import { createHoverCard } from './hover-card';
import { createOverlayStore } from './overlay-state';
import { listenToPage } from './page-events';
import { createSelectionTracker } from './selection-tracker';
import type { DocumentSurface } from './surface';

/** What the overlay renders, re-exported for the components that take a session. */
export type { OverlayState } from './overlay-state';

/**
 * Everything the content script (and the PDF viewer) does on one document: load and anchor
 * its comments, paint them, track the selection, show cards and create comments. Takes the
 * page and the messaging function as parameters; the entry points only wire it to the browser.
 */
export function createPageSession(options: {
  doc: Document;
  win: Window;
  send: SendToBackground;
  ownHost: () => Element | null;
  signal: AbortSignal;
  /** Called after the page's comments were re-read and repainted (the side panel listens). */
  onCommentsChanged?: () => void;
  /** The document the session runs on; a web page's DOM by default (the PDF viewer passes its own). */
  surface?: DocumentSurface;
}) {
  const { doc, win, send, signal, ownHost } = options;
  const surface = options.surface ?? createDomSurface(doc, win);
  // A web page scrolls in its window; the PDF viewer scrolls its own pane and paints only rendered pages.
  const painter = createCommentPainter(doc, win, surface, { nearViewportOnly: options.surface === undefined });
  const { highlighter } = painter;
  const store = createOverlayStore();
  const loader = createCommentLoader({ send, surface, painter, store, ...(options.onCommentsChanged ? { onCommentsChanged: options.onCommentsChanged } : {}) });
  const selection = createSelectionTracker({ doc, win, surface, ownHost, store });
  const composer = createCommentComposer({
    doc,
    send,
    surface,
    store,
    loader,
    selection,
    now: () => new Date(),
    fillRandom: (bytes) => void win.crypto.getRandomValues(bytes),
  });
  const card = createHoverCard({ highlighter, store, win });
  listenToPage({ doc, win, signal, ownHost, store, selection, card, composer });

  /** Scroll to a comment's passage (rendering its PDF page first if need be) and flash it. */
  async function focusComment(id: string): Promise<boolean> {
    const anchor = painter.anchorOf(id);
    if (!anchor) return false;
    const range = await surface.reveal(anchor);
    if (anchor.wholePage) return true;
    if (!range) return false;
    if (!painter.isOnScreen(id)) await loader.repaint();
    highlighter.focus(id);
    highlighter.flash(id);
    return true;
  }

  /**
   * The keyboard route to a passage's comments (the density strip's marks): go to the passage
   * and open its card, pinned, with focus in it.
   */
  async function showCommentsOn(id: string): Promise<boolean> {
    if (!(await focusComment(id))) return false;
    const rect = highlighter.rangeFor(id)?.getBoundingClientRect();
    const here = rect && rect.height > 0 ? highlighter.hitTest(rect.left + 1, rect.top + rect.height / 2) : [];
    card.openFromKeyboard(here.includes(id) ? here : [id], rect?.left ?? 16, rect?.bottom ?? 16);
    return true;
  }

  /** What the side panel lists: every comment as anchored here, the role and unreadable records. */
  function pageState(): PageState {
    const id = surface.identity();
    return { uri: id?.uri ?? win.location.href, title: id?.title ?? doc.title, role: loader.role(), comments: store.get().comments, damaged: loader.damaged(), themes: store.get().themes };
  }

  const repaintTimer = win.setInterval(() => painter.ensurePainted(), 2000);
  signal.addEventListener('abort', () => {
    win.clearInterval(repaintTimer);
    painter.dispose();
  });

  return {
    getState: store.get,
    subscribe: store.subscribe,
    reload: loader.reload,
    repaint: loader.repaint,
    setFilters: loader.setFilters,
    startComment: composer.startComment,
    startWholePageComment: composer.startWholePageComment,
    saveComment: composer.saveComment,
    cancelComment: composer.cancelComment,
    closeCard: card.close,
    pointerOnCard: card.pointerOnCard,
    focusComment,
    showCommentsOn,
    pageState,
    commentsById: (ids: string[]) => store.get().comments.filter((c) => ids.includes(c.annotation.id)).map((c) => c.annotation),
  };
}

/** One document's session, as the overlay and the message handlers use it. */
export type PageSession = ReturnType<typeof createPageSession>;
