import type { ConsoleMessage, ElementHandle, Page } from 'puppeteer-core';
import { ANNOTATOR_HOST_TAG } from './annotator';

// Puppeteer (Firefox, WebDriver BiDi) versions of page-actions.ts, plus ways to find the
// add-on's controls by their visible names inside the `lea-annotator` open shadow root:
// puppeteer's `::-p-aria()` selectors find nothing in Firefox over BiDi, so names are read
// from the DOM (aria-label, <label>, button text) instead.

/** Default wait for something the add-on should show, in milliseconds. */
export const UI_TIMEOUT = 10_000;

/** A puppeteer selector for `selector` inside the annotator's shadow root (`>>>` pierces it). */
export function inAnnotator(selector: string): string {
  return `${ANNOTATOR_HOST_TAG} >>> ${selector}`;
}

/** Number of elements matching `selector` inside the annotator's shadow root (0 when not mounted). */
export function countInAnnotator(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (tag, sel) => document.querySelector(tag)?.shadowRoot?.querySelectorAll(sel).length ?? 0,
    ANNOTATOR_HOST_TAG,
    selector,
  );
}

/**
 * Text of the first element matching `selector` inside the annotator's shadow root, or ''
 * when there is none (use {@link countInAnnotator} to tell "absent" from "empty").
 */
export function textInAnnotator(page: Page, selector: string): Promise<string> {
  return page.evaluate(
    (tag, sel) => document.querySelector(tag)?.shadowRoot?.querySelector(sel)?.textContent ?? '',
    ANNOTATOR_HOST_TAG,
    selector,
  );
}

/** Number of enabled buttons in the annotator whose text is exactly `name` (trimmed). */
export function countButtonsNamed(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (tag, wanted) =>
      [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('button') ?? [])].filter(
        (b) => !b.disabled && b.textContent?.trim() === wanted,
      ).length,
    ANNOTATOR_HOST_TAG,
    name,
  );
}

/** Waits for the enabled annotator button whose text is exactly `name`; throws on timeout. */
export async function buttonNamed(page: Page, name: string, timeout = UI_TIMEOUT): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page
    .waitForFunction(
      (tag, wanted) =>
        [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('button') ?? [])].find(
          (b) => !b.disabled && b.textContent?.trim() === wanted,
        ) ?? null,
      { timeout },
      ANNOTATOR_HOST_TAG,
      name,
    )
    .catch((error: unknown) => {
      throw new Error(`No "${name}" button appeared in <${ANNOTATOR_HOST_TAG}> within ${timeout} ms: ${String(error)}`);
    });
  return handle.asElement() as ElementHandle<HTMLButtonElement>;
}

/**
 * Waits for the form control in the annotator whose `<label>` text is exactly `label` (a
 * `for=` label or a wrapping one: `label.control`); throws on timeout.
 */
export async function controlLabelled<T extends HTMLElement = HTMLInputElement>(
  page: Page,
  label: string,
  timeout = UI_TIMEOUT,
): Promise<ElementHandle<T>> {
  const handle = await page
    .waitForFunction(
      (tag, wanted) =>
        [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.trim() === wanted)
          ?.control ?? null,
      { timeout },
      ANNOTATOR_HOST_TAG,
      label,
    )
    .catch((error: unknown) => {
      throw new Error(`No control labelled "${label}" appeared in <${ANNOTATOR_HOST_TAG}> within ${timeout} ms: ${String(error)}`);
    });
  return handle.asElement() as ElementHandle<T>;
}

/**
 * The text of each passage painted in the page's CSS Custom Highlight registry under `name`,
 * or by default in any theme colour (`lea-theme-*`, where comments are painted). The
 * registry is per document, so the page's own world sees what the content script
 * registered. Empty when nothing is registered.
 */
export function paintedPassages(page: Page, name?: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    const chosen = [...(registry ?? [])].filter(([key]) => (highlightName ? key === highlightName : key.startsWith('lea-theme-')));
    return chosen.flatMap(([, highlight]) => [...highlight].map((range) => (range instanceof Range ? range.toString() : '(static range)')));
  }, name ?? null);
}

/** Number of `<mark data-lea-highlight>` elements (the painter's fallback when the API is missing). */
export function fallbackMarkCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('mark[data-lea-highlight]').length);
}

/** Viewport rectangle of the first occurrence of `text` in the page (scrolled to the middle). */
export async function textRect(page: Page, text: string): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const rect = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(needle);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) return null;
      return { left: first.left, top: first.top, right: last.right, bottom: last.bottom };
    }
    return null;
  }, text);
  if (!rect) throw new Error(`"${text}" is not on the page (or has no layout box)`);
  return rect;
}

/** Select `text` by dragging the mouse across its client rects, as a person would. */
export async function selectWithMouse(page: Page, text: string): Promise<void> {
  const rect = await textRect(page, text);
  await page.mouse.move(rect.left + 1, rect.top + 4);
  await page.mouse.down();
  await page.mouse.move(rect.right - 1, rect.bottom - 4, { steps: 8 });
  await page.mouse.up();
}

/** The page's current selection as text. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/** One console message seen in a page (its own scripts and the add-on's content script). */
export interface PageConsoleEntry {
  type: string;
  text: string;
}

/**
 * Records `page`'s console (Firefox reports the add-on's content-script console calls and
 * uncaught errors here as well) into the returned array, as it happens.
 */
export function recordConsole(page: Page): PageConsoleEntry[] {
  const entries: PageConsoleEntry[] = [];
  page.on('console', (message: ConsoleMessage) => entries.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error: unknown) => entries.push({ type: 'pageerror', text: String(error) }));
  return entries;
}
