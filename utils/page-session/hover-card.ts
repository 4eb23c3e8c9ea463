import type { Highlighter } from '../highlight';
import type { OverlayStore } from './overlay-state';

/** How long the card stays after the pointer leaves a highlight, so it can reach the card. */
export const CARD_GRACE_MS = 400;

/**
 * The card listing the comments on a highlighted passage: shown while the pointer rests on a
 * highlight or on the card itself (with a short grace period in between), pinned by a click,
 * opened from the keyboard by the density strip, closed by Escape or its Close button.
 */
export function createHoverCard(options: { highlighter: Highlighter; store: OverlayStore; win: Pick<Window, 'setTimeout' | 'clearTimeout'>; graceMs?: number }) {
  const { highlighter, store, win } = options;
  const graceMs = options.graceMs ?? CARD_GRACE_MS;
  let closing: number | null = null;

  function keepOpen() {
    if (closing !== null) win.clearTimeout(closing);
    closing = null;
  }

  function closeSoon() {
    if (closing !== null) return;
    closing = win.setTimeout(() => {
      closing = null;
      if (store.get().card && !store.get().card!.pinned) store.set({ card: null });
    }, graceMs);
  }

  /** Show (or hide) the card for the passages under viewport point (x, y); `pinned` after a click. */
  function showAt(x: number, y: number, pinned: boolean) {
    const card = store.get().card;
    const ids = highlighter.hitTest(x, y);
    if (ids.length === 0) {
      if (!card) return;
      if (pinned) {
        keepOpen();
        store.set({ card: null });
      } else if (!card.pinned) closeSoon();
      return;
    }
    keepOpen();
    if (card?.pinned && !pinned) return;
    // The card stays put while the pointer moves within the same passages, so it can be reached.
    if (card && !pinned && card.ids.join() === ids.join()) return;
    store.set({ card: { ids, x, y, pinned } });
  }

  /** Open the card on `ids` at (x, y) for a keyboard user: pinned, and focus moves into it. */
  function openFromKeyboard(ids: string[], x: number, y: number) {
    keepOpen();
    store.set({ card: { ids, x, y, pinned: true, fromKeyboard: true } });
  }

  return {
    showAt,
    openFromKeyboard,
    /** The pointer is on the card: it stays open. */
    pointerOnCard: keepOpen,
    close() {
      keepOpen();
      store.set({ card: null });
    },
  };
}

/** A session's hover card. */
export type HoverCard = ReturnType<typeof createHoverCard>;
