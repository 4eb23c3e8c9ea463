import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSession } from '../../utils/webapp/session-types';
import { WebApiError } from './api';
import { App } from './App';
import { LANGUAGE_KEY } from './use-locale';
import { button, description, fakeApi, labelled, mount, settle, submit, type, unmount } from './facilitator/test-support';

const READER: WebSession = { memberId: 'm-r', displayName: 'Olivia', role: 'reader', group: { id: 'g1', name: 'NCAG' }, csrfToken: 'csrf', expiresAt: '2026-12-16T10:00:00Z' };
const OVERVIEW = { documents: [{ source: 'https://example.org/act', title: 'Care Act', comments: 3, unanswered: 2, byTheme: { workforce: 2 }, lastActivityAt: '2026-11-23T12:00:00Z' }], recent: [] };
const THEMES = { themes: [{ id: 'workforce', label: 'Workforce', retired: false }] };
const signedOut = () => {
  throw new WebApiError(401, 'unauthenticated', 'Please sign in first.');
};
const h1 = (root: ParentNode) => root.querySelector('h1')?.textContent;

beforeEach(() => {
  history.replaceState(null, '', '/');
  localStorage.clear();
  // What the store writes into index.html from Accept-Language (English unless a test says cy).
  document.documentElement.lang = 'en-GB';
});
afterEach(() => unmount());

describe('web app shell', () => {
  it('asks for the name when the invite code is new, then shows the documents with a nav and one h1', async () => {
    let tries = 0;
    const api = fakeApi(
      {
        'GET /api/web/session': signedOut,
        'POST /api/web/sign-in': (body: unknown) => {
          tries += 1;
          if (!(body as { name?: string }).name) throw new WebApiError(400, 'name-needed', 'This code is new to us: enter your name as you want the group to see it.');
          return READER;
        },
        'GET /api/groups/g1/overview': OVERVIEW,
        'GET /api/groups/g1/themes': THEMES,
      },
      READER,
    );
    api.session = null;
    const root = await mount(<App api={api} />);
    expect(h1(root)).toBe('Sign in');
    expect(location.pathname).toBe('/sign-in');
    await type(labelled(root, 'Invite code'), 'abc-123');
    await submit(button(root, 'Sign in'));
    const name = labelled(root, 'Your name');
    expect(description(name)).toContain('This code is new to us');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await type(name, 'Olivia');
    await submit(button(root, 'Sign in'));
    expect(tries).toBe(2);
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ code: 'abc-123' });
    expect(api.calls.filter((c) => c.method === 'POST')[1]?.body).toEqual({ code: 'abc-123', name: 'Olivia' });
    await settle();
    expect(h1(root)).toBe("Your group's documents");
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(document.activeElement?.tagName).toBe('H1');
    expect(root.querySelector('nav[aria-label="Main"]')?.textContent).toBe('DocumentsSearch');
    expect(root.textContent).toContain('Workforce: 2');
    expect(root.querySelector('a[href="#main"]')?.textContent).toBe('Skip to main content');
    expect(document.title).toBe('Documents – NCAG – Lived Experience Annotator');
  });

  it('signs in with a one-time link from the address fragment and clears it at once', async () => {
    history.replaceState(null, '', '/sign-in#link=one-time-code');
    const api = fakeApi({ 'GET /api/web/session': signedOut, 'POST /api/web/sign-in': READER, 'GET /api/groups/g1/overview': OVERVIEW, 'GET /api/groups/g1/themes': THEMES }, READER);
    api.session = null;
    const root = await mount(<App api={api} />);
    await settle();
    expect(location.hash).toBe('');
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ code: 'one-time-code' });
    expect(h1(root)).toBe("Your group's documents");
  });

  it('sends a signed-out visitor of a permanent link to sign in, then back to it', async () => {
    history.replaceState(null, '', '/c/0190a1b2-0000-7000-8000-000000000001');
    const api = fakeApi(
      {
        'GET /api/web/session': signedOut,
        'POST /api/web/sign-in': READER,
        'GET /api/groups/g1/comments/0190a1b2-0000-7000-8000-000000000001': () => {
          throw new WebApiError(404, 'not-found', 'Not found.');
        },
      },
      READER,
    );
    api.session = null;
    const root = await mount(<App api={api} />);
    expect(location.pathname + location.search).toBe('/sign-in?next=%2Fc%2F0190a1b2-0000-7000-8000-000000000001');
    expect(root.textContent).toContain('Sign in to see this comment');
    await type(labelled(root, 'Invite code'), 'abc');
    await submit(button(root, 'Sign in'));
    await settle();
    expect(location.pathname).toBe('/c/0190a1b2-0000-7000-8000-000000000001');
    expect(h1(root)).toBe('Comment not found');
    expect(root.textContent).toContain('This comment is not in your group, or it has been removed.');
  });

  it.each([
    ['Sign out', '/api/web/sign-out', 'You have signed out.'],
    ['Sign out everywhere', '/api/web/sign-out-everywhere', 'You have signed out on every computer and browser.'],
  ])('%s ends the session and shows sign-in saying so', async (label, path, said) => {
    const api = fakeApi({ 'GET /api/web/session': READER, 'GET /api/groups/g1/overview': OVERVIEW, 'GET /api/groups/g1/themes': THEMES, [`POST ${path}`]: () => undefined }, READER);
    const root = await mount(<App api={api} />);
    const signOut = [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
    signOut.click();
    await settle();
    expect(api.calls.at(-1)).toMatchObject({ method: 'POST', path });
    expect(h1(root)).toBe('Sign in');
    expect(location.pathname).toBe('/sign-in');
    expect(root.textContent).toContain(said);
    expect(root.querySelector('nav')).toBeNull();
    expect(api.session).toBeNull();
  });

  it('shows facilitators the pages that run the group, and no one else', async () => {
    const api = fakeApi({ 'GET /api/web/session': { ...READER, role: 'facilitator' }, 'GET /api/groups/g1/overview': OVERVIEW, 'GET /api/groups/g1/themes': THEMES }, READER);
    const root = await mount(<App api={api} />);
    expect(root.querySelector('nav')?.textContent).toBe('DocumentsSearchMembersInvitesTo reviewThemesVersions');
    unmount();
    history.replaceState(null, '', '/group/members');
    const reader = await mount(<App api={fakeApi({ 'GET /api/web/session': READER }, READER)} />);
    expect(h1(reader)).toBe('Only for facilitators');
  });
});

describe('web app in Welsh', () => {
  const languageButton = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLButtonElement>('header [role="group"] button')].find((b) => b.textContent === name)!;

  it('starts in Welsh when the store served <html lang="cy"> (Accept-Language), with the switch on the sign-in page', async () => {
    document.documentElement.lang = 'cy';
    const api = fakeApi({ 'GET /api/web/session': signedOut }, READER);
    api.session = null;
    const root = await mount(<App api={api} />);
    expect(h1(root)).toBe('Mewngofnodi');
    expect(root.textContent).toContain('Mewngofnodwch gyda’r cod gwahoddiad');
    expect(root.textContent).not.toContain('Sign in with the invite code');
    expect(labelled(root, 'Cod gwahoddiad')).toBeTruthy();
    expect(button(root, 'Mewngofnodi')).toBeTruthy();
    const group = root.querySelector('header [role="group"]')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Iaith');
    expect(languageButton(root, 'Cymraeg').getAttribute('aria-pressed')).toBe('true');
    expect(languageButton(root, 'Cymraeg').lang).toBe('cy');
    expect(languageButton(root, 'English').lang).toBe('en-GB');
    expect(languageButton(root, 'English').getAttribute('aria-pressed')).toBe('false');
    expect(document.documentElement.lang).toBe('cy');
    expect(api.locale).toBe('cy');
    await submit(button(root, 'Mewngofnodi'));
    expect(root.textContent).toContain('Teipiwch y cod gwahoddiad a roddodd eich hwylusydd i chi.');
  });

  it('shows the documents, navigation and counts in Welsh, and switching keeps focus on the switch and is remembered', async () => {
    document.documentElement.lang = 'cy';
    const api = fakeApi({ 'GET /api/web/session': READER, 'GET /api/groups/g1/overview': OVERVIEW, 'GET /api/groups/g1/themes': THEMES }, READER);
    const root = await mount(<App api={api} />);
    expect(h1(root)).toBe('Dogfennau eich grŵp');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Prif lywio');
    expect(root.querySelector('nav')?.textContent).toBe('DogfennauChwilio');
    expect(root.textContent).toContain('3 sylw · 2 heb ymateb eto');
    expect(root.textContent).toContain('Gweithgarwch diwethaf 23 Tachwedd 2026');
    expect(root.textContent).toContain('Wedi mewngofnodi fel Olivia (darllenydd)');
    expect(root.textContent).toContain('Lawrlwytho’r crynodeb');
    expect(root.querySelector('a[download]')?.getAttribute('aria-label')).toBe('Crynodeb Word');
    expect(root.textContent).not.toContain('Sign out');
    expect(document.title).toBe('Dogfennau – NCAG – Anodydd Profiad Bywyd');

    const english = languageButton(root, 'English');
    english.focus();
    english.click();
    await settle();
    expect(h1(root)).toBe("Your group's documents");
    expect(root.textContent).toContain('3 comments · 2 not answered yet');
    expect(document.documentElement.lang).toBe('en-GB');
    expect(api.locale).toBe('en-GB');
    expect(document.activeElement).toBe(languageButton(root, 'English'));
    expect(languageButton(root, 'English').getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('[role="status"][aria-live="polite"]')?.textContent).toBe('');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en-GB');

    // The next visit: the browser still asks for Welsh, the choice made here wins.
    unmount();
    document.documentElement.lang = 'cy';
    const again = await mount(<App api={api} />);
    expect(h1(again)).toBe("Your group's documents");
    expect(document.documentElement.lang).toBe('en-GB');
  });

  it('says the page-not-found and facilitators-only pages in Welsh', async () => {
    localStorage.setItem(LANGUAGE_KEY, 'cy');
    history.replaceState(null, '', '/nowhere');
    const root = await mount(<App api={fakeApi({ 'GET /api/web/session': READER, 'GET /api/groups/g1/themes': THEMES }, READER)} />);
    expect(h1(root)).toBe('Heb ddod o hyd i’r dudalen');
    unmount();
    history.replaceState(null, '', '/group/members');
    const reader = await mount(<App api={fakeApi({ 'GET /api/web/session': READER }, READER)} />);
    expect(h1(reader)).toBe('Ar gyfer hwyluswyr yn unig');
  });
});
