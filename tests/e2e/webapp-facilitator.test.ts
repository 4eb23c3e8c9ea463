import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedStore } from '../../server/test/support/spawn-store';
import type { LeaAnnotation } from '../../utils/model/annotation';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { extensionPage, type ExtensionBrowser } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { joinInBrowser, startGroupStore, type GroupInvites } from './support/group-actions';
import { seedComment } from './support/seed-comment';
import { selectWithMouse } from './support/page-actions';
import { repoRoot } from './support/paths';
import { expectReflowsAt200, h1, launchPlainChromium, openFromNav, signInOnWeb, signInState } from './support/webapp-actions';

// The facilitator runs the group from the web app (Chromium, no extension in the facilitator's
// browser): makes a single-use member invite by keyboard alone; a new member joins with it in
// the extension; a second use is refused in plain words; the facilitator revokes them and their
// side panel says so; the facilitator adds a theme and another member's editor offers it after
// a sync. axe finds nothing serious or critical on any facilitator page.

const PAGE = 'care-act-2014-part-1.html';
const QUOTE = 'promote that individual’s well-being';
const NEW_THEME = 'Housing and a home';
const RENAMED_THEME = 'A home of my own';
const REPORTED = 'My neighbour Mrs Jones at number 12 never gets her care visits.';

let store: SpawnedStore;
let invites: GroupInvites;
let fixtures: FixtureServer;
let browser: Browser;
let facilitator: { context: BrowserContext; page: Page };
let nadia: ExtensionBrowser | undefined;
let bilal: ExtensionBrowser | undefined;
let singleUseCode = '';

async function expectNoSeriousAxe(page: Page, where: string) {
  const violations = await runAxe(page);
  expect(seriousOrCritical(violations), `${where}: ${formatViolations(violations)}`).toEqual([]);
}

/** Press `key` (at most `max` times) until the focused element matches `test` (JS over `el`). */
async function tabTo(page: Page, test: string, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${test}); })()`)) return;
  }
  throw new Error(`Focus never reached: ${test}`);
}

const focused = (page: Page) => page.evaluate(`(() => { const el = document.activeElement; return el ? el.tagName + ':' + (el.textContent || '').trim().slice(0, 80) : ''; })()`);
const statusText = (page: Page) => page.getByRole('status').allTextContents().then((all) => all.join(' | '));

/** Asks the extension's background to sync now (what "Try again now" does). */
async function syncNow(member: ExtensionBrowser) {
  const page = await extensionPage(member.context, member.extensionId, 'popup.html');
  await page.evaluate(`chrome.runtime.sendMessage({ type: 'sync/retry' })`);
  await page.close();
}

/**
 * Syncs `member`'s extension, opens the comment editor on the policy page and says whether it
 * offers a theme labelled `label` (tries a few syncs: the vocabulary arrives with a sync run).
 */
async function editorOffersAfterSync(member: ExtensionBrowser, label: string, attempts = 4): Promise<number> {
  const policy = await member.context.newPage();
  let offered = 0;
  for (let attempt = 0; attempt < attempts && offered === 0; attempt++) {
    await syncNow(member);
    await policy.waitForTimeout(1_500);
    await policy.goto(fixtures.url(PAGE));
    await policy.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
    await selectWithMouse(policy, QUOTE);
    await policy.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => policy.getByLabel('What does this passage mean for your life?').count()).toBe(1);
    offered = await policy.getByLabel(label, { exact: true }).count();
  }
  await policy.close();
  return offered;
}

/** A comment the extension would have made, written through the sync API. */
function comment(text: string): LeaAnnotation {
  return seedComment({ text, source: fixtures.url(PAGE), quote: QUOTE, start: 0, section: '1 Promoting individual well-being', theme: 'workforce' });
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, '.output/webapp/index.html'))) throw new Error('The web app is not built: run "npm run build:webapp" first (npm run test:e2e does).');
  fixtures = await startFixtureServer();
  ({ store, invites } = await startGroupStore());
  // A member reports another member's comment that names a neighbour: something to moderate.
  const joined = await fetch(`${store.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: invites.member, displayName: 'Mo Member' }) });
  expect(joined.status).toBe(201);
  const { token, group } = (await joined.json()) as { token: string; group: string };
  const reported = comment(REPORTED);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const put = await fetch(`${store.url}/api/groups/${group}/annotations/${reported.id.slice(9)}`, { method: 'PUT', headers: { ...headers, 'if-none-match': '*' }, body: JSON.stringify(reported) });
  expect(put.status).toBe(201);
  const report = await fetch(`${store.url}/api/groups/${group}/annotations/${reported.id.slice(9)}/reports`, { method: 'POST', headers, body: JSON.stringify({ reason: 'It names a neighbour and where she lives.' }) });
  expect(report.status).toBe(201);
  browser = await launchPlainChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  facilitator = { context, page: await context.newPage() };
});

afterAll(async () => {
  await Promise.all([nadia?.close(), bilal?.close()]);
  await browser?.close();
  await store?.stop();
  await fixtures?.close();
});

describe('web app: a facilitator runs the group (no extension in their browser)', () => {
  it('signs in with a facilitator invite and makes a single-use member invite by keyboard alone', async () => {
    const { page } = facilitator;
    await signInOnWeb(page, store.url, invites.facilitator, 'Fatima Facilitator');
    await expect.poll(() => h1(page)).toBe("Your group's documents");

    // Keyboard only from here: the navigation's Invites link, then the form.
    await tabTo(page, `el.tagName === 'A' && el.textContent.trim() === 'Invites'`);
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page)).toBe('Invites');
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');
    expect(await page.title()).toContain('Invites');
    await expectNoSeriousAxe(page, 'invites');
    await expectReflowsAt200(page, 'invites');

    await tabTo(page, `el.id === 'invite-role'`, 10);
    expect(await page.evaluate(`document.activeElement.value`)).toBe('member');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement.type + ':' + document.activeElement.checked + ':' + document.activeElement.parentElement.textContent.trim()`)).toBe(
      'radio:true:One person, once (single-use)',
    );
    await tabTo(page, `el.id === 'invite-days'`, 5);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await tabTo(page, `el.tagName === 'BUTTON' && el.textContent.trim() === 'Make invite'`, 5);
    await page.keyboard.press('Enter');

    await expect.poll(() => statusText(page)).toContain('Invite made: a single-use invite for a member.');
    await expect.poll(() => focused(page)).toBe('H2:Your new invite code');
    singleUseCode = await page.getByLabel('Invite code for a member').inputValue();
    expect(singleUseCode).toMatch(/\S{6,}/);
    expect(await page.getByText('One person can join with it, once, until').count()).toBe(1);
    await tabTo(page, `el.tagName === 'BUTTON' && el.textContent.trim() === 'Copy code'`, 5);
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toMatch(/Code copied\.|Select the code and copy it yourself\./);
    await expectNoSeriousAxe(page, 'invites, new code shown');
    const row = page.locator('tbody tr').filter({ hasText: 'Single-use' }).first();
    expect(await row.textContent()).toContain('Not used yet');
  });

  it('lets a new member join with it in the extension, and refuses a second use in plain words', async () => {
    nadia = await joinInBrowser(store.url, 'Nadia New', singleUseCode);
    // The second use: another person, in the web app's sign-in.
    const other = await browser.newContext();
    const page = await other.newPage();
    await signInOnWeb(page, store.url, singleUseCode, 'Someone Else');
    await expect.poll(() => page.locator('body').textContent()).toContain('This invite has already been used. Ask your facilitator for a new one.');
    expect(await h1(page)).toBe('Sign in');
    await other.close();

    // The facilitator's list says it was used.
    const { page: fac } = facilitator;
    await fac.reload();
    await expect.poll(() => fac.locator('tbody tr').filter({ hasText: 'Single-use' }).first().textContent()).toMatch(/Used once.*Used/);

    // A reusable reader invite for a meeting, withdrawn again: the row says so and keeps focus.
    await fac.getByLabel('Role', { exact: true }).selectOption('reader');
    await fac.getByLabel('Several people (reusable), until it expires or you withdraw it').check();
    await fac.getByRole('button', { name: 'Make invite' }).click();
    await expect.poll(() => statusText(fac)).toContain('Invite made: a reusable invite for a reader.');
    await fac.getByRole('button', { name: /^Withdraw the reusable reader invite/ }).first().click();
    await expect.poll(() => statusText(fac)).toContain('Invite withdrawn.');
    await expect.poll(() => focused(fac)).toBe('SPAN:Withdrawn');
    expect(await fac.locator('tbody tr').filter({ hasText: 'Reader' }).first().textContent()).toContain('Reusable');
    await expectNoSeriousAxe(fac, 'invites, after withdrawing');
  });

  it('revokes the new member after a confirm, and their side panel says so', async () => {
    const { page } = facilitator;
    await openFromNav(page, 'Members', 'Members');
    await expect.poll(() => page.getByRole('rowheader', { name: 'Nadia New' }).count()).toBe(1);
    await expectNoSeriousAxe(page, 'members');
    await expectReflowsAt200(page, 'members');

    await page.getByRole('button', { name: 'Revoke access for Nadia New' }).click();
    await expect.poll(() => focused(page)).toBe('P:Revoke Nadia New’s access to the group?');
    expect(await page.getByRole('group', { name: 'Revoke Nadia New’s access to the group?' }).textContent()).toContain('Your invite has been withdrawn');
    await expectNoSeriousAxe(page, 'members, revoke confirm');
    await page.getByRole('group', { name: 'Revoke Nadia New’s access to the group?' }).getByRole('button', { name: 'Revoke access' }).click();
    await expect.poll(() => statusText(page)).toContain('Nadia New’s access is revoked.');
    await expect.poll(() => focused(page)).toBe('SPAN:Access revoked');

    const panel = await extensionPage(nadia!.context, nadia!.extensionId, 'sidepanel.html');
    await syncNow(nadia!);
    await expect
      .poll(() => panel.getByRole('region', { name: 'Sharing with your group' }).textContent(), { timeout: 30_000 })
      .toContain('Your invite has been withdrawn');
  });

  it('makes a one-time sign-in link that signs the member in to the web app once', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: 'Make a sign-in link for Mo Member' }).click();
    const field = page.getByLabel('One-time sign-in link for Mo Member');
    await expect.poll(() => focused(page)).toMatch(/^INPUT/);
    const url = await field.inputValue();
    expect(url).toMatch(/\/sign-in#link=/);
    await expectNoSeriousAxe(page, 'members, sign-in link shown');

    const mo = await browser.newContext();
    const moPage = await mo.newPage();
    await moPage.goto(url);
    await expect.poll(() => moPage.locator('body').textContent()).toContain('Signed in as Mo Member');
    // The link works once.
    const again = await browser.newContext();
    const againPage = await again.newPage();
    await againPage.goto(url);
    await expect.poll(() => signInState(againPage)).toBe('error');
    console.log(`second use of a sign-in link: "${await againPage.locator('main [id$="-error"]').textContent()}"`);
    await Promise.all([mo.close(), again.close()]);

    // A role change, confirmed first.
    await page.getByLabel('Role of Mo Member').selectOption('reader');
    const confirm = page.getByRole('group', { name: 'Make Mo Member a reader instead of a member?' });
    await expect.poll(() => confirm.count()).toBe(1);
    await expectNoSeriousAxe(page, 'members, role change confirm');
    await confirm.getByRole('button', { name: 'Change role' }).click();
    await expect.poll(() => statusText(page)).toContain('Mo Member is now a reader.');
    await expect.poll(() => focused(page)).toMatch(/^SELECT/);
    await page.reload();
    await expect.poll(() => page.getByLabel('Role of Mo Member').inputValue()).toBe('reader');
  });

  it('shows the reported comment on the moderation page and hides it with a reason', async () => {
    const { page } = facilitator;
    await openFromNav(page, 'To review', 'Moderation');
    await expect.poll(() => page.getByText(REPORTED).count()).toBe(1);
    expect(await page.getByText('It names a neighbour and where she lives.').count()).toBe(1);
    await expectNoSeriousAxe(page, 'moderation');
    await expectReflowsAt200(page, 'moderation');
    await page.getByLabel('Your reason (the author sees it if you hide this; it goes in the record)').fill('It names a neighbour. Please write it without her name.');
    await page.getByRole('button', { name: 'Hide with this reason' }).click();
    await expect.poll(() => statusText(page)).toContain('Hidden from the group.');
    await expect.poll(() => page.getByText('Hidden now: It names a neighbour. Please write it without her name.').count()).toBe(1);
    expect(await page.getByRole('list').last().textContent()).toContain('Hid it — Fatima Facilitator');
  });

  it('adds a theme, and another member’s editor offers it after a sync', async () => {
    bilal = await joinInBrowser(store.url, 'Bilal', invites.member);
    const { page } = facilitator;
    await openFromNav(page, 'Themes', 'Themes');
    await expect.poll(() => page.getByRole('rowheader').allTextContents()).toContain('Wellbeing and independence');
    await expectNoSeriousAxe(page, 'themes');
    await expectReflowsAt200(page, 'themes');
    await page.getByLabel('Name of the new theme').fill(NEW_THEME);
    await page.getByRole('button', { name: 'Add theme' }).click();
    await expect.poll(() => statusText(page)).toContain(`Theme added: “${NEW_THEME}”.`);
    await expect.poll(() => page.getByRole('rowheader').allTextContents()).toContain(NEW_THEME);
    expect(await focused(page)).toMatch(/^INPUT/);
    await expectNoSeriousAxe(page, 'themes, after adding');

    // Bilal's extension: after a sync, the comment editor offers the new theme.
    const offered = await editorOffersAfterSync(bilal, NEW_THEME);
    expect(offered, `the extension's editor never offered “${NEW_THEME}”`).toBe(1);
  });

  it('renames the theme, and the member’s editor offers it under its new name after a sync', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: `Rename “${NEW_THEME}”` }).click();
    await expect.poll(() => focused(page)).toMatch(/^INPUT/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(RENAMED_THEME);
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toContain(`Theme renamed: “${NEW_THEME}” is now “${RENAMED_THEME}”`);
    await expect.poll(() => focused(page)).toBe(`BUTTON:Rename “${RENAMED_THEME}”`);
    expect(await editorOffersAfterSync(bilal!, RENAMED_THEME), `the editor never offered “${RENAMED_THEME}”`).toBe(1);
  });

  it('changes another member’s role, and their side panel says so at its next sync', async () => {
    const { page } = facilitator;
    await openFromNav(page, 'Members', 'Members');
    await page.getByLabel('Role of Bilal').selectOption('reader');
    await page.getByRole('group', { name: 'Make Bilal a reader instead of a member?' }).getByRole('button', { name: 'Change role' }).click();
    await expect.poll(() => statusText(page)).toContain('Bilal is now a reader.');
    const panel = await extensionPage(bilal!.context, bilal!.extensionId, 'sidepanel.html');
    await syncNow(bilal!);
    await expect
      .poll(() => panel.getByRole('region', { name: 'Sharing with your group' }).textContent(), { timeout: 30_000 })
      .toContain('Your role in the group is now a reader');
  });
});
