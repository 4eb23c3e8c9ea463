import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDigest } from '../../utils/digest/build-digest';
import { renderDigest } from '../../utils/digest/formats';
import { DATASET_DOCUMENTS, createDataset } from '../support/digest-dataset';
import type { Digest } from '../../utils/digest/types';
import { formatViolations, runAxe, seriousOrCritical } from './support/axe';
import { findChromium } from './support/chromium';

// The printable HTML digest (what a policy officer downloads and prints to PDF) in Debian's
// Chromium: axe-core with layout, so colour contrast is really checked (happy-dom in the unit
// tests cannot), on screen and with print media emulated. No extension is needed.

/** How axe judged colour contrast: element counts that passed, failed or could not be decided. */
interface ContrastReport {
  passes: number;
  violations: number;
  incomplete: { html: string; reason: string }[];
}

/** Run only axe's `color-contrast` rule (axe is already injected by `runAxe`). */
async function contrastReport(page: Page): Promise<ContrastReport> {
  return page.evaluate(async () => {
    // axe-core's global, injected by runAxe; typed loosely here because it lives in the page.
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe;
    interface AxeNode {
      html: string;
      any: { message: string }[];
    }
    interface AxeResults {
      passes: { nodes: AxeNode[] }[];
      violations: { nodes: AxeNode[] }[];
      incomplete: { nodes: AxeNode[] }[];
    }
    const r = await axe.run(document, { runOnly: ['color-contrast'] });
    const count = (groups: { nodes: AxeNode[] }[]) => groups.reduce((n, g) => n + g.nodes.length, 0);
    return {
      passes: count(r.passes),
      violations: count(r.violations),
      incomplete: r.incomplete.flatMap((g) => g.nodes.map((n) => ({ html: n.html.slice(0, 120), reason: n.any.map((a) => a.message).join('; ') }))),
    };
  });
}

/** WCAG 2.x contrast ratio of two `rgb(r, g, b)` colours as getComputedStyle reports them. */
function contrastRatio(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('printable HTML digest in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let digest: Digest;
  let html: string;

  beforeAll(async () => {
    digest = buildDigest({
      annotations: createDataset(),
      documents: DATASET_DOCUMENTS,
      scope: 'group',
      generatedAt: new Date('2026-11-23T10:00:00Z'),
      groupName: 'NCAG',
    });
    html = (await renderDigest(digest, 'html')).body as string;
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(html, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has no serious or critical axe violations on screen (every rule axe runs by default)', async () => {
    await page.emulateMedia({ media: 'screen' });
    const violations = await runAxe(page);
    expect(seriousOrCritical(violations), formatViolations(violations)).toEqual([]);
  });

  it('has enough colour contrast for every piece of text, chart labels included, on screen', async () => {
    await page.emulateMedia({ media: 'screen' });
    await runAxe(page, { runOptions: { runOnly: ['color-contrast'] } }); // injects axe for contrastReport
    const report = await contrastReport(page);
    expect(report.violations).toBe(0);
    // Every comment's meta line and text is a contrast check: hundreds of elements, decided.
    expect(report.passes).toBeGreaterThan(digest.summary.comments * 2);
    // axe leaves the chart's SVG labels undecided (they sit over the chart's white background
    // rectangle); check them here: on that background, touching no bar, at 4.5:1 or more.
    for (const item of report.incomplete) expect(item.html, item.reason).toMatch(/^<text/);
    const chartText = await page.locator('figure svg text').evaluateAll((texts: SVGTextElement[]) =>
      texts.map((t) => {
        const svg = t.ownerSVGElement!;
        const box = t.getBBox();
        const bars = [...svg.querySelectorAll('g rect')].map((r) => (r as SVGGraphicsElement).getBBox());
        const overlapsBar = bars.some((b) => box.x < b.x + b.width && b.x < box.x + box.width && box.y < b.y + b.height && b.y < box.y + box.height);
        return { text: t.textContent, fill: getComputedStyle(t).fill, background: getComputedStyle(svg.querySelector(':scope > rect')!).fill, overlapsBar };
      }),
    );
    expect(chartText.length).toBe(digest.summary.byTheme.length * 2);
    for (const label of chartText) {
      expect(label.overlapsBar, `${label.text} overlaps a bar`).toBe(false);
      expect(contrastRatio(label.fill, label.background), String(label.text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('shows a title, a heading per document in order, and a labelled bar chart', async () => {
    await page.emulateMedia({ media: 'screen' });
    await expect(page.title()).resolves.toBe('Lived experience digest: NCAG');
    expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['Lived experience digest: NCAG']);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Summary', ...DATASET_DOCUMENTS.map((d) => d.title)]);
    const chart = page.getByRole('img', { name: 'Comments by theme' });
    await expect(chart.count()).resolves.toBe(1);
    expect(await chart.isVisible()).toBe(true);
    const description = await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    for (const c of digest.summary.byTheme) expect(description).toContain(`${c.label}: ${c.count} comment`);
    // The contents list takes a keyboard user to each document.
    const link = page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: DATASET_DOCUMENTS[2]!.title });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#document-3');
    expect(await page.getByRole('heading', { level: 2, name: DATASET_DOCUMENTS[2]!.title }).isVisible()).toBe(true);
  });

  it('prints well: no contents list, a new page per document, link addresses written out, and still no serious violations', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Documents' }).isVisible()).toBe(false);
    const print = await page.evaluate(() => ({
      breaks: [...document.querySelectorAll('h2.document')].map((h) => getComputedStyle(h).breakBefore),
      linkAfter: getComputedStyle(document.querySelector('.address a')!, '::after').content,
      commentBreak: getComputedStyle(document.querySelector('.comments > li')!).breakInside,
    }));
    expect(print.breaks).toEqual(DATASET_DOCUMENTS.map(() => 'page'));
    expect(print.linkAfter).toContain(DATASET_DOCUMENTS[0]!.url);
    expect(print.commentBreak).toBe('avoid');

    const violations = await runAxe(page);
    expect(seriousOrCritical(violations), formatViolations(violations)).toEqual([]);
    const report = await contrastReport(page);
    expect(report.violations).toBe(0);
    expect(report.passes).toBeGreaterThan(digest.summary.comments * 2);

    // Printed to PDF, each document starts its own page: at least summary + one per document.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1 + DATASET_DOCUMENTS.length);
    await page.emulateMedia({ media: 'screen' });
  });
});
