import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:webapp` writes the web app (server/webapp/vite.config.ts). */
export const DEFAULT_WEBAPP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../.output/webapp');

/**
 * The web app's Content-Security-Policy (issue 13, server/webapp): only the store's own
 * scripts, styles, fonts and API; no inline script or style, no framing, no <base>.
 */
export const WEBAPP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Headers on every page of the web app (HTML): the CSP, no framing, no referrer, never cached. */
export const HTML_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': WEBAPP_CSP,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** An asset file name as Vite writes it: one plain name, no folders, no dots first. */
const ASSET_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,200}$/;
/** Vite's content hash before the extension (`index-BxV3k9aQ.js`): such a file never changes. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** A file of the built web app, ready to send. */
export interface WebappFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Safe to cache for ever (its name changes with its content). */
  immutable: boolean;
}

/**
 * Reads the built web app: `index.html` for every page, and files under `assets/` by plain
 * name only (anything with a slash, `..`, a backslash or a leading dot is refused as not found).
 */
export function createWebappFiles(dir: string) {
  const root = path.resolve(dir);
  const assets = path.join(root, 'assets');
  return {
    /** index.html, or null when the web app has not been built. */
    async index(): Promise<string | null> {
      try {
        return await readFile(path.join(root, 'index.html'), 'utf8');
      } catch {
        return null;
      }
    },
    /** An asset by its name, or null (unknown, not a plain name, or not a file). */
    async asset(name: string): Promise<WebappFile | null> {
      if (!ASSET_NAME.test(name) || name.includes('..')) return null;
      const file = path.join(assets, name);
      if (path.dirname(file) !== assets) return null;
      const type = TYPES[path.extname(name).toLowerCase()];
      if (!type) return null;
      try {
        if (!(await stat(file)).isFile()) return null;
        return { body: new Uint8Array(await readFile(file)) as Uint8Array<ArrayBuffer>, contentType: type, immutable: HASHED.test(name) };
      } catch {
        return null;
      }
    },
  };
}
export type WebappFiles = ReturnType<typeof createWebappFiles>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page the store answers when the web app has not been built: what to run, in plain words. */
export function notBuiltPage(): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The web app is not built yet</title></head>
<body>
<main>
<h1>The web app is not built yet</h1>
<p>The group store is running, but its web app for officers and facilitators has not been built.</p>
<p>Whoever runs the store: in the project folder, run <code>${escapeHtml('npm run build:webapp')}</code>, then reload this page.</p>
</main>
</body>
</html>
`;
}
