import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { findChromium } from './chromium';

/** The page's one `<h1>`. */
export const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** Plain headless Chromium (no extension), as an officer's or facilitator's work computer has. */
export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check'],
  });
}

/** What the sign-in page shows after a press of "Sign in": the name field, an error, or another page. */
export async function signInState(page: Page): Promise<'name' | 'error' | 'signed-in' | 'waiting'> {
  if ((await h1(page)) !== 'Sign in') return 'signed-in';
  const error = page.locator('main [id$="-error"]');
  const asked = (await error.count()) > 0 ? ((await error.textContent()) ?? '') : '';
  // The store asks for a name for a new code with an error-styled sentence beside the name field.
  if ((await page.getByLabel('Your name').count()) > 0 && (await page.getByLabel('Your name').inputValue()) === '') return 'name';
  if (asked && !asked.startsWith('This code is new to us')) return 'error';
  return 'waiting';
}

/** Signs in on the web app at `storeUrl` with `code`, giving `name` when the store asks for one; stops at a refusal. */
export async function signInOnWeb(page: Page, storeUrl: string, code: string, name: string): Promise<void> {
  await page.goto(`${storeUrl}/sign-in`);
  await expect.poll(() => h1(page)).toBe('Sign in');
  await page.getByLabel('Invite code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => signInState(page)).not.toBe('waiting');
  if ((await signInState(page)) === 'name') {
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => signInState(page)).toMatch(/^(signed-in|error)$/);
  }
}

/** Opens a page from the web app's navigation, as a person would, and waits for its heading and focus on it. */
export async function openFromNav(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await expect.poll(() => h1(page)).toBe(heading);
  await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');
}

/** Nothing scrolls sideways at 200% zoom (half the CSS width of a 1280 px window); tables scroll in their own box. */
export async function expectReflowsAt200(page: Page, where: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 640, height: 450 });
  const overflow = await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
  expect(overflow, `${where} scrolls sideways at 200% zoom`).toBeLessThanOrEqual(1);
  if (before) await page.setViewportSize(before);
}
