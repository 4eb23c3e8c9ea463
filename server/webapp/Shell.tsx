import { Button } from '@hypothesis/frontend-shared';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { roleCan } from '../../utils/model';
import type { WebSession } from '../../utils/webapp/session-types';
import { AppLink } from './AppLink';
import { useApp } from './app-context';
import type { Route } from './router';

const ROLE_NAMES: Record<WebSession['role'], string> = { facilitator: 'facilitator', member: 'member', reader: 'reader' };

/** The navigation's links: everyone's, then (facilitators only) the pages that run the group. */
export function navLinks(session: WebSession | null): { href: string; label: string; is: (route: Route) => boolean }[] {
  if (!session) return [];
  const links: { href: string; label: string; is: (route: Route) => boolean }[] = [
    { href: '/', label: 'Documents', is: (r) => r.name === 'home' || r.name === 'document' },
    { href: '/search', label: 'Search', is: (r) => r.name === 'search' },
  ];
  if (roleCan.moderate(session.role)) {
    links.push(
      { href: '/group/members', label: 'Members', is: (r) => r.name === 'group' && r.page === 'members' },
      { href: '/group/invites', label: 'Invites', is: (r) => r.name === 'group' && r.page === 'invites' },
      { href: '/group/moderation', label: 'To review', is: (r) => r.name === 'group' && r.page === 'moderation' },
      { href: '/group/themes', label: 'Themes', is: (r) => r.name === 'group' && r.page === 'themes' },
    );
  }
  return links;
}

/**
 * Every page's frame: a skip link, the banner with the group and the navigation, sign out,
 * the page in <main>, and one polite live region for what just happened.
 */
export function Shell({ route, announcement, children }: { route: Route; announcement: { text: string; key: number }; children: ComponentChildren }) {
  const { api, session, navigate, announce, signedOut } = useApp();
  const [busy, setBusy] = useState(false);

  async function signOut(everywhere: boolean) {
    if (busy) return;
    setBusy(true);
    try {
      await api.send('POST', everywhere ? '/api/web/sign-out-everywhere' : '/api/web/sign-out');
      signedOut(everywhere ? 'You have signed out on every computer and browser.' : 'You have signed out.');
      navigate('/sign-in', { replace: true });
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="min-h-screen bg-white text-grey-9">
      <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2 focus:font-semibold">
        Skip to main content
      </a>
      <header class="border-b border-grey-4 bg-white">
        <div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 p-3">
          <p class="text-lg font-bold">{session ? session.group.name : 'Lived Experience Annotator'}</p>
          {session && (
            <div class="flex flex-wrap items-center gap-2 text-sm">
              <p>
                Signed in as {session.displayName ?? 'a group member'} ({ROLE_NAMES[session.role]})
              </p>
              <Button size="sm" aria-disabled={busy || undefined} onClick={() => void signOut(false)}>
                Sign out
              </Button>
              <Button size="sm" aria-disabled={busy || undefined} onClick={() => void signOut(true)}>
                Sign out everywhere
              </Button>
            </div>
          )}
        </div>
        {session && (
          <nav aria-label="Main" class="mx-auto max-w-5xl px-3 pb-2">
            <ul class="flex flex-wrap gap-x-4 gap-y-1">
              {navLinks(session).map((link) => (
                <li key={link.href}>
                  <AppLink href={link.href} current={link.is(route)} class={link.is(route) ? 'font-bold text-grey-9 underline' : 'text-blue-700 underline'}>
                    {link.label}
                  </AppLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} class="mx-auto max-w-5xl space-y-4 p-3">
        {children}
      </main>
      <div role="status" aria-live="polite" class="sr-only">
        <span key={announcement.key}>{announcement.text}</span>
      </div>
    </div>
  );
}
