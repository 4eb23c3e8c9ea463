import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedStore } from '../../server/test/support/spawn-store';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { findChromium } from './support/chromium';
import { fixturesDir, startFixtureServer, type FixtureServer } from './support/fixture-server';
import { startGroupStore, type GroupInvites } from './support/group-actions';
import { repoRoot } from './support/paths';
import { seedComment } from './support/seed-comment';

// The group's web app in Welsh: a browser that asks for Welsh (Accept-Language: cy) gets
// <html lang="cy"> and Welsh pages; the language switch in the header works by keyboard, keeps
// focus on itself, and the choice wins over Accept-Language after a reload. Every page passes
// axe (no serious or critical problems) in both languages.

const PAGE = 'care-act-2014-part-1.html';
const DIGNITY = 'Being treated with dignity means being asked, not told, what help I need.';

let store: SpawnedStore;
let invites: GroupInvites;
let fixtures: FixtureServer;
let browser: Browser;
let source: string;
let dignityUuid: string;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const lang = (page: Page) => page.evaluate('document.documentElement.lang');

async function expectNoSeriousAxe(page: Page, where: string) {
  const violations = await runAxe(page);
  expect(seriousOrCritical(violations), `${where}: ${formatViolations(violations)}`).toEqual([]);
}

/** Tab (at most `max` times) until the focused element matches `test` (a string of JS over `el`). */
async function tabTo(page: Page, test: string, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${test}); })()`)) return;
  }
  throw new Error(`Focus never reached: ${test}`);
}

/** Choose a language with the keyboard alone (Tab to its button from the top, then `key`). */
async function switchByKeyboard(page: Page, name: 'English' | 'Cymraeg', key: 'Enter' | ' ' = 'Enter') {
  await page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0)');
  await tabTo(page, `el.tagName === 'BUTTON' && el.textContent === ${JSON.stringify(name)}`);
  await page.keyboard.press(key === ' ' ? 'Space' : key);
  const expected = name === 'English' ? 'en-GB' : 'cy';
  await expect.poll(() => lang(page)).toBe(expected);
  // Focus stays on the switch: the same button, now pressed.
  expect(await page.evaluate('[document.activeElement?.textContent, document.activeElement?.getAttribute("aria-pressed"), document.activeElement?.lang]')).toEqual([name, 'true', expected]);
}

/** The page in Welsh, then in English (axe in both), then back to Welsh. */
async function checkBothLanguages(page: Page, where: string, welsh: string, english: string) {
  await expect.poll(() => h1(page)).toBe(welsh);
  expect(await lang(page)).toBe('cy');
  await expectNoSeriousAxe(page, `${where} (Cymraeg)`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => h1(page)).toBe(english);
  expect(await lang(page)).toBe('en-GB');
  await expectNoSeriousAxe(page, `${where} (English)`);
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await expect.poll(() => h1(page)).toBe(welsh);
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, '.output/webapp/index.html'))) throw new Error('The web app is not built: run "npm run build:webapp" first (npm run test:e2e does).');
  fixtures = await startFixtureServer();
  source = fixtures.url(PAGE);
  ({ store, invites } = await startGroupStore());
  const joined = await fetch(`${store.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: invites.member, displayName: 'Mo Member' }) });
  expect(joined.status).toBe(201);
  const { token, group } = (await joined.json()) as { token: string; group: string };
  const text = readFileSync(path.join(fixturesDir(), PAGE), 'utf8').replace(/<[^>]*>/g, '');
  const comment = seedComment({ text: DIGNITY, source, quote: 'personal dignity', start: Math.max(0, text.indexOf('personal dignity')), section: '1 Promoting individual well-being', theme: 'wellbeing-and-independence' });
  const put = await fetch(`${store.url}/api/groups/${group}/annotations/${comment.id.slice(9)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-none-match': '*' },
    body: JSON.stringify(comment),
  });
  expect(put.status).toBe(201);
  dignityUuid = comment.id.slice(9);
  browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check'],
  });
});

afterAll(async () => {
  await browser?.close();
  await store?.stop();
  await fixtures?.close();
});

describe('web app in Welsh (Accept-Language: cy)', () => {
  it('starts in Welsh, switches by keyboard, remembers the choice over Accept-Language, and passes axe on every page in both languages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'cy', extraHTTPHeaders: { 'Accept-Language': 'cy' } });
    const page = await context.newPage();

    // Sign in, in Welsh.
    await page.goto(`${store.url}/`);
    await checkBothLanguages(page, 'sign in', 'Mewngofnodi', 'Sign in');
    expect(await page.getByRole('group', { name: 'Iaith' }).count()).toBe(1);
    await page.getByLabel('Cod gwahoddiad').fill(invites.reader);
    await page.getByRole('button', { name: 'Mewngofnodi' }).click();
    await expect.poll(() => page.getByLabel('Eich enw').count()).toBe(1);
    await page.getByLabel('Eich enw').fill('Olivia Officer');
    await page.getByRole('button', { name: 'Mewngofnodi' }).click();

    // The documents, in Welsh; English and back with the keyboard alone.
    await expect.poll(() => h1(page)).toBe('Dogfennau eich grŵp');
    expect(await page.getByRole('navigation', { name: 'Prif lywio' }).getByRole('link', { name: 'Chwilio' }).count()).toBe(1);
    await switchByKeyboard(page, 'English', 'Enter');
    await expect.poll(() => h1(page)).toBe("Your group's documents");
    // The choice survives a reload, although the browser still asks for Welsh.
    await page.reload();
    await expect.poll(() => h1(page)).toBe("Your group's documents");
    expect(await lang(page)).toBe('en-GB');
    await switchByKeyboard(page, 'Cymraeg', ' ');
    await expect.poll(() => h1(page)).toBe('Dogfennau eich grŵp');
    await page.reload();
    await expect.poll(() => h1(page)).toBe('Dogfennau eich grŵp');
    expect(await lang(page)).toBe('cy');
    await checkBothLanguages(page, 'documents', 'Dogfennau eich grŵp', "Your group's documents");

    // A document, search and a comment's permanent link.
    await page.goto(`${store.url}/documents?source=${encodeURIComponent(source)}`);
    await checkBothLanguages(page, 'document', 'Sylwadau ar Care Act 2014, Part 1', 'Comments on Care Act 2014, Part 1');
    await page.goto(`${store.url}/search?q=dignity`);
    await checkBothLanguages(page, 'search', 'Chwilio sylwadau eich grŵp', "Search your group's comments");
    await expect.poll(() => page.locator('mark').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /^Agor y sylw hwn/ }).count()).toBeGreaterThan(0);
    await page.goto(`${store.url}/c/${dignityUuid}`);
    await checkBothLanguages(page, 'comment', 'Sylw ar Care Act 2014, Part 1', 'A comment on Care Act 2014, Part 1');
    await expect.poll(() => page.getByText(DIGNITY).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Pob sylw ar y ddogfen hon' }).count()).toBe(1);
    await context.close();
  });
});
