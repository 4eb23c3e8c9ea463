import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { openSidePanelFor, tabTo } from './support/page-actions';

// Issue "every passage reachable without a mouse or sight": find words and comment on them with
// the keyboard only (no caret browsing), go from the passage to its comments and back.
const FIXTURE = 'care-act-2014-part-1.html';
const WORDS = 'personal dignity (including treatment of the individual with respect)';

/** What has keyboard focus, looking into shadow roots: 'body' when focus fell to the page's body. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.shadowRoot) return 'shadow host, nothing inside';
    return el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? el.tagName;
  });
}

async function expectAxeClean(page: Page) {
  const violations = seriousOrCritical(await runAxe(page, { context: { include: [ANNOTATOR_HOST_TAG] } }));
  expect(violations, formatViolations(violations)).toEqual([]);
}

describe('keyboard-only passages in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let page: Page;
  const findDialog = () => page.getByRole('dialog', { name: 'Find words to comment on' });
  const editor = () => page.getByRole('dialog', { name: 'Add a comment' });
  const card = () => page.getByRole('dialog', { name: 'Comments on this passage' });

  /** Alt+Shift+C with nothing selected (the in-page copy of the add-comment command), then find and choose `words`. */
  async function findAndChoose(words: string) {
    await page.evaluate(() => getSelection()?.removeAllRanges());
    // Focus back on the page (the in-page UI keeps its key presses to itself, as a real command would not need).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Alt+Shift+C');
    await expect.poll(() => findDialog().count()).toBe(1);
    await expect.poll(() => focused(page)).not.toBe('body');
    await page.keyboard.type(words);
    await expect.poll(() => findDialog().getByRole('status').textContent()).toMatch(/^1 match for/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(words);
  }

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.goto(server.url(FIXTURE));
    await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds words, selects a match and comments on it without the mouse; the editor keeps focus inside', async () => {
    await findAndChoose(WORDS);
    await expectAxeClean(page);
    await tabTo(page, 'Add comment');
    await page.keyboard.press('Enter');
    await expect.poll(() => editor().count()).toBe(1);
    expect(await editor().getAttribute('aria-modal')).toBe('true');
    await expect.poll(() => focused(page)).not.toBe('body');
    await page.keyboard.type('Being treated with respect is why I can stay at home.');
    // The Tab trap: Shift+Tab past the first control wraps to the last, Tab past the last wraps to the first.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('The passage you selected');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('The passage you selected');
    await tabTo(page, 'Save comment');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Comment saved.');
    expect(await focused(page)).not.toBe('body');
    expect(await focused(page)).not.toBe('shadow host, nothing inside');
  });

  it('Escape closes the editor and focus does not fall to the body, even while the tab is in the background', async () => {
    // A tab in the background gets no animation frames: focus must not wait for one (a key pressed
    // at once went to the page body and the editor stayed open).
    const front = await browser.context.newPage();
    await findAndChoose(WORDS);
    await tabTo(page, 'Add comment');
    await page.keyboard.press('Enter');
    await expect.poll(() => editor().count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => editor().count()).toBe(0);
    await expect.poll(() => focused(page)).not.toBe('body');
    await front.close();
  });

  it('from the highlighted passage, the show-comments command opens its comments with focus inside', async () => {
    await findAndChoose(WORDS);
    await page.keyboard.press('Escape');
    await expect.poll(() => findDialog().count()).toBe(0);
    // The browser command (Alt+Shift+O) sends page/show-comments to the active tab: send it the same way.
    await page.bringToFront();
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'page/show-comments' });
    });
    await expect.poll(() => card().count()).toBe(1);
    await expect.poll(() => focused(page)).toBe('Comments on this passage');
    expect(await card().textContent()).toContain('Being treated with respect');
    await expectAxeClean(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => card().count()).toBe(0);
  });

  it('from the comment in the side panel back to the passage: selected, scrolled to and announced', async () => {
    await page.evaluate(() => getSelection()?.removeAllRanges());
    const panel = await openSidePanelFor(browser, page);
    const show = panel.getByRole('button', { name: /Show this passage/ }).first();
    await expect.poll(() => show.count()).toBe(1);
    await show.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(WORDS);
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Passage selected: personal dignity (including treatment of the');
    await panel.close();
  });
});
