import { anchorAll, buildTextIndex, describeRange, offsetsToRange, rangeToOffsets } from '../../utils/anchoring';
import { readDocumentIdentity } from '../../utils/document';
import { createHighlighter, DEFAULT_PALETTE } from '../../utils/highlight';
import { densityMarks, placeMarks, type DensityMark } from '../../utils/overlay/density';
import { overlapDepths } from '../../utils/overlay/overlaps';
import { createThemeLayer, type ThemeLayerView } from '../../utils/overlay/theme-layer';
import { themeHighlightName } from '../../utils/overlay/theme-palette';
import type { AnchoredComment, BackgroundRequest, PageState } from '../../utils/messaging';
import { callBackground } from '../../utils/messaging';
import {
  buildAnnotation,
  createAnnotationId,
  themesOf,
  DEFAULT_SETTINGS,
  type CommentDraft,
  type CommentTarget,
  type Settings,
} from '../../utils/model';
import type { DamagedRecord } from '../../utils/store/annotation-repo';
import { checkSelection } from '../../utils/page/selection-check';
import { findSectionHeading } from '../../utils/page/section-heading';

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
}) {
  const { doc, win, send, signal } = options;
  // Theme colours come from the theme layer; the highlighter keeps hit-testing, focus and flash.
  const themeLayer = createThemeLayer(doc, win as unknown as ThemeLayerView);
  const invisibleComment = { background: 'transparent', underline: 'transparent', thickness: '0px', line: 'solid' as const };
  const highlighter = createHighlighter({ doc, ...(themeLayer ? { palette: { ...DEFAULT_PALETTE, comment: invisibleComment } } : {}) });
  let knownIds: Set<string> | null = null;
  let damaged: DamagedRecord[] = [];
  let role: PageState['role'] = null;
  let state: OverlayState = { adder: null, editor: null, card: null, notice: '', settings: DEFAULT_SETTINGS, comments: [], density: [] };
  const listeners = new Set<() => void>();
  const setState = (patch: Partial<OverlayState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };
  const ranges = new Map<string, Range>();

  const identity = () => readDocumentIdentity(doc, win.location.href);

  async function reload(): Promise<number> {
    const id = identity();
    if (!id) return 0;
    const [list, settings] = await Promise.all([
      callBackground(send, { type: 'annotations/list', uris: id.aliases }),
      callBackground(send, { type: 'settings/get' }),
    ]);
    damaged = list.damaged;
    role = list.role;
    const index = buildTextIndex(doc.body);
    const results = anchorAll(doc.body, list.annotations.map((a) => a.target.selector), index);
    ranges.clear();
    const anchored = list.annotations.map((annotation, i) => {
      const result = results[i]!;
      if (result.range) ranges.set(annotation.id, result.range);
      return { annotation, status: result.status, range: result.range };
    });
    anchored.sort((a, b) => {
      if (!a.range || !b.range) return a.range ? -1 : b.range ? 1 : 0;
      return a.range.compareBoundaryPoints(Range.START_TO_START, b.range) || a.annotation.created.localeCompare(b.annotation.created);
    });
    const comments: AnchoredComment[] = anchored.map(({ annotation, status, range }, order) => ({
      annotation,
      mine: list.authors[annotation.id] !== 'other',
      status,
      position: range ? order : null,
    }));
    const painted = comments.filter((c) => ranges.has(c.annotation.id));
    highlighter.paint(painted.map((c) => ({ id: c.annotation.id, range: ranges.get(c.annotation.id)! })));
    // Bands by text position first (no layout work), then one real position per band.
    const spans = painted.map((c) => rangeToOffsets(index, ranges.get(c.annotation.id)!));
    if (themeLayer) {
      const byTheme = new Map<string, Range[]>();
      for (const c of painted) {
        const name = themeHighlightName(themesOf(c.annotation));
        byTheme.set(name, [...(byTheme.get(name) ?? []), ranges.get(c.annotation.id)!]);
      }
      const depths = overlapDepths(spans);
      const toRanges = (list: { start: number; end: number }[]) => list.map((sp) => offsetsToRange(index, sp.start, sp.end)).filter((r): r is Range => r !== null);
      themeLayer.paint(byTheme, { two: toRanges(depths.two), three: toRanges(depths.three) });
    }
    const density = placeMarks(
      densityMarks(painted.map((c, i) => ({ id: c.annotation.id, y: spans[i]!.start, label: c.annotation.section ?? '' })), index.text.length),
      (id) => (ranges.get(id) ? ranges.get(id)!.getBoundingClientRect().top + win.scrollY : null),
      doc.documentElement.scrollHeight,
    );
    // Tell screen-reader users (politely, without moving focus) when others' comments arrive.
    const arrived = knownIds ? comments.filter((c) => !knownIds!.has(c.annotation.id) && !c.mine).length : 0;
    knownIds = new Set(comments.map((c) => c.annotation.id));
    setState({
      comments,
      settings,
      density,
      ...(arrived > 0 ? { notice: arrived === 1 ? '1 new comment from your group on this page.' : `${arrived} new comments from your group on this page.` } : {}),
    });
    options.onCommentsChanged?.();
    return ranges.size;
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
    if (!selected || !selected.text.trim() || !doc.body.contains(selected.range.commonAncestorContainer)) {
      if (state.adder) setState({ adder: null });
      return;
    }
    const rect = selected.range.getBoundingClientRect();
    setState({ adder: { x: Math.min(rect.right, win.innerWidth - 140), y: Math.min(rect.bottom + 8, win.innerHeight - 48) }, card: null });
  }

  /** Open the editor for the current selection, or say plainly why not. */
  function startComment(): { started: boolean; reason?: string } {
    if (state.editor) return { started: true };
    if (role === 'reader') {
      const reason = 'You joined this group as a reader, so you can read and export comments but not write them.';
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
    const selectors = describeRange(doc.body, selected.range);
    const { settings } = state;
    setState({
      adder: null,
      card: null,
      notice: '',
      editor: {
        quote: selectors[0].exact,
        target: {
          source: id.uri,
          selectors,
          section: findSectionHeading(doc.body, selected.range.startContainer),
          documentTitle: id.title || undefined,
        },
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
    return { started: true };
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

  function focusComment(id: string): boolean {
    const range = ranges.get(id);
    if (!range) return false;
    const target = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
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
        startComment();
      } else if (e.key === 'Escape' && (state.card || state.adder)) {
        setState({ card: null, adder: null });
      }
    },
    { signal },
  );
  const repaintTimer = win.setInterval(() => {
    highlighter.ensurePainted();
    themeLayer?.ensurePainted();
  }, 2000);
  signal.addEventListener('abort', () => {
    win.clearInterval(repaintTimer);
    highlighter.dispose();
    themeLayer?.dispose();
  });

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    startComment,
    saveComment,
    cancelComment,
    closeCard: () => setState({ card: null }),
    focusComment,
    pageState,
    commentsById: (ids: string[]) => state.comments.filter((c) => ids.includes(c.annotation.id)).map((c) => c.annotation),
  };
}

export type PageSession = ReturnType<typeof createPageSession>;
