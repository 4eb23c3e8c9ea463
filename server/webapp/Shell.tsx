import { Button } from '@hypothesis/frontend-shared';
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useT } from '../../components/i18n';
import type { MessageKey } from '../../utils/i18n/catalogue';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../utils/i18n/locales';
import type { Translate } from '../../utils/i18n/translate';
import { roleCan } from '../../utils/model';
import type { WebSession } from '../../utils/webapp/session-types';
import { AppLink } from './AppLink';
import { useApp } from './app-context';
import type { Route } from './router';

const ROLE_KEYS: Record<WebSession['role'], MessageKey> = { facilitator: 'webapp.role.facilitator', member: 'webapp.role.member', reader: 'webapp.role.reader' };

/** The navigation's links: everyone's, then (facilitators only) the pages that run the group. */
export function navLinks(session: WebSession | null, t: Translate): { href: string; label: string; is: (route: Route) => boolean }[] {
  if (!session) return [];
  const links: { href: string; label: string; is: (route: Route) => boolean }[] = [
    { href: '/', label: t('webapp.nav.documents'), is: (r) => r.name === 'home' || r.name === 'document' },
    { href: '/search', label: t('webapp.nav.search'), is: (r) => r.name === 'search' },
  ];
  if (roleCan.moderate(session.role)) {
    links.push(
      { href: '/group/members', label: t('webapp.nav.members'), is: (r) => r.name === 'group' && r.page === 'members' },
      { href: '/group/invites', label: t('webapp.nav.invites'), is: (r) => r.name === 'group' && r.page === 'invites' },
      { href: '/group/moderation', label: t('webapp.nav.moderation'), is: (r) => r.name === 'group' && r.page === 'moderation' },
      { href: '/group/themes', label: t('webapp.nav.themes'), is: (r) => r.name === 'group' && r.page === 'themes' },
      { href: '/group/versions', label: t('webapp.nav.versions'), is: (r) => r.name === 'group' && r.page === 'versions' },
    );
  }
  return links;
}

/** The language now shown, and how to change it (App.tsx holds and remembers it). */
export interface LanguageChoice {
  locale: Locale;
  onChoose: (locale: Locale) => void;
}

/**
 * English / Cymraeg: one button per language, each named in itself (with its `lang`, so a
 * screen reader says it in that language), the one showing pressed. Choosing keeps focus on
 * the button just pressed (the same element is re-rendered) and announces nothing but its
 * pressed state.
 */
export function LanguageSwitch({ locale, onChoose }: LanguageChoice) {
  const t = useT();
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-language`} class="flex items-center gap-1 text-sm">
      <span id={`${id}-language`} class="text-grey-7">
        {t('common.language')}
      </span>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          class={`rounded border px-2 py-0.5 ${option === locale ? 'border-grey-9 bg-grey-9 font-semibold text-white' : 'border-grey-6 bg-white text-blue-700 underline'}`}
          onClick={() => {
            if (option !== locale) onChoose(option);
          }}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}

/**
 * Every page's frame: a skip link, the banner with the group, the language switch and the
 * navigation, sign out, the page in <main>, and one polite live region for what just happened.
 */
export function Shell({ route, announcement, language, children }: { route: Route; announcement: { text: string; key: number }; language: LanguageChoice; children: ComponentChildren }) {
  const { api, session, navigate, announce, signedOut } = useApp();
  const t = useT();
  const [busy, setBusy] = useState(false);

  async function signOut(everywhere: boolean) {
    if (busy) return;
    setBusy(true);
    try {
      await api.send('POST', everywhere ? '/api/web/sign-out-everywhere' : '/api/web/sign-out');
      signedOut({ key: everywhere ? 'webapp.signedOutEverywhere' : 'webapp.signedOut' });
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
        {t('webapp.skipToMain')}
      </a>
      <header class="border-b border-grey-4 bg-white">
        <div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 p-3">
          <p class="text-lg font-bold">{session ? session.group.name : t('common.appName')}</p>
          <div class="flex flex-wrap items-center gap-2 text-sm">
            <LanguageSwitch {...language} />
            {session && (
              <>
                <p>{t('webapp.signedInAs', { name: session.displayName ?? t('webapp.aGroupMember'), role: t(ROLE_KEYS[session.role]) })}</p>
                <Button size="sm" aria-disabled={busy || undefined} onClick={() => void signOut(false)}>
                  {t('webapp.signOut')}
                </Button>
                <Button size="sm" aria-disabled={busy || undefined} onClick={() => void signOut(true)}>
                  {t('webapp.signOutEverywhere')}
                </Button>
              </>
            )}
          </div>
        </div>
        {session && (
          <nav aria-label={t('webapp.nav.label')} class="mx-auto max-w-5xl px-3 pb-2">
            <ul class="flex flex-wrap gap-x-4 gap-y-1">
              {navLinks(session, t).map((link) => (
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
