import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyWarnings } from '../src/db/privacy-checks';
import { BACKENDS, openTestDb, type TestDb } from './support/test-db';

describe.each(BACKENDS)('warnings to the operator about forgotten words on disk, on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(kind);
  });
  afterAll(async () => t.close());

  it(kind === 'postgres' ? 'says so when PostgreSQL reuses WAL files (wal_recycle = on), as this server does' : 'has nothing to say on PGlite', async () => {
    const warnings = await privacyWarnings(t.db);
    if (kind === 'pglite') {
      expect(warnings).toEqual([]);
      return;
    }
    const { rows } = await t.db.query<{ setting: string }>(`select setting from pg_settings where name = 'wal_recycle'`);
    const recycle = rows[0]?.setting === 'on';
    expect(warnings.some((w) => w.startsWith('PostgreSQL has wal_recycle = on'))).toBe(recycle);
  });
});
