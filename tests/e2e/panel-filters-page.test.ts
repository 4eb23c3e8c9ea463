import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnotation, type CommentDraft, type LeaAnnotation, type Perspective, type Kind } from '../../utils/model';
import { ANNOTATOR_HOST_TAG } from './support/annotator';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { openSidePanelFor, paintedCount } from './support/page-actions';
import { listedPassages, pageUri, paintedPassages, saveComments } from './support/panel-actions';

// Issue 11, item 11: the side panel's filters choose what the page paints, not only what the
// list shows. Six comments on five passages (three on one), then each filter in turn: the
// page's CSS highlights must hold exactly the passages the panel lists.
const FIXTURE = 'care-act-2014-part-1.html';
const ABUSE = 'protection from abuse and neglect';
const HOUSING = 'suitability of living accommodation';
const ECONOMIC = 'social and economic well-being';
const FAMILY = 'domestic, family and personal relationships';

interface Seed {
  quote: string;
  theme: string;
  perspective: Perspective;
  kind: Kind;
  author: string | null;
  day: string;
}
const SEEDS: Seed[] = [
  { quote: ABUSE, theme: 'Wellbeing and independence', perspective: 'uses-care', kind: 'comment', author: 'Alice', day: '2026-03-01' },
  { quote: HOUSING, theme: 'Information and advice', perspective: 'carer', kind: 'question', author: null, day: '2026-05-10' },
  { quote: ECONOMIC, theme: 'Workforce', perspective: 'family', kind: 'comment', author: 'Bilal', day: '2026-06-01' },
  { quote: ECONOMIC, theme: 'Workforce', perspective: 'carer', kind: 'suggested-change', author: null, day: '2026-06-02' },
  { quote: ECONOMIC, theme: 'Wellbeing and independence', perspective: 'uses-care', kind: 'comment', author: 'Alice', day: '2026-06-03' },
  { quote: FAMILY, theme: 'Workforce', perspective: 'works-in-care', kind: 'comment', author: 'Bilal', day: '2026-01-15' },
];

function seedAnnotations(source: string): LeaAnnotation[] {
  return SEEDS.map((seed, i) => {
    const draft: CommentDraft = {
      text: `Seeded comment ${i + 1}.`,
      themes: [seed.theme],
      perspective: seed.perspective,
      attribution: seed.author ? 'named' : 'anonymous',
      visibility: 'group',
      kind: seed.kind,
    };
    const built = buildAnnotation({
      id: `urn:uuid:01890a5d-ac96-774b-bcce-${String(i + 1).padStart(12, '0')}`,
      now: new Date(`${seed.day}T12:00:00Z`),
      draft,
      target: { source, selectors: [{ type: 'TextQuoteSelector', exact: seed.quote }, { type: 'TextPositionSelector', start: 0, end: seed.quote.length }] },
      authorName: seed.author ?? '',
    });
    if (!built.ok) throw new Error(built.problems.join(' '));
    return built.value;
  });
}

describe('side panel filters and the page’s highlights in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.goto(server.url(FIXTURE));
    await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
    panel = await openSidePanelFor(browser, page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The panel lists `expected` and the page paints exactly those passages, no others. */
  async function expectShown(expected: string[]) {
    const sorted = [...expected].sort();
    await expect.poll(() => listedPassages(panel)).toEqual(sorted);
    await expect.poll(() => paintedPassages(page)).toEqual(sorted);
  }

  it('lists and paints every comment before any filter', async () => {
    await saveComments(panel, seedAnnotations(await pageUri(panel)));
    await expect.poll(() => paintedCount(page)).toBe(SEEDS.length);
    await panel.reload();
    await expectShown([ABUSE, HOUSING, ECONOMIC, ECONOMIC, ECONOMIC, FAMILY]);
    await panel.getByText('Filter comments').click();
  });

  it('paints only the chosen theme, and everything again when the filter is cleared', async () => {
    await panel.getByLabel('Show comments about').selectOption('workforce'); // the theme's id (the option reads "Workforce (n)")
    await expectShown([ECONOMIC, ECONOMIC, FAMILY]);
    await panel.getByLabel('Show comments about').selectOption('');
    await expectShown([ABUSE, HOUSING, ECONOMIC, ECONOMIC, ECONOMIC, FAMILY]);
  });

  it('paints only the chosen perspective, kind and author', async () => {
    await panel.getByLabel('Written by someone who').selectOption('carer');
    await expectShown([HOUSING, ECONOMIC]);
    await panel.getByLabel('Written by someone who').selectOption('');
    await panel.getByLabel('Kind of comment').selectOption('question');
    await expectShown([HOUSING]);
    await panel.getByLabel('Kind of comment').selectOption('');
    await panel.getByLabel('Author').selectOption('Bilal');
    await expectShown([ECONOMIC, FAMILY]);
    await panel.getByLabel('Author').selectOption('');
    await expectShown([ABUSE, HOUSING, ECONOMIC, ECONOMIC, ECONOMIC, FAMILY]);
  });

  it('paints only comments written between the chosen dates', async () => {
    await panel.getByLabel('Written from').fill('2026-05-01');
    await panel.getByLabel('Written until').fill('2026-06-02');
    await expectShown([HOUSING, ECONOMIC, ECONOMIC]);
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expectShown([ABUSE, HOUSING, ECONOMIC, ECONOMIC, ECONOMIC, FAMILY]);
  });

  it('paints only passages with three or more comments', async () => {
    await panel.getByLabel('Only show passages with 3 or more comments').check();
    await expectShown([ECONOMIC, ECONOMIC, ECONOMIC]);
    // A page reloaded under an open, filtered panel is told again what the list shows.
    await page.reload();
    await page.waitForSelector(ANNOTATOR_HOST_TAG, { state: 'attached' });
    await expectShown([ECONOMIC, ECONOMIC, ECONOMIC]);
    await panel.getByLabel('Only show passages with 3 or more comments').uncheck();
    await expectShown([ABUSE, HOUSING, ECONOMIC, ECONOMIC, ECONOMIC, FAMILY]);
  });

  it('paints everything again when the filtered panel is closed', async () => {
    await panel.getByLabel('Show comments about').selectOption('workforce'); // the theme's id (the option reads "Workforce (n)")
    await expectShown([ECONOMIC, ECONOMIC, FAMILY]);
    await panel.close();
    await expect.poll(() => paintedPassages(page)).toEqual([ABUSE, HOUSING, ECONOMIC, ECONOMIC, ECONOMIC, FAMILY].sort());
  });
});
