import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePdfFixtures, copyPdfFixture, PDF_PASSWORD, type PdfFixtures } from '../support/pdf-fixtures';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { tabTo } from './support/page-actions';
import { startFileServer, type FileServer } from './support/file-server';
import { commentOnSelection, paintedPassages, phraseOnPage, selectInPdf, viewerUrl, waitForTextLayer } from './support/pdf-actions';

// Issue 5 in real Chromium: PDFs printed from the real fixtures, opened in the extension's
// own viewer; comments on page 1 and page 200 of the 335-page Finance Act survive a reload
// and show up when the same file is opened from a second address; bad files get plain words.
describe('commenting on PDFs in Chromium', () => {
  let fixtures: PdfFixtures;
  let server: FileServer;
  let browser: ExtensionBrowser;
  let page: Page;
  const quotes: string[] = [];

  beforeAll(async () => {
    fixtures = await ensurePdfFixtures();
    const secondCopy = await copyPdfFixture(fixtures.financeAct.path, 'finance-act-copy.pdf');
    server = await startFileServer({
      'finance-act-2013.pdf': fixtures.financeAct.path,
      'mirror/finance-act-copy.pdf': secondCopy,
      'protected.pdf': fixtures.francisProtected.path,
      'scanned.pdf': fixtures.scanned.path,
      'truncated.pdf': fixtures.truncated.path,
      'not-a-pdf.pdf': fixtures.notAPdf.path,
    });
    browser = await launchWithExtension();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('comments on page 1 and page 200 of a 300+ page PDF', async () => {
    expect(fixtures.financeAct.pages).toBeGreaterThanOrEqual(300);
    await page.goto(viewerUrl(browser, server.url('finance-act-2013.pdf')));
    await waitForTextLayer(page, 1);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Finance Act 2013');
    await expect.poll(() => page.getByRole('textbox', { name: /^Page number/ }).getAttribute('aria-label')).toContain(`of ${fixtures.financeAct.pages}`);

    quotes.push(await phraseOnPage(page, 1));
    await selectInPdf(page, 1, quotes[0]!);
    await commentOnSelection(page, 'This first page is where the duties start.');
    await expect.poll(() => paintedPassages(page)).toContain(quotes[0]);

    // Keyboard route to page 200: the page number box in the toolbar.
    const pageBox = page.getByRole('textbox', { name: /^Page number/ });
    await pageBox.fill('200');
    await pageBox.press('Enter');
    await waitForTextLayer(page, 200);
    quotes.push(await phraseOnPage(page, 200));
    await selectInPdf(page, 200, quotes[1]!);
    await commentOnSelection(page, 'Page 200 matters to carers on low incomes.');
    await expect.poll(() => paintedPassages(page)).toContain(quotes[1]);
  });

  it('anchors both again after a reload, and lists the one on a page not drawn yet with its page number', async () => {
    await page.reload();
    await waitForTextLayer(page, 1);
    await expect.poll(() => paintedPassages(page)).toContain(quotes[0]);
    const panel = await openPanelFor(page);
    const list = panel.getByRole('list', { name: 'Comments in page order' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => list.textContent()).toContain('Page 200');
    await list.getByRole('listitem').nth(1).getByRole('button', { name: /Show this passage/ }).click();
    await page.bringToFront();
    await waitForTextLayer(page, 200);
    await expect.poll(() => paintedPassages(page)).toContain(quotes[1]);
    await panel.close();
  });

  it('shows the same comments when the same file is opened from another address', async () => {
    const other = await browser.context.newPage();
    await other.goto(viewerUrl(browser, server.url('mirror/finance-act-copy.pdf')));
    await waitForTextLayer(other, 1);
    await expect.poll(() => paintedPassages(other)).toContain(quotes[0]);
    const pageBox = other.getByRole('textbox', { name: /^Page number/ });
    await pageBox.fill('200');
    await pageBox.press('Enter');
    await waitForTextLayer(other, 200);
    await expect.poll(() => paintedPassages(other)).toContain(quotes[1]);
    await other.close();
  });

  it('shows the same comments when the file is opened from the computer', async () => {
    const local = await browser.context.newPage();
    await local.goto(`chrome-extension://${browser.extensionId}/pdf-viewer.html`);
    await expect.poll(() => local.getByRole('heading', { name: 'Open a PDF to comment on' }).count()).toBe(1);
    await expectNoSeriousAxeViolations(local);
    await local.locator('input[type=file]').setInputFiles(fixtures.financeAct.path);
    await waitForTextLayer(local, 1);
    await expect.poll(() => paintedPassages(local)).toContain(quotes[0]);
    await local.close();
  });

  it('lets a keyboard user find words, comment on them and save, without a mouse', async () => {
    await page.goto(viewerUrl(browser, server.url('finance-act-2013.pdf')));
    await waitForTextLayer(page, 1);
    const words = await phraseOnPage(page, 1, 24);
    await tabTo(page, 'Find words to comment on');
    await page.keyboard.type(words);
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'Add a comment' });
    // The first search waits for the text of all 335 pages.
    await expect.poll(() => editor.count(), { timeout: 30_000 }).toBe(1);
    expect(await editor.textContent()).toContain(words);
    await page.keyboard.type('Typing the words was easier than selecting them.');
    await tabTo(page, 'Save comment');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Comment saved.' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => paintedPassages(page)).toContain(words);
  });

  it('asks for the password of a protected PDF, and says so plainly when it is wrong', async () => {
    await page.goto(viewerUrl(browser, server.url('protected.pdf')));
    const password = page.getByLabel('Password');
    await password.fill('not-the-password');
    await page.getByRole('button', { name: 'Open the PDF' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('That password wasn’t right');
    await expectNoSeriousAxeViolations(page);
    await password.fill(PDF_PASSWORD);
    await page.getByRole('button', { name: 'Open the PDF' }).click();
    await waitForTextLayer(page, 1);
    await expect.poll(() => page.getByRole('textbox', { name: /^Page number/ }).getAttribute('aria-label')).toContain(`of ${fixtures.francisProtected.pages}`);
  });

  it('explains a scanned PDF and takes a comment on its whole page; explains a truncated file and a file that is not a PDF', async () => {
    await page.goto(viewerUrl(browser, server.url('scanned.pdf')));
    await expect.poll(() => page.getByText(/pictures of pages|are pictures/).count(), { timeout: 20_000 }).toBe(1);
    // No words to select, so the comment is on the whole page.
    await page.getByRole('button', { name: 'Comment on this whole page' }).click();
    const editor = page.getByRole('dialog', { name: 'Add a comment' });
    await expect.poll(() => editor.textContent()).toContain('The whole of page 1');
    await editor.getByLabel('What does this passage mean for your life?').fill('The scanned leaflet is unreadable with my screen reader.');
    await editor.getByRole('button', { name: 'Save comment' }).click();
    await page.getByRole('status').filter({ hasText: 'Comment saved.' }).waitFor({ timeout: 10_000 });
    const panel = await openPanelFor(page);
    const list = panel.getByRole('list', { name: 'Comments in page order' });
    await expect.poll(() => list.textContent()).toContain('The whole of page 1');
    expect(await list.textContent()).toContain('Page 1');
    await panel.close();

    for (const name of ['truncated.pdf', 'not-a-pdf.pdf']) {
      await page.goto(viewerUrl(browser, server.url(name)));
      await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/damaged or isn’t a PDF|couldn’t be opened/);
    }
    await page.goto(viewerUrl(browser, server.url('missing.pdf')));
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 }).toContain('404');
    await expectNoSeriousAxeViolations(page);
  });

  it('has no serious or critical accessibility problems in the viewer', async () => {
    await page.goto(viewerUrl(browser, server.url('finance-act-2013.pdf')));
    await waitForTextLayer(page, 1);
    await expectNoSeriousAxeViolations(page);
  });

  it('opens PDFs from websites in the annotator straight away when the setting is on', async () => {
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<{ settings?: object }>; set(v: object): Promise<void> } } } }).chrome;
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, openPdfsInAnnotator: true } });
    });
    const tab = await browser.context.newPage();
    await tab.goto(server.url('finance-act-2013.pdf')).catch(() => undefined); // the tab moves on mid-load
    await expect.poll(() => tab.url(), { timeout: 15_000 }).toContain('/pdf-viewer.html?file=');
    await waitForTextLayer(tab, 1);
    await expect.poll(() => paintedPassages(tab)).toContain(quotes[0]);
    await tab.close();
  });
});

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const violations = seriousOrCritical(await runAxe(page));
  expect(violations, formatViolations(violations)).toEqual([]);
}

/** The side panel as a tab aimed at the viewer's tab (a real side panel can't be opened by a test). */
async function openPanelFor(viewer: Page): Promise<Page> {
  const tabId = await viewer.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id?: number }> } } }).chrome.tabs.getCurrent()).id);
  const panel = await viewer.context().newPage();
  await panel.goto(viewer.url().replace(/pdf-viewer\.html.*$/, `sidepanel.html?tab=${tabId}`));
  return panel;
}
