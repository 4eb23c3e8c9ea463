import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { builtExtensionDir, readBuiltManifest } from './support/paths';
import { formatLintMessages, lintFirefoxAddon } from './support/web-ext-lint';

// Firefox checks of the built add-on (.output/firefox-mv2): addons-linter finds no errors,
// and Debian's Firefox ESR installs it and runs its content script on a real policy page.
describe('built add-on for Firefox', () => {
  it('has no web-ext lint errors', async () => {
    const report = await lintFirefoxAddon(builtExtensionDir('firefox-mv2'));
    expect(report.summary.errors, formatLintMessages(report.errors)).toBe(0);
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
  });
});
