import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/support/spawn-store';
import { openTestStore, type TestStore } from '../../../test/support/test-store';
import { WEBAPP_CSP } from './webapp-files';

const INDEX = `<!doctype html><html lang="en-GB"><head><title>Your group's comments</title><script type="module" crossorigin src="/assets/index-AbCd1234.js"></script><link rel="stylesheet" crossorigin href="/assets/index-EfGh5678.css"></head><body><div id="app"></div></body></html>`;

let dir: string;
let built: TestStore;
let unbuilt: TestStore;

async function get(store: TestStore, pathname: string) {
  const res = await store.store.app.request(`http://store.test${pathname}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lea-webapp-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'assets', 'index-EfGh5678.css'), 'body{}');
  writeFileSync(path.join(dir, 'secret.txt'), 'not an asset');
  built = await openTestStore('pglite', { webappDir: dir });
  unbuilt = await openTestStore('pglite', { webappDir: path.join(dir, 'missing') });
});

afterAll(async () => {
  await built?.close();
  await unbuilt?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PAGES = ['/', '/sign-in', '/documents?source=https%3A%2F%2Fexample.org%2F', '/search?q=dignity', '/c/0190a1b2-0000-7000-8000-000000000001', '/group/members', '/group/invites', '/group/moderation', '/group/themes', '/group/versions'];

describe('the web app is served by the store', () => {
  it.each(PAGES)('%s answers the app page with the strict CSP, no framing, no referrer, never cached', async (page) => {
    const res = await get(built, page);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(WEBAPP_CSP);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.text).toBe(INDEX);
  });

  it.each([
    ['cy', 'cy'],
    ['cy-GB,cy;q=0.9,en;q=0.5', 'cy'],
    ['fr-FR,cy;q=0.8,en;q=0.5', 'cy'],
    ['en-US,en;q=0.9,cy;q=0.8', 'en-GB'],
    ['fr, de', 'en-GB'],
    ['cy;q=0, en', 'en-GB'],
  ])('Accept-Language %j starts the app in %s (<html lang>), and caches say it varies by it', async (header, lang) => {
    const res = await built.store.app.request('http://store.test/search?q=x', { headers: { 'Accept-Language': header } });
    const text = await res.text();
    expect(text).toContain(`<html lang="${lang}">`);
    expect(text.replace(`<html lang="${lang}">`, '<html lang="en-GB">')).toBe(INDEX);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('the CSP allows no inline script, no other origin and no framing', () => {
    expect(WEBAPP_CSP).toContain("script-src 'self';");
    expect(WEBAPP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(WEBAPP_CSP).toContain("frame-ancestors 'none'");
    expect(WEBAPP_CSP).toContain("default-src 'none'");
  });

  it('serves hashed assets with long caching and their own content type', async () => {
    const js = await get(built, '/assets/index-AbCd1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.text).toBe('console.log(1)');
    const css = await get(built, '/assets/index-EfGh5678.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it.each(['/assets/nothing-here1.js', '/assets/..%2Fsecret.txt', '/assets/..%2F..%2Fpackage.json', '/assets/%2E%2E%2Findex.html', '/assets/.hidden.js', '/assets/..%5Csecret.txt', '/assets/', '/secret.txt', '/index.html/..%2Fsecret.txt'])(
    '%s is not found (unknown assets and path traversal refused)',
    async (page) => {
      const res = await get(built, page);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('not an asset');
      expect(res.text).not.toContain('"name"');
    },
  );

  it('leaves the API and the W3C container answering as before', async () => {
    const health = await get(built, '/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ ok: true });
    const group = await built.createGroup();
    const container = await built.call('GET', `/annotations/${group.group}/`, { token: group.reader.token });
    expect(container.status).toBe(200);
    expect(container.headers.get('content-security-policy')).toBeNull();
    const unknown = await get(built, '/api/nothing');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error.code).toBe('not-found');
  });

  it('without a build, every page says plainly to run npm run build:webapp (503, same headers)', async () => {
    for (const page of ['/', '/sign-in', '/c/0190a1b2-0000-7000-8000-000000000001']) {
      const res = await get(unbuilt, page);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-security-policy')).toBe(WEBAPP_CSP);
      expect(res.text).toContain('npm run build:webapp');
      expect(res.text).toContain('<html lang="en-GB">');
      expect(res.text).not.toMatch(/<script|style=/);
    }
  });
});

describe('the real build', () => {
  let out: string;
  let real: TestStore;
  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'lea-webapp-build-'));
    const { build } = await import('vite');
    await build({ configFile: path.join(REPO_ROOT, 'server/webapp/vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    real = await openTestStore('pglite', { webappDir: out });
  });
  afterAll(async () => {
    await real?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('has no inline script or style, and every file it names is served from /assets/', async () => {
    const page = await get(real, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en-GB">');
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="\/assets\/[^"]+"/);
      expect(body!.trim()).toBe('');
    }
    expect(page.text).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
    const files = [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    for (const file of files) {
      const res = await get(real, file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control')).toContain('immutable');
    }
  });
});
