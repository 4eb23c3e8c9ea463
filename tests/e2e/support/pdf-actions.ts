import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

/** The annotator's PDF viewer showing `url`. */
export function viewerUrl(browser: ExtensionBrowser, url: string): string {
  return `chrome-extension://${browser.extensionId}/pdf-viewer.html?file=${encodeURIComponent(url)}`;
}

/** Waits until page `n`'s text layer is drawn (pdf.js adds `.endOfContent` last). */
export async function waitForTextLayer(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`.page[data-page-number="${n}"] .textLayer .endOfContent`, { state: 'attached', timeout: 30_000 });
}

/** A phrase from page `n`'s text layer: part of its longest text span, `length` characters. */
export async function phraseOnPage(page: Page, n: number, length = 30): Promise<string> {
  return page.evaluate(
    ({ n, length }) => {
      const spans = Array.from(document.querySelectorAll(`.page[data-page-number="${n}"] .textLayer span:not(.markedContent)`));
      const longest = spans.map((s) => s.textContent ?? '').sort((a, b) => b.length - a.length)[0] ?? '';
      return longest.trim().slice(0, length).trim();
    },
    { n, length },
  );
}

/** Selects `text` inside page `n`'s text layer by dragging the mouse over it. */
export async function selectInPdf(page: Page, n: number, text: string): Promise<void> {
  const locate = (scroll: boolean) =>
    page.evaluate(
      ({ n, text, scroll }) => {
        const layer = document.querySelector(`.page[data-page-number="${n}"] .textLayer`)!;
        const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.nodeValue!.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const before = range.getBoundingClientRect();
          const onScreen = before.top > 80 && before.bottom < innerHeight - 20;
          if (scroll && !onScreen) (node.parentElement as HTMLElement).scrollIntoView({ block: 'center', behavior: 'instant' });
          const r = range.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }
        return null;
      },
      { n, text, scroll },
    );
  if (!(await locate(true))) throw new Error(`"${text}" is not in the text layer of page ${n}`);
  // The viewer may still be drawing neighbouring pages after the scroll: measure once it settles.
  await page.waitForTimeout(300);
  const rect = (await locate(false))!;
  const y = (rect.top + rect.bottom) / 2;
  await page.mouse.move(rect.left + 1, y);
  await page.mouse.down();
  await page.mouse.move(rect.right - 1, y, { steps: 8 });
  await page.mouse.up();
}

/** Writes and saves a comment on the current selection through the viewer's editor. */
export async function commentOnSelection(page: Page, words: string): Promise<void> {
  await page.getByRole('button', { name: 'Add comment' }).click();
  const editor = page.getByRole('dialog', { name: 'Add a comment' });
  await editor.getByLabel('What does this passage mean for your life?').fill(words);
  await editor.getByRole('button', { name: 'Save comment' }).click();
  await page.getByRole('status').filter({ hasText: 'Comment saved.' }).waitFor({ timeout: 10_000 });
}

/** Texts of the passages painted as comments in the document: the theme colours' highlights (CSS Custom Highlight API). */
export function paintedPassages(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...registry].filter(([name]) => name.startsWith('lea-theme-')).flatMap(([, highlight]) => [...highlight].map((r) => r.toString()));
  });
}
