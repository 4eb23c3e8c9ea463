import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnotation } from '../../utils/model';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { openSidePanelFor } from './support/page-actions';
import { listedPassages, pageUri, saveComments } from './support/panel-actions';

// Issue 11, item 17: at 200% zoom Chrome's side panel is about 180 CSS pixels wide. Nothing in
// the panel (filters with their date inputs, the export buttons, the list) may stick out of
// it or make it scroll sideways.
const FIXTURE = 'care-act-2014-part-1.html';
const QUOTE = 'protection from abuse and neglect';

/** Elements wider than the panel or reaching past its right edge, and whether the page scrolls sideways. */
function overflow(panel: Page) {
  return panel.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) return false; // not rendered (a closed section)
        if (el.closest('.sr-only')) return false; // for screen readers only: clipped to 1 px, never shown
        return el.scrollWidth > width || rect.right > width + 0.5 || rect.left < -0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}" right=${Math.round(el.getBoundingClientRect().right)} scrollWidth=${el.scrollWidth}`);
    return { width, sideways: document.documentElement.scrollWidth > width, over };
  });
}

describe('the side panel at 200% zoom (180 px wide) in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(server.url(FIXTURE));
    await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
    panel = await openSidePanelFor(browser, page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fits the filters, dates, list and export buttons without sideways scrolling', async () => {
    const built = buildAnnotation({
      id: 'urn:uuid:01890a5d-ac96-774b-bcce-000000000177',
      now: new Date('2026-06-01T12:00:00Z'),
      draft: { text: 'Nobody checked on my mother for weeks.', themes: ['Wellbeing and independence'], perspective: 'family', attribution: 'anonymous', visibility: 'group', kind: 'comment' },
      target: { source: await pageUri(panel), selectors: [{ type: 'TextQuoteSelector', exact: QUOTE }, { type: 'TextPositionSelector', start: 0, end: QUOTE.length }] },
      authorName: '',
    });
    if (!built.ok) throw new Error(built.problems.join(' '));
    await saveComments(panel, [built.value]);
    await panel.setViewportSize({ width: 180, height: 900 });
    await panel.reload();
    await expect.poll(() => listedPassages(panel)).toEqual([QUOTE]);
    await panel.getByText('Filter comments').click();
    await panel.getByLabel('Written from').fill('2026-01-01');
    await expect.poll(() => panel.getByRole('button', { name: 'Word', exact: true }).count()).toBe(1);

    const result = await overflow(panel);
    expect(result.width).toBe(180);
    expect(result.over, result.over.join('\n')).toEqual([]);
    expect(result.sideways).toBe(false);
  });
});
