// `npm start`: build the extension, start the group store (embedded PostgreSQL in ./data, or
// DATABASE_URL), and serve the real policy fixtures so everything can be tried at once.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** A port from the environment variable `name`, or a plain sentence and exit. */
function portFrom(name, fallback) {
  const text = process.env[name] || String(fallback);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    console.error(`${name} must be a port number from 1 to 65535 (it is "${text}").`);
    process.exit(1);
  }
  return port;
}

/** Resolves when nothing listens on `port` (checked by listening on it for a moment). */
function portIsFree(port, host) {
  return new Promise((done) => {
    const probe = createTcpServer();
    probe.once('error', () => done(false));
    probe.listen({ port, ...(host ? { host } : {}) }, () => probe.close(() => done(true)));
  });
}

const storePort = portFrom('PORT', 8787);
const port = portFrom('FIXTURES_PORT', 8080);
// Both ports are checked before the build, so a busy one is reported at once in plain words.
const busy = [
  !(await portIsFree(storePort, process.env.HOST)) &&
    `Port ${storePort} is already in use by another program, so the group store cannot start.\n` +
      `Stop that program, or choose another port for the store, for example:  PORT=${storePort + 1} npm start\n` +
      `(then enter http://localhost:${storePort + 1} as the store address in the extension's Settings).`,
  !(await portIsFree(port, '127.0.0.1')) &&
    `Port ${port} is already in use by another program, so the example policy pages cannot be served.\n` +
      `Stop that program, or choose another port for them, for example:  FIXTURES_PORT=${port + 1} npm start`,
].filter(Boolean);
if (busy.length > 0) {
  console.error(busy.join('\n\n'));
  process.exit(1);
}

const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// The group's web app (officers and facilitators, nothing to install), served by the store at /.
const webapp = spawnSync('npm', ['run', 'build:webapp'], { cwd: root, stdio: 'inherit' });
if (webapp.status !== 0) process.exit(webapp.status ?? 1);

// The store runs as its own process, exactly as `npm run store` would start it.
const store = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, stdio: 'inherit', env: process.env });
store.on('exit', (code) => {
  console.error(`The group store stopped (exit code ${code}).`);
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => store.kill(signal));

const fixtures = resolve(root, process.env.LEA_FIXTURES_DIR ?? 'tests/fixtures/policy');
const pages = existsSync(fixtures) ? readdirSync(fixtures).filter((f) => f.endsWith('.html') && !f.includes('fragment')) : [];

const pagesServer = createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
  if (!pages.includes(name)) {
    res.writeHead(name ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en-GB"><title>Policy pages</title><h1>Policy pages to try</h1><ul>${pages.map((p) => `<li><a href="/${p}">${p}</a></li>`).join('')}</ul>`);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  createReadStream(join(fixtures, name)).pipe(res);
});
// Another program may take the port while the extension builds: say so instead of a stack trace.
pagesServer.once('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} was taken by another program while the extension was building. Choose another port, for example:  FIXTURES_PORT=${port + 1} npm start` : `The example policy pages could not be served: ${error.message}`);
  store.kill('SIGTERM');
  process.exit(1);
});
pagesServer.listen(port, '127.0.0.1', () => {
  console.log(`
The extension is built in ${join(root, '.output/chrome-mv3')}

Load it in Chrome or Chromium:
  1. Open chrome://extensions and switch on "Developer mode" (top right).
  2. Choose "Load unpacked" and pick the folder above.
  3. Open a policy page, for example http://127.0.0.1:${port}/care-act-2014-part-1.html
  4. Select some words and choose "Add comment" (or press Alt+Shift+C).

Firefox: run "npm run build:firefox", open about:debugging#/runtime/this-firefox,
choose "Load Temporary Add-on" and pick .output/firefox-mv2/manifest.json.

The group store is starting on http://localhost:${storePort} (its messages appear below).
Officers and facilitators: open http://localhost:${storePort}/ and sign in with an invite code
(nothing to install).
Make a group and its invite codes, in another terminal:
  npm run store -- create-group "NCAG"
Then in the extension's Settings (toolbar button, then "Settings"), under "Your group",
enter the store address and the member invite code, and choose "Connect to my group".

Serving example policy pages on http://127.0.0.1:${port}/ (press Ctrl+C to stop).`);
});
