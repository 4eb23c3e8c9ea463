import { FIXTURES_DIR } from '../../fixtures';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from './paths';

/** A local HTTP server for the golden fixture pages (the browser must see an http:// page). */
export interface FixtureServer {
  /** Absolute http URL of fixture `name`, e.g. `url('care-act-2014-part-1.html')`. */
  url(name: string): string;
  /**
   * Serve `html` instead of the file for `name` (same URL) until reset with `null`; used to
   * change a page's text under existing comments. Fragments are still wrapped in a page.
   */
  setOverride(name: string, html: string | null): void;
  /** Stop the server and drop open connections. */
  close(): Promise<void>;
}

/**
 * Directory the fixtures are read from: `$LEA_FIXTURES_DIR`, or the repository's copy in
 * `tests/fixtures/policy`.
 */
export function fixturesDir(): string {
  return path.resolve(FIXTURES_DIR);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const FRAGMENT_SUFFIX = '.fragment.html';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Wraps an HTML fragment in a minimal page titled after its first heading (or file name). */
function wrapFragment(name: string, fragment: string): string {
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(fragment)?.[1]?.replace(/<[^>]*>/g, '').trim();
  const title = heading || path.basename(name, FRAGMENT_SUFFIX);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '</head>',
    '<body>',
    fragment,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Starts a fixture server on 127.0.0.1 (random port). Serves files under `fixturesDir()`
 * with correct content types, wraps `*.fragment.html` in a page, never caches. Throws if
 * the fixture directory is missing.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const root = fixturesDir();
  if (!existsSync(root)) {
    throw new Error(`Fixture directory ${root} does not exist: set LEA_FIXTURES_DIR to the shared fixtures folder.`);
  }
  const overrides = new Map<string, string>();

  const server = http.createServer((req, res) => {
    void respond(req.url ?? '/').then(
      ({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(String(error));
      },
    );
  });

  async function respond(rawUrl: string): Promise<{ status: number; type: string; body: string | Buffer }> {
    const name = decodeURIComponent(new URL(rawUrl, 'http://fixture.invalid').pathname).replace(/^\/+/, '');
    const file = path.resolve(root, name);
    if (!name || !file.startsWith(root + path.sep)) {
      return { status: 404, type: 'text/plain; charset=utf-8', body: `not a fixture: /${name}` };
    }
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body: string | Buffer | undefined = overrides.get(name);
    if (body === undefined) {
      try {
        body = await readFile(file);
      } catch {
        return { status: 404, type: 'text/plain; charset=utf-8', body: `no fixture ${name} in ${root}` };
      }
    }
    if (name.endsWith(FRAGMENT_SUFFIX)) body = wrapFragment(name, typeof body === 'string' ? body : body.toString('utf8'));
    return { status: 200, type, body };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: (name) => `http://127.0.0.1:${port}/${name.split('/').map(encodeURIComponent).join('/')}`,
    setOverride: (name, html) => {
      if (html === null) overrides.delete(name);
      else overrides.set(name, html);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
