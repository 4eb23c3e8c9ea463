import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { checkAddress } from './address-checks';
import { resolveClientAddress, type TrustProxy } from './auth/client-address';
import { DEFAULT_SESSION_DAYS } from './auth/session';
import { createChangeHub, type ChangeHub } from './changes/hub';
import { createNotifier } from './changes/notifier';
import type { AppEnv, Limits, StoreDeps } from './context';
import { cors } from './cors';
import type { Db } from './db/db';
import { createDigestRenderer, type DigestSettings } from './digest-worker/digest-renderer';
import { ApiError, DEFAULT_BODY_BYTES, handleError, handleNotFound, tooLargeMessage } from './errors';
import type { Logger } from './log';
import { assignRequestId } from './request-id';
import { adminRoutes } from './routes/admin/admin.routes';
import { annotationRoutes } from './routes/annotations/annotations.routes';
import { authRoutes } from './routes/auth/auth.routes';
import { digestRoutes } from './routes/digest/digest.routes';
import { documentRoutes } from './routes/documents/documents.routes';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/import/import.routes';
import { webReadRoutes } from './routes/web-read/web-read.routes';
import { moderationRoutes } from './routes/moderation/moderation.routes';
import { recordHideActions } from './routes/moderation/record-hide';
import { addStreamEvents } from './routes/notices/notices-stream';
import { noticeRoutes } from './routes/notices/notices.routes';
import { PING_MS } from './routes/sync/sync.handlers';
import { syncRoutes } from './routes/sync/sync.routes';
import { themeRoutes } from './routes/themes/themes.routes';
import { w3cRoutes } from './routes/w3c/w3c.routes';
import { webAuthRoutes } from './routes/web-auth/web-auth.routes';
import { webappRoutes } from './routes/webapp/webapp.routes';

/** Default limits: generous for a group of people, tight enough to stop a runaway client. */
export const DEFAULT_LIMITS: Limits = {
  bodyBytes: DEFAULT_BODY_BYTES,
  join: { max: 30, windowSeconds: 600 },
  // Per bucket of wrong codes (4,096 buckets): at most ~41,000 guesses per 10 minutes store-wide.
  joinFailures: { max: 10, windowSeconds: 600 },
  write: { max: 3000, windowSeconds: 60 },
};

/** The default NOTIFY channel. */
export const DEFAULT_CHANNEL = 'lea_changes';

/** What createApp needs; everything but `db` and `adminToken` has a default. */
export interface AppOptions {
  db: Db;
  adminToken: string;
  clock?: () => Date;
  limits?: Partial<Limits>;
  channel?: string;
  publicUrl?: string;
  clientAddress?: (c: Context) => string;
  /** Stream ping interval (default 15 s; tests shorten it). */
  pingMs?: number;
  /** Where unexpected errors are logged (default console; tests capture it). */
  logger?: Logger;
  /** Digest worker pool and limits (default: max(1, cpus - 1) workers, 2 per group). */
  digests?: DigestSettings;
  /** Proxies whose X-Forwarded-For is believed for the client address (default none). */
  trustProxy?: TrustProxy;
  /** The built web app to serve at `/` (default `.output/webapp`, from `npm run build:webapp`). */
  webappDir?: string;
  /** How many days a web app session lasts (default 14). */
  sessionDays?: number;
}

/** A running store app: Hono's fetch handler plus its change hub. */
export interface StoreApp {
  app: Hono<AppEnv>;
  hub: ChangeHub;
  /** Stop live streams (the database is the caller's to close). */
  close(): Promise<void>;
}

function socketClientAddress(trust: TrustProxy): (c: Context) => string {
  return (c) => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    return resolveClientAddress(incoming?.socket?.remoteAddress ?? 'unknown', c.req.header('x-forwarded-for'), trust);
  };
}

/**
 * Build the store: routes, one error handler, body limit, and a started change hub
 * (LISTEN). Tests pass a database with the migrations applied; nothing is global.
 */
export async function createApp(options: AppOptions): Promise<StoreApp> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const channel = options.channel ?? DEFAULT_CHANNEL;
  const hub = createChangeHub(options.db, channel);
  await hub.start();
  const notifier = createNotifier(options.db, channel);
  const digests = createDigestRenderer(options.digests);
  const deps: StoreDeps = {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    adminToken: options.adminToken,
    limits,
    channel,
    hub,
    notifier,
    clientAddress: options.clientAddress ?? socketClientAddress(options.trustProxy ?? { kind: 'none' }),
    pingMs: options.pingMs ?? PING_MS,
    logger: options.logger ?? console,
    digests,
    sessionDays: options.sessionDays ?? DEFAULT_SESSION_DAYS,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  };
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(handleNotFound);
  // Every answer, errors included: no content sniffing, and nothing kept in a shared or browser
  // cache (comments are health stories). Routes that chose their own Cache-Control keep it.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', assignRequestId);
  app.use('*', cors);
  app.use('*', checkAddress);
  const limitStreamedBody = bodyLimit({
    maxSize: limits.bodyBytes,
    onError: () => {
      throw new ApiError(413, 'body-too-large', tooLargeMessage(limits.bodyBytes));
    },
  });
  // A declared Content-Length is checked without touching the body: Node's parser never reads
  // past it. Reading c.req.raw.body (as bodyLimit does) makes the adapter build a web Request
  // and stream for every request, 15-20% of the store's CPU on the write path. Chunked bodies,
  // whose size is unknown up front, still go through bodyLimit.
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (!/^\d+$/.test(length.trim()) || Number(length) > limits.bodyBytes) throw new ApiError(413, 'body-too-large', tooLargeMessage(limits.bodyBytes));
      return next();
    }
    return limitStreamedBody(c, next);
  });
  app.route('/api', healthRoutes());
  app.route('/api', authRoutes());
  app.route('/api/web', webAuthRoutes());
  app.route('/api/me', noticeRoutes());
  app.route('/api/admin', adminRoutes());
  // Around the hide routes: a hide or unhide goes on the moderation record and closes reports.
  app.use('/api/groups/:group/annotations/:uuid/hide', recordHideActions);
  app.route('/api/groups/:group/annotations', annotationRoutes());
  app.route('/api/groups/:group', moderationRoutes());
  // Around the stream: the member's own notice changes become `event: notices` on it.
  app.use('/api/groups/:group/stream', addStreamEvents);
  app.route('/api/groups/:group', syncRoutes());
  app.route('/api/groups/:group', digestRoutes());
  app.route('/api/groups/:group', documentRoutes());
  app.route('/api/groups/:group', importRoutes());
  app.route('/api/groups/:group', webReadRoutes());
  app.route('/api/groups/:group', themeRoutes());
  app.route('/', w3cRoutes());
  // The group's web app: its pages (/, /sign-in, /documents, /search, /c/:uuid, /group/*) and /assets/.
  app.route('/', webappRoutes(options.webappDir));

  return {
    app,
    hub,
    async close() {
      await notifier.flush();
      await hub.stop();
      await digests.close();
    },
  };
}
