import type { Context } from 'hono';
import type { RateLimit } from './auth/rate-limit';
import type { Member } from './auth/roles';
import type { SessionInfo } from './auth/session';
import type { ChangeHub } from './changes/hub';
import type { Notifier } from './changes/notifier';
import type { Db } from './db/db';
import type { DigestRenderer } from './digest-worker/digest-renderer';
import type { Logger } from './log';

/** Limits a store enforces; tests and the benchmark raise them. */
export interface Limits {
  /** Largest request body in bytes (PROTOCOL: 413 `body-too-large`). */
  bodyBytes: number;
  /** Joins per client address. */
  join: RateLimit;
  /** Wrong invite codes per code bucket (a prefix of the code's hash), from any address. */
  joinFailures: RateLimit;
  /** Writes (PUT, DELETE, POST, hide) per member. */
  write: RateLimit;
}

/** Everything handlers need, passed in once by createApp (never imported as globals). */
export interface StoreDeps {
  db: Db;
  clock: () => Date;
  adminToken: string;
  limits: Limits;
  /** NOTIFY channel of this store's database (a schema-specific one in tests). */
  channel: string;
  hub: ChangeHub;
  /** Announces committed changes to every store process. */
  notifier: Notifier;
  /** Base URL for W3C annotation IRIs; default: the request's own origin. */
  publicUrl?: string;
  /** How often streams ping and re-check the feed head and the member (ms). */
  pingMs: number;
  /** The caller's network address for join rate limits. */
  clientAddress: (c: Context) => string;
  /** Where unexpected errors are logged (codes and request ids only); default console. */
  logger: Logger;
  /** Renders digests off the event loop, with a per-group limit (digest-worker/). */
  digests: DigestRenderer;
  /** How many days a web app session lasts (SESSION_DAYS, default 14). */
  sessionDays: number;
}

/** Hono environment of the store's app. */
export interface AppEnv {
  Variables: {
    deps: StoreDeps;
    /** Random id of this request (X-Request-Id), quoted in 500 answers and log lines. */
    requestId: string;
    member: Member;
    /** Writes counted in the member's current window (authenticateWriter). */
    writeHits: number;
    writeAt: Date;
    /** The web session of a cookie request (auth/session.ts); unset for bearer requests. */
    session: SessionInfo;
  };
}
