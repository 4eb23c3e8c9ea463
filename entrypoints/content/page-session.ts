import type { DensityMark } from '../../utils/overlay/density';
import type { AnchoredComment, BackgroundRequest, PageState } from '../../utils/messaging';
import { callBackground } from '../../utils/messaging';
import {
  buildAnnotation,
  createAnnotationId,
  themesOf,
  DEFAULT_SETTINGS,
  type CommentDraft,
  type LeaAnnotation,
  pdfPageSelector,
  wholePageQuote,
  type CommentTarget,
  type Settings,
} from '../../utils/model';
import type { DamagedRecord } from '../../utils/store/annotation-repo';
import { checkSelection } from '../../utils/page/selection-check';
import { createCommentPainter, type CommentListing } from './comment-painter';
import { createDomSurface } from './dom-surface';
import type { DocumentSurface } from './surface';

/** Why a reader's "Add comment" does nothing, in their words. */
const READER_CANNOT_WRITE = 'You joined this group as a reader, so you can read and export comments but not write them.';

/** What the in-page overlay shows; the overlay renders it and calls the session's actions. */
export interface OverlayState {
  adder: { x: number; y: number } | null;
  editor: { quote: string; target: CommentTarget; draft: CommentDraft } | null;
  card: { ids: string[]; x: number; y: number; pinned: boolean } | null;
  /** Polite announcement for screen readers and a visible note (e.g. "Comment saved"). */
  notice: string;
  settings: Settings;
  comments: AnchoredComment[];
  /** Where comments cluster down the page, for the density strip. */
  density: DensityMark[];
}

type SendToBackground = (message: BackgroundRequest) => Promise<unknown>;

/**
 * Everything the content script does on one page: load and anchor the page's comments, paint
 * them, track the selection, and create comments. Takes the page and the messaging function as
 * parameters; the entry point only wires it to the browser.
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
  const { doc, win, send, signal } = options;
  const surface = options.surface ?? createDomSurface(doc, win);
  // A web page scrolls in its window; the PDF viewer scrolls its own pane and paints only rendered pages.
  const painter = createCommentPainter(doc, win, surface, { nearViewportOnly: options.surface === undefined });
  const { highlighter } = painter;
  let knownIds: Set<string> | null = null;
  let damaged: DamagedRecord[] = [];
  let role: PageState['role'] = null;
  let state: OverlayState = { adder: null, editor: null, card: null, notice: '', settings: DEFAULT_SETTINGS, comments: [], density: [] };
  const listeners = new Set<() => void>();
  const setState = (patch: Partial<OverlayState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };
  let listing: CommentListing = { annotations: [], authors: {} };

  const identity = () => surface.identity();

  /** Re-reads the document's comments from the extension's store, then repaints them. */
  async function reload(): Promise<number> {
    const id = identity();
    if (!id) return 0;
    const [list, settings] = await Promise.all([
      callBackground(send, { type: 'annotations/list', uris: id.aliases }),
      callBackground(send, { type: 'settings/get' }),
    ]);
    damaged = list.damaged;
    role = list.role;
    listing = { annotations: list.annotations, authors: list.authors };
    setState({ settings });
    return repaint();
  }

  /** Anchors and paints the comments last read (after a reload, or when more of a PDF is on screen). */
  async function repaint(): Promise<number> {
    const { comments, density } = await painter.paint(listing);
    // Tell screen-reader users (politely, without moving focus) when others' comments arrive.
    const arrived = knownIds ? comments.filter((c) => !knownIds!.has(c.annotation.id) && !c.mine).length : 0;
    knownIds = new Set(comments.map((c) => c.annotation.id));
    setState({
      comments,
      density,
      ...(arrived > 0 ? { notice: arrived === 1 ? '1 new comment from your group on this page.' : `${arrived} new comments from your group on this page.` } : {}),
    });
    options.onCommentsChanged?.();
    return painter.paintedCount();
  }

  function currentSelection(): { range: Range; text: string } | null {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const host = options.ownHost();
    if (host && host.contains(range.commonAncestorContainer)) return null;
    return { range, text: selection.toString() };
  }

  function onSelectionSettled() {
    if (state.editor) return;
    const selected = currentSelection();
    if (!selected || !selected.text.trim() || !surface.root().contains(selected.range.commonAncestorContainer)) {
      if (state.adder) setState({ adder: null });
      return;
    }
    const rect = selected.range.getBoundingClientRect();
    setState({ adder: { x: Math.min(rect.right, win.innerWidth - 140), y: Math.min(rect.bottom + 8, win.innerHeight - 48) }, card: null });
  }

  /** Open the editor for the current selection, or say plainly why not. */
  async function startComment(): Promise<{ started: boolean; reason?: string }> {
    if (state.editor) return { started: true };
    if (role === 'reader') {
      const reason = READER_CANNOT_WRITE;
      setState({ notice: reason, adder: null });
      return { started: false, reason };
    }
    const selected = currentSelection();
    const container = selected ? selected.range.commonAncestorContainer : null;
    const verdict = checkSelection({
      text: selected?.text ?? '',
      activeElement: doc.activeElement,
      container: container ? (container.nodeType === 1 ? (container as Element) : container.parentElement) : null,
    });
    if (!verdict.ok || !selected) {
      const reason = verdict.ok ? 'First select the words you want to comment on.' : verdict.reason;
      setState({ notice: reason, adder: null });
      return { started: false, reason };
    }
    const id = identity();
    if (!id) {
      const reason = 'This page can’t be commented on.';
      setState({ notice: reason });
      return { started: false, reason };
    }
    if (!surface.root().contains(selected.range.commonAncestorContainer)) {
      const reason = 'Select words in the document itself to comment on them.';
      setState({ notice: reason, adder: null });
      return { started: false, reason };
    }
    const described = await surface.describe(selected.range);
    if ('problem' in described) {
      setState({ notice: described.problem, adder: null });
      return { started: false, reason: described.problem };
    }
    if (state.editor) return { started: true };
    openEditor(described.selectors[0].exact, {
      source: id.uri,
      selectors: described.selectors,
      ...(described.section ? { section: described.section } : {}),
      ...(described.scope ? { scope: described.scope } : {}),
      documentTitle: id.title || undefined,
    });
    return { started: true };
  }

  /** Open the editor for a comment on a whole PDF page (pages that are pictures have no words to select). */
  function startWholePageComment(page: number): { started: boolean; reason?: string } {
    if (state.editor) return { started: true };
    const id = identity();
    if (role === 'reader' || !id) {
      const reason = role === 'reader' ? READER_CANNOT_WRITE : 'This document can’t be commented on.';
      setState({ notice: reason });
      return { started: false, reason };
    }
    openEditor(wholePageQuote(page), {
      source: id.uri,
      selectors: [pdfPageSelector(page)],
      documentTitle: id.title || undefined,
      ...(surface.scope ? { scope: surface.scope } : {}),
    });
    return { started: true };
  }

  /** Show the editor for `target`, the draft starting from the person's default choices. */
  function openEditor(quote: string, target: CommentTarget) {
    const { settings } = state;
    setState({
      adder: null,
      card: null,
      notice: '',
      editor: {
        quote,
        target,
        draft: {
          text: '',
          themes: [],
          perspective: settings.defaultPerspective,
          attribution: settings.defaultAttribution,
          visibility: settings.defaultVisibility,
          kind: 'comment',
        },
      },
    });
  }

  /** Store the comment; resolves only after the background confirms it is in IndexedDB. */
  async function saveComment(draft: CommentDraft): Promise<void> {
    const editor = state.editor;
    if (!editor) return;
    const built = buildAnnotation({
      id: createAnnotationId(Date.now(), (b) => crypto.getRandomValues(b)),
      now: new Date(),
      draft,
      target: editor.target,
      authorName: state.settings.displayName,
    });
    if (!built.ok) throw new Error(built.problems.join(' '));
    await callBackground(send, { type: 'annotations/save', annotation: built.value });
    setState({ editor: null, notice: 'Comment saved.' });
    doc.getSelection()?.removeAllRanges();
    await reload();
  }

  function cancelComment() {
    setState({ editor: null, notice: 'Comment not saved.' });
  }

  function showCardAt(x: number, y: number, pinned: boolean) {
    const ids = highlighter.hitTest(x, y);
    if (ids.length === 0) {
      if (state.card && (!state.card.pinned || pinned)) setState({ card: null });
      return;
    }
    if (state.card?.pinned && !pinned) return;
    setState({ card: { ids, x, y, pinned } });
  }

  /** Scroll to a comment's passage (rendering its PDF page first if need be) and flash it. */
  async function focusComment(id: string): Promise<boolean> {
    const anchor = painter.anchorOf(id);
    if (!anchor) return false;
    const range = await surface.reveal(anchor);
    if (anchor.wholePage) return true;
    if (!range) return false;
    if (!painter.isPainted(id)) await repaint();
    highlighter.focus(id);
    highlighter.flash(id);
    return true;
  }

  function pageState(): PageState {
    const id = identity();
    return { uri: id?.uri ?? win.location.href, title: id?.title ?? doc.title, role, comments: state.comments, damaged };
  }

  // Wiring to page events; everything is removed through the abort signal.
  let frame = 0;
  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler, { signal, passive: true });
  listen('mouseup', (e) => {
    if (options.ownHost() && e.composedPath().includes(options.ownHost()!)) return;
    setTimeout(onSelectionSettled, 0);
    if (doc.getSelection()?.isCollapsed !== false) showCardAt(e.clientX, e.clientY, true);
  });
  listen('keyup', (e) => {
    if (e.shiftKey || e.key.startsWith('Arrow')) onSelectionSettled();
  });
  listen('mousemove', (e) => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => showCardAt(e.clientX, e.clientY, false));
  });
  doc.addEventListener(
    'keydown',
    (e) => {
      // The same shortcut as the browser command, for when the browser leaves it unassigned.
      if (e.altKey && e.shiftKey && (e.key === 'C' || e.key === 'c' || e.code === 'KeyC')) {
        e.preventDefault();
        void startComment();
      } else if (e.key === 'Escape' && (state.card || state.adder)) {
        setState({ card: null, adder: null });
      }
    },
    { signal },
  );
  const repaintTimer = win.setInterval(() => painter.ensurePainted(), 2000);
  signal.addEventListener('abort', () => {
    win.clearInterval(repaintTimer);
    painter.dispose();
  });

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    repaint,
    startComment,
    startWholePageComment,
    saveComment,
    cancelComment,
    closeCard: () => setState({ card: null }),
    focusComment,
    pageState,
    commentsById: (ids: string[]) => state.comments.filter((c) => ids.includes(c.annotation.id)).map((c) => c.annotation),
  };
}

export type PageSession = ReturnType<typeof createPageSession>;
