import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { Db, DbKind } from '../src/db/db';
import { migrate } from '../src/db/migrate';
import { openPgliteDb } from '../src/db/pglite-db';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS, openTestDb } from './support/test-db';
import { ADMIN_TOKEN } from './support/test-store';

/** Every regular file under `dir` (unreadable ones skipped: none in a data directory we own). */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Which of `needles` occur (as UTF-8 bytes) in any file under `dirs`, and where. */
async function grep(dirs: string[], needles: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const bytes = needles.map((n) => Buffer.from(n, 'utf8'));
  for (const dir of dirs) {
    for (const file of await filesUnder(dir)) {
      const content = await readFile(file).catch(() => null);
      if (!content) continue;
      bytes.forEach((b, i) => {
        if (content.indexOf(b) >= 0) found.set(needles[i]!, [...(found.get(needles[i]!) ?? []), file.slice(dir.length)]);
      });
    }
  }
  return found;
}

/** Like grep, over the current files (all segments) of every relation in `schema`, read by the server. */
async function grepRelations(db: Db, schema: string, needles: string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ path: string; name: string }>(
    `select pg_relation_filepath(c.oid) as path, c.relname as name from pg_class c
     where c.relfilenode <> 0 and c.relkind in ('r', 't', 'i') and (c.relnamespace = $1::regnamespace
       or c.oid in (select reltoastrelid from pg_class where relnamespace = $1::regnamespace)
       or c.oid in (select indexrelid from pg_index where indrelid in (select reltoastrelid from pg_class where relnamespace = $1::regnamespace)))`,
    [schema],
  );
  const found = new Map<string, string[]>();
  for (const { path, name } of rows) {
    for (let segment = 0; ; segment++) {
      const file = segment === 0 ? path : `${path}.${segment}`;
      const { rows: data } = await db.query<{ bytes: Uint8Array | null }>('select pg_read_binary_file($1::text, 0, (pg_stat_file($1::text, true)).size, true) as bytes', [file]);
      const bytes = data[0]?.bytes;
      if (!bytes) break;
      const content = Buffer.from(bytes);
      for (const n of needles) if (content.indexOf(Buffer.from(n, 'utf8')) >= 0) found.set(n, [...(found.get(n) ?? []), name]);
    }
  }
  return found;
}

/** Random text that no compressor shortens (so long comments are stored out of line, as they are). */
const randomText = (bytes: number) => randomBytes(bytes).toString('base64url');

/** A store on `db`, a group, a member with a unique name and comments with unique texts; forgets the member. */
async function writeThenForget(db: Db, channel: string) {
  const store = await createApp({ db, adminToken: ADMIN_TOKEN, channel, clientAddress: () => '127.0.0.1' });
  const call = async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const res = await store.app.request(`http://store.test${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(text ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) } : {}), ...headers },
      ...(text ? { body: text } : {}),
    });
    return { status: res.status, json: res.status === 204 ? null : ((await res.json()) as Record<string, any>) };
  };
  const made = await call('POST', '/api/admin/groups', ADMIN_TOKEN, { name: 'NCAG' });
  const { group, invites } = made.json as { group: string; invites: Record<string, string> };
  const joinAs = async (displayName: string) => {
    const res = await store.app.request('http://store.test/api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: invites.member, displayName }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const name = `Forgotten ${randomText(12)}`;
  const token = await joinAs(name);
  const stays = await joinAs('Staying Member');
  const secrets: string[] = [name];
  const put = async (who: string, text: string, attribution: 'named' | 'anonymous' = 'named') => {
    const a = makeComment({ text, attribution, creator: who === token ? name : 'Staying Member' });
    const r = await call('PUT', `/api/groups/${group}/annotations/${uuidOf(a)}`, who, a, { 'if-none-match': '*' });
    expect(r.status).toBe(201);
    return a;
  };
  for (let i = 0; i < 6; i++) {
    const text = i < 2 ? `long story ${randomText(6000)}` : `story ${randomText(18)}`;
    secrets.push(text);
    await put(token, text, i % 2 === 0 ? 'named' : 'anonymous');
  }
  // An edited comment leaves an older version behind as well.
  const firstText = `first draft ${randomText(18)}`;
  const edited = await put(token, firstText);
  secrets.push(firstText);
  const finalText = `final text ${randomText(18)}`;
  secrets.push(finalText);
  const edit = await call('PUT', `/api/groups/${group}/annotations/${uuidOf(edited)}`, token, makeComment({ uuid: uuidOf(edited), text: finalText, creator: name }), { 'if-match': '"1"' });
  expect(edit.status).toBe(200);
  // Someone else's comment must survive (and prove the search can see what is stored).
  const kept = `kept ${randomText(18)}`;
  const keptComment = await put(stays, kept);
  // Their report of someone else's comment, what they follow and read, their job title.
  const reason = `report reason ${randomText(18)}`;
  secrets.push(reason);
  expect((await call('POST', `/api/groups/${group}/annotations/${uuidOf(keptComment)}/reports`, token, { reason })).status).toBe(201);
  const followed = `https://example.org/${randomText(18)}`;
  secrets.push(followed);
  expect((await call('PUT', '/api/me/follows', token, { document: followed, following: true })).status).toBe(200);
  const noticeId = `reply:${randomText(18)}`;
  secrets.push(noticeId);
  expect((await call('POST', '/api/me/notices/read', token, { ids: [noticeId] })).status).toBe(204);
  const jobTitle = `Job ${randomText(18)}`;
  secrets.push(jobTitle);
  expect((await call('PATCH', '/api/me', token, { jobTitle })).status).toBe(200);

  const started = performance.now();
  const forget = await call('DELETE', '/api/me', token);
  const forgetMs = performance.now() - started;
  expect(forget.status).toBe(204);
  await store.close();
  return { secrets, kept, forgetMs };
}

describe.each(BACKENDS)('"forget me" leaves nothing on disk on %s', (kind: DbKind) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it("after forget me and a clean shutdown, no file holds the member's name or any of their comments", { timeout: 120_000 }, async () => {
    if (kind === 'pglite') {
      const dir = await mkdtemp(join(tmpdir(), 'lea-forget-disk-'));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      const db = await openPgliteDb(join(dir, 'pglite'));
      await migrate(db);
      const { secrets, kept, forgetMs } = await writeThenForget(db, 'lea_changes');
      await db.close();
      const found = await grep([dir], [...secrets, kept]);
      console.log(`forget me on PGlite (${secrets.length - 1} comments) took ${forgetMs.toFixed(0)} ms`);
      expect(found.get(kept)?.length ?? 0).toBeGreaterThan(0);
      expect(secrets.filter((s) => found.has(s)).map((s) => `${s.slice(0, 30)}… in ${found.get(s)!.join(', ')}`)).toEqual([]);
      return;
    }
    const testDb = await openTestDb('postgres');
    cleanup.push(() => testDb.close());
    const { secrets, kept, forgetMs } = await writeThenForget(testDb.db, testDb.channel);
    const { rows } = await testDb.db.query<{ dir: string; oid: string; recycle: string }>(
      `select current_setting('data_directory') as dir, (select oid::text from pg_database where datname = current_database()) as oid, current_setting('wal_recycle') as recycle`,
    );
    const { dir, oid, recycle } = rows[0]!;
    // The heap, TOAST and index files of this database: PostgreSQL writes them at checkpoints.
    await testDb.db.exec('checkpoint');
    const local = await access(join(dir, 'base', oid), constants.R_OK).then(() => true, () => false);
    let tables: Map<string, string[]>;
    if (local) {
      tables = await grep([join(dir, 'base', oid)], [...secrets, kept]);
      const wal = await grep([join(dir, 'pg_wal')], secrets);
      console.log(`forget me on PostgreSQL (${secrets.length - 1} comments) took ${forgetMs.toFixed(0)} ms; wal_recycle=${recycle}; WAL still holds ${wal.size} of ${secrets.length}`);
      // With wal_recycle off (what server/README.md tells operators, and .ci/run sets), the
      // checkpoints after forget me delete the segments that held the words: none is left.
      // With it on, PostgreSQL renames old segments for reuse with their bytes in them (the
      // store warns at start); that case is reported above, not failed.
      if (recycle === 'off') expect([...wal.keys()].map((s) => s.slice(0, 30))).toEqual([]);
    } else {
      // A server on another machine (or a data directory this user cannot read): read the
      // current files of this schema's tables, TOAST tables and indexes through the server.
      tables = await grepRelations(testDb.db, testDb.schema!, [...secrets, kept]);
    }
    expect(tables.get(kept)?.length ?? 0).toBeGreaterThan(0);
    expect(secrets.filter((s) => tables.has(s)).map((s) => `${s.slice(0, 30)}… in ${tables.get(s)!.join(', ')}`)).toEqual([]);
  });
});
