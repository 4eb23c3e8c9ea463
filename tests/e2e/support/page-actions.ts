import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

/**
 * Number of passages painted as comments in the page: each is in exactly one theme colour's
 * highlight (`lea-theme-*`), focused or not. The registry is per document.
 */
export function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...registry].filter(([name]) => name.startsWith('lea-theme-')).reduce((sum, [, highlight]) => sum + highlight.size, 0);
  });
}

/** Viewport rectangle of the first occurrence of `text` in the page, for mouse actions. */
export async function textRect(page: Page, text: string): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const rect = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const r = range.getClientRects();
      const first = r[0]!;
      const last = r[r.length - 1]!;
      return { left: first.left, top: first.top, right: last.right, bottom: last.bottom, lastTop: last.top };
    }
    return null;
  }, text);
  if (!rect) throw new Error(`"${text}" is not on the page`);
  return rect;
}

/** Select `text` by dragging the mouse across it, as a person would. */
export async function selectWithMouse(page: Page, text: string): Promise<void> {
  const rect = await textRect(page, text);
  await page.mouse.move(rect.left + 1, rect.top + 4);
  await page.mouse.down();
  await page.mouse.move(rect.right - 1, rect.bottom - 4, { steps: 8 });
  await page.mouse.up();
}

/** The side panel as a tab aimed at the page's tab (a real side panel can't be opened by a test). */
export async function openSidePanelFor(browser: ExtensionBrowser, page: Page): Promise<Page> {
  await page.bringToFront();
  const worker = browser.context.serviceWorkers()[0]!;
  const tabId = await worker.evaluate(async () => (await (globalThis as unknown as { chrome: typeof import("webextension-polyfill") }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/** Press Tab until the focused control is named `name` (its label or text), as a keyboard user would. */
export async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const labelled = (el as HTMLInputElement | null)?.labels?.[0]?.textContent;
      return (el?.closest('label')?.textContent ?? labelled ?? el?.textContent ?? '').trim();
    });
    if (label === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}
