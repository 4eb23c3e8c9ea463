import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { extensionPage, launchWithExtension, type ExtensionBrowser, type ExtensionPageName } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { readBuiltManifest } from './support/paths';

// Chromium smoke test of the built extension (.output/chrome-mv3): the service worker runs,
// the content script mounts its one shadow host in a real policy page, and the extension's
// own pages have no serious or critical axe-core violations.
describe('built extension in Chromium', () => {
  let server: FixtureServer;
  let chromium: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    chromium = await launchWithExtension();
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('runs the background service worker', async () => {
    const script = readBuiltManifest('chrome-mv3').background?.service_worker;
    expect(script, 'manifest.json declares background.service_worker').toBeTruthy();
    const worker = chromium.context
      .serviceWorkers()
      .find((w) => w.url() === `chrome-extension://${chromium.extensionId}/${script}`);
    expect(worker, 'the background service worker is registered').toBeDefined();
    // Evaluating in the worker proves it is alive, not just registered.
    expect(await worker!.evaluate('chrome.runtime.id')).toBe(chromium.extensionId);
  });

  it(`mounts exactly one <${ANNOTATOR_HOST_TAG}> shadow host in a fixture page`, async () => {
    const page = await chromium.context.newPage();
    await page.goto(server.url('care-act-2014-part-1.html'));
    await page.waitForFunction((tag) => document.querySelector(tag) !== null, ANNOTATOR_HOST_TAG, { timeout: 15_000 });
    // A double injection (e.g. two content script entries) mounts its second host within
    // the same idle callback; a short settle lets it show up before counting.
    await page.waitForTimeout(500);
    const hosts = await page.evaluate(
      (tag) => [...document.querySelectorAll(tag)].map((host) => ({ openShadowRoot: host.shadowRoot !== null })),
      ANNOTATOR_HOST_TAG,
    );
    expect(hosts).toEqual([{ openShadowRoot: true }]);

    // The in-page UI (scanned inside its shadow root only: the page is not ours) is accessible at rest.
    const violations = seriousOrCritical(await runAxe(page, { context: { include: [ANNOTATOR_HOST_TAG] } }));
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });

  const pages: ExtensionPageName[] = ['popup.html', 'options.html', 'sidepanel.html', 'digest.html'];
  it.each(pages)('%s has no serious or critical axe violations', async (name) => {
    const page = await extensionPage(chromium.context, chromium.extensionId, name);
    // Preact renders after load: wait until the page shows something before scanning.
    await page.waitForFunction(() => (document.body?.innerText ?? '').trim().length > 0, undefined, { timeout: 10_000 });
    const violations = seriousOrCritical(await runAxe(page));
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });
});
