import type { OverlayStore } from './overlay-state';
import type { DocumentSurface } from './surface';

/** A selection in the document (not in the annotator's own UI), with its text. */
export interface DocumentSelection {
  range: Range;
  text: string;
}

/**
 * Follows the person's selection: what is selected in the document, and where the
 * "Add comment" button goes once a selection settles.
 */
export function createSelectionTracker(options: { doc: Document; win: Window; surface: DocumentSurface; ownHost: () => Element | null; store: OverlayStore }) {
  const { doc, win, surface, store } = options;

  /** The current non-empty selection, unless it is inside the annotator's own UI. */
  function current(): DocumentSelection | null {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const host = options.ownHost();
    if (host && host.contains(range.commonAncestorContainer)) return null;
    return { range, text: selection.toString() };
  }

  /** Show the adder by a settled selection in the document (never to readers), or hide it. */
  function settle() {
    const state = store.get();
    if (state.editor) return;
    const selected = current();
    if (!state.canWrite || !selected || !selected.text.trim() || !surface.root().contains(selected.range.commonAncestorContainer)) {
      if (state.adder) store.set({ adder: null });
      return;
    }
    const rect = selected.range.getBoundingClientRect();
    store.set({ adder: { x: Math.min(rect.right, win.innerWidth - 140), y: Math.min(rect.bottom + 8, win.innerHeight - 48) }, card: null });
  }

  return { current, settle };
}

/** A session's selection tracker. */
export type SelectionTracker = ReturnType<typeof createSelectionTracker>;
