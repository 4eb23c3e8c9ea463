import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestStore } from './support/test-store';
import { generateFuzzRequests, type FuzzContext, type FuzzRequest } from './fuzz-cases';

/** The seed of the committed run; change it locally to explore, keep it fixed in git. */
const SEED = 11;
const COUNT = 1600;

// A built web app (its page and one asset), as a store that ran `npm run build:webapp` serves:
// a fuzzed path that normalises to a page (`/annotations/%2e%2e/` is `/`) gets the page, not the
// "not built yet" 503 a store without the build answers.
const webappDir = mkdtempSync(join(tmpdir(), 'lea-fuzz-webapp-'));
mkdirSync(join(webappDir, 'assets'));
writeFileSync(join(webappDir, 'index.html'), '<!doctype html><html lang="en-GB"><title>Web app</title><script type="module" src="/assets/index-AbCd1234.js"></script><main></main></html>');
writeFileSync(join(webappDir, 'assets', 'index-AbCd1234.js'), 'export {};');
afterAll(() => rmSync(webappDir, { recursive: true, force: true }));

interface Outcome {
  request: FuzzRequest;
  status: number;
  body: string;
}

async function send(t: TestStore, r: FuzzRequest): Promise<Outcome> {
  const res = await t.store.app.request(`http://store.test${r.path}`, {
    method: r.method,
    headers: r.headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
  });
  // A stream that was accepted would stay open: read its status and hang up.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { request: r, status: res.status, body: '' };
  }
  return { request: r, status: res.status, body: await res.text() };
}

describe.each(BACKENDS)('fuzz on %s: malformed requests to every route get no 5xx', (kind) => {
  let t: TestStore;
  let ctx: FuzzContext;

  beforeAll(async () => {
    t = await openTestStore(kind, { webappDir });
    const g = await t.createGroup();
    const existing = makeComment();
    const put = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(existing)}`, { token: g.member.token, body: existing, headers: { 'if-none-match': '*' } });
    expect(put.status).toBe(201);
    ctx = {
      group: g.group,
      member: g.member.token,
      reader: g.reader.token,
      facilitator: g.facilitator.token,
      memberInvite: g.invites.member,
      existingUuid: uuidOf(existing),
    };
  });
  afterAll(async () => t.close());

  it(`${COUNT} seeded malformed requests: 0 answers of 500 or more, every refusal a plain JSON message`, async () => {
    const requests = generateFuzzRequests(ctx, SEED, COUNT);
    expect(requests.length).toBeGreaterThanOrEqual(800);
    const outcomes: Outcome[] = [];
    for (const r of requests) outcomes.push(await send(t, r));

    const failures = outcomes.filter((o) => o.status >= 500);
    const report = failures.map((o) => `${o.status} ${o.request.method} ${o.request.path.slice(0, 100)}: ${o.request.name}`);
    console.log(`fuzz on ${kind}: ${outcomes.length} requests, ${failures.length} answered 5xx`, report.join("\n"));
    expect(report).toEqual([]);

    // Every refusal names its problem in plain words, as JSON.
    const unclear = outcomes.filter((o) => {
      if (o.status < 400) return false;
      try {
        const json = JSON.parse(o.body) as { error?: { code?: unknown; message?: unknown } };
        return typeof json.error?.code !== 'string' || typeof json.error.message !== 'string' || json.error.message.length < 10;
      } catch {
        return true;
      }
    });
    expect(unclear.map((o) => `${o.status} ${o.request.name}: ${o.body.slice(0, 80)}`)).toEqual([]);
  });
});
