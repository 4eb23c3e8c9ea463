import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { hashSecret } from '../src/auth/secrets';
import type { Db, DbKind } from '../src/db/db';
import { loadMigrations, migrate } from '../src/db/migrate';
import { createPgliteDb } from '../src/db/pglite-db';
import { openPostgresDb } from '../src/db/postgres-db';
import { BACKENDS, TEST_DATABASE_URL } from './support/test-db';
import { ADMIN_TOKEN } from './support/test-store';

/** A fresh, empty database of the given kind (PostgreSQL: a schema of its own). */
async function openAt(kind: DbKind): Promise<{ db: Db; channel: string; close: () => Promise<void> }> {
  const suffix = randomBytes(5).toString('hex');
  if (kind === 'pglite') {
    const db = createPgliteDb(await PGlite.create());
    return { db, channel: `lea_mig6_${suffix}`, close: () => db.close() };
  }
  const schema = `lea_mig6_${suffix}`;
  const db = await openPostgresDb({ connectionString: TEST_DATABASE_URL, schema, max: 3 });
  return {
    db,
    channel: `lea_changes_${schema}`,
    close: async () => {
      await db.exec(`drop schema ${schema} cascade`).catch(() => undefined);
      await db.close();
    },
  };
}

describe.each(BACKENDS)('migration 006 (moderation, notices, tokens) on %s', (kind) => {
  it('members who joined before it keep their token; a removed one stays removed', async () => {
    const { db, channel, close } = await openAt(kind);
    try {
      const all = await loadMigrations();
      await migrate(db, all.filter((m) => m.version < 6));
      await db.query(`insert into groups (id, name, created_at) values ('g1', 'G', now())`);
      const token = 'a-token-from-before-migration-006';
      const gone = 'a-revoked-token-from-before-006';
      await db.query(`insert into members (id, group_id, role, display_name, token_hash, created_at) values ('m1', 'g1', 'member', 'Mo', $1, now())`, [hashSecret(token)]);
      await db.query(`insert into members (id, group_id, role, display_name, token_hash, created_at, revoked_at) values ('m2', 'g1', 'member', 'Al', $1, now(), now())`, [hashSecret(gone)]);
      expect(await migrate(db, all)).toContain(6);
      const store = await createApp({ db, adminToken: ADMIN_TOKEN, channel, clientAddress: () => '127.0.0.1' });
      try {
        const me = await store.app.request('http://store.test/api/me', { headers: { authorization: `Bearer ${token}` } });
        expect(me.status).toBe(200);
        expect(await me.json()).toMatchObject({ memberId: 'm1', displayName: 'Mo', group: 'g1' });
        const revoked = await store.app.request('http://store.test/api/me', { headers: { authorization: `Bearer ${gone}` } });
        expect(revoked.status).toBe(401);
        expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('token-revoked');
      } finally {
        await store.close();
      }
    } finally {
      await close();
    }
  });
});
