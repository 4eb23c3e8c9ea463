import type { ComponentType } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { I18nProvider, useT } from '../../components/i18n';
import { translator, type MessageRef } from '../../utils/i18n/translate';
import type { WebSession } from '../../utils/webapp/session-types';
import { WebApiError, type WebApi } from './api';
import { AppContext, type AppContextValue } from './app-context';
import { InvitesPage, MembersPage, ModerationPage, ThemesPage, VersionsPage } from './facilitator';
import { PageHeading } from './PageHeading';
import { CommentPage } from './pages/CommentPage';
import { DocumentPage } from './pages/DocumentPage';
import { HomePage } from './pages/HomePage';
import { SearchPage } from './pages/SearchPage';
import { SignInPage } from './pages/SignInPage';
import { hrefFor, parseRoute, type GroupPage, type Route } from './router';
import { Shell } from './Shell';
import { useWebLocale } from './use-locale';

/** The facilitator pages (server/webapp/facilitator, helper H5), by their address under /group/. */
const FACILITATOR_PAGES: Record<GroupPage, ComponentType<{ api: WebApi; session: WebSession }>> = {
  members: MembersPage,
  invites: InvitesPage,
  moderation: ModerationPage,
  themes: ThemesPage,
  versions: VersionsPage,
};

interface Place {
  path: string;
  search: string;
}

const here = (): Place => ({ path: location.pathname, search: location.search });

/**
 * The web app: reads the session, then shows the page the address names inside the shell.
 * Signed out, every page but sign-in shows sign-in and returns to that page afterwards.
 * It speaks the language the person chose here (remembered), else the one the store picked
 * from their browser's Accept-Language (`<html lang>` of index.html), and keeps `<html lang>`
 * and the store's `Accept-Language` in step with it.
 */
export function App({ api }: { api: WebApi }) {
  const [locale, chooseLocale] = useWebLocale();
  // Set while rendering, not in an effect: the pages' reads start in their own effects, which
  // run before this component's, and must already ask the store for this language.
  api.locale = locale;
  const [place, setPlace] = useState<Place>(here);
  const [session, setSession] = useState<WebSession | null | undefined>(undefined);
  const [signInMessage, setSignInMessage] = useState<string | MessageRef | null>(null);
  const [navigations, setNavigations] = useState(0);
  const [announcement, setAnnouncement] = useState({ text: '', key: 0 });

  const announce = useCallback((text: string) => setAnnouncement((a) => ({ text, key: a.key + 1 })), []);
  const navigate = useCallback((href: string, options: { replace?: boolean } = {}) => {
    if (options.replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    setPlace(here());
    setNavigations((n) => n + 1);
    window.scrollTo(0, 0);
  }, []);
  const signedOut = useCallback(
    (message: string | MessageRef) => {
      api.session = null;
      setSession(null);
      setSignInMessage(message);
    },
    [api],
  );
  const signedIn = useCallback(
    (s: WebSession) => {
      api.session = s;
      setSession(s);
      setSignInMessage(null);
    },
    [api],
  );

  useEffect(() => {
    const onPop = () => {
      setPlace(here());
      setNavigations((n) => n + 1);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    api.get<WebSession>('/api/web/session').then(signedIn, (e: unknown) => {
      api.session = null;
      setSession(null);
      if (e instanceof WebApiError && e.code !== 'unauthenticated' && e.status !== 404) setSignInMessage(e.message);
    });
  }, [api, signedIn]);

  // After a navigation inside the app, focus goes to the new page's <h1> (never <body>), so
  // keyboard and screen-reader users start at its top. The first page leaves focus alone.
  useEffect(() => {
    if (navigations === 0) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    } else document.getElementById('main')?.focus();
  }, [navigations, session === undefined]);

  const route = parseRoute(place.path, place.search);
  const linkInAddress = location.hash.startsWith('#link=');

  // Signed out on a page that needs a session: the address becomes sign-in, then comes back here.
  useEffect(() => {
    if (session === null && route.name !== 'sign-in') {
      history.replaceState(null, '', hrefFor({ name: 'sign-in', next: route.name === 'not-found' || route.name === 'home' ? null : place.path + place.search }));
      setPlace(here());
    }
  }, [session, route.name, place]);

  const context: AppContextValue = useMemo(() => ({ api, session: session ?? null, navigate, announce, signedOut, navigations }), [api, session, navigate, announce, signedOut, navigations]);

  const i18n = translator(locale);
  let page;
  if (session === undefined) page = <p>{i18n.t('common.loading')}</p>;
  else if (route.name === 'sign-in' || session === null) {
    const next = route.name === 'sign-in' ? route.next : null;
    page = (
      <SignInPage
        next={next}
        message={signInMessage === null || typeof signInMessage === 'string' ? signInMessage : i18n.tr(signInMessage)}
        alreadySignedIn={session !== null && !linkInAddress}
        onSignedIn={(s) => {
          signedIn(s);
          navigate(next ?? '/', { replace: true });
        }}
      />
    );
  } else page = <RoutePage route={route} session={session} api={api} />;

  return (
    <I18nProvider locale={locale} documentLang>
      <AppContext.Provider value={context}>
        <Shell route={route} announcement={announcement} language={{ locale, onChoose: chooseLocale }}>
          <div key={place.path + place.search}>{page}</div>
        </Shell>
      </AppContext.Provider>
    </I18nProvider>
  );
}

function RoutePage({ route, session, api }: { route: Route; session: WebSession; api: WebApi }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'document':
      return <DocumentPage source={route.source} />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'comment':
      return <CommentPage uuid={route.uuid} />;
    case 'group': {
      if (session.role !== 'facilitator') return <NotAllowed />;
      const Page = FACILITATOR_PAGES[route.page];
      return <Page api={api} session={session} />;
    }
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('webapp.notFound.title')} />
      <p>{t('webapp.notFound.body')}</p>
    </>
  );
}

function NotAllowed() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('webapp.notAllowed.title')} />
      <p>{t('webapp.notAllowed.body')}</p>
    </>
  );
}
