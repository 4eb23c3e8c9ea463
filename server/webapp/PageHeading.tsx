import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useApp } from './app-context';

/** The window title for a page: "<page> – <group> – Lived Experience Annotator". */
export function pageTitle(page: string, group: string | null): string {
  return [page, group, 'Lived Experience Annotator'].filter(Boolean).join(' – ');
}

/**
 * A page's one <h1>. It names the window (`title`), and after a navigation inside the app it
 * takes the keyboard focus, so screen-reader and keyboard users start at the new page's top
 * (never on <body>). The first page of a visit leaves focus where the browser put it.
 */
export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  const { session, navigations } = useApp();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = pageTitle(title, session?.group.name ?? null);
  }, [title, session?.group.name]);
  useEffect(() => {
    if (navigations > 0) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class="text-2xl font-bold text-grey-9">
      {children ?? title}
    </h1>
  );
}
