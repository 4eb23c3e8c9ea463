/**
 * The one query interface the store uses. Two adapters implement it (PGlite embedded,
 * PostgreSQL through `pg`); every query in the store is plain SQL that runs on both.
 */

/** Rows returned by a query, plus how many rows a write touched. */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Which engine is behind a Db: tests and benchmarks report it, the SQL never branches on it. */
export type DbKind = 'pglite' | 'postgres';

/** The store's database: queries, transactions and LISTEN/NOTIFY. */
export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Run `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Notifications sent inside are delivered only on commit.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Call `fn` with the payload of every NOTIFY on `channel`; resolves to an unsubscribe. */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  /** NOTIFY outside a transaction (inside one, use `select pg_notify($1, $2)` on the tx). */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Drop the write-ahead log written so far: switch to a new segment and checkpoint twice, so
   * older segments (with every insert and full-page image in them) are removed. PGlite
   * unlinks them (`wal_recycle = off` in its one session); PostgreSQL renames them for reuse
   * unless the server runs with `wal_recycle = off`, and needs the privilege to checkpoint.
   * Resolves false when the database refused (lacking privilege), true otherwise.
   */
  dropOldWal(): Promise<boolean>;
  /** Release connections (PGlite: flush and close the data directory). */
  close(): Promise<void>;
}

/** A PostgreSQL error code (SQLSTATE) from either adapter, or undefined. */
export function sqlState(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/**
 * Run a transaction again when PostgreSQL reports a conflict that a retry resolves
 * (unique violation between two racing creates, serialization failure, deadlock).
 */
export async function withRetry<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = sqlState(error);
      const retryable = code === '23505' || code === '40001' || code === '40P01';
      if (!retryable || attempt >= attempts) throw error;
    }
  }
}
