// @vitest-environment node
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Listen on a free port on `host` (another program holding it); resolves to the port. */
function occupy(host: string): Promise<{ server: Server; port: number }> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, host, () => done({ server, port: (server.address() as { port: number }).port }));
  });
}

/** Run `npm start`'s script with `env` and collect what it prints; it must end by itself. */
function runStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (d) => (stdout += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr, stdout });
    });
  });
}

const held: Server[] = [];
afterEach(() => {
  for (const s of held.splice(0)) s.close();
});

describe('npm start with a port in use', () => {
  it('names FIXTURES_PORT in plain words, without a stack trace or a build, when the pages port is busy', async () => {
    const { server, port } = await occupy('127.0.0.1');
    held.push(server);
    const free = await occupy('127.0.0.1');
    free.server.close();
    const run = await runStart({ FIXTURES_PORT: String(port), PORT: String(free.port) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Port ${port} is already in use`);
    expect(run.stderr).toContain(`FIXTURES_PORT=${port + 1} npm start`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout, 'stops before building the extension').not.toContain('wxt');
  });

  it('names PORT when the store port is busy', async () => {
    const { server, port } = await occupy('127.0.0.1');
    held.push(server);
    const second = await runStart({ PORT: String(port) });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Port ${port} is already in use by another program, so the group store cannot start.`);
    expect(second.stderr).toContain(`PORT=${port + 1} npm start`);
    expect(second.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a port that is not a number, naming the variable', async () => {
    const run = await runStart({ FIXTURES_PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('FIXTURES_PORT must be a port number from 1 to 65535 (it is "eighty").');
  });
});
