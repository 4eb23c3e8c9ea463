// `npm start`: build the extension, start the group store (embedded PostgreSQL in ./data, or
// DATABASE_URL), and serve the real policy fixtures so everything can be tried at once.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The store runs as its own process, exactly as `npm run store` would start it.
const store = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, stdio: 'inherit', env: process.env });
store.on('exit', (code) => {
  console.error(`The group store stopped (exit code ${code}).`);
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => store.kill(signal));

const fixtures = resolve(root, process.env.LEA_FIXTURES_DIR ?? 'tests/fixtures/policy');
const port = Number(process.env.FIXTURES_PORT ?? 8080);
const pages = existsSync(fixtures) ? readdirSync(fixtures).filter((f) => f.endsWith('.html') && !f.includes('fragment')) : [];

createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
  if (!pages.includes(name)) {
    res.writeHead(name ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en-GB"><title>Policy pages</title><h1>Policy pages to try</h1><ul>${pages.map((p) => `<li><a href="/${p}">${p}</a></li>`).join('')}</ul>`);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  createReadStream(join(fixtures, name)).pipe(res);
}).listen(port, '127.0.0.1', () => {
  console.log(`
The extension is built in ${join(root, '.output/chrome-mv3')}

Load it in Chrome or Chromium:
  1. Open chrome://extensions and switch on "Developer mode" (top right).
  2. Choose "Load unpacked" and pick the folder above.
  3. Open a policy page, for example http://127.0.0.1:${port}/care-act-2014-part-1.html
  4. Select some words and choose "Add comment" (or press Alt+Shift+C).

Firefox: run "npm run build:firefox", open about:debugging#/runtime/this-firefox,
choose "Load Temporary Add-on" and pick .output/firefox-mv2/manifest.json.

The group store is starting on http://localhost:${process.env.PORT ?? 8787} (its messages appear below).
Make a group and its invite codes, in another terminal:
  npm run store -- create-group "NCAG"
Then in the extension's Settings (toolbar button, then "Settings"), under "Your group",
enter the store address and the member invite code, and choose "Connect to my group".

Serving example policy pages on http://127.0.0.1:${port}/ (press Ctrl+C to stop).`);
});
