import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type SpawnedStore } from '../../server/test/support/spawn-store';
import { hypothesisClientExport, hypothesisRow } from '../../utils/interop/interop-fixtures';
import { readFixture } from '../fixtures';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { extensionPage, type ExtensionBrowser } from './support/chromium';
import { ADMIN_TOKEN, joinInBrowser, startGroupStore, type GroupInvites } from './support/group-actions';
import { openSidePanelFor, paintedCount, textRect } from './support/page-actions';
import { repoRoot } from './support/paths';
import { expectReflowsAt200, h1, launchPlainChromium, openFromNav, signInOnWeb } from './support/webapp-actions';

// Issue 14, "Comments follow the policy through its versions", in Chromium with the real store:
// - a comment written on s.1 of the Care Act as enacted shows on s.1 as it stood on 1 October 2014
//   (legislation.gov.uk's own versions: no link needed), labelled with the version it was on;
// - a facilitator links the Care Bill's clause 1 to the Act in the web app; a Bill comment then
//   shows on the Act page marked "The words have changed since this comment was written";
// - a Hypothesis export imported with `npm run store -- import` shows on its page, anchored
//   where its writer selected although the page's body has script text before the passage.
//
// The pages are served at their real addresses (the browser's requests to legislation.gov.uk and
// parliament.uk are answered with the fixture texts), so the extension sees what a member sees.

const ACT_S1 = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
const ACT_S1_2014 = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/2014-10-01';
const BILL = 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html';

const ENACTED_QUOTE = 'personal dignity (including treatment of the individual with respect);';
const ENACTED_TEXT = 'Being treated with dignity means being asked, not told, about my own care.';
const BILL_TEXT = 'When the Bill said this I worried about who decides how my support is given.';
const IMPORTED_TEXT = 'Imported from Hypothesis: being listened to is part of wellbeing for me.';
const IMPORTED_QUOTE = 'the individual’s views, wishes, feelings and beliefs;';

// What a real legislation.gov.uk page has in its body before the text: analytics and styles.
const BODY_SCRIPTS = `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
<style>.cookie-banner { position: fixed; bottom: 0; }</style>`;

/** `html` as the page at `address`: its canonical link names that address. */
function at(address: string, html: string): string {
  return html.replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="${address}">`);
}

/** s.1 as enacted: the Part 1 fixture's first section (s.1), on its own page, with script text in the body. */
function enactedSection1(): string {
  const part1 = readFixture('care-act-2014-part-1.html');
  const section = /<section[\s\S]*?<\/section>/.exec(part1)![0];
  const head = part1.slice(0, part1.indexOf('<body>')).replace(/<title>[^<]*<\/title>/, '<title>Care Act 2014, section 1 (as enacted)</title>');
  return at(ACT_S1, `${head}<body>\n${BODY_SCRIPTS}\n<header><h1>Care Act 2014, section 1 (as enacted)</h1></header>\n<main>\n${section}\n</main>\n</body>\n</html>\n`);
}

const PAGES: Record<string, () => string> = {
  [ACT_S1]: enactedSection1,
  [ACT_S1_2014]: () => at(ACT_S1_2014, readFixture('care-act-2014-section-1-2014-10-01.html')),
  [BILL]: () => readFixture('care-bill-2013-14-clause-1.html'),
};

/** Answer the browser's requests for the policy pages' real addresses with the fixture texts. */
async function servePolicyPages(context: BrowserContext): Promise<void> {
  for (const [address, page] of Object.entries(PAGES)) {
    await context.route(address, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page() }));
  }
}

let store: SpawnedStore;
let invites: GroupInvites;
let group: string;
let alice: ExtensionBrowser;
let web: Browser;

async function openPolicy(address: string): Promise<Page> {
  const page = await alice.context.newPage();
  await page.goto(address);
  await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
  return page;
}

/** Select from the start of `from` to the end of `to` (in another paragraph): click, then Shift+click, as a person does. */
async function selectAcross(page: Page, from: string, to: string): Promise<void> {
  const start = await textRect(page, from);
  await page.mouse.click(start.left + 1, start.top + 4);
  // Measured after the click: finding `to` scrolls it into view.
  const end = await textRect(page, to);
  await page.keyboard.down('Shift');
  await page.mouse.click(end.right - 1, end.bottom - 4);
  await page.keyboard.up('Shift');
}

/** Write the selected passage's comment in the in-page editor, as a member does. */
async function commentOnSelection(page: Page, text: string, theme: string): Promise<void> {
  await page.getByRole('button', { name: 'Add comment' }).click();
  await page.getByLabel('What does this passage mean for your life?').fill(text);
  await page.getByLabel(theme).check();
  await page.getByRole('button', { name: 'Save comment' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Comment saved.');
}

/** Ask the background to sync now (what "Try again now" does). */
async function syncNow(): Promise<void> {
  const page = await extensionPage(alice.context, alice.extensionId, 'popup.html');
  await page.evaluate(`chrome.runtime.sendMessage({ type: 'sync/retry' })`);
  await page.close();
}

/** The side panel's list item that holds `text`, as text, once it is there. */
async function listedItem(panel: Page, text: string): Promise<string> {
  const item = panel.getByRole('listitem').filter({ hasText: text }).first();
  await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
  return (await item.textContent()) ?? '';
}

/** The side panel's list item holding `text`, once it is there; `again` (a reload, a sync) runs while it is not. */
async function listedAfter(panel: Page, text: string, again: () => Promise<void>): Promise<string> {
  let item = '';
  await expect
    .poll(
      async () => {
        if ((await panel.getByRole('listitem').filter({ hasText: text }).count()) === 0) await again();
        item = (await panel.getByRole('listitem').filter({ hasText: text }).first().textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
        return item;
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toContain(text);
  return item;
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, '.output/webapp/index.html'))) throw new Error('The web app is not built: run "npm run build:webapp" first (npm run test:e2e does).');
  ({ store, invites, group } = await startGroupStore());
  web = await launchPlainChromium();
});

afterAll(async () => {
  await alice?.close();
  await web?.close();
  await store?.stop();
});

describe('comments follow the policy through its versions', () => {
  it('a comment on s.1 as enacted shows on s.1 as it stood on 1 October 2014, saying which version it was written on', async () => {
    // joinInBrowser polls (expect.poll), which needs a test around it.
    alice = await joinInBrowser(store.url, 'Alice', invites.member, { named: true });
    await servePolicyPages(alice.context);
    const enacted = await openPolicy(ACT_S1);
    const rect = await textRect(enacted, ENACTED_QUOTE);
    await enacted.mouse.move(rect.left + 1, rect.top + 4);
    await enacted.mouse.down();
    await enacted.mouse.move(rect.right - 1, rect.bottom - 4, { steps: 8 });
    await enacted.mouse.up();
    await commentOnSelection(enacted, ENACTED_TEXT, 'Wellbeing and independence');
    await enacted.close();

    const later = await openPolicy(ACT_S1_2014);
    await expect.poll(() => paintedCount(later), { timeout: 15_000 }).toBe(1);
    const panel = await openSidePanelFor(alice, later);
    const item = await listedItem(panel, ENACTED_TEXT);
    expect(item).toContain('Written on the version as enacted');
    expect(item).not.toContain('The words have changed');
    const violations = seriousOrCritical(await runAxe(panel));
    expect(violations, formatViolations(violations)).toEqual([]);
    await panel.close();
    await later.close();
  });

  it('a facilitator links the Bill to the Act in the web app; a Bill comment shows on the Act marked "words changed"', async () => {
    // Alice comments on the Bill where the Act later added words ("… in which it is provided);").
    const bill = await openPolicy(BILL);
    await selectAcross(bill, 'the way in which', '(e) participation in work, education, training or recreation;');
    await commentOnSelection(bill, BILL_TEXT, 'Flexible and integrated care and support');
    await bill.close();

    // Not linked yet: the Bill is another document, so the Act page does not show its comment.
    const before = await openPolicy(ACT_S1);
    const beforePanel = await openSidePanelFor(alice, before);
    await listedItem(beforePanel, ENACTED_TEXT);
    expect(await beforePanel.locator('body').textContent()).not.toContain(BILL_TEXT);
    await beforePanel.close();
    await before.close();

    // The facilitator, in the web app with no extension, links the two.
    const context = await web.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInOnWeb(page, store.url, invites.facilitator, 'Fatima Facilitator');
    await expect.poll(() => h1(page)).toBe("Your group's documents");
    await openFromNav(page, 'Versions', 'Document versions');
    const axe = seriousOrCritical(await runAxe(page));
    expect(axe, formatViolations(axe)).toEqual([]);
    await page.getByLabel('Address of the earlier version').fill(BILL);
    await page.getByLabel('Name of the earlier version (optional)').fill('the Care Bill (2013-14)');
    await page.getByLabel('Address of the later version').fill(ACT_S1);
    await page.getByLabel('Name of the later version (optional)').fill('the Care Act 2014');
    await page.getByRole('button', { name: 'Link versions' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents().then((all) => all.join(' ')))
      .toContain('Linked: comments on “the Care Bill (2013-14)” and on “the Care Act 2014” now show on both.');
    expect(await page.getByRole('table').textContent()).toContain(BILL);
    // Long addresses wrap: nothing scrolls sideways at 200% zoom.
    await expectReflowsAt200(page, 'versions');
    await context.close();

    // Alice's extension learns of the link (live, or at the next sync) and the Act page shows the Bill comment.
    await syncNow();
    const act = await openPolicy(ACT_S1);
    const panel = await openSidePanelFor(alice, act);
    const item = await listedAfter(panel, BILL_TEXT, async () => {
      await act.reload();
      await act.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
      await panel.reload();
    });
    expect(item).toContain('Written on the Care Bill (2013-14)');
    expect(item).toContain('The words have changed since this comment was written');
    // The old and new words side by side: the Act's added words are in the "Now" side.
    expect(item).toContain('it is provided);');
    await expect.poll(() => paintedCount(act), { timeout: 10_000 }).toBe(2);
    const violations = seriousOrCritical(await runAxe(panel));
    expect(violations, formatViolations(violations)).toEqual([]);
    await panel.close();
    await act.close();
  });

  it('a Hypothesis export imported with "npm run store -- import" shows on its page, on the passage its writer selected', async () => {
    // The Hypothesis client counts body.textContent (script and style text included): make the
    // export as it would, on the page as served.
    const probe = await alice.context.newPage();
    await probe.goto(ACT_S1);
    const selectors = await probe.evaluate(`(() => {
      const all = document.body.textContent;
      const exact = ${JSON.stringify(IMPORTED_QUOTE)};
      const start = all.indexOf(exact);
      return [
        { type: 'TextPositionSelector', start, end: start + exact.length },
        { type: 'TextQuoteSelector', exact, prefix: all.slice(Math.max(0, start - 32), start), suffix: all.slice(start + exact.length, start + exact.length + 32) },
      ];
    })()`);
    await probe.close();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lea-import-')), 'hypothesis-export.json');
    writeFileSync(
      file,
      JSON.stringify(
        hypothesisClientExport([
          hypothesisRow({ id: 'Hq4cKmZcEe6MZ3tI4yA2Bx', uri: ACT_S1, text: IMPORTED_TEXT, tags: ['Information and advice'], target: [{ source: ACT_S1, selector: selectors }], user_info: { display_name: 'Dana Ellis' } }),
        ]),
      ),
    );
    const env = { STORE_URL: store.url, ADMIN_TOKEN };
    const imported = await runCliProcess(env, ['import', group, file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/new:\s+1\b/);
    // A second import of the same file adds nothing.
    const again = await runCliProcess(env, ['import', group, file]);
    expect(again.stdout).toMatch(/new:\s+0\b/);
    expect(again.stdout).toMatch(/already there:\s+1\b/);

    await syncNow();
    const page = await openPolicy(ACT_S1);
    const panel = await openSidePanelFor(alice, page);
    const item = await listedAfter(panel, IMPORTED_TEXT, async () => {
      await syncNow();
      await panel.reload();
    });
    expect(item).toContain('Dana Ellis');
    expect(item).toContain('Information and advice');
    expect(item).toContain(IMPORTED_QUOTE);
    // Anchored on the page (not listed as a comment whose passage is not found).
    expect(await panel.locator('body').textContent()).not.toContain('Not in this version');
    await page.reload();
    await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
    await expect.poll(() => paintedCount(page), { timeout: 15_000 }).toBe(3);
    await panel.close();
    await page.close();
  });
});
