import type { ComponentChildren } from 'preact';
import { useApp } from './app-context';

/**
 * A link to a page of this web app: a real <a href> (open in a new tab, copy the address),
 * followed in place without reloading when clicked plainly.
 */
export function AppLink({ href, children, class: className, current }: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  const { navigate } = useApp();
  return (
    <a
      href={href}
      class={className ?? 'text-blue-700 underline'}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
