import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import type { Db, DbKind } from '../src/db/db';
import { loadMigrations, migrate } from '../src/db/migrate';
import { createPgliteDb } from '../src/db/pglite-db';
import { openPostgresDb } from '../src/db/postgres-db';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS, TEST_DATABASE_URL } from './support/test-db';

/** A fresh, empty database of the given kind (PostgreSQL: a schema of its own). */
async function openAt(kind: DbKind): Promise<{ db: Db; close: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = createPgliteDb(await PGlite.create());
    return { db, close: () => db.close() };
  }
  const schema = `lea_mig_${randomBytes(5).toString('hex')}`;
  const db = await openPostgresDb({ connectionString: TEST_DATABASE_URL, schema, max: 3 });
  return {
    db,
    close: async () => {
      await db.exec(`drop schema ${schema} cascade`).catch(() => undefined);
      await db.close();
    },
  };
}

describe.each(BACKENDS)('migration 005 (conversation) on %s', (kind) => {
  it('gives rows written before it their kind: extension comments, other W3C annotations, tombstones none', async () => {
    const { db, close } = await openAt(kind);
    try {
      const all = await loadMigrations();
      const before005 = all.filter((m) => m.version < 5);
      await migrate(db, before005);
      await db.query(`insert into groups (id, name, created_at) values ('g1', 'G', now())`);
      await db.query(`insert into members (id, group_id, role, display_name, token_hash, created_at) values ('m1', 'g1', 'member', 'Mo', 'h1', now())`);
      const comment = makeComment();
      const w3c = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:0190f0e8-7c1a-7000-8000-000000000001', type: 'Annotation', motivation: 'replying', body: { type: 'TextualBody', value: 'Hi' }, target: comment.id };
      const leaOnlyByContext = { ...w3c, id: 'urn:uuid:0190f0e8-7c1a-7000-8000-000000000002', '@context': ['http://www.w3.org/ns/anno.jsonld', { lea: 'https://lived-experience-annotator.org/ns#' }] };
      const insert = (id: string, annotation: unknown) =>
        db.query(
          `insert into annotations (group_id, id, author_id, revision, annotation, deleted, visibility, ever_shared, xid, seq, created_at, updated_at)
           values ('g1', $1, 'm1', 1, $2::jsonb, $3, 'group', true, pg_current_xact_id(), nextval('change_seq'), now(), now())`,
          [id, annotation === null ? null : JSON.stringify(annotation), annotation === null],
        );
      await insert(uuidOf(comment), comment);
      await insert(uuidOf(w3c), w3c);
      await insert(uuidOf(leaOnlyByContext), leaOnlyByContext);
      await insert('0190f0e8-7c1a-7000-8000-000000000003', null);
      expect(await migrate(db, all)).toContain(5);
      const { rows } = await db.query<{ id: string; kind: string | null; target_id: string | null }>('select id, kind, target_id from annotations order by id');
      expect(Object.fromEntries(rows.map((r) => [r.id, [r.kind, r.target_id]]))).toEqual({
        [uuidOf(comment)]: ['comment', null],
        [uuidOf(w3c)]: ['other', null],
        [uuidOf(leaOnlyByContext)]: ['comment', null],
        '0190f0e8-7c1a-7000-8000-000000000003': [null, null],
      });
      const { rows: cols } = await db.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'members' and column_name in ('job_title', 'organisation') order by 1`,
      );
      expect(cols.map((c) => c.column_name)).toEqual(['job_title', 'organisation']);
    } finally {
      await close();
    }
  });
});
