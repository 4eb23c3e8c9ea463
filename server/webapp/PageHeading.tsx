import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useT } from '../../components/i18n';
import { DEFAULT_LOCALE, isLocale } from '../../utils/i18n/locales';
import { translator } from '../../utils/i18n/translate';
import { useApp } from './app-context';

/** The product's name in the language `<html lang>` says (the App keeps it in step). */
function appNameOfDocument(): string {
  const lang = document.documentElement.lang;
  return translator(isLocale(lang) ? lang : DEFAULT_LOCALE).t('common.appName');
}

/** The window title for a page: "<page> – <group> – <the product's name in the page's language>". */
export function pageTitle(page: string, group: string | null, appName: string = appNameOfDocument()): string {
  return [page, group, appName].filter(Boolean).join(' – ');
}

/**
 * A page's one <h1>, focusable by script: after a navigation inside the app the shell (App.tsx)
 * moves focus to it. It also names the window (`title`).
 */
export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  const { session } = useApp();
  const appName = useT()('common.appName');
  useEffect(() => {
    document.title = pageTitle(title, session?.group.name ?? null, appName);
  }, [title, session?.group.name, appName]);
  return (
    <h1 tabIndex={-1} class="text-2xl font-bold text-grey-9">
      {children ?? title}
    </h1>
  );
}
