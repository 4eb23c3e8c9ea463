import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

type PGliteTx = Pick<PGlite, 'query' | 'exec'>;

function wrap(target: PGliteTx): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/** Adapt an open PGlite instance (the store owns it: PGlite serves one connection). */
export function createPgliteDb(pg: PGlite): Db {
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, fn) {
      const unlisten = await pg.listen(channel, fn);
      return () => unlisten();
    },
    async notify(channel, payload) {
      await pg.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async dropOldWal() {
      // The backend does its own checkpoints here, so this session's setting applies: old
      // segments are unlinked instead of being renamed (with their contents) for reuse.
      await pg.exec('set wal_recycle = off');
      for (let i = 0; i < 2; i++) {
        await pg.query('select pg_switch_wal()');
        await pg.exec('checkpoint');
      }
      return true;
    },
    close: () => pg.close(),
  };
}

/**
 * Open (creating on first use) the embedded database in `dataDir`, or in memory when
 * `dataDir` is undefined. `loadDataDir` starts from a dumped template (tests).
 */
export async function openPgliteDb(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  const pg = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  return createPgliteDb(pg);
}
