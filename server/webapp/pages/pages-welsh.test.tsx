import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSession } from '../../../utils/webapp/session-types';
import { App } from '../App';
import { button, fakeApi, labelled, mount, settle, submit, type, unmount } from '../facilitator/test-support';
import { initialLocale, LANGUAGE_KEY } from '../use-locale';

const READER: WebSession = { memberId: 'm-r', displayName: 'Olivia', role: 'reader', group: { id: 'g1', name: 'NCAG' }, csrfToken: 'csrf', expiresAt: '2026-12-16T10:00:00Z' };
const THEMES = { themes: [] };
const h1 = (root: ParentNode) => root.querySelector('h1')?.textContent;

beforeEach(() => {
  localStorage.setItem(LANGUAGE_KEY, 'cy');
  document.documentElement.lang = 'en-GB';
});
afterEach(() => {
  unmount();
  localStorage.clear();
  history.replaceState(null, '', '/');
});

describe('the web app’s pages in Welsh', () => {
  it('search: form, hint, count and each result in Welsh', async () => {
    history.replaceState(null, '', '/search?q=urddas');
    const answer = {
      total: 3,
      results: [{ commentId: '0190a1b2-0000-7000-8000-000000000001', itemId: '0190a1b2-0000-7000-8000-000000000001', kind: 'comment', source: 'https://example.org/act', title: 'Deddf Gofal', snippet: [{ text: 'Mae ', match: false }, { text: 'urddas', match: true }] }],
    };
    const root = await mount(<App api={fakeApi({ 'GET /api/web/session': READER, 'GET /api/groups/g1/themes': THEMES, 'GET /api/groups/g1/search?q=urddas&limit=50': answer }, READER)} />);
    expect(h1(root)).toBe('Chwilio sylwadau eich grŵp');
    expect(document.title).toBe('Chwilio: urddas – NCAG – Anodydd Profiad Bywyd');
    expect(labelled(root, 'Chwilio’r sylwadau')).toBeTruthy();
    expect(root.textContent).toContain('3 canlyniad ar gyfer “urddas”, yn dangos y 1 cyntaf.');
    expect(root.textContent).toContain('Sylw ar Deddf Gofal');
    expect(root.querySelector('mark')?.textContent).toBe('urddas');
    expect(root.querySelector('main ol li a')?.textContent).toBe('Agor y sylw hwn ar Deddf Gofal');
    expect(root.textContent).not.toMatch(/Search|Results|matches/);
    await type(labelled(root, 'Chwilio’r sylwadau'), '  ');
    await submit(button(root, 'Chwilio'));
    expect(root.textContent).toContain('Teipiwch y geiriau i chwilio amdanyn nhw.');
  });

  it('a document with no comments yet, and its digest links, in Welsh', async () => {
    const source = 'https://example.org/act';
    history.replaceState(null, '', `/documents?source=${encodeURIComponent(source)}`);
    const read = { source, title: 'Deddf Gofal', items: [], supportCounts: {}, mySupports: [], hidden: [] };
    const root = await mount(<App api={fakeApi({ 'GET /api/web/session': READER, 'GET /api/groups/g1/themes': THEMES, [`GET /api/groups/g1/document?source=${encodeURIComponent(source)}`]: read }, READER)} />);
    await settle();
    expect(h1(root)).toBe('Sylwadau ar Deddf Gofal');
    expect(root.textContent).toContain('Agor y ddogfen');
    expect(root.textContent).toContain('Dim sylwadau');
    expect(root.textContent).toContain('Does neb yn eich grŵp wedi rhoi sylw ar y ddogfen hon eto.');
    expect(root.textContent).toContain('Y sylwadau ar y ddogfen hon, gydag atebion ac ymatebion.');
    expect([...root.querySelectorAll('a[download]')].map((a) => a.getAttribute('aria-label'))).toContain('Crynodeb Tudalen we (argraffu i PDF)');
  });

  it('a permanent link outside the group says so in Welsh', async () => {
    history.replaceState(null, '', '/c/0190a1b2-0000-7000-8000-000000000009');
    const root = await mount(<App api={fakeApi({ 'GET /api/web/session': READER, 'GET /api/groups/g1/themes': THEMES }, READER)} />);
    expect(h1(root)).toBe('Heb ddod o hyd i’r sylw');
    expect(root.textContent).toContain('Dydy’r sylw hwn ddim yn eich grŵp, neu mae wedi cael ei dynnu.');
    expect(root.textContent).toContain('Gweld dogfennau eich grŵp');
  });

});

describe('initialLocale', () => {
  it('takes the remembered choice, else <html lang> from the store, else English; storage that throws is ignored', () => {
    const storage = (value: string | null) => ({ getItem: () => value, setItem: () => undefined });
    expect(initialLocale(storage('en-GB'), 'cy')).toBe('en-GB');
    expect(initialLocale(storage(null), 'cy')).toBe('cy');
    expect(initialLocale(storage('fr'), 'de')).toBe('en-GB');
    expect(initialLocale({ getItem: () => { throw new Error('blocked'); }, setItem: () => undefined }, 'cy')).toBe('cy');
    expect(initialLocale(null, 'en-GB')).toBe('en-GB');
  });
});
