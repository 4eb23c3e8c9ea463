import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './support/firefox';
import {
  UI_TIMEOUT,
  buttonNamed,
  controlLabelled,
  countButtonsNamed,
  countInAnnotator,
  fallbackMarkCount,
  paintedPassages,
  recordConsole,
  selectWithMouse,
  selectedText,
  textInAnnotator,
  textRect,
  type PageConsoleEntry,
} from './support/firefox-page-actions';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { builtExtensionDir, readBuiltManifest } from './support/paths';
import { formatLintMessages, lintFirefoxAddon } from './support/web-ext-lint';
import { CATALOGUES } from '../../utils/i18n/catalogue';

// Firefox checks of the built add-on (.output/firefox-mv2): addons-linter finds no errors,
// Debian's Firefox ESR installs it and runs its content script on a real policy page, and a
// person can comment on a passage there: select with the mouse, "Add comment", write, pick a
// theme, save (through the background page into IndexedDB), see it painted again after a
// reload, and read it by resting the pointer on the passage.
const FIXTURE = 'care-act-2014-part-1.html';
const QUOTE = 'promote that individual’s well-being';
const HOVER_TEXT = 'individual’s well-being';
const COMMENT = 'Being asked what matters to me, not told. Firefox journey.';
const THEME = 'Wellbeing and independence';
const TEXT_LABEL = 'What does this passage mean for your life?';
const EDITOR = '[role="dialog"][aria-label="Add a comment"]';
const CARD = 'section[aria-label="Comments on this passage"]';
const STATUS = '[role="status"]';
const poll = { timeout: UI_TIMEOUT, interval: 100 };

describe('built add-on for Firefox', () => {
  it('has no web-ext lint errors', async () => {
    const report = await lintFirefoxAddon(builtExtensionDir('firefox-mv2'));
    expect(report.summary.errors, formatLintMessages(report.errors)).toBe(0);
  });

  it('names itself in the browser’s language: default_locale, and every __MSG_ name in both _locales files', () => {
    const dir = builtExtensionDir('firefox-mv2');
    const manifestText = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as { default_locale?: string; name: string; description?: string; browser_action?: { default_title?: string } };
    expect(manifest.default_locale).toBe('en_GB');
    // The words people see in the browser's lists come from _locales, not from English in the manifest.
    expect(manifest.name).toBe('__MSG_manifest_name__');
    expect(manifest.description).toBe('__MSG_manifest_description__');
    expect(manifest.browser_action?.default_title).toBe('__MSG_manifest_name__');
    const names = [...new Set([...manifestText.matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!))].sort();
    // Name, description and each keyboard command's description.
    expect(names).toEqual(['manifest_commandAddComment', 'manifest_commandShowComments', 'manifest_description', 'manifest_name']);
    const folders = { en_GB: 'en-GB', cy: 'cy' } as const;
    for (const [folder, locale] of Object.entries(folders)) {
      const messages = JSON.parse(readFileSync(path.join(dir, '_locales', folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      for (const name of names) {
        expect(messages[name]?.message, `${folder}/messages.json has ${name}`).toBe(CATALOGUES[locale][name.replace('_', '.') as keyof (typeof CATALOGUES)['cy']]);
      }
    }
    const welsh = JSON.parse(readFileSync(path.join(dir, '_locales', 'cy', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    expect(welsh.manifest_name?.message).toBe('Anodydd Profiad Bywyd');
  });

  describe('in Firefox ESR', () => {
    let server: FixtureServer;
    let firefox: FirefoxExtensionBrowser;

    beforeAll(async () => {
      server = await startFixtureServer();
      firefox = await launchFirefoxWithExtension();
    });

    afterAll(async () => {
      await firefox?.close();
      await server?.close();
    });

    it('installs the add-on under its gecko id', () => {
      const geckoId = readBuiltManifest('firefox-mv2').browser_specific_settings?.gecko?.id;
      expect(geckoId, 'manifest.json declares browser_specific_settings.gecko.id').toBeTruthy();
      expect(firefox.addonId).toBe(geckoId);
    });

    it(`mounts the <${ANNOTATOR_HOST_TAG}> shadow host in a fixture page, again after reload`, async () => {
      const page = await firefox.openPage(server.url('care-act-2014-part-1.html'));
      const countHosts = () =>
        page.evaluate((tag) => [...document.querySelectorAll(tag)].filter((h) => h.shadowRoot !== null).length, ANNOTATOR_HOST_TAG);

      await page.waitForSelector(ANNOTATOR_HOST_TAG, { timeout: 15_000 });
      expect(await countHosts()).toBe(1);

      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector(ANNOTATOR_HOST_TAG, { timeout: 15_000 });
      expect(await countHosts()).toBe(1);
      await page.close();
    });

    describe('commenting on a passage', () => {
      // `page` is where the person works; `other` shows the same document in a second tab,
      // which the background page must tell to repaint after the save.
      let page: Page;
      let other: Page;
      let pageConsole: PageConsoleEntry[];
      let otherConsole: PageConsoleEntry[];
      /** What Firefox said, for failure messages: page consoles and the add-on's own output. */
      const diagnostics = () =>
        [
          'page console:',
          ...pageConsole.map((e) => `  ${e.type}: ${e.text}`),
          'second tab console:',
          ...otherConsole.map((e) => `  ${e.type}: ${e.text}`),
          'Firefox output (background page console, add-on errors):',
          ...firefox.output().filter((line) => /^(console\.|JavaScript error)/.test(line)).map((line) => `  ${line}`),
        ].join('\n');

      /** A new tab on the fixture, its console recorded from before the content script runs. */
      async function openFixture(): Promise<{ tab: Page; console: PageConsoleEntry[] }> {
        const tab = await firefox.browser.newPage();
        const console = recordConsole(tab);
        await tab.goto(server.url(FIXTURE), { waitUntil: 'load' });
        return { tab, console };
      }

      beforeAll(async () => {
        ({ tab: other, console: otherConsole } = await openFixture());
        ({ tab: page, console: pageConsole } = await openFixture());
        await page.bringToFront();
        await page.waitForSelector(ANNOTATOR_HOST_TAG, { timeout: 15_000 });
        await other.waitForSelector(ANNOTATOR_HOST_TAG, { timeout: 15_000 });
      });

      afterAll(async () => {
        await other?.close();
        await page?.close();
      });

      it('uses the CSS Custom Highlight API, with nothing painted yet', async () => {
        const registered = await page.evaluate(() => ({
          highlightConstructor: typeof (globalThis as { Highlight?: unknown }).Highlight,
          names: [...((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.keys() ?? [])].sort(),
        }));
        expect(registered.highlightConstructor).toBe('function');
        // The content script registered its highlights in the page's own registry.
        expect(registered.names, diagnostics()).toEqual(['lea-comment', 'lea-draft', 'lea-flash', 'lea-focused']);
        expect(await paintedPassages(page)).toEqual([]);
        expect(await fallbackMarkCount(page)).toBe(0);
        expect(await countButtonsNamed(page, 'Add comment')).toBe(0);
      });

      it('opens the editor from "Add comment" after a mouse selection', async () => {
        await selectWithMouse(page, QUOTE);
        expect(await selectedText(page)).toBe(QUOTE);

        const add = await buttonNamed(page, 'Add comment');
        await add.click();
        await expect.poll(() => countInAnnotator(page, EDITOR), poll).toBe(1);
        expect(await textInAnnotator(page, `${EDITOR} blockquote`)).toBe(QUOTE);
        expect(await countButtonsNamed(page, 'Add comment')).toBe(0);
      });

      it('saves a comment with a theme and paints its passage, in this tab and the other', async () => {
        // Saving empty explains itself and keeps the editor open.
        await (await buttonNamed(page, 'Save comment')).click();
        await expect.poll(() => textInAnnotator(page, `${EDITOR} [role="alert"]`), poll).toContain('Please write something');
        expect(await countInAnnotator(page, EDITOR)).toBe(1);

        const textarea = await controlLabelled<HTMLTextAreaElement>(page, TEXT_LABEL);
        expect(await textarea.evaluate((el) => el.tagName)).toBe('TEXTAREA');
        await textarea.type(COMMENT);
        expect(await textarea.evaluate((el) => el.value)).toBe(COMMENT);

        const theme = await controlLabelled(page, THEME);
        expect(await theme.evaluate((el) => el.type)).toBe('checkbox');
        await theme.click();
        expect(await theme.evaluate((el) => el.checked)).toBe(true);

        await (await buttonNamed(page, 'Save comment')).click();
        await expect.poll(() => textInAnnotator(page, STATUS), poll).toBe('Comment saved.');
        expect(await countInAnnotator(page, EDITOR), diagnostics()).toBe(0);
        await expect.poll(() => paintedPassages(page), poll).toEqual([QUOTE]);
        // The background page told every tab to repaint: the same document in another tab.
        await expect.poll(() => paintedPassages(other), poll).toEqual([QUOTE]);
      });

      it('paints the comment again after a reload, through the Highlight API (no <mark> fallback)', async () => {
        await page.reload({ waitUntil: 'load' });
        await page.waitForSelector(ANNOTATOR_HOST_TAG, { timeout: 15_000 });
        await expect.poll(() => paintedPassages(page), poll).toEqual([QUOTE]);
        expect(await paintedPassages(page, 'lea-focused')).toEqual([]);
        expect(await fallbackMarkCount(page)).toBe(0);
      });

      it('shows the comment when the pointer rests on the passage, and hides it when it leaves', async () => {
        expect(await countInAnnotator(page, CARD)).toBe(0);
        const rect = await textRect(page, HOVER_TEXT);
        await page.mouse.move(rect.left + 5, (rect.top + rect.bottom) / 2);
        await expect.poll(() => textInAnnotator(page, CARD), poll).toContain(COMMENT);
        const card = await textInAnnotator(page, CARD);
        expect(card).toContain('1 comment on this passage');
        expect(card).toContain(THEME);

        // Away from any passage (the page margin, above the text) the card goes.
        await page.mouse.move(2, Math.max(2, rect.top - 60));
        await expect.poll(() => countInAnnotator(page, CARD), poll).toBe(0);
      });

      it('logs no add-on errors or warnings along the way', () => {
        const problems = [...pageConsole, ...otherConsole].filter((e) => ['error', 'warn', 'warning', 'pageerror'].includes(e.type));
        expect(problems, diagnostics()).toEqual([]);
        expect(firefox.addonErrors(), diagnostics()).toEqual([]);
      });
    });
  });
});
