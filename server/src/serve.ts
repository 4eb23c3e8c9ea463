import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve as serveHttp } from '@hono/node-server';
import { createApp, DEFAULT_CHANNEL, DEFAULT_LIMITS } from './app';
import { ensureAdminToken } from './admin-token';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { privacyWarnings } from './db/privacy-checks';
import { openPgliteDb } from './db/pglite-db';
import { openPostgresDb } from './db/postgres-db';
import type { StoreEnv } from './env';

/** Open the database the environment names: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR. */
export async function openDatabase(env: StoreEnv): Promise<Db> {
  if (env.DATABASE_URL) {
    return openPostgresDb({ connectionString: env.DATABASE_URL, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}) });
  }
  const dir = resolve(join(env.DATA_DIR, 'pglite'));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return openPgliteDb(dir);
}

/**
 * Start the store: admin token, database, migrations, HTTP. Stops cleanly on SIGINT and
 * SIGTERM (streams ended, PGlite closed: a process does not exit with PGlite open).
 */
export async function startStore(env: StoreEnv, log: (line: string) => void = console.log): Promise<{ stop: () => Promise<void>; port: number }> {
  const admin = await ensureAdminToken(env.DATA_DIR, env.ADMIN_TOKEN);
  if (admin.created) log(`store: a new admin token was written to ${admin.path} (readable only by you). Keep it secret.`);
  else if (admin.path) log(`store: using the admin token in ${admin.path}`);
  else log('store: using the admin token from ADMIN_TOKEN');

  const db = await openDatabase(env);
  const applied = await migrate(db);
  if (applied.length) log(`store: database migrations applied: ${applied.join(', ')}`);
  for (const warning of await privacyWarnings(db)) log(`store: warning: ${warning}`);
  await db.query(`delete from rate_limits where window_start < $1`, [new Date(Date.now() - 86_400_000).toISOString()]);

  const schemaChannel = env.DATABASE_SCHEMA ? `${DEFAULT_CHANNEL}_${env.DATABASE_SCHEMA}` : DEFAULT_CHANNEL;
  const store = await createApp({
    db,
    adminToken: admin.token,
    channel: schemaChannel,
    limits: {
      ...(env.WRITE_RATE_LIMIT ? { write: { ...DEFAULT_LIMITS.write, max: env.WRITE_RATE_LIMIT } } : {}),
      ...(env.JOIN_RATE_LIMIT ? { join: { ...DEFAULT_LIMITS.join, max: env.JOIN_RATE_LIMIT } } : {}),
    },
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    trustProxy: env.TRUST_PROXY,
    ...(env.SESSION_DAYS !== undefined ? { sessionDays: env.SESSION_DAYS } : {}),
    digests: {
      ...(env.DIGEST_WORKERS !== undefined ? { workers: env.DIGEST_WORKERS } : {}),
      ...(env.DIGEST_PER_GROUP !== undefined ? { perGroup: env.DIGEST_PER_GROUP } : {}),
    },
  });

  const server = await new Promise<ReturnType<typeof serveHttp>>((resolveServer, reject) => {
    const s = serveHttp({ fetch: store.app.fetch, port: env.PORT, ...(env.HOST ? { hostname: env.HOST } : {}) }, () => resolveServer(s));
    s.once('error', reject);
  });
  // Idle keep-alive connections stay open longer than a load balancer's usual 60 s, so the
  // balancer (or any client reusing a connection) never writes into one just being closed.
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const where = db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${resolve(env.DATA_DIR, 'pglite')}`;
  log(`store: listening on http://localhost:${env.PORT} with ${where}`);
  log(`store: make a group with: npm run store -- create-group "Group name"`);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await store.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await db.close();
    })());
  return { stop, port: env.PORT };
}
