import type { Page } from 'playwright-core';
import type { LeaAnnotation } from '../../../utils/model';

type Chrome = typeof import('webextension-polyfill');

/** The tab a side panel page opened by `openSidePanelFor` is aimed at (its `?tab=` parameter). */
export function panelTabId(panel: Page): number {
  return Number(new URL(panel.url()).searchParams.get('tab'));
}

/** The address the page's content script files comments under (after rel=canonical), asked from the panel. */
export async function pageUri(panel: Page): Promise<string> {
  return panel.evaluate(async (tabId) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const reply = (await chrome.tabs.sendMessage(tabId, { type: 'page/get-state' })) as { ok: boolean; value: { uri: string } };
    return reply.value.uri;
  }, panelTabId(panel));
}

/** Stores comments through the background, as the side panel saves an edit (faster than the UI for many). */
export async function saveComments(panel: Page, annotations: LeaAnnotation[]): Promise<void> {
  for (const annotation of annotations) {
    const reply = await panel.evaluate(async (a) => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      return (await chrome.runtime.sendMessage({ type: 'annotations/save', annotation: a })) as { ok: boolean; error?: string };
    }, annotation as unknown as Record<string, unknown>);
    if (!reply.ok) throw new Error(`The background refused a test comment: ${reply.error}`);
  }
}

/** The passages highlighted on the page (each comment's range in its theme colour), as sorted text. */
export function paintedPassages(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...registry]
      .filter(([name]) => name.startsWith('lea-theme-'))
      .flatMap(([, highlight]) => [...highlight].map((range) => range.toString().replace(/\s+/g, ' ').trim()))
      .sort();
  });
}

/** The quotes of the passages the side panel lists (found on the page), as sorted text. */
export async function listedPassages(panel: Page): Promise<string[]> {
  const quotes = await panel
    .getByRole('list', { name: 'Comments in page order' })
    .getByRole('button', { name: /^Show this passage on the page:/ })
    .allTextContents();
  return quotes.map((q) => q.replace('Show this passage on the page:', '').replace(/\s+/g, ' ').trim()).sort();
}
