import type { Highlighter } from '../highlight';
import type { OverlayStore } from './overlay-state';

/**
 * The card listing the comments on a highlighted passage: shown while the pointer rests on a
 * highlight, pinned by a click, closed by Escape or its Close button.
 */
export function createHoverCard(options: { highlighter: Highlighter; store: OverlayStore }) {
  const { highlighter, store } = options;

  /** Show (or hide) the card for the passages under viewport point (x, y); `pinned` after a click. */
  function showAt(x: number, y: number, pinned: boolean) {
    const card = store.get().card;
    const ids = highlighter.hitTest(x, y);
    if (ids.length === 0) {
      if (card && (!card.pinned || pinned)) store.set({ card: null });
      return;
    }
    if (card?.pinned && !pinned) return;
    store.set({ card: { ids, x, y, pinned } });
  }

  return { showAt, close: () => store.set({ card: null }) };
}

export type HoverCard = ReturnType<typeof createHoverCard>;
