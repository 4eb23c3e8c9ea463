import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { repoRoot } from './support/paths';

// The content script's comment painter on the 335-page Finance Act in Chromium, with 600
// comments spread down the page: theme colours are registered only near the viewport, every
// passage on screen is painted at the top and after jumps down the page, and printing
// registers every passage. The painting code is the bench's page script (tests/bench/overlay-page.ts),
// which runs utils/page-session/comment-painter.ts and the density strip exactly as the content script does.

type OnScreen = { visibleChecked: number; visibleMissing: number };
type Result = OnScreen & { painted: number; marks: number };
type Bench = { prepare(n: number): Promise<void>; ours(nearViewportOnly: boolean, checkVisible?: boolean): Promise<Result>; registeredCount(): number; onScreen(): OnScreen };
const COMMENTS = 600;

describe('comment painter near the viewport, in Chromium', () => {
  let browser: Browser;
  let server: FixtureServer;
  let page: Page;
  let code: string;

  /** The Finance Act with the bench's page script and its comments, not yet painted. */
  async function openFinanceAct() {
    const opened = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await opened.goto(server.url('finance-act-2013.html'));
    await opened.addScriptTag({ content: code });
    await opened.evaluate((n) => (window as unknown as { overlayBench: Bench }).overlayBench.prepare(n), COMMENTS);
    return opened;
  }

  beforeAll(async () => {
    code = (
      await build({ entryPoints: [join(repoRoot, 'tests/bench/overlay-page.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent', jsx: 'automatic', jsxImportSource: 'preact' })
    ).outputFiles[0]!.text;
    server = await startFixtureServer();
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await openFinanceAct();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const registered = () => page.evaluate(() => (window as unknown as { overlayBench: Bench }).overlayBench.registeredCount());

  it('paints every passage on screen, at the top and after jumps down the page, without registering the whole page', async () => {
    const result = await page.evaluate(() => (window as unknown as { overlayBench: Bench }).overlayBench.ours(true));
    expect(result.painted).toBe(COMMENTS);
    expect(result.marks).toBeGreaterThan(10);
    expect(result.visibleChecked).toBeGreaterThan(0);
    expect(result.visibleMissing).toBe(0);
    const near = await registered();
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(COMMENTS / 4);
  });

  it('registers every passage for printing, and only those near the viewport again after', async () => {
    const before = await registered();
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await registered()).toBe(COMMENTS);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await registered()).toBe(before);
  });

  it('paints the passages in a section the reader opens on screen, without a scroll', async () => {
    const reading = await openFinanceAct();
    try {
      // A stretch 40% of the way down is closed (like a GOV.UK accordion) when the comments arrive.
      const closed = await reading.evaluate(() => {
        scrollTo(0, Math.round(0.4 * document.documentElement.scrollHeight));
        const inLowerPart = (element: Element) => {
          const box = element.getBoundingClientRect();
          return box.top > 0.3 * innerHeight && box.bottom < innerHeight;
        };
        const blocks = [...document.querySelectorAll('li, p, h4, h5, tr')].filter(inLowerPart);
        const outermost = blocks.filter((block) => !blocks.some((other) => other !== block && other.contains(block)));
        for (const block of outermost) {
          (block as HTMLElement).style.display = 'none';
          block.setAttribute('data-closed', '');
        }
        scrollTo(0, 0);
        return outermost.length;
      });
      expect(closed).toBeGreaterThan(0);
      await reading.evaluate(() => (window as unknown as { overlayBench: Bench }).overlayBench.ours(true, false));
      const opened = await reading.evaluate(async () => {
        scrollTo(0, Math.round(0.4 * document.documentElement.scrollHeight));
        await new Promise((frame) => requestAnimationFrame(frame));
        const before = (window as unknown as { overlayBench: Bench }).overlayBench.onScreen();
        for (const block of document.querySelectorAll<HTMLElement>('[data-closed]')) block.style.display = '';
        await new Promise((frame) => requestAnimationFrame(frame));
        await new Promise((frame) => requestAnimationFrame(frame));
        return { before, after: (window as unknown as { overlayBench: Bench }).overlayBench.onScreen() };
      });
      // More passages are on screen once the section is open, and every one of them is painted.
      expect(opened.after.visibleChecked).toBeGreaterThan(opened.before.visibleChecked);
      expect(opened.after.visibleMissing).toBe(0);
    } finally {
      await reading.close();
    }
  });
});
