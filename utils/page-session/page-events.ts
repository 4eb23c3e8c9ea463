import type { CommentComposer } from './comment-composer';
import type { HoverCard } from './hover-card';
import type { OverlayStore } from './overlay-state';
import type { SelectionTracker } from './selection-tracker';

/**
 * Wires the document's pointer and keyboard events to the session: selections settle into
 * the adder, the pointer shows the hover card, Alt+Shift+C starts a comment, Escape closes
 * the card and adder. Everything is removed through `signal`.
 */
export function listenToPage(options: {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  ownHost: () => Element | null;
  store: OverlayStore;
  selection: SelectionTracker;
  card: HoverCard;
  composer: CommentComposer;
  /** Alt+Shift+O: the comments on the passage at the selection or caret. */
  showCommentsHere: () => void;
}) {
  const { doc, win, signal, store, selection, card, composer } = options;
  let frame = 0;
  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler, { signal, passive: true });
  listen('mouseup', (e) => {
    const host = options.ownHost();
    if (host && e.composedPath().includes(host)) return;
    win.setTimeout(selection.settle, 0);
    if (doc.getSelection()?.isCollapsed !== false) card.showAt(e.clientX, e.clientY, true);
  });
  listen('keyup', (e) => {
    if (e.shiftKey || e.key.startsWith('Arrow')) selection.settle();
  });
  listen('mousemove', (e) => {
    win.cancelAnimationFrame(frame);
    const host = options.ownHost();
    // On the annotator's own UI (the card): keep the card open, hit-test nothing.
    if (host && e.composedPath().includes(host)) return card.pointerOnCard();
    frame = win.requestAnimationFrame(() => card.showAt(e.clientX, e.clientY, false));
  });
  doc.addEventListener(
    'keydown',
    (e) => {
      // The same shortcut as the browser command, for when the browser leaves it unassigned.
      if (e.altKey && e.shiftKey && (e.key === 'C' || e.key === 'c' || e.code === 'KeyC')) {
        e.preventDefault();
        void composer.startComment();
      } else if (e.altKey && e.shiftKey && (e.key === 'O' || e.key === 'o' || e.code === 'KeyO')) {
        e.preventDefault();
        options.showCommentsHere();
      } else if (e.key === 'Escape' && (store.get().card || store.get().adder)) { // i18n-ignore: a key name
        store.set({ card: null, adder: null });
      }
    },
    { signal },
  );
}
