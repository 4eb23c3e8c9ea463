import type { PageState } from '../messaging';
import { createCommentComposer } from './comment-composer';
import { createCommentLoader, type SendToBackground } from './comment-loader';
import { createCommentPainter } from './comment-painter';
import { createDomSurface } from './dom-surface';
import { createCardThreads } from './card-threads';
import { createHoverCard } from './hover-card';
import { createOverlayStore } from './overlay-state';
import { listenToPage } from './page-events';
import { createSelectionTracker } from './selection-tracker';
import type { DocumentSurface } from './surface';
import { buildTextIndex, offsetsToRange } from '../anchoring';
import { translator, type Translate } from '../i18n/translate';
import { findWords, type WordMatch } from './find-words';
import { callBackground } from '../messaging';

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
  /** What people read, in their language (English by default); `setTranslate` changes it. */
  t?: Translate;
}) {
  let t: Translate = options.t ?? translator('en-GB').t;
  const currentT = () => t;
  // Find words is for web pages (the surface is the page's body): the PDF viewer has its own find bar.
  const canFind = (options.surface?.root() ?? options.doc.body) === options.doc.body;
  const { doc, win, send, signal, ownHost } = options;
  const surface = options.surface ?? createDomSurface(doc, win);
  // A web page scrolls in its window; the PDF viewer scrolls its own pane and paints only rendered pages.
  const painter = createCommentPainter(doc, win, surface, { nearViewportOnly: options.surface === undefined, t: currentT });
  const { highlighter } = painter;
  const store = createOverlayStore();
  const loader = createCommentLoader({ send, surface, painter, store, t: currentT, mark: (name) => win.performance?.mark?.(name), ...(options.onCommentsChanged ? { onCommentsChanged: options.onCommentsChanged } : {}) });
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
    t: currentT,
    ownHost,
    ...(canFind ? { openFind: () => store.set({ find: true, adder: null, card: null }) } : {}),
  });
  const card = createHoverCard({ highlighter, store, win });
  // The open card says how each comment's conversation stands (replies, "me too", the latest answer).
  const cardThreads = createCardThreads({ send, store });
  const stopCardThreads = cardThreads.start();
  listenToPage({ doc, win, signal, ownHost, store, selection, card, composer, showCommentsHere: () => void showCommentsHere() });

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
    // Select the passage's words, so a screen reader or the keyboard can carry on from there.
    const passage = highlighter.rangeFor(id) ?? range;
    const selected = doc.getSelection();
    selected?.removeAllRanges();
    selected?.addRange(passage.cloneRange());
    store.set({ notice: t('editor.session.passageSelected', { words: firstWords(passage.toString()) }) });
    return true;
  }

  /**
   * The keyboard route from the selection or caret to the comments there (the show-comments
   * command, Alt+Shift+O): opens the card on the highlighted passages under it, focus inside.
   */
  function showCommentsHere(): boolean {
    const selected = doc.getSelection();
    const range = selected && selected.rangeCount > 0 ? selected.getRangeAt(0) : null;
    const host = ownHost();
    const ids =
      range && !(host && host.contains(range.commonAncestorContainer))
        ? store.get().comments.map((c) => c.annotation.id).filter((id) => {
            const passage = highlighter.rangeFor(id);
            return !!passage && passage.compareBoundaryPoints(Range.START_TO_END, range) >= 0 && passage.compareBoundaryPoints(Range.END_TO_START, range) <= 0;
          })
        : [];
    if (ids.length === 0) {
      store.set({ notice: t('editor.session.noPassageHere') });
      return false;
    }
    const rect = (range ?? highlighter.rangeFor(ids[0]!))!.getBoundingClientRect();
    card.openFromKeyboard(ids, rect.left || 16, rect.bottom || 16);
    return true;
  }

  /** Matches for "Find words to comment on", in page order (the list shows the first `limit`). */
  function findOnPage(words: string, limit = 50): { matches: WordMatch[]; total: number } {
    return findWords(buildTextIndex(surface.root()).text, words, limit);
  }

  /** Select a found match in the page and scroll to it; true when its words are still there. */
  function selectMatch(match: Pick<WordMatch, 'start' | 'end'>): boolean {
    const range = offsetsToRange(buildTextIndex(surface.root()), match.start, match.end);
    if (!range) return false;
    const selected = doc.getSelection();
    selected?.removeAllRanges();
    selected?.addRange(range);
    const target = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
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
    return {
      uri: id?.uri ?? win.location.href,
      title: id?.title ?? doc.title,
      role: loader.role(),
      comments: store.get().comments,
      damaged: loader.damaged(),
      themes: store.get().themes,
      ...(loader.settled() ? {} : { loading: true }),
    };
  }

  const repaintTimer = win.setInterval(() => painter.ensurePainted(), 2000);
  signal.addEventListener('abort', () => {
    win.clearInterval(repaintTimer);
    painter.dispose();
    stopCardThreads();
  });

  /**
   * "Open the side panel" on a card: asks the background to open it beside this tab. Sent in
   * the press's own task (the browser opens a side panel only while a press is handled); when
   * it cannot, the notice says how to open it instead.
   */
  function openPanel(): Promise<void> {
    return callBackground(send, { type: 'panel/open' }).then(
      () => store.set({ notice: t('editor.card.panelOpened') }),
      (error: unknown) => store.set({ notice: error instanceof Error ? error.message : t('editor.card.panelRefused') }),
    );
  }

  /** Re-read the page's comments (a change arrived), and the open card's threads with them. */
  async function reload(): Promise<number> {
    const painted = await loader.reload();
    cardThreads.refresh();
    return painted;
  }

  return {
    getState: store.get,
    subscribe: store.subscribe,
    reload,
    repaint: loader.repaint,
    setFilters: loader.setFilters,
    startComment: composer.startComment,
    startWholePageComment: composer.startWholePageComment,
    saveComment: composer.saveComment,
    cancelComment: composer.cancelComment,
    closeCard: card.close,
    openPanel,
    showCommentsHere,
    findOnPage,
    selectMatch,
    /** Open or close "Find words to comment on". */
    setFind: (open: boolean) => store.set({ find: open && canFind, ...(open ? { adder: null, card: null } : {}) }),
    /** The language changed: what the session says from now on is in the new one. */
    setTranslate: (next: Translate) => void (t = next),
    pointerOnCard: card.pointerOnCard,
    focusComment,
    showCommentsOn,
    pageState,
    commentsById: (ids: string[]) => store.get().comments.filter((c) => ids.includes(c.annotation.id)).map((c) => c.annotation),
  };
}

/** The first few words of a passage, for announcing it. */
function firstWords(text: string, count = 8): string {
  const words = text.trim().split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

/** One document's session, as the overlay and the message handlers use it. */
export type PageSession = ReturnType<typeof createPageSession>;
