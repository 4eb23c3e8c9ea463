import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedStore } from '../../server/test/support/spawn-store';
import { joinInBrowser, startGroupStore } from './support/group-actions';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { extensionPage, launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { openSidePanelFor, paintedCount, selectWithMouse, tabTo } from './support/page-actions';
import { startFileServer, type FileServer } from './support/file-server';
import { commentOnSelection, phraseOnPage, selectInPdf, viewerUrl, waitForTextLayer } from './support/pdf-actions';
import { ensurePdfFixtures } from '../support/pdf-fixtures';

// The conversation in the built extension with the real store: a member's comment, an officer
// (reader) answering it by keyboard alone, a facilitator's To review list after a report, and
// the member's What's new and popup, a link code for another browser, and a thread in the PDF
// viewer's list; axe-core on each (no serious or critical violations).
const FIXTURE = 'care-act-2014-part-1.html';
const QUOTE = 'promote that individual’s well-being';

/** Elements wider than the panel or past its right edge (as in sidepanel-narrow.test.ts), and sideways scrolling. */
function overflow(panel: Page) {
  return panel.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) return false;
        if (el.closest('.sr-only')) return false;
        return el.scrollWidth > width || rect.right > width + 0.5 || rect.left < -0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" right=${Math.round(el.getBoundingClientRect().right)} scrollWidth=${el.scrollWidth}`);
    return { sideways: document.documentElement.scrollWidth > width, over };
  });
}

describe('the conversation in the side panel', () => {
  let server: FixtureServer;
  let files: FileServer;
  let store: SpawnedStore;
  let invites: { facilitator: string; member: string; reader: string };
  const browsers: ExtensionBrowser[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    files = await startFileServer({ 'finance-act-2013.pdf': (await ensurePdfFixtures()).financeAct.path });
    ({ store, invites } = await startGroupStore());
  });

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await store?.stop();
    await server?.close();
    await files?.close();
  });

  async function join(name: string, code: string, profile?: { jobTitle: string; organisation: string }): Promise<ExtensionBrowser> {
    const browser = await joinInBrowser(store.url, name, code, {
      ...(profile ? { profile } : {}),
      check: async (options) => {
        const violations = seriousOrCritical(await runAxe(options));
        expect(violations, formatViolations(violations)).toEqual([]);
      },
    });
    browsers.push(browser);
    return browser;
  }

  async function openPage(browser: ExtensionBrowser): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(server.url(FIXTURE));
    await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
    return page;
  }

  async function axeClean(panel: Page) {
    const violations = seriousOrCritical(await runAxe(panel));
    expect(violations, formatViolations(violations)).toEqual([]);
  }

  let alice: ExtensionBrowser;
  let sam: ExtensionBrowser;

  it('a member comments on a passage', async () => {
    alice = await join('Alice', invites.member);
    const page = await openPage(alice);
    await selectWithMouse(page, QUOTE);
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByLabel('What does this passage mean for your life?').fill('As a carer I am never asked about my own well-being.');
    await page.getByLabel('Wellbeing and independence').check();
    await page.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Comment saved.');
    const panel = await openSidePanelFor(alice, page);
    await expect.poll(() => panel.getByRole('region', { name: 'Sharing with your group' }).textContent(), { timeout: 15_000 }).toContain('All saved');
    await panel.close();
  });

  it('an officer answers it with the keyboard alone, and the panel with the thread and the editor passes axe', async () => {
    sam = await join('Sam Jones', invites.reader, { jobTitle: 'Policy officer', organisation: 'Department of Health and Social Care' });
    const page = await openPage(sam);
    await expect.poll(() => paintedCount(page), { timeout: 15_000 }).toBe(1);
    const panel = await openSidePanelFor(sam, page);
    await expect.poll(() => panel.textContent('body')).toContain('As a carer I am never asked');
    // Readers get Reply and Answer, never "Add comment" or "This is my experience too".
    expect(await panel.getByRole('button', { name: /This is my experience too/ }).count()).toBe(0);

    await tabTo(panel, `Reply to the comment on “${QUOTE.slice(0, 40)}”`);
    await panel.keyboard.press('Enter');
    // Focus is in the reply box; the answer choices come before it.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await axeClean(panel);
    await panel.keyboard.press('Shift+Tab');
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLInputElement).closest('label')?.textContent)).toBe('Just a reply');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLInputElement).closest('label')?.textContent)).toBe('We will change this');
    await panel.keyboard.press('Tab');
    await panel.keyboard.type('We will ask carers about their own well-being in the guidance.');
    await tabTo(panel, 'Send reply');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('Answer sent');
    // Focus goes to the new answer (or back to Reply), never to <body>.
    await expect
      .poll(() => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.replyId ?? document.activeElement?.tagName))
      .toMatch(/^urn:uuid:/);
    await expect.poll(() => panel.textContent('body')).toContain('Answer: We will change this — Sam Jones (Policy officer, Department of Health and Social Care)');
    await axeClean(panel);

    // At 200% zoom (a 180 px panel) the thread and the reply editor fit without sideways scrolling.
    await panel.setViewportSize({ width: 180, height: 900 });
    await panel.getByRole('button', { name: /^Reply to the comment/ }).click();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const narrow = await overflow(panel);
    expect(narrow.over, narrow.over.join('\n')).toEqual([]);
    expect(narrow.sideways).toBe(false);
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toMatch(/^Reply to the comment/);
    await panel.close();
    await page.close();
  });

  it('the officer takes back a reply by keyboard: a plain question first, then it is gone here and from the member’s panel', async () => {
    const TAKEN_BACK = 'I wrote this reply to the wrong comment.';
    const page = await openPage(sam);
    const panel = await openSidePanelFor(sam, page);
    await expect.poll(() => panel.textContent('body')).toContain('As a carer I am never asked');
    await panel.getByRole('button', { name: /^Reply to the comment/ }).click();
    await panel.getByRole('textbox').fill(TAKEN_BACK);
    await panel.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => panel.textContent('body')).toContain(TAKEN_BACK);
    // Alice sees it live in her panel first.
    const alicePage = await openPage(alice);
    const alicePanel = await openSidePanelFor(alice, alicePage);
    await expect.poll(() => alicePanel.textContent('body'), { timeout: 15_000 }).toContain(TAKEN_BACK);

    await panel.bringToFront();
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    await tabTo(panel, `Delete your reply “${TAKEN_BACK}” of ${today}`);
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Delete reply');
    expect(await panel.textContent('body')).toContain('Delete this reply? It is taken out of the group’s conversation, on every computer.');
    await axeClean(panel);
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').allTextContents().then((all) => all.join(' '))).toContain('Reply deleted.');
    await expect.poll(() => panel.textContent('body')).not.toContain(TAKEN_BACK);
    expect(await panel.evaluate(() => document.activeElement === document.body)).toBe(false);
    // The answer given before stays; the reply leaves the group store and Alice's panel.
    expect(await panel.textContent('body')).toContain('Answer: We will change this');
    await alicePanel.bringToFront();
    await expect.poll(() => alicePanel.textContent('body'), { timeout: 15_000 }).not.toContain(TAKEN_BACK);
    await Promise.all([alicePanel.close(), alicePage.close(), panel.close(), page.close()]);
  });

  it('a facilitator sees the report in To review, with the moderation record, and it passes axe', async () => {
    const fran = await join('Fran', invites.facilitator);
    const page = await openPage(fran);
    const panel = await openSidePanelFor(fran, page);
    await expect.poll(() => panel.textContent('body'), { timeout: 15_000 }).toContain('Answer: We will change this');
    // Fran says it is her experience too, then reports the comment.
    const support = panel.getByRole('button', { name: /This is my experience too/ });
    await support.click();
    await expect.poll(() => support.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => panel.textContent('body')).toContain('1 person said this is their experience too');
    await panel.getByRole('button', { name: /^Report this comment/ }).click();
    await panel.getByLabel('Why are you reporting this?').fill('Please check it names nobody.');
    await panel.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => panel.textContent('body')).toContain('Thank you. A facilitator will look at this.');
    await panel.getByRole('button', { name: 'Close' }).click();

    // And reports the officer's answer, to hide it for a moment.
    await panel.getByRole('button', { name: /^Report this reply/ }).click();
    await panel.getByLabel('Why are you reporting this?').fill('Checking the hide button.');
    await panel.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => panel.getByRole('dialog').textContent()).toContain('Thank you. A facilitator will look at this.');
    await panel.getByRole('button', { name: 'Close' }).click();

    await panel.getByRole('tab', { name: /^To review/ }).click();
    await expect.poll(() => panel.getByRole('tabpanel').textContent(), { timeout: 15_000 }).toContain('Please check it names nobody.');
    await axeClean(panel);
    const reply = panel.getByRole('listitem', { name: 'Reported reply' });
    await reply.getByLabel(/^Your reason/).fill('Testing hide and unhide.');
    await reply.getByRole('button', { name: 'Hide with this reason' }).click();
    await expect.poll(() => reply.textContent(), { timeout: 15_000 }).toContain('Hidden now: Testing hide and unhide.');
    await expect.poll(() => panel.getByRole('tabpanel').textContent()).toContain('Hid it — Fran');
    await reply.getByRole('button', { name: 'Unhide' }).click();
    await expect.poll(() => panel.getByRole('tabpanel').textContent(), { timeout: 15_000 }).toContain('Unhid it — Fran');
    const comment = panel.getByRole('listitem', { name: 'Reported comment' });
    await comment.getByRole('button', { name: 'No action needed' }).click();
    await expect.poll(() => panel.getByRole('tabpanel').textContent()).toContain('No action needed — Fran');
    await axeClean(panel);
    await panel.close();
    await page.close();
  });

  it('the member finds the answer in What’s new, which passes axe', async () => {
    const page = await openPage(alice);
    const panel = await openSidePanelFor(alice, page);
    const tab = panel.getByRole('tab', { name: /^What’s new/ });
    await expect.poll(() => tab.textContent(), { timeout: 20_000 }).toMatch(/What’s new \(\d+ new\)/);
    await tab.click();
    await expect.poll(() => panel.getByRole('tabpanel').textContent()).toContain('Sam Jones');
    await axeClean(panel);
    // The toolbar popup lists the same notices, unread first, and passes axe too.
    const popup = await extensionPage(alice.context, alice.extensionId, 'popup.html');
    await expect.poll(() => popup.getByRole('heading', { name: /^What’s new/ }).textContent(), { timeout: 15_000 }).toMatch(/\d+ new/);
    expect(await popup.getByRole('link').first().textContent()).toContain('Sam Jones');
    await axeClean(popup);
    await popup.close();
    await panel.bringToFront();
    await panel.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => tab.textContent()).toBe('What’s new (nothing new)');
    // A notice opens its document (already in this tab) and the panel shows and focuses the comment.
    await panel.getByRole('tabpanel').getByRole('link').first().press('Enter');
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.commentId ?? document.activeElement?.tagName)).toMatch(/^urn:uuid:/);
    expect(await panel.getByRole('tab', { name: 'Comments' }).getAttribute('aria-selected')).toBe('true');
  });

  it('the member uses a link code to be the same member on another browser', async () => {
    const options = await extensionPage(alice.context, alice.extensionId, 'options.html');
    await options.getByRole('button', { name: 'Make a link code' }).click();
    const shown = options.getByText(/^Your link code is/);
    await expect.poll(() => shown.count(), { timeout: 15_000 }).toBe(1);
    expect(await shown.textContent()).toMatch(/It works once, until \d\d:\d\d\./);
    const code = (await shown.locator('strong').textContent())!.trim();
    await axeClean(options);
    await options.close();

    const other = await launchWithExtension();
    browsers.push(other);
    const otherOptions = await extensionPage(other.context, other.extensionId, 'options.html');
    await otherOptions.getByLabel('Group store address').fill(store.url);
    await otherOptions.getByLabel('Link code').fill(code);
    await otherOptions.getByRole('button', { name: 'Use this link code' }).click();
    await expect.poll(() => otherOptions.getByRole('status').allTextContents(), { timeout: 15_000 }).toContain('You are connected to your group, as on your other browser.');
    await otherOptions.close();
    const page = await openPage(other);
    const panel = await openSidePanelFor(other, page);
    // Alice's own comment is hers here too: she may edit it.
    await expect.poll(() => panel.getByRole('button', { name: /^Edit comment on/ }).count(), { timeout: 20_000 }).toBe(1);
  });

  it('the PDF viewer’s list shows the thread too, and takes a reply', async () => {
    const url = files.url('finance-act-2013.pdf');
    const viewer = await alice.context.newPage();
    await viewer.goto(viewerUrl(alice, url));
    await waitForTextLayer(viewer, 1);
    const phrase = await phraseOnPage(viewer, 1);
    await selectInPdf(viewer, 1, phrase);
    await commentOnSelection(viewer, 'This page is where the duties start.');

    const samViewer = await sam.context.newPage();
    await samViewer.goto(viewerUrl(sam, url));
    await waitForTextLayer(samViewer, 1);
    const tabId = await samViewer.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id?: number }> } } }).chrome.tabs.getCurrent()).id);
    const panel = await sam.context.newPage();
    await panel.goto(`chrome-extension://${sam.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.textContent('body'), { timeout: 20_000 }).toContain('This page is where the duties start.');
    await panel.getByRole('button', { name: /^Reply to the comment/ }).click();
    await panel.getByLabel('Your reply').fill('Thank you, we are reading the PDF comments too.');
    await panel.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('Reply sent');
    await expect.poll(() => panel.getByRole('list', { name: '1 reply' }).textContent()).toContain('Thank you, we are reading the PDF comments too.');
    await axeClean(panel);
  });

  it('a member puts back a reply she deleted (Undo), then changes its words by keyboard; the officer sees each live; axe passes', async () => {
    const FIRST = 'My mum waited weeks for her assessment.';
    const CHANGED = 'My mum waited eleven weeks for her care assessment.';
    const page = await openPage(alice);
    const panel = await openSidePanelFor(alice, page);
    await expect.poll(() => panel.textContent('body')).toContain('As a carer I am never asked');
    await panel.getByRole('button', { name: /^Reply to the comment/ }).click();
    await panel.getByRole('textbox').fill(FIRST);
    await panel.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => panel.textContent('body')).toContain(FIRST);
    const samPage = await openPage(sam);
    const samPanel = await openSidePanelFor(sam, samPage);
    await expect.poll(() => samPanel.textContent('body'), { timeout: 15_000 }).toContain(FIRST);

    await panel.bringToFront();
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    await panel.getByRole('button', { name: `Delete your reply “${FIRST}” of ${today}` }).click();
    await panel.getByRole('button', { name: 'Delete reply' }).click();
    await expect.poll(() => panel.textContent('body')).not.toContain(FIRST);
    expect(await panel.textContent('body')).toContain('You deleted your reply.');
    await tabTo(panel, 'Undo deleting your reply');
    await axeClean(panel);
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').allTextContents().then((all) => all.join(' '))).toContain('Reply put back.');
    await expect.poll(() => panel.textContent('body')).toContain(FIRST);
    // Focus goes to the reply that came back, never to <body>.
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '')).toContain(FIRST);
    await samPanel.bringToFront();
    await expect.poll(() => samPanel.textContent('body'), { timeout: 15_000 }).toContain(FIRST);

    await panel.bringToFront();
    await tabTo(panel, `Change your reply “${FIRST}” of ${today}`);
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value)).toBe(FIRST);
    await axeClean(panel);
    await panel.keyboard.press('ControlOrMeta+A');
    await panel.keyboard.type(CHANGED);
    await tabTo(panel, 'Save changes');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').allTextContents().then((all) => all.join(' '))).toContain('Reply changed.');
    await expect.poll(() => panel.textContent('body')).toContain(CHANGED);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe(`Change your reply “My mum waited eleven weeks for her care…” of ${today}`);
    await samPanel.bringToFront();
    await expect.poll(() => samPanel.textContent('body'), { timeout: 15_000 }).toContain(CHANGED);
    expect(await samPanel.textContent('body')).not.toContain(FIRST);

    // The officer's guidance is written: he changes his answer's status, and Alice is told in What's new.
    await samPanel.getByRole('button', { name: `Change your reply “We will ask carers about their own well…” of ${today}` }).click();
    await samPanel.getByRole('radio', { name: 'This has been changed' }).check();
    await samPanel.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => samPanel.textContent('body')).toContain('Answer: This has been changed — Sam Jones');
    await panel.bringToFront();
    await expect.poll(() => panel.textContent('body'), { timeout: 15_000 }).toContain('Answer: This has been changed — Sam Jones');
    const tab = panel.getByRole('tab', { name: /^What’s new/ });
    // Alice read every notice in an earlier step; since then: Sam's reply in the PDF viewer, and this.
    await expect.poll(() => tab.textContent(), { timeout: 20_000 }).toBe('What’s new (2 new)');
    await tab.click();
    await expect.poll(() => panel.getByRole('tabpanel').textContent()).toContain('Sam Jones (Policy officer, Department of Health and Social Care) changed their answer to your comment: This has been changed');
    await axeClean(panel);
    await Promise.all([samPanel.close(), samPage.close(), panel.close(), page.close()]);
  });
});
