import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedStore } from '../../server/test/support/spawn-store';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import type { ExtensionBrowser } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { joinInBrowser, startGroupStore } from './support/group-actions';
import { openSidePanelFor, paintedCount } from './support/page-actions';

// Issue 14, "Other tools": a W3C annotation that a plain HTTP client POSTs to the group's
// container is one of the group's comments. An officer's extension paints its passage on the
// page, lists it in the side panel with its tag as a theme and its creator's name as given,
// and puts it in the CSV digest.
const FIXTURE = 'care-act-2014-part-1.html';
// The fixture's canonical address: what the extension files the page's comments under.
const CANONICAL = 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted';
const QUOTE = 'promote that individual’s well-being';
const TEXT = 'Posted from another annotation tool: respite for carers belongs in this duty.';

describe('a W3C annotation posted by another tool', () => {
  let server: FixtureServer;
  let store: SpawnedStore;
  let officer: ExtensionBrowser;
  let panel: Page;
  let readerCode: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    const started = await startGroupStore();
    store = started.store;
    // The other tool: plain HTTP, a member's invite and the W3C protocol, nothing of ours.
    const joined = await fetch(`${store.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: started.invites.member, displayName: 'Another tool' }),
    });
    expect(joined.status).toBe(201);
    const { token, group } = (await joined.json()) as { token: string; group: string };
    const posted = await fetch(`${store.url}/annotations/${group}/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
      body: JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        creator: { type: 'Person', name: 'Dana Ellis' },
        body: [
          { type: 'TextualBody', purpose: 'commenting', value: TEXT },
          { type: 'TextualBody', purpose: 'tagging', value: 'workforce' },
        ],
        target: { source: CANONICAL, selector: { type: 'TextQuoteSelector', exact: QUOTE } },
      }),
    });
    expect(posted.status).toBe(201);
    readerCode = started.invites.reader;
  });

  afterAll(async () => {
    await officer?.close();
    await store?.stop();
    await server?.close();
  });

  it('is painted on its passage and listed in the side panel, with its theme and its creator', async () => {
    officer = await joinInBrowser(store.url, 'Sam Jones', readerCode, { named: true });
    const page = await officer.context.newPage();
    await page.goto(server.url(FIXTURE));
    await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
    await expect.poll(() => paintedCount(page), { timeout: 15_000 }).toBe(1);
    panel = await openSidePanelFor(officer, page);
    const list = panel.getByRole('list', { name: 'Comments in page order' });
    await expect.poll(() => list.textContent(), { timeout: 15_000 }).toContain(TEXT);
    expect(await list.textContent()).toContain('Workforce');
    expect(await list.textContent()).toContain('Dana Ellis');
  });

  it('is in the CSV digest', async () => {
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'CSV (Excel)', exact: true }).click()]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync((await download.path())!));
    expect(csv).toContain(TEXT);
    expect(csv).toContain('Dana Ellis');
    expect(csv).toContain('Workforce');
  });
});
