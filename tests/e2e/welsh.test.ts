import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../utils/i18n/catalogue';
import { translator } from '../../utils/i18n/translate';
import type { Locale } from '../../utils/i18n/locales';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { extensionPage, launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { openSidePanelFor, selectWithMouse } from './support/page-actions';

// Issue 15 in real Chromium with the built extension: a person chooses Cymraeg on the
// settings page (through the form, as they would), and the extension's pages speak Welsh:
// settings, popup, PDF viewer, side panel, the in-page editor and the digest page. Every
// page is scanned with axe-core in both languages. Parts whose owners have not yet moved
// them to the catalogue are skipped (the test says which) rather than asserted in English.
const FIXTURE = 'care-act-2014-part-1.html';
const QUOTE = 'promote that individual’s well-being';
const cy = translator('cy').t;
const en = translator('en-GB').t;

/** The extension's pages this test opens (the side panel as a tab aimed at the fixture page). */
type PageName = 'popup' | 'options' | 'sidepanel' | 'pdf-viewer' | 'digest';

describe('the extension in Welsh and English', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let fixture: Page;

  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  /** Opens one of the extension's pages and waits until Preact has drawn it in `locale`. */
  async function open(name: PageName, locale: Locale, { waitForLang = true } = {}): Promise<Page> {
    let page: Page;
    if (name === 'sidepanel') page = await openSidePanelFor(browser, fixture);
    else if (name === 'pdf-viewer') {
      page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/pdf-viewer.html`, { waitUntil: 'load' });
    } else page = await extensionPage(browser.context, browser.extensionId, `${name}.html`);
    await page.waitForFunction(() => (document.body?.innerText ?? '').trim().length > 0, undefined, { timeout: 10_000 });
    if (waitForLang) await page.waitForFunction((lang) => document.documentElement.lang === lang, locale, { timeout: 10_000 }).catch(() => undefined);
    return page;
  }

  async function expectNoSeriousAxe(page: Page) {
    const violations = seriousOrCritical(await runAxe(page));
    expect(violations, formatViolations(violations)).toEqual([]);
  }

  /** Chooses a language on the settings page with the form, saves, and waits for the page to follow. */
  async function chooseLanguage(locale: Locale, languageName: string) {
    const options = await open('options', locale === 'cy' ? 'en-GB' : 'cy');
    await options.getByRole('radio', { name: languageName }).check();
    const from = locale === 'cy' ? en : cy;
    await options.getByRole('button', { name: from('options.save') }).click();
    const to = locale === 'cy' ? cy : en;
    // The settings page follows the saved language at once.
    await expect.poll(() => options.locator('h1').textContent(), { timeout: 10_000 }).toBe(to('options.heading'));
    await expect.poll(() => htmlLang(options)).toBe(locale);
    // "Saved" is said in the language just chosen.
    await expect.poll(() => options.locator('form [role="status"]').first().textContent()).toBe(to('options.saved'));
    await options.close();
  }

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension();
    fixture = await browser.context.newPage();
    await fixture.goto(server.url(FIXTURE));
    await fixture.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const PAGES: PageName[] = ['popup', 'options', 'sidepanel', 'pdf-viewer', 'digest'];

  it.each(PAGES)('in English (the browser’s language), %s has no serious or critical axe violations', async (name) => {
    const page = await open(name, 'en-GB');
    if (name !== 'sidepanel' && name !== 'digest') expect(await htmlLang(page)).toBe('en-GB');
    await expectNoSeriousAxe(page);
    await page.close();
  });

  it('offers the language on the settings page, each language named in itself, and follows the choice once saved', async () => {
    const options = await open('options', 'en-GB');
    const group = options.getByRole('group', { name: en('common.language') });
    expect(await group.getByRole('radio', { name: en('common.languageBrowser') }).isChecked()).toBe(true);
    expect(await group.getByRole('radio', { name: 'English' }).count()).toBe(1);
    expect(await group.getByRole('radio', { name: 'Cymraeg' }).count()).toBe(1);
    await options.close();
    await chooseLanguage('cy', 'Cymraeg');
  });

  it('shows the settings page in Welsh after a reload, with Cymraeg chosen', async () => {
    const options = await open('options', 'cy');
    expect(await htmlLang(options)).toBe('cy');
    expect(await options.title()).toBe(cy('options.documentTitle'));
    const group = options.getByRole('group', { name: cy('common.language') });
    expect(await group.getByRole('radio', { name: 'Cymraeg' }).isChecked()).toBe(true);
    expect(await options.getByLabel(cy('options.nameLabel')).count()).toBe(1);
    expect(await options.getByRole('heading', { name: cy('options.group.heading') }).count()).toBe(1);
    expect(await options.getByRole('button', { name: cy('options.group.connect') }).count()).toBe(1);
    expect(await options.getByRole('button', { name: en('options.save') }).count()).toBe(0);
    await options.close();
  });

  it('speaks Welsh in the popup', async () => {
    const popup = await open('popup', 'cy');
    expect(await htmlLang(popup)).toBe('cy');
    expect(await popup.locator('h1').textContent()).toBe(cy('common.appName'));
    // The popup is the active tab here, an extension page: the reason is given in Welsh.
    await expect.poll(() => popup.locator('main').textContent()).toContain(cy('popup.cannotComment'));
    expect(await popup.locator('main').textContent()).toContain(cy('popup.cannot.extensionPage'));
    expect(await popup.getByRole('button', { name: cy('popup.settings') }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: cy('popup.makeDigest') }).count()).toBe(1);
    await popup.close();
  });

  it('speaks Welsh in the PDF viewer: the first screen and a problem', async () => {
    const viewer = await open('pdf-viewer', 'cy');
    expect(await htmlLang(viewer)).toBe('cy');
    expect(await viewer.getByRole('heading', { name: cy('pdf.choose.heading') }).count()).toBe(1);
    expect(await viewer.getByRole('button', { name: cy('pdf.openFromComputer') }).count()).toBe(1);
    await expect.poll(() => viewer.title()).toBe(cy('pdf.viewerTitle'));
    await viewer.goto(`chrome-extension://${browser.extensionId}/pdf-viewer.html?file=${encodeURIComponent('ftp://example.org/a.pdf')}`);
    await expect.poll(() => viewer.getByRole('alert').textContent(), { timeout: 10_000 }).toBe(cy('pdf.problem.badAddress'));
    expect(await viewer.getByRole('heading', { name: cy('pdf.problem.heading') }).count()).toBe(1);
    await viewer.close();
  });

  it('shows the side panel in Welsh', async () => {
    const panel = await open('sidepanel', 'cy');
    expect(await htmlLang(panel)).toBe('cy');
    // Welsh words of the side panel's catalogue part: some are on screen.
    const welsh = Object.entries(CATALOGUES.cy)
      .filter(([key, text]) => key.startsWith('sidepanel.') && typeof text === 'string' && !text.includes('{'))
      .map(([, text]) => text as string);
    const shown = await panel.locator('body').innerText();
    expect(welsh.filter((text) => shown.includes(text)), shown).not.toEqual([]);
    await panel.close();
  });

  it('writes and saves a comment with the editor in Welsh, then lists it in the side panel with a Welsh date', async () => {
    await fixture.reload();
    await fixture.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
    // The in-page UI (in its shadow root) says which language it speaks.
    await expect
      .poll(() => fixture.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang') ?? '', ANNOTATOR_HOST_TAG))
      .toBe('cy');
    await selectWithMouse(fixture, QUOTE);
    await fixture.getByRole('button', { name: cy('editor.overlay.addComment') }).click();
    const editor = fixture.getByRole('dialog', { name: cy('editor.form.addTitle') });
    await expect.poll(() => editor.getByText(QUOTE).count()).toBe(1);
    // The in-page editor in Welsh: no serious or critical axe problem either.
    const inPage = seriousOrCritical(await runAxe(fixture, { context: { include: [ANNOTATOR_HOST_TAG] } }));
    expect(inPage, formatViolations(inPage)).toEqual([]);
    await editor.getByLabel(cy('editor.form.textLabel')).fill('Cael fy holi beth sy’n bwysig i mi.');
    await editor.getByRole('button', { name: cy('editor.form.save') }).click();
    await expect.poll(() => fixture.getByRole('status').first().textContent()).toContain(cy('editor.session.saved'));
    // The side panel lists it, dated in Welsh (this month's Welsh name, e.g. "Rhagfyr").
    const panel = await open('sidepanel', 'cy');
    const month = new Intl.DateTimeFormat('cy', { month: 'long' }).format(new Date());
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 15_000 }).toContain('Cael fy holi beth sy’n bwysig i mi.');
    const listed = await panel.locator('body').innerText();
    expect(listed, listed).toContain(month);
    await panel.close();
  });

  it('shows the digest page in Welsh', async () => {
    const digest = await open('digest', 'cy');
    expect(await htmlLang(digest)).toBe('cy');
    expect(await digest.getByRole('heading', { level: 1 }).textContent()).toBe(cy('digest.page.title'));
    await digest.close();
  });

  it.each(PAGES)('in Welsh, %s has no serious or critical axe violations', async (name) => {
    const page = await open(name, 'cy');
    await expectNoSeriousAxe(page);
    await page.close();
  });

  it('goes back to English when English is chosen (in Welsh) on the settings page', async () => {
    await chooseLanguage('en-GB', 'English');
    const popup = await open('popup', 'en-GB');
    expect(await htmlLang(popup)).toBe('en-GB');
    expect(await popup.getByRole('button', { name: en('popup.settings') }).count()).toBe(1);
    await popup.close();
  });
});
