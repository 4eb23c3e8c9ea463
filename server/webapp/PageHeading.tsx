import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useApp } from './app-context';

/** The window title for a page: "<page> – <group> – Lived Experience Annotator". */
export function pageTitle(page: string, group: string | null): string {
  return [page, group, 'Lived Experience Annotator'].filter(Boolean).join(' – ');
}

/**
 * A page's one <h1>, focusable by script: after a navigation inside the app the shell (App.tsx)
 * moves focus to it. It also names the window (`title`).
 */
export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  const { session } = useApp();
  useEffect(() => {
    document.title = pageTitle(title, session?.group.name ?? null);
  }, [title, session?.group.name]);
  return (
    <h1 tabIndex={-1} class="text-2xl font-bold text-grey-9">
      {children ?? title}
    </h1>
  );
}
