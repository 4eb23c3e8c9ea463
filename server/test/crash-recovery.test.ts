import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from './support/annotations';
import { freePort, runCliProcess, spawnStore, type SpawnedStore } from './support/spawn-store';

const TOTAL = 1000;
const KILL_AFTER = 300;
const IN_FLIGHT = 8;

/**
 * The server is SIGKILLed in the middle of a 1,000-comment push and restarted on the same
 * PGlite data directory; the client keeps retrying each PUT (If-None-Match: *) until it
 * gets 200/201. Every comment must then exist exactly once.
 */
describe('crash recovery (real store process, PGlite on disk)', () => {
  let dataDir = '';
  let store: SpawnedStore | null = null;

  afterAll(async () => {
    await store?.stop('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every comment exactly once after kill -9 in the middle of a 1,000-comment push', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lea-crash-'));
    const port = String(await freePort());
    const env = { DATA_DIR: dataDir, PORT: port, WRITE_RATE_LIMIT: '100000', DATABASE_URL: '' };
    store = await spawnStore(env);
    expect(store.output()).toContain('admin-token');

    const cli = await runCliProcess({ DATA_DIR: dataDir, STORE_URL: store.url }, ['create-group', 'Crash test', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const { group, invites } = JSON.parse(cli.stdout.trim()) as { group: string; invites: { member: string } };
    const joined = await fetch(`${store.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: invites.member, displayName: 'Pusher' }) });
    const { token } = (await joined.json()) as { token: string };

    const comments = Array.from({ length: TOTAL }, (_, i) => makeComment({ text: `comment ${i}` }));
    const statuses = new Map<string, number>();
    let succeeded = 0;
    let retries = 0;
    let killed = false;
    let restarting: Promise<void> | null = null;
    const url = store.url;

    async function pushOne(a: (typeof comments)[number]): Promise<void> {
      for (;;) {
        try {
          const r = await fetch(`${url}/api/groups/${group}/annotations/${uuidOf(a)}`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-none-match': '*' },
            body: JSON.stringify(a),
          });
          await r.text();
          if (r.status === 200 || r.status === 201) {
            statuses.set(a.id, r.status);
            succeeded++;
            if (succeeded === KILL_AFTER && !killed) {
              killed = true;
              // kill -9 while other PUTs are in flight, then start again on the same data.
              store!.child.kill('SIGKILL');
              restarting = store!.exited.then(async () => {
                store = await spawnStore(env);
              });
            }
            return;
          }
          throw new Error(`unexpected ${r.status}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
          retries++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }

    const queue = [...comments];
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let a = queue.shift(); a; a = queue.shift()) await pushOne(a);
      }),
    );
    await restarting;
    console.log(`crash test: ${retries} retries, ${[...statuses.values()].filter((s) => s === 200).length} answered 200 (already stored)`);
    expect(killed).toBe(true);
    expect(retries).toBeGreaterThan(0);

    // Read everything back through the feed: each id exactly once, none missing.
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const r = await fetch(`${store!.url}/api/groups/${group}/changes?limit=1000${after ? `&after=${after}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
      const page = (await r.json()) as { changes: { id: string; deleted: boolean }[]; next: string; hasMore: boolean };
      seen.push(...page.changes.map((c) => c.id));
      after = page.next;
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(new Set(seen)).toEqual(new Set(comments.map((c) => c.id)));

    // Stops cleanly on SIGTERM (PGlite closed).
    expect(await store!.stop('SIGTERM')).toBe(0);
  });
});
