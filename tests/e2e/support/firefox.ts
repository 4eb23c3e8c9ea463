import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { builtExtensionDir } from './paths';

/** Debian's Firefox ESR; puppeteer-core 24 drives it over WebDriver BiDi (Playwright cannot). */
export const DEFAULT_FIREFOX_PATH = '/usr/bin/firefox-esr';

/**
 * Path of the Firefox binary: `$FIREFOX_PATH`, else Debian's `/usr/bin/firefox-esr`.
 * Throws an Error saying how to install it when the binary is missing.
 */
export function findFirefox(): string {
  const executable = process.env.FIREFOX_PATH || DEFAULT_FIREFOX_PATH;
  if (!existsSync(executable)) {
    throw new Error(
      `Firefox not found at ${executable}. Install it with: ` +
        'sudo apt-get update && sudo apt-get install -y firefox-esr ' +
        '(or set FIREFOX_PATH to a Firefox binary).',
    );
  }
  return executable;
}

/** A headless Firefox with the built add-on installed as a temporary add-on. */
export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on id Firefox reports (the manifest's `browser_specific_settings.gecko.id`). */
  addonId: string;
  /** Opens `url` in a new tab and waits for its load event; reuse `page.reload()` to reload. */
  openPage(url: string): Promise<Page>;
  /** Closes the browser (puppeteer removes its temporary profile). */
  close(): Promise<void>;
}

/** Options for {@link launchFirefoxWithExtension}. */
export interface FirefoxLaunchOptions {
  /** Profile directory to keep between launches; default a temporary one. */
  profileDir?: string;
  /** Unpacked add-on to install; default the build in `.output/firefox-mv2`. */
  extensionDir?: string;
  /** Extra Firefox preferences, merged over the defaults. */
  prefs?: Record<string, unknown>;
}

/**
 * Launches headless Firefox ESR over WebDriver BiDi and installs the unpacked add-on with
 * `browser.installExtension` (a temporary install, so no signing is needed).
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const executablePath = findFirefox();
  const extensionDir = path.resolve(options.extensionDir ?? builtExtensionDir('firefox-mv2'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    extraPrefsFirefox: {
      // Local test pages only: no first-run pages, telemetry or update checks.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      ...options.prefs,
    },
  });
  try {
    const addonId = await browser.installExtension(extensionDir);
    return {
      browser,
      addonId,
      openPage: async (url) => {
        const page = await browser.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox did not install the add-on in ${extensionDir}: ${String(error)}`);
  }
}
