import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db, DbKind } from '../../src/db/db';
import { loadMigrations, migrate } from '../../src/db/migrate';
import { createPgliteDb } from '../../src/db/pglite-db';
import { openPostgresDb } from '../../src/db/postgres-db';

/** PostgreSQL for tests: TEST_DATABASE_URL, or the CI/dev server's `test` database. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  if (process.env.LEA_TEST_POSTGRES === '0') return false;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether PostgreSQL is reachable for this run (checked once per test file). */
export const POSTGRES_AVAILABLE = await postgresReachable();

/** The backends every server test runs on: PGlite always, PostgreSQL when reachable. */
export const BACKENDS: DbKind[] = POSTGRES_AVAILABLE ? ['pglite', 'postgres'] : ['pglite'];
if (!POSTGRES_AVAILABLE && process.env.LEA_TEST_POSTGRES !== '0') {
  console.warn(`server tests: PostgreSQL at ${TEST_DATABASE_URL} is not reachable; running on PGlite only.`);
}

/** A migrated test database and how to empty it between tests. */
export interface TestDb {
  db: Db;
  /** NOTIFY channel private to this database (PostgreSQL channels are database-wide). */
  channel: string;
  /** Schema on PostgreSQL (null on PGlite): lets spawned stores share this database. */
  schema: string | null;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = 'annotations, members, invites, groups, rate_limits';

/**
 * A migrated PGlite data directory, dumped once per migrations version and cached in the OS
 * temp dir: creating PGlite takes ~5-8 s, loading the dump ~1 s.
 */
async function pgliteTemplate(): Promise<Blob> {
  const migrations = await loadMigrations();
  const key = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `lea-store-pglite-template-${key}.tar`);
  if (!existsSync(file)) {
    const fresh = await PGlite.create();
    await migrate(createPgliteDb(fresh), migrations);
    const dump = await fresh.dumpDataDir('none');
    await fresh.close();
    const part = `${file}.${process.pid}.part`;
    await writeFile(part, Buffer.from(await dump.arrayBuffer()));
    await rename(part, file);
  }
  return new Blob([await readFile(file)]);
}

/** Open a fresh, migrated database of the given kind. */
export async function openTestDb(kind: DbKind): Promise<TestDb> {
  const suffix = randomBytes(5).toString('hex');
  if (kind === 'pglite') {
    const pgl = await PGlite.create({ loadDataDir: await pgliteTemplate() });
    const db = createPgliteDb(pgl);
    return {
      db,
      channel: `lea_test_${suffix}`,
      schema: null,
      reset: async () => void (await db.exec(`truncate ${TABLES} restart identity cascade`)),
      close: () => db.close(),
    };
  }
  const schema = `lea_test_${suffix}`;
  const db = await openPostgresDb({ connectionString: TEST_DATABASE_URL, schema, max: 30 });
  await migrate(db);
  return {
    db,
    channel: `lea_changes_${schema}`,
    schema,
    reset: async () => void (await db.exec(`truncate ${TABLES} restart identity cascade`)),
    close: async () => {
      await db.exec(`drop schema ${schema} cascade`).catch(() => undefined);
      await db.close();
    },
  };
}
