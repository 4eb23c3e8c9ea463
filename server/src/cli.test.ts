import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureAdminToken } from './admin-token';
import { runCli } from './cli';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, o: (s: string) => out.push(s), e: (s: string) => err.push(s) };
}

const created = { group: 'g123', invites: { facilitator: 'aaaa-bbbb-cccc', member: 'dddd-eeee-ffff', reader: 'gggg-hhhh-jjjj' } };

describe('admin token', () => {
  it('writes a random token with owner-only permissions on first start and reuses it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lea-admin-'));
    const first = await ensureAdminToken(dir);
    expect(first.created).toBe(true);
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    expect((await stat(first.path!)).mode & 0o777).toBe(0o600);
    const second = await ensureAdminToken(dir);
    expect(second).toEqual({ ...first, created: false });
  });

  it('uses ADMIN_TOKEN instead and writes nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lea-admin-'));
    expect(await ensureAdminToken(dir, 'from-the-environment-123')).toEqual({ token: 'from-the-environment-123', path: null, created: false });
    await expect(stat(join(dir, 'admin-token'))).rejects.toThrow();
  });
});

describe('create-group CLI', () => {
  it('prints exactly the JSON with --json, using the token from DATA_DIR', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lea-cli-'));
    await writeFile(join(dir, 'admin-token'), 'token-from-data-dir-1234\n');
    const c = capture();
    let seen: { url: string; auth: string | null; body: unknown } | null = null;
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen = { url, auth: new Headers(init.headers).get('authorization'), body: JSON.parse(String(init.body)) };
      return new Response(JSON.stringify(created), { status: 201 });
    }) as typeof fetch;
    const code = await runCli(['create-group', 'NCAG', '--json'], { DATA_DIR: dir, STORE_URL: 'http://store:1/' }, c.o, c.e, fakeFetch);
    expect(code).toBe(0);
    expect(c.out).toEqual([JSON.stringify(created)]);
    expect(seen).toEqual({ url: 'http://store:1/api/admin/groups', auth: 'Bearer token-from-data-dir-1234', body: { name: 'NCAG' } });
  });

  it('explains in words without --json', async () => {
    const c = capture();
    const fakeFetch = (async () => new Response(JSON.stringify(created), { status: 201 })) as unknown as typeof fetch;
    expect(await runCli(['create-group', 'NCAG'], { ADMIN_TOKEN: 'x'.repeat(20) }, c.o, c.e, fakeFetch)).toBe(0);
    expect(c.out.join('\n')).toMatch(/Created the group "NCAG"[\s\S]*Member \(write comments\): +dddd-eeee-ffff/);
    // Officers who cannot install the extension are told where the web app is.
    expect(c.out.join('\n')).toMatch(/sign in\s+with the code at http:\/\/localhost:8787\//);
  });

  it('says what to do when the store is unreachable, the token is missing, or the name is missing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lea-cli-'));
    const c = capture();
    const down = (async () => {
      throw new Error('connect ECONNREFUSED');
    }) as unknown as typeof fetch;
    expect(await runCli(['create-group', 'X'], { ADMIN_TOKEN: 'x'.repeat(20), STORE_URL: 'http://localhost:9' }, c.o, c.e, down)).toBe(1);
    expect(c.err.pop()).toContain('Could not reach the store at http://localhost:9');
    expect(await runCli(['create-group', 'X'], { DATA_DIR: dir }, c.o, c.e, down)).toBe(1);
    expect(c.err.pop()).toContain('No admin token');
    expect(await runCli(['create-group'], {}, c.o, c.e, down)).toBe(2);
    expect(await runCli(['make-coffee'], {}, c.o, c.e, down)).toBe(2);
    const refused = (async () => new Response(JSON.stringify({ error: { code: 'forbidden', message: "That is not this store's admin token." } }), { status: 403 })) as unknown as typeof fetch;
    expect(await runCli(['create-group', 'X'], { ADMIN_TOKEN: 'y'.repeat(20) }, c.o, c.e, refused)).toBe(1);
    expect(c.err.pop()).toContain("That is not this store's admin token.");
  });
});

describe('import and export CLI (the store round trips are in test/import.test.ts)', () => {
  it('asks for the group and file, and for the format', async () => {
    const c = capture();
    const never = (async () => {
      throw new Error('not called');
    }) as unknown as typeof fetch;
    expect(await runCli(['import', 'g1'], { ADMIN_TOKEN: 'x'.repeat(20) }, c.o, c.e, never)).toBe(2);
    expect(c.err.pop()).toContain('npm run store -- import <group> <file> [--dry-run]');
    expect(await runCli(['export', 'g1'], { ADMIN_TOKEN: 'x'.repeat(20) }, c.o, c.e, never)).toBe(2);
    expect(c.err.pop()).toContain('--format hypothesis');
    expect(await runCli(['help'], {}, c.o, c.e, never)).toBe(0);
    expect(c.out.pop()).toMatch(/import <group> <file> \[--dry-run\][\s\S]*export <group> --format hypothesis/);
  });

  it('says when the store cannot be reached, before reading the file', async () => {
    const c = capture();
    const down = (async () => {
      throw new Error('connect ECONNREFUSED');
    }) as unknown as typeof fetch;
    expect(await runCli(['export', 'g1', '--format', 'hypothesis'], { ADMIN_TOKEN: 'x'.repeat(20), STORE_URL: 'http://localhost:9' }, c.o, c.e, down)).toBe(1);
    expect(c.err.pop()).toContain('Could not reach the store at http://localhost:9');
  });
});
