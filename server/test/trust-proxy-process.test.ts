import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnStore, type SpawnedStore } from './support/spawn-store';

// TRUST_PROXY as an operator sets it: a real store process behind a "proxy" on loopback.
// Joins are limited per client address (JOIN_RATE_LIMIT per 10 minutes); which address counts
// decides whether one person behind the proxy can lock everyone else out, or spoof their way past.
const LIMIT = 2;

async function joins(store: SpawnedStore, forwardedFor: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await fetch(`${store.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ code: `WRONG-CODE-${forwardedFor}-${i}`, displayName: 'Sam' }),
    });
    statuses.push(r.status);
    await r.body?.cancel();
  }
  return statuses;
}

describe('TRUST_PROXY in a store process started as `npm run store` starts it', () => {
  let store: SpawnedStore | null = null;
  let dir = '';
  afterEach(async () => {
    await store?.stop();
    store = null;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function start(trust: string) {
    dir = await mkdtemp(join(tmpdir(), 'lea-trust-proxy-'));
    store = await spawnStore({ DATA_DIR: dir, ADMIN_TOKEN: 'trust-proxy-admin-token-0123456789', JOIN_RATE_LIMIT: String(LIMIT), TRUST_PROXY: trust });
    return store;
  }

  it('with TRUST_PROXY=loopback, counts joins per forwarded address: one person at the limit does not block another', async () => {
    const s = await start('loopback');
    expect(await joins(s, '203.0.113.7', LIMIT + 1)).toEqual([403, 403, 429]);
    expect(await joins(s, '198.51.100.9', 1)).toEqual([403]); // another person behind the same proxy
  });

  it('with TRUST_PROXY=off (the default), ignores X-Forwarded-For: a client cannot get past the limit by inventing addresses', async () => {
    const s = await start('off');
    expect(await joins(s, '203.0.113.7', LIMIT)).toEqual([403, 403]);
    expect(await joins(s, '198.51.100.9', 1)).toEqual([429]);
  });
});
