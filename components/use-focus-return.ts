import { useLayoutEffect, useRef, type MutableRef } from 'preact/hooks';

/** The focused element inside `node`'s document or shadow root (not the shadow host), or null. */
export function activeElementOf(node: Node | null | undefined): HTMLElement | null {
  const root = node?.getRootNode() as Document | ShadowRoot | undefined;
  const active = root && 'activeElement' in root ? root.activeElement : null;
  return active instanceof HTMLElement && active !== active.ownerDocument.body ? active : null;
}

/**
 * Keeps keyboard focus somewhere sensible around a part of the UI that opens and closes (an
 * editor, a card): records what had focus when `open` turned true, and when it turns false
 * while focus was inside `part` (now gone), puts focus back there, or on `fallback()` when
 * that element is gone too. `anchor` is any element rendered in the same root (document or
 * shadow root) whatever `open` is.
 */
export function useFocusReturn(
  open: boolean,
  anchor: MutableRef<HTMLElement | null>,
  part: MutableRef<HTMLElement | null>,
  fallback: () => HTMLElement | null | undefined,
  /** Leave focus alone when a live element outside `part` has it already (a part that hands over to the next, like find words to the editor). */
  handsOver = false,
) {
  const wasOpen = useRef(false);
  const returnTo = useRef<HTMLElement | null>(null);
  // Both read while rendering: before child effects run (an editor focusing its text box),
  // and while the closing part is still in the document.
  if (open && !wasOpen.current) returnTo.current = activeElementOf(anchor.current);
  const closing = !open && wasOpen.current;
  const focusWasInside = closing && !!part.current && part.current.contains(activeElementOf(anchor.current));
  wasOpen.current = open;
  // A layout effect: in the same task as the part closes, so a key pressed next finds focus in place.
  useLayoutEffect(() => {
    if (!closing) return;
    if (!focusWasInside) {
      returnTo.current = null;
      return; // focus was elsewhere (e.g. the pointer closed a card): leave it
    }
    const now = activeElementOf(anchor.current);
    if (handsOver && now && now.isConnected && !part.current?.contains(now)) {
      returnTo.current = null;
      return; // what opened next has taken focus already (find words handing over to the editor)
    }
    const target = returnTo.current?.isConnected ? returnTo.current : fallback();
    returnTo.current = null;
    target?.focus();
  });
}
