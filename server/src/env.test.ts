import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../test/support/spawn-store';
import { parseEnv } from './env';

describe('environment validation', () => {
  it('fills defaults', () => {
    expect(parseEnv({})).toEqual({ ok: true, env: { PORT: 8787, DATA_DIR: './data', TRUST_PROXY: { kind: 'none' } } });
  });

  it('names each bad variable and what is wrong, without echoing secrets', () => {
    const r = parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@x', ADMIN_TOKEN: 'short', PUBLIC_URL: 'nope' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'PORT: PORT must be a whole number (got "eighty")',
      expect.stringMatching(/^DATABASE_URL: DATABASE_URL must be a PostgreSQL address/),
      'ADMIN_TOKEN: ADMIN_TOKEN must be at least 16 characters long',
      expect.stringMatching(/^PUBLIC_URL: /),
    ]);
    expect(r.errors.join()).not.toContain('secret');
    expect(r.errors.join()).not.toContain('"short"');
  });

  it('refuses a port out of range and treats empty variables as unset', () => {
    const r = parseEnv({ PORT: '70000', DATA_DIR: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['PORT: PORT must be at most 65535 (got "70000")']);
  });

  it('reads TRUST_PROXY (off, hops or loopback) and the digest worker settings', () => {
    const hops = parseEnv({ TRUST_PROXY: '2', DIGEST_WORKERS: '0', DIGEST_PER_GROUP: '3' });
    expect(hops.ok && hops.env).toMatchObject({ TRUST_PROXY: { kind: 'hops', hops: 2 }, DIGEST_WORKERS: 0, DIGEST_PER_GROUP: 3 });
    const loopback = parseEnv({ TRUST_PROXY: 'loopback' });
    expect(loopback.ok && loopback.env.TRUST_PROXY).toEqual({ kind: 'loopback' });
    const bad = parseEnv({ TRUST_PROXY: 'yes please', DIGEST_WORKERS: 'many' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toEqual([
        'TRUST_PROXY: TRUST_PROXY must be off, a number of proxies from 1 to 10, or loopback (got "yes please")',
        'DIGEST_WORKERS: DIGEST_WORKERS must be a whole number (got "many")',
      ]);
    }
  });

  it('stops the store at start-up with one line per problem', async () => {
    const r = await runCliProcess({ PORT: 'abc', ADMIN_TOKEN: 'x' }, []);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the environment is not valid');
    expect(r.stderr).toContain('  - PORT: PORT must be a whole number');
    expect(r.stderr).toContain('  - ADMIN_TOKEN:');
  });
});
