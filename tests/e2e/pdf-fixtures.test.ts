import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures';
import {
  copyPdfFixture,
  ensurePdfFixtures,
  FINANCE_ACT_MIN_PAGES,
  PDF_PASSWORD,
  type PdfFixtures,
} from '../support/pdf-fixtures';
import { isTextItem, openPdf, tryOpenPdf, type NodePdf } from '../support/pdfjs-node';

// The PDF fixtures the "PDF strategy documents" tests and benchmarks share: printed by
// Chromium from the HTML fixtures, then checked with pdf.js as the extension will read them.

/** The fixture's text with tags dropped and whitespace collapsed, for "does this phrase occur". */
function htmlText(name: string): string {
  const body = readFixture(name).replace(/^[\s\S]*?<body[^>]*>/i, '');
  return collapse(body.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&nbsp;/g, ' '));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The `count` longest text runs of a page (pdf.js items, whitespace collapsed). */
async function longestRuns(pdf: NodePdf, pageNumber: number, count: number): Promise<string[]> {
  const runs = (await pdf.textContentItems(pageNumber)).filter(isTextItem).map((item) => collapse(item.str));
  return runs.sort((a, b) => b.length - a.length).slice(0, count);
}

describe('PDF fixtures printed by Chromium', () => {
  let fixtures: PdfFixtures;
  const opened: NodePdf[] = [];
  const open = async (file: string, password?: string) => {
    const pdf = await openPdf(file, { password });
    opened.push(pdf);
    return pdf;
  };

  beforeAll(async () => {
    const started = Date.now();
    fixtures = await ensurePdfFixtures();
    console.info(
      `pdf fixtures: ${fixtures.reused ? 'reused' : 'generated'} in ${Date.now() - started} ms ` +
        `(generation took ${fixtures.generatedInMs} ms); Finance Act ${fixtures.financeAct.pages} pages, ` +
        `Care Act ${fixtures.careAct.pages}, Francis ${fixtures.francis.pages}, scanned ${fixtures.scanned.pages}`,
    );
  });

  afterAll(async () => {
    await Promise.all(opened.map((pdf) => pdf.destroy()));
  });

  it('reuses the set on disk on a second call', async () => {
    const started = Date.now();
    const again = await ensurePdfFixtures();
    expect(again.financeAct.path).toBe(fixtures.financeAct.path);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it(`prints the Finance Act as ${FINANCE_ACT_MIN_PAGES}+ pages of real text`, async () => {
    const pdf = await open(fixtures.financeAct.path);
    expect(pdf.numPages).toBeGreaterThanOrEqual(FINANCE_ACT_MIN_PAGES);
    expect(pdf.numPages).toBe(fixtures.financeAct.pages);
    expect(pdf.title).toBe('Finance Act 2013');

    const page1 = collapse((await pdf.pageText(1)).replace(/\n/g, ' '));
    expect(page1).toContain('Finance Act 2013');
    expect(page1).toContain('An Act to grant certain duties, to alter other duties');

    // Page 200's longest lines are phrases of the HTML, whatever the layout puts there.
    const html = htmlText('finance-act-2013.html');
    const runs = await longestRuns(pdf, 200, 3);
    expect(runs.every((run) => run.length >= 25), runs.join(' | ')).toBe(true);
    for (const run of runs) expect(html).toContain(run);
  });

  it('gives the same pdf.js fingerprint to two copies of a file and different ones to different files', async () => {
    const copy = await copyPdfFixture(fixtures.careAct.path, 'care-act-2014-part-1-copy.pdf');
    const [care, careCopy, francis] = await Promise.all([
      open(fixtures.careAct.path),
      open(copy),
      open(fixtures.francis.path),
    ]);
    // Chromium writes no trailer /ID, so pdf.js hashes the file's first 1 KB, which holds the
    // /CreationDate: printing the same page again gives a new fingerprint; copying does not.
    expect(careCopy.fingerprints).toEqual(care.fingerprints);
    expect(care.fingerprints[0]).toBe(fixtures.careAct.fingerprint);
    expect(francis.fingerprints[0]).not.toBe(care.fingerprints[0]);
    expect(care.title).toBe('Care Act 2014, Part 1 (excerpts)');
    expect(francis.title).toBe(fixtures.francis.title);
    expect(fixtures.francis.title).toMatch(/^Report of the Mid Staffordshire/);
  });

  it('refuses the protected PDF without its password and opens it with it', async () => {
    const none = await tryOpenPdf(fixtures.francisProtected.path);
    expect(none).toMatchObject({ ok: false, name: 'PasswordException', passwordCode: 1 });
    const wrong = await tryOpenPdf(fixtures.francisProtected.path, { password: 'not-it' });
    expect(wrong).toMatchObject({ ok: false, name: 'PasswordException', passwordCode: 2 });

    const pdf = await open(fixtures.francisProtected.path, PDF_PASSWORD);
    const plain = await open(fixtures.francis.path);
    expect(pdf.numPages).toBe(fixtures.francis.pages);
    expect(await pdf.pageText(1)).toBe(await plain.pageText(1));
  });

  it('has pages but no text in the scanned PDF', async () => {
    const pdf = await open(fixtures.scanned.path);
    expect(pdf.numPages).toBeGreaterThan(0);
    for (let page = 1; page <= pdf.numPages; page++) {
      const items = await pdf.textContentItems(page);
      expect(items.filter(isTextItem)).toEqual([]);
    }
  });

  it.each([
    ['truncated', () => fixtures.truncated.path],
    ['not-a-pdf', () => fixtures.notAPdf.path],
  ])('fails to open %s with a pdf.js error', async (label, file) => {
    const result = await tryOpenPdf(file());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    console.info(`pdf fixtures: ${label} → ${result.name}: ${result.message}`);
    expect(result.name).toBe('InvalidPDFException');
  });
});
