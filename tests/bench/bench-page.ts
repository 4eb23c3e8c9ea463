/**
 * What the in-browser benchmarks share: one policy fixture served over http, Debian's Chromium
 * launched headless with the flags this machine needs, and the figures' median and formatting.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { FIXTURES_DIR } from '../fixtures';

/** Serve `fixture` (a file in the policy fixtures) at `url`; everything else is a 404. */
export function serveFixture(fixture: string): Promise<{ url: string; close: () => void }> {
  const html = readFileSync(join(FIXTURES_DIR, fixture));
  const server = createServer((req, res) => {
    if (req.url === `/${fixture}`) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ok({ url: `http://127.0.0.1:${port}/${fixture}`, close: () => server.close() });
    }),
  );
}

/** Headless Debian Chromium with `gc()` exposed, for measuring; closes `server` if it cannot start. */
export function launchBenchChromium(server: { close: () => void }): Promise<Browser> {
  return chromium
    .launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc'],
    })
    .catch((err: unknown) => {
      server.close();
      throw err;
    });
}

/** The median of some timings. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A timing in ms with sensible precision. */
export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
