import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../e2e/support/chromium';
import { FIXTURES_DIR } from '../fixtures';
import { openPdf } from './pdfjs-node';

// PDF fixtures for the "PDF strategy documents" work, printed by Debian's Chromium from the
// real HTML fixtures and cached under .tmp/pdf-fixtures/<key>/, where <key> hashes the
// generator version and the source pages. A set is built in a private directory and renamed
// into place whole, under a lock directory, so concurrent callers never see half a set.

/** Bump when the generator changes what the PDFs look like (the print CSS is hashed into the key already). */
export const PDF_FIXTURES_VERSION = 1;
/** User password of `francis-protected.pdf` (AES-256, made by qpdf). */
export const PDF_PASSWORD = 'care-act';
/** Owner password of `francis-protected.pdf`. */
export const PDF_OWNER_PASSWORD = 'care-act-owner';
/** The Finance Act PDF must have at least this many pages (the issue asks for a 300+ page document). */
export const FINANCE_ACT_MIN_PAGES = 300;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where generated sets live, one subdirectory per cache key. */
export const PDF_FIXTURES_ROOT: string = path.join(repoRoot, '.tmp', 'pdf-fixtures');

/** A PDF printed from an HTML fixture, with the facts pdf.js reports for it. */
export interface TextPdfFixture {
  path: string;
  /** The HTML fixture it was printed from (a name in tests/fixtures/policy/). */
  source: string;
  pages: number;
  /** The PDF's /Title (Chromium takes it from the HTML <title>). */
  title: string | undefined;
  /** pdf.js `fingerprints[0]`. */
  fingerprint: string;
}

/** Every fixture PDF, by absolute path. */
export interface PdfFixtures {
  dir: string;
  careAct: TextPdfFixture;
  financeAct: TextPdfFixture;
  francis: TextPdfFixture;
  /** The Francis PDF encrypted with user password {@link PDF_PASSWORD}. */
  francisProtected: { path: string; pages: number; userPassword: string; ownerPassword: string };
  /** Pages that are JPEG images of a rendered fixture only: no text layer, untagged. */
  scanned: { path: string; pages: number };
  /** The first 40% of care-act-2014-part-1.pdf's bytes. */
  truncated: { path: string; bytes: number; ofBytes: number };
  /** care-act-2014-part-1.html's bytes under a .pdf name. */
  notAPdf: { path: string };
  /** How long generating this set took, in ms (when it was generated, possibly by an earlier run). */
  generatedInMs: number;
  /** True when this call found the set on disk rather than generating it. */
  reused: boolean;
}

type Manifest = Omit<PdfFixtures, 'dir' | 'reused'> & { key: string };

const SOURCES = {
  careAct: 'care-act-2014-part-1.html',
  financeAct: 'finance-act-2013.html',
  francis: 'francis-report-2013-executive-summary.html',
} as const;

/** Print CSS per document. The Finance Act on A5 at 16pt gives ~360 pages (≥ 300 needed). */
const PRINT_CSS: Record<keyof typeof SOURCES, string> = {
  careAct: '@page { size: A4; margin: 2cm; }',
  financeAct: '@page { size: A5; margin: 1.5cm; } html { font-size: 16pt; }',
  francis: '@page { size: A4; margin: 2cm; }',
};

const LOCK_STALE_MS = 5 * 60_000;
const WAIT_FOR_OTHER_MS = 5 * 60_000;

let inProcess: Promise<PdfFixtures> | undefined;

/**
 * Returns the fixture PDFs, generating them on first use (about 20 s) and reusing the set on
 * disk while the generator version and source pages are unchanged. Throws when Chromium or
 * qpdf is missing, with the command that installs it.
 */
export function ensurePdfFixtures(): Promise<PdfFixtures> {
  inProcess ??= ensureOnDisk().catch((error: unknown) => {
    inProcess = undefined;
    throw error;
  });
  return inProcess;
}

/**
 * Copies a fixture PDF to `name` in `dir` (default .tmp/pdf-fixtures/copies/), e.g. to serve
 * one file from two URLs. Writes a temporary file and renames it; returns the absolute path.
 */
export async function copyPdfFixture(sourcePath: string, name: string, dir = path.join(PDF_FIXTURES_ROOT, 'copies')): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await copyFile(sourcePath, temp);
  await rename(temp, target);
  return target;
}

async function ensureOnDisk(): Promise<PdfFixtures> {
  const key = await cacheKey();
  const finalDir = path.join(PDF_FIXTURES_ROOT, key);
  const lockDir = `${finalDir}.lock`;
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  await mkdir(PDF_FIXTURES_ROOT, { recursive: true });
  for (;;) {
    const found = await readManifest(finalDir, key);
    if (found) return { ...found, dir: finalDir, reused: true };
    if (await tryLock(lockDir)) {
      try {
        const raced = await readManifest(finalDir, key);
        if (raced) return { ...raced, dir: finalDir, reused: true };
        const manifest = await generateInto(finalDir, key);
        await removeOtherSets(key);
        return { ...manifest, dir: finalDir, reused: false };
      } finally {
        await rm(lockDir, { recursive: true, force: true });
      }
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for another process generating ${finalDir} (lock ${lockDir})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function cacheKey(): Promise<string> {
  const hash = createHash('sha256').update(`pdf-fixtures v${PDF_FIXTURES_VERSION}\n${JSON.stringify(PRINT_CSS)}\n`);
  for (const name of Object.values(SOURCES)) {
    hash.update(`${name}\n`).update(await readFile(path.join(FIXTURES_DIR, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Takes the lock directory; a lock older than LOCK_STALE_MS is from a dead run and is broken. */
async function tryLock(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir);
    return true;
  } catch (error) {
    if (!isErrnoCode(error, 'EEXIST')) throw error;
  }
  const held = await stat(lockDir).catch(() => undefined);
  if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) await rm(lockDir, { recursive: true, force: true });
  return false;
}

async function readManifest(dir: string, key: string): Promise<Manifest | undefined> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  const files = [manifest.careAct, manifest.financeAct, manifest.francis, manifest.francisProtected, manifest.scanned, manifest.truncated, manifest.notAPdf];
  if (manifest.key !== key || !files.every((file) => file && existsSync(file.path))) return undefined;
  return manifest;
}

/** Removes sets for other keys and abandoned build directories. */
async function removeOtherSets(key: string): Promise<void> {
  for (const entry of await readdir(PDF_FIXTURES_ROOT, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(PDF_FIXTURES_ROOT, entry.name);
    const oldSet = /^[0-9a-f]{16}$/.test(entry.name) && entry.name !== key;
    const oldBuild = entry.name.startsWith('.build-') && Date.now() - (await stat(full)).mtimeMs > LOCK_STALE_MS;
    if (oldSet || oldBuild) await rm(full, { recursive: true, force: true });
  }
}

async function generateInto(finalDir: string, key: string): Promise<Manifest> {
  const started = Date.now();
  await checkQpdf();
  const buildDir = path.join(PDF_FIXTURES_ROOT, `.build-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(buildDir, { recursive: true });
  const at = (name: string) => path.join(finalDir, name);
  const build = (name: string) => path.join(buildDir, name);
  try {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      // The fixtures are self-contained; nothing may come from the network.
      await page.route(/^https?:/, (route) => route.abort());
      for (const [id, source] of Object.entries(SOURCES) as [keyof typeof SOURCES, string][]) {
        await printFixture(page, source, PRINT_CSS[id], build(source.replace(/\.html$/, '.pdf')));
      }
      await printScanned(browser, SOURCES.careAct, build('scanned.pdf'));
    } finally {
      await browser.close();
    }

    const careActPdf = build('care-act-2014-part-1.pdf');
    const francisPdf = build('francis-report-2013-executive-summary.pdf');
    await run('qpdf', ['--encrypt', PDF_PASSWORD, PDF_OWNER_PASSWORD, '256', '--', francisPdf, build('francis-protected.pdf')]);
    const careBytes = await readFile(careActPdf);
    const truncatedBytes = Math.floor(careBytes.length * 0.4);
    await writeFile(build('truncated.pdf'), careBytes.subarray(0, truncatedBytes));
    await copyFile(path.join(FIXTURES_DIR, SOURCES.careAct), build('not-a-pdf.pdf'));

    const describe = async (source: string): Promise<TextPdfFixture> => {
      const name = source.replace(/\.html$/, '.pdf');
      const pdf = await openPdf(build(name));
      try {
        return { path: at(name), source, pages: pdf.numPages, title: pdf.title, fingerprint: pdf.fingerprints[0] };
      } finally {
        await pdf.destroy();
      }
    };
    const financeAct = await describe(SOURCES.financeAct);
    if (financeAct.pages < FINANCE_ACT_MIN_PAGES) {
      throw new Error(`finance-act-2013.pdf has ${financeAct.pages} pages, fewer than ${FINANCE_ACT_MIN_PAGES}: enlarge PRINT_CSS.financeAct`);
    }
    const francis = await describe(SOURCES.francis);
    const scanned = await openPdf(build('scanned.pdf'));
    const scannedPages = scanned.numPages;
    await scanned.destroy();

    const manifest: Manifest = {
      key,
      careAct: await describe(SOURCES.careAct),
      financeAct,
      francis,
      francisProtected: { path: at('francis-protected.pdf'), pages: francis.pages, userPassword: PDF_PASSWORD, ownerPassword: PDF_OWNER_PASSWORD },
      scanned: { path: at('scanned.pdf'), pages: scannedPages },
      truncated: { path: at('truncated.pdf'), bytes: truncatedBytes, ofBytes: careBytes.length },
      notAPdf: { path: at('not-a-pdf.pdf') },
      generatedInMs: Date.now() - started,
    };
    await writeFile(build('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Only a set without a valid manifest can be in the way here (we hold the lock).
    await rm(finalDir, { recursive: true, force: true });
    await rename(buildDir, finalDir);
    return manifest;
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true });
    throw error;
  }
}

/** Prints one HTML fixture to `target`. Chromium writes the <title> as the PDF's /Title. */
async function printFixture(page: Page, source: string, css: string, target: string): Promise<void> {
  await page.goto(pathToFileURL(path.join(FIXTURES_DIR, source)).href, { waitUntil: 'load' });
  await page.addStyleTag({ content: css });
  // Tagged like most published PDFs, so text content carries marked-content items as in the wild.
  await page.pdf({ path: target, preferCSSPageSize: true, tagged: true, printBackground: false });
}

const SCANNED_PAGES = 3;
const A4_CSS_PX = { width: 794, height: 1123 };

/**
 * Photographs the first pages of `source` as rendered on screen (JPEG, as scanners write)
 * and prints a document holding only those images, untagged like a scanner's output.
 */
async function printScanned(browser: Browser, source: string, target: string): Promise<void> {
  const shots = await browser.newPage({ viewport: A4_CSS_PX });
  await shots.route(/^https?:/, (route) => route.abort());
  await shots.goto(pathToFileURL(path.join(FIXTURES_DIR, source)).href, { waitUntil: 'load' });
  const fullHeight = await shots.evaluate(() => document.documentElement.scrollHeight);
  const images: string[] = [];
  for (let i = 0; i < SCANNED_PAGES && i * A4_CSS_PX.height < fullHeight; i++) {
    const clip = { x: 0, y: i * A4_CSS_PX.height, ...A4_CSS_PX };
    const jpeg = await shots.screenshot({ type: 'jpeg', quality: 70, fullPage: true, clip });
    images.push(`data:image/jpeg;base64,${jpeg.toString('base64')}`);
  }
  await shots.close();

  const page = await browser.newPage();
  const imgs = images.map((src) => `<img src="${src}" alt="">`).join('');
  await page.setContent(
    '<!DOCTYPE html><html><head><title>Care Act 2014, Part 1 (scanned)</title><style>' +
      '@page { size: A4; margin: 0; } body { margin: 0; } ' +
      'img { display: block; width: 210mm; height: 297mm; } img + img { break-before: page; }' +
      `</style></head><body>${imgs}</body></html>`,
    { waitUntil: 'load' },
  );
  await page.pdf({ path: target, preferCSSPageSize: true, tagged: false, printBackground: true });
  await page.close();
}

async function checkQpdf(): Promise<void> {
  try {
    await run('qpdf', ['--version']);
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) {
      throw new Error('qpdf not found (it encrypts francis-protected.pdf). Install it with: sudo apt-get install -y qpdf');
    }
    throw error;
  }
}

const execFileAsync = promisify(execFile);

async function run(command: string, args: string[]): Promise<void> {
  await execFileAsync(command, args, { timeout: 60_000 });
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
