import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { fixturesDir, startFixtureServer, type FixtureServer } from './support/fixture-server';
import { openSidePanelFor, paintedCount, selectWithMouse, tabTo, textRect } from './support/page-actions';

// The whole journey of issue 2 in real Chromium with the built extension: a comment made
// with the mouse, one made with the keyboard only, both painted again after a reload, then
// edit, filter, delete with undo in the side panel, and an orphan after the page changes.
const FIXTURE = 'care-act-2014-part-1.html';
const MOUSE_QUOTE = 'promote that individual’s well-being';
const KEYBOARD_LINE = 'personal dignity (including treatment of the individual with respect);';

describe('annotating a policy page in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    // Caret browsing lets a keyboard user select page text (Chromium's F7 setting).
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'lea-annotate-'));
    mkdirSync(path.join(profileDir, 'Default'), { recursive: true });
    writeFileSync(path.join(profileDir, 'Default', 'Preferences'), JSON.stringify({ settings: { a11y: { caretbrowsing: { enabled: true } } } }));
    browser = await launchWithExtension({ profileDir });
    page = await browser.context.newPage();
    await page.goto(server.url(FIXTURE));
    await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a comment with the mouse and shows it as a highlight', async () => {
    await selectWithMouse(page, MOUSE_QUOTE);
    await page.getByRole('button', { name: 'Add comment' }).click();
    const editor = page.getByRole('dialog', { name: 'Add a comment' });
    await expect.poll(() => editor.getByText(MOUSE_QUOTE).count()).toBe(1);

    const violations = seriousOrCritical(await runAxe(page, { context: { include: [ANNOTATOR_HOST_TAG] } }));
    expect(violations, formatViolations(violations)).toEqual([]);

    // Saving empty explains itself and keeps the editor open.
    await editor.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => editor.getByRole('alert').textContent()).toContain('Please write something');

    await editor.getByLabel('What does this passage mean for your life?').fill('Being asked what matters to me, not told. <script>alert(1)</script>');
    await editor.getByLabel('Wellbeing and independence').check();
    await editor.getByLabel('I use care and support').check();
    await editor.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Comment saved.');
    await expect.poll(() => paintedCount(page)).toBe(1);
    expect(await page.evaluate(() => document.body.querySelectorAll('mark, [data-lea-highlight]').length)).toBe(0);
  });

  it('shows a highlight’s comments when the pointer rests on it', async () => {
    const rect = await textRect(page, 'individual’s well-being');
    await page.mouse.move(rect.left + 5, (rect.top + rect.bottom) / 2);
    const card = page.getByRole('dialog', { name: 'Comments on this passage' });
    await expect.poll(() => card.getByText('Being asked what matters to me').count()).toBe(1);
    // Script typed in a comment is shown as text, never run.
    expect(await card.getByText('<script>alert(1)</script>', { exact: false }).count()).toBe(1);
    await card.getByRole('button', { name: 'Close' }).click();
  });

  it('creates a comment using the keyboard only', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('h1').first().focus().catch(() => undefined);
    // Walk the caret down line by line (caret browsing), then select the line with Shift+End.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 60; i++) {
      const line = await page.evaluate(() => getSelection()?.focusNode?.parentElement?.closest('p, li, h2')?.textContent ?? '');
      if (line.includes(KEYBOARD_LINE)) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    expect(await page.evaluate(() => getSelection()?.toString())).toContain('personal dignity');

    await page.keyboard.press('Alt+Shift+C');
    const editor = page.getByRole('dialog', { name: 'Add a comment' });
    await expect.poll(() => editor.count()).toBe(1);
    await page.keyboard.type('Dignity is being spoken to, not about.');
    await tabTo(page, 'Information and advice');
    await page.keyboard.press('Space');
    await tabTo(page, 'Save comment');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Comment saved.');
    await expect.poll(() => paintedCount(page)).toBe(2);
  });

  it('paints both comments again after a reload', async () => {
    await page.reload();
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBe(2);
    // Coloured by theme (the second cue, an underline style per theme, is in the stylesheet).
    const themed = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return { wellbeing: registry.get('lea-theme-0')?.size ?? 0, information: registry.get('lea-theme-1')?.size ?? 0 };
    });
    expect(themed).toEqual({ wellbeing: 1, information: 1 });
    // The density strip offers a keyboard-reachable jump for each cluster of comments.
    const strip = page.getByRole('navigation', { name: 'Where the comments are on this page' });
    await expect.poll(() => strip.getByRole('button').count()).toBeGreaterThan(0);
    expect(await strip.getByRole('button').first().getAttribute('aria-label')).toMatch(/comments? in “1 Promoting individual well-being”/);
    const violations = seriousOrCritical(await runAxe(page, { context: { include: [ANNOTATOR_HOST_TAG] } }));
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('lists, filters, jumps to, edits and deletes comments in the side panel', async () => {
    panel = await openSidePanelFor(browser, page);
    const list = panel.getByRole('list', { name: 'Comments in page order' });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(2);
    const items = list.locator(':scope > li');
    expect(await items.nth(0).textContent()).toContain(MOUSE_QUOTE);
    expect(await items.nth(1).textContent()).toContain('personal dignity');
    expect(await items.nth(0).textContent()).toContain('1 Promoting individual well-being');
    expect(await items.nth(0).textContent()).toContain('I use care and support');

    const violations = seriousOrCritical(await runAxe(panel));
    expect(violations, formatViolations(violations)).toEqual([]);

    await panel.getByText('Filter comments').click();
    await panel.getByLabel('Show comments about').selectOption({ label: 'Information and advice (1)' });
    await expect.poll(() => list.locator(':scope > li').count()).toBe(1);
    expect(await list.textContent()).toContain('Dignity is being spoken to');
    await panel.getByLabel('Show comments about').selectOption({ index: 0 });

    await items.nth(0).getByRole('button', { name: /Show this passage/ }).click();
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('lea-focused')?.size ?? 0)).toBe(1);

    await items.nth(1).getByRole('button', { name: /^Edit/ }).click();
    await panel.getByLabel('What does this passage mean for your life?').fill('Dignity is being spoken to, not about. Every time.');
    await panel.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => list.textContent()).toContain('Every time.');

    await items.nth(0).getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => list.locator(':scope > li').count()).toBe(1);
    await expect.poll(() => paintedCount(page)).toBe(1);
    await panel.getByRole('button', { name: 'Undo delete' }).click();
    await expect.poll(() => list.locator(':scope > li').count()).toBe(2);
    await expect.poll(() => paintedCount(page)).toBe(2);
  });

  it('lists a comment whose passage has gone as not found, with its quote', async () => {
    const original = readFileSync(path.join(fixturesDir(), FIXTURE), 'utf8');
    server.setOverride(FIXTURE, original.replace('personal dignity (including treatment of the individual with respect);', 'personal circumstances;'));
    await page.reload();
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBe(1);
    await panel.reload();
    const orphans = panel.getByRole('region', { name: "Couldn't find this passage on the page now" });
    await expect.poll(() => orphans.textContent()).toContain('personal dignity');
    expect(await orphans.textContent()).toContain('Every time.');
    server.setOverride(FIXTURE, null);
  });
});

/** Press Tab until the focused control is labelled `name` (a keyboard user listening to each stop). */
