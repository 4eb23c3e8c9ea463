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

const tagged = (n: number, tags: unknown[]) => {
  const c = makeComment({ uuid: `0190f0e8-7c1a-7000-8000-00000000000${n}` });
  return { ...c, body: [c.body[0], ...tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }))] };
};

describe.each(BACKENDS)('migration 009 (group themes) on %s', (kind) => {
  it('rewrites Making It Real labels on stored comments to ids, leaves other tags and bodies alone, and makes group_themes', async () => {
    const { db, close } = await openAt(kind);
    try {
      const all = await loadMigrations();
      await migrate(db, all.filter((m) => m.version < 9));
      await db.query(`insert into groups (id, name, created_at) values ('g1', 'G', now())`);
      await db.query(`insert into members (id, group_id, role, display_name, token_hash, created_at) values ('m1', 'g1', 'member', 'Mo', 'h1', now())`);
      const insert = (id: string, annotation: unknown) =>
        db.query(
          `insert into annotations (group_id, id, author_id, revision, annotation, deleted, visibility, ever_shared, xid, seq, created_at, updated_at)
           values ('g1', $1, 'm1', 1, $2::jsonb, $3, 'group', true, pg_current_xact_id(), nextval('change_seq'), now(), now())`,
          [id, annotation === null ? null : JSON.stringify(annotation), annotation === null],
        );
      const legacy = tagged(1, ['Workforce', 'Care Act', ' information  AND advice ']);
      const already = tagged(2, ['workforce']);
      const none = tagged(3, []);
      const other = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:0190f0e8-7c1a-7000-8000-000000000004', type: 'Annotation', body: { type: 'TextualBody', value: 'Workforce', purpose: 'tagging' }, target: 'https://example.org/' };
      const commentingWorkforce = { ...tagged(5, ['Workforce']), body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Workforce' }, { type: 'TextualBody', purpose: 'tagging', value: 'Workforce' }] };
      for (const a of [legacy, already, none, other, commentingWorkforce]) await insert(uuidOf(a), a);
      await insert('0190f0e8-7c1a-7000-8000-000000000006', null);
      const { rows: seqBefore } = await db.query<{ id: string; seq: string; revision: number }>('select id, seq::text as seq, revision from annotations order by id');

      expect(await migrate(db, all)).toContain(9);

      const { rows } = await db.query<{ id: string; annotation: { body: unknown } | null }>('select id, annotation from annotations order by id');
      const bodies = Object.fromEntries(rows.map((r) => [r.id, r.annotation?.body ?? null]));
      const tags = (id: string) => (bodies[id] as { purpose: string; value: string }[]).slice(1).map((b) => b.value);
      expect(tags(uuidOf(legacy))).toEqual(['workforce', 'Care Act', 'information-and-advice']);
      expect(tags(uuidOf(already))).toEqual(['workforce']);
      expect(tags(uuidOf(none))).toEqual([]);
      // A body that is not an array (another tool's annotation) is not touched; nor is comment text.
      expect(bodies[uuidOf(other)]).toEqual(other.body);
      expect((bodies[uuidOf(commentingWorkforce)] as { value: string }[]).map((b) => b.value)).toEqual(['Workforce', 'workforce']);
      expect(bodies['0190f0e8-7c1a-7000-8000-000000000006']).toBeNull();
      // Nothing is re-announced to extensions (they read labels as ids already).
      const { rows: seqAfter } = await db.query<{ id: string; seq: string; revision: number }>('select id, seq::text as seq, revision from annotations order by id');
      expect(seqAfter).toEqual(seqBefore);

      await db.query(`insert into group_themes (group_id, id, label, position, created_at) values ('g1', 'housing', 'Housing', 0, now())`);
      await expect(db.query(`insert into group_themes (group_id, id, label, position, created_at) values ('g1', 'housing-2', 'HOUSING', 1, now())`)).rejects.toThrow();
    } finally {
      await close();
    }
  });
});
