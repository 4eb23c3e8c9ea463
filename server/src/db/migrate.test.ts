import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test/support/test-db';
import { openTestDb, type TestDb } from '../../test/support/test-db';
import { loadMigrations, migrate } from './migrate';

describe('migration files', () => {
  it('are numbered 001, 002, ... and named NNN-name.sql', async () => {
    const all = await loadMigrations();
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
  });

  it('refuse a badly named file instead of skipping it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lea-mig-'));
    await writeFile(join(dir, '001-ok.sql'), 'select 1;');
    await writeFile(join(dir, '2-bad.sql'), 'select 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/NNN-name\.sql/);
    await rm(dir, { recursive: true });
  });
});

describe.each(BACKENDS)('migrations on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(kind);
  });
  afterAll(async () => t.close());

  it('are recorded and run once', async () => {
    expect(await migrate(t.db)).toEqual([]);
    const { rows } = await t.db.query<{ version: number; name: string }>('select version, name from schema_migrations order by version');
    expect(rows.map((r) => `${r.version}-${r.name}`)).toEqual((await loadMigrations()).map((m) => `${m.version}-${m.name}`));
  });

  it('run a new migration in the same transaction as its record', async () => {
    const all = await loadMigrations();
    const broken = [...all, { version: all.length + 1, name: 'broken', sql: 'create table probe (x int); select * from no_such_table;' }];
    await expect(migrate(t.db, broken)).rejects.toThrow();
    const { rows } = await t.db.query(`select 1 from information_schema.tables where table_name = 'probe'`);
    expect(rows).toEqual([]);
  });
});
