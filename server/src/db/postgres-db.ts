import pg from 'pg';
import type { Db, Queryable } from './db';

/** Options for a PostgreSQL-backed Db. */
export interface PostgresOptions {
  connectionString: string;
  /** Use (and create) this schema instead of `public`: tests, or several stores on one database. */
  schema?: string;
  /** Pool size; PostgreSQL is the bottleneck well before 10 connections on 2 cores. */
  max?: number;
  /** Told about a lost LISTEN connection (it is re-opened); defaults to console.error. */
  onListenError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Prepared-statement names by SQL text: `pg` prepares a named statement once per connection
 * and then only binds and executes it, which saves PostgreSQL a parse and plan per query.
 */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `lea_${statementNames.size + 1}`));
  return name;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query({ name: statementName(sql), text: sql, values: params as unknown[] });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/**
 * Connect to PostgreSQL: a pool for queries and transactions, and one dedicated connection
 * for LISTEN (re-opened with back-off if it drops), since a pooled client cannot listen.
 */
export async function openPostgresDb(options: PostgresOptions): Promise<Db> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`The schema name "${schema}" may use only lower-case letters, digits and _.`);
  }
  const clientConfig: pg.ClientConfig = {
    connectionString: options.connectionString,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  if (schema) {
    const setup = new pg.Client({ connectionString: options.connectionString });
    await setup.connect();
    try {
      await setup.query(`create schema if not exists ${schema}`);
    } catch (error) {
      // Two processes creating the same schema at once: the loser sees a unique violation.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({ ...clientConfig, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  await pool.query('select 1');

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  const reportListenError = options.onListenError ?? ((e: Error) => console.error(`store: LISTEN connection lost (${e.message}); reconnecting`));

  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client(clientConfig);
    client.on('notification', (msg) => {
      for (const fn of listeners.get(msg.channel) ?? []) fn(msg.payload ?? '');
    });
    client.on('error', (error) => {
      if (closed) return;
      reportListenError(error);
      listenClient = null;
      connecting = null;
      void client.end().catch(() => undefined);
      scheduleReconnect(250);
    });
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`listen ${quoteIdent(channel)}`);
    return client;
  }

  function scheduleReconnect(delay: number): void {
    setTimeout(() => {
      if (closed || connecting) return;
      connecting = connectListener().then(
        (client) => {
          listenClient = client;
          return client;
        },
        (error: Error) => {
          connecting = null;
          reportListenError(error);
          scheduleReconnect(Math.min(delay * 2, 5000));
          throw error;
        },
      );
      connecting.catch(() => undefined);
    }, delay).unref();
  }

  async function getListener(): Promise<pg.Client> {
    if (listenClient) return listenClient;
    if (!connecting) {
      connecting = connectListener().then((client) => {
        listenClient = client;
        return client;
      });
    }
    try {
      return await connecting;
    } catch (error) {
      connecting = null;
      throw error;
    }
  }

  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, fn) {
      let set = listeners.get(channel);
      const first = !set;
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(fn);
      const client = await getListener();
      if (first) await client.query(`listen ${quoteIdent(channel)}`);
      return async () => {
        set.delete(fn);
        if (set.size === 0) {
          listeners.delete(channel);
          if (listenClient) await listenClient.query(`unlisten ${quoteIdent(channel)}`).catch(() => undefined);
        }
      };
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async dropOldWal() {
      // The checkpointer removes or recycles old segments by the server's own `wal_recycle`
      // (a session cannot change it); switching and checkpointing needs superuser or
      // pg_checkpoint plus EXECUTE on pg_switch_wal.
      try {
        for (let i = 0; i < 2; i++) {
          await pool.query('select pg_switch_wal()');
          await pool.query('checkpoint');
        }
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === '42501') return false;
        throw error;
      }
    },
    async close() {
      closed = true;
      const client = listenClient;
      listenClient = null;
      if (client) await client.end().catch(() => undefined);
      await pool.end();
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
