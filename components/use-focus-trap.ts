import type { MutableRef } from 'preact/hooks';
import { activeElementOf } from './use-focus-return';

/** What can take focus with Tab inside a dialog (hidden and disabled controls left out). */
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab visits inside `box`, in document order (without layout: those under `hidden` or `inert` are left out). */
export function tabbablesIn(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !el.closest('[hidden], [inert]'));
}

/**
 * A keydown handler for a modal dialog's box: Tab on the last control goes to the first and
 * Shift+Tab on the first goes to the last, so keyboard focus stays inside while it is open
 * (WAI-ARIA Authoring Practices, dialog pattern). Focus on the box itself counts as before
 * the first control.
 */
export function trapTab(box: MutableRef<HTMLElement | null>) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !box.current) return;
    const items = tabbablesIn(box.current);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const active = activeElementOf(box.current);
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const outside = !active || !box.current.contains(active) || active === box.current;
    if (event.shiftKey && (outside || active === first)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (outside ? false : active === last)) {
      event.preventDefault();
      first.focus();
    }
  };
}
