import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { builtExtensionDir } from './paths';

/** Debian's Chromium, the browser the end-to-end tests drive (Playwright's own builds are not used). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Path of the Chromium binary: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`.
 * Throws an Error saying how to install it when the binary is missing.
 */
export function findChromium(): string {
  const executable = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium not found at ${executable}. Install it with: ` +
        'sudo apt-get update && sudo apt-get install -y chromium ' +
        '(or set CHROMIUM_PATH to a Chromium binary).',
    );
  }
  return executable;
}

/** A Chromium persistent context with the built extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's id, the host of its `chrome-extension://` URLs. */
  extensionId: string;
  /** Closes the browser; removes the profile directory if it was a temporary one. */
  close(): Promise<void>;
}

/** Options for {@link launchWithExtension}. */
export interface LaunchOptions {
  /** Keep the profile here (e.g. to relaunch onto the same IndexedDB); default a fresh temp dir. */
  profileDir?: string;
  /** Unpacked extension to load; default the build in `.output/chrome-mv3`. */
  extensionDir?: string;
}

/**
 * Launches headless Chromium with the unpacked extension loaded and waits for its service
 * worker. Playwright's `headless: true` already passes `--headless` (the new headless mode
 * since Chromium 132, which runs extensions); `--headless=new` is kept to say so explicitly.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  const extensionDir = path.resolve(options.extensionDir ?? builtExtensionDir('chrome-mv3'));
  const ownsProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? (await mkdtemp(path.join(os.tmpdir(), 'lea-chromium-')));

  const removeTempProfile = async () => {
    if (ownsProfile) await rm(profileDir, { recursive: true, force: true });
  };

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: [
        '--headless=new',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
      ],
    });
  } catch (error) {
    await removeTempProfile();
    throw error;
  }

  const close = async () => {
    await context.close();
    await removeTempProfile();
  };

  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return { context, extensionId, close };
  } catch (error) {
    await close();
    throw new Error(`The extension in ${extensionDir} started no service worker: ${String(error)}`);
  }
}

/** The extension pages the tests open directly. */
export type ExtensionPageName = 'sidepanel.html' | 'popup.html' | 'options.html' | 'digest.html';

/** Opens one of the extension's pages in a new tab and waits for it to load. */
export async function extensionPage(
  context: BrowserContext,
  extensionId: string,
  name: ExtensionPageName,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${name}`, { waitUntil: 'load' });
  return page;
}
