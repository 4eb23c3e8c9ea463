import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedStore } from '../../server/test/support/spawn-store';
import type { LeaAnnotation } from '../../utils/model/annotation';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { findChromium } from './support/chromium';
import { fixturesDir, startFixtureServer, type FixtureServer } from './support/fixture-server';
import { startGroupStore, type GroupInvites } from './support/group-actions';
import { seedComment } from './support/seed-comment';
import { repoRoot } from './support/paths';

// The group's web app in Chromium with NO extension loaded: an officer signs in with a reader
// invite, searches "dignity", opens a comment's permanent link, answers it by keyboard alone,
// and downloads a Word digest with the answer in it; a person of another group sees nothing of it.

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
const PAGE = 'care-act-2014-part-1.html';
const DIGNITY = 'Being treated with dignity means being asked, not told, what help I need.';
const ANSWER = 'We will add a duty to ask people first in the guidance.';

let store: SpawnedStore;
let invites: GroupInvites;
let fixtures: FixtureServer;
let browser: Browser;
let source: string;
let dignityUuid: string;
let otherReaderCode: string;

/** A comment the extension would have made on `quote` of the fixture page. */
function comment(text: string, quote: string, start: number, section: string, theme: string): LeaAnnotation {
  return seedComment({ text, source, quote, start, section, theme });
}

async function api(method: string, pathname: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${store.url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(method === 'PUT' ? { 'if-none-match': '*' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

async function expectNoSeriousAxe(page: Page, where: string) {
  const violations = await runAxe(page);
  expect(seriousOrCritical(violations), `${where}: ${formatViolations(violations)}`).toEqual([]);
}

/** Tab (at most `max` times) until the focused element matches `test` (a string of JS over `el`). */
async function tabTo(page: Page, test: string, max = 80, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${test}); })()`)) return;
  }
  throw new Error(`Focus never reached: ${test}`);
}

/** The page reflows at 200% zoom (half the CSS width of a 1280 px window): nothing scrolls sideways. */
async function expectReflowsAt200(page: Page, where: string) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 640, height: 450 });
  const overflow = await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
  expect(overflow, `${where} scrolls sideways at 200% zoom`).toBeLessThanOrEqual(1);
  if (before) await page.setViewportSize(before);
}

async function newPerson(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, code: string, name: string) {
  await page.getByLabel('Invite code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, '.output/webapp/index.html'))) throw new Error('The web app is not built: run "npm run build:webapp" first (npm run test:e2e does).');
  fixtures = await startFixtureServer();
  source = fixtures.url(PAGE);
  ({ store, invites } = await startGroupStore());
  // A member writes comments on the real policy page through the sync API, as the extension does.
  const joined = await fetch(`${store.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: invites.member, displayName: 'Mo Member' }) });
  expect(joined.status).toBe(201);
  const { token, group } = (await joined.json()) as { token: string; group: string };
  const text = readFileSync(path.join(fixturesDir(), PAGE), 'utf8').replace(/<[^>]*>/g, '');
  const at = (quote: string) => Math.max(0, text.indexOf(quote));
  const seeded = [
    comment(DIGNITY, 'personal dignity', at('personal dignity'), '1 Promoting individual well-being', 'wellbeing-and-independence'),
    comment('Nobody told us what a needs assessment would involve.', 'local authority', at('local authority'), '1 Promoting individual well-being', 'information-and-advice'),
    comment('Carers need the same protection from abuse and neglect.', 'protection from abuse and neglect', at('protection from abuse and neglect'), '1 Promoting individual well-being', 'when-things-need-to-change'),
  ];
  for (const c of seeded) expect((await api('PUT', `/api/groups/${group}/annotations/${c.id.slice(9)}`, token, c)).status).toBe(201);
  dignityUuid = seeded[0]!.id.slice(9);
  // Another group, with a reader of its own.
  const other = await fetch(`${store.url}/api/admin/groups`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Elsewhere' }) });
  otherReaderCode = ((await other.json()) as { invites: GroupInvites }).invites.reader;
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

describe('web app: an officer reads, searches, answers and downloads the digest (no extension)', () => {
  const permalinkOf = () => `${store.url}/c/${dignityUuid}`;

  it('signs in with a reader invite (name asked for a new code), finds "dignity", answers by keyboard alone and downloads a Word digest with the answer', async () => {
    const { context, page } = await newPerson();
    const cspErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));

    await page.goto(`${store.url}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en-GB');
    await expectNoSeriousAxe(page, 'sign in');
    await expectReflowsAt200(page, 'sign in');
    await page.getByLabel('Invite code').fill(invites.reader);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByLabel('Your name').count()).toBe(1);
    await expectNoSeriousAxe(page, 'sign in, name asked');
    await page.getByLabel('Your name').fill('Olivia Officer');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Your group's documents");
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
    await expect.poll(() => page.getByRole('link', { name: 'Care Act 2014, Part 1' }).count()).toBe(1);
    expect(await page.title()).toContain('Documents');
    await expectNoSeriousAxe(page, 'documents');
    await expectReflowsAt200(page, 'documents');

    // Search.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');
    await page.getByLabel('Search comments').fill('dignity');
    await page.getByLabel('Search comments').press('Enter');
    await expect.poll(() => page.locator('mark').allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringMatching(/^dignity$/i)).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\nThe page said: ${await page.locator('main').textContent()}`);
    });
    await expectNoSeriousAxe(page, 'search results');
    await expectReflowsAt200(page, 'search results');

    // The comment's permanent link.
    const result = page.getByRole('listitem').filter({ hasText: 'asked, not told' });
    await result.getByRole('link', { name: /Open this comment/ }).click();
    await expect.poll(() => page.url()).toBe(permalinkOf());
    await expect.poll(() => page.getByText(DIGNITY).count()).toBe(1);
    await expectNoSeriousAxe(page, 'permanent link');
    await expectReflowsAt200(page, 'permanent link');

    // Answer it by keyboard only: Tab to Reply, open the editor, choose the answer with the arrows.
    await tabTo(page, `el.tagName === 'BUTTON' && el.textContent.startsWith('Reply')`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA');
    await tabTo(page, `el.type === 'radio'`, 10, 'Shift+Tab');
    await tabTo(page, `el.type === 'radio' && el.checked && el.parentElement.textContent.includes('We will change this')`, 5, 'ArrowDown');
    await tabTo(page, `el.tagName === 'TEXTAREA'`, 10);
    await page.keyboard.type(ANSWER);
    await tabTo(page, `el.tagName === 'BUTTON' && el.textContent.includes('Send reply')`, 10);
    await expectNoSeriousAxe(page, 'answer form');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Answer: We will change this — Olivia Officer').count()).toBe(1);
    await expect.poll(() => page.getByText(ANSWER).count()).toBe(1);

    // The guidance is now written: she changes her answer's status by keyboard, and the page says it was changed.
    await tabTo(page, `el.tagName === 'BUTTON' && el.textContent.startsWith('Change your reply')`, 15);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('document.activeElement?.value')).toBe(ANSWER);
    await tabTo(page, `el.type === 'radio'`, 10, 'Shift+Tab');
    await tabTo(page, `el.type === 'radio' && el.checked && el.parentElement.textContent.includes('This has been changed')`, 5, 'ArrowDown');
    await expectNoSeriousAxe(page, 'changing an answer');
    await tabTo(page, `el.tagName === 'BUTTON' && el.textContent.includes('Save changes')`, 10);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Answer: This has been changed — Olivia Officer').count()).toBe(1);
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toMatch(/^Change your reply/);
    await page.reload();
    await expect.poll(() => page.getByText('Answer: This has been changed — Olivia Officer').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText(/· changed /).count()).toBe(1);

    // A reply sent by mistake: deleted after a plain question, put back with Undo, still there after a reload.
    const MISTAKE = 'Sent to the wrong comment, sorry.';
    await page.getByRole('button', { name: /^Reply to the comment/ }).click();
    await page.getByRole('textbox').fill(MISTAKE);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.getByText(MISTAKE, { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: /^Delete your reply “Sent to the wrong comment, sorry\.” of / }).click();
    await page.getByRole('button', { name: 'Delete reply' }).click();
    await expect.poll(() => page.getByText(MISTAKE, { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo deleting your reply' }).click();
    await expect.poll(() => page.getByText(MISTAKE, { exact: true }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByText(MISTAKE, { exact: true }).count(), { timeout: 15_000 }).toBe(1);

    // The document page, and its Word digest.
    await page.getByRole('link', { name: 'All comments on this document' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Comments on Care Act 2014, Part 1');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: '1 Promoting individual well-being' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Open the document' }).getAttribute('href')).toBe(source);
    await expectNoSeriousAxe(page, 'document');
    await expectReflowsAt200(page, 'document');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word digest' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lived-experience-digest-\d{4}-\d{2}-\d{2}\.docx$/);
    const file = await download.path();
    const docx = unzipSync(new Uint8Array(readFileSync(file)));
    const xml = strFromU8(docx['word/document.xml']!);
    expect(xml).toContain(ANSWER);
    expect(xml).toContain('asked, not told');

    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it('asks a signed-out person to sign in, then returns them to the permanent link', async () => {
    const { context, page } = await newPerson();
    await page.goto(permalinkOf());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(await page.getByText(DIGNITY).count()).toBe(0);
    await expect.poll(() => page.getByText('Sign in to see this comment').count()).toBe(1);
    await signIn(page, invites.reader, 'Second Officer');
    await expect.poll(() => page.url()).toBe(permalinkOf());
    await expect.poll(() => page.getByText(DIGNITY).count()).toBe(1);
    await context.close();
  });

  it('shows a person of another group nothing of the comment at its permanent link', async () => {
    const { context, page } = await newPerson();
    await page.goto(`${store.url}/sign-in`);
    await signIn(page, otherReaderCode, 'Someone Elsewhere');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Your group's documents");
    await page.goto(permalinkOf());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Comment not found');
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toContain('asked, not told');
    expect(body).not.toContain('Mo Member');
    expect(body).not.toContain(ANSWER);
    expect(body).not.toContain('Care Act');
    await expectNoSeriousAxe(page, 'not found');
    await context.close();
  });
});
