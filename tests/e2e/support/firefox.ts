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
  /**
   * Lines Firefox printed (stdout and stderr) since launch, the newest last (at most
   * {@link MAX_OUTPUT_LINES}). With `devtools.console.stdout.content` on, this includes every
   * `console.*` call of the add-on's background page (`console.log: "…"`), which WebDriver BiDi
   * cannot reach, and the uncaught errors of all its scripts.
   */
  output(): string[];
  /**
   * Uncaught errors and unhandled rejections Firefox reported from the add-on's own scripts
   * (background page, content scripts, extension pages): the `JavaScript error: moz-extension://…`
   * lines of {@link output}.
   */
  addonErrors(): string[];
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

/** How many lines of Firefox's output {@link FirefoxExtensionBrowser.output} keeps. */
export const MAX_OUTPUT_LINES = 5000;

/** Collects a child process's output as lines (a chunk may end mid-line). */
function recordLines(streams: Array<NodeJS.ReadableStream | null | undefined>): () => string[] {
  const lines: string[] = [];
  for (const stream of streams) {
    if (!stream) continue;
    let partial = '';
    stream.on('data', (chunk: Buffer | string) => {
      const parts = (partial + chunk.toString()).split(/\r?\n/);
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.trim() !== ''));
      if (lines.length > MAX_OUTPUT_LINES) lines.splice(0, lines.length - MAX_OUTPUT_LINES);
    });
  }
  return () => [...lines];
}

/**
 * Launches headless Firefox ESR over WebDriver BiDi and installs the unpacked add-on with
 * `browser.installExtension` (a temporary install, so no signing is needed). Firefox's output
 * is recorded (see {@link FirefoxExtensionBrowser.output}) so tests can show the background
 * page's console and the add-on's uncaught errors.
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
      // Print console.* calls of content globals (pages, content scripts and the add-on's
      // background page) on stdout, where output() reads them.
      'devtools.console.stdout.content': true,
      ...options.prefs,
    },
  });
  const child = browser.process();
  const output = recordLines([child?.stdout, child?.stderr]);
  try {
    const addonId = await browser.installExtension(extensionDir);
    return {
      browser,
      addonId,
      output,
      addonErrors: () => output().filter((line) => line.startsWith('JavaScript error: moz-extension://')),
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
