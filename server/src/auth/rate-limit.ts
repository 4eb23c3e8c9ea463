import type { MessageKey } from '../../../utils/i18n/catalogue';
import type { Db } from '../db/db';
import { ApiError, msg } from '../errors';

/** A fixed-window limit: at most `max` hits per `windowSeconds`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** The start of the window `now` falls in. */
export function windowStart(limit: RateLimit, now: Date): Date {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/**
 * SQL that counts one hit on a bucket and returns `hits`; `$b` and `$w` name the bucket and
 * window-start parameters, `from` optionally restricts (and feeds) the insert.
 */
export function countHitSql(bucket: string, windowParam: string, from = ''): string {
  return `insert into rate_limits (bucket, window_start, hits)
    select ${bucket}, ${windowParam}, 1 ${from}
    on conflict (bucket, window_start) do update set hits = rate_limits.hits + 1
    returning hits`;
}

/** What was done too often, as the refusal names it. */
export type RateLimitWhat = 'changes' | 'attempts to join' | 'wrong invite codes';

const RATE_LIMIT_MESSAGES: Record<RateLimitWhat, MessageKey> = {
  changes: 'server.tooManyChanges',
  'attempts to join': 'server.tooManyJoins',
  'wrong invite codes': 'server.tooManyWrongCodes',
};

/**
 * Refuse with 429 once `hits` is past the limit, saying when to try again. A new window
 * (hits = 1) also drops the bucket's old windows so the table stays small.
 */
export async function enforceHits(db: Db, bucket: string, hits: number, limit: RateLimit, now: Date, what: RateLimitWhat): Promise<void> {
  const start = windowStart(limit, now);
  if (hits === 1) await db.query('delete from rate_limits where bucket = $1 and window_start < $2', [bucket, start.toISOString()]);
  if (hits > limit.max) {
    const retryAfter = Math.max(1, Math.ceil((start.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000));
    throw new ApiError(
      429,
      'rate-limited',
      msg(RATE_LIMIT_MESSAGES[what], { count: retryAfter }),
      {},
      { 'Retry-After': String(retryAfter) },
    );
  }
}

/**
 * Count one hit on `bucket` and refuse with 429 past the limit. The counters live in the
 * database (an unlogged table: a crash only restarts the windows), so every store process
 * shares them and the server keeps no state of its own.
 */
export async function hitRateLimit(db: Db, bucket: string, limit: RateLimit, now: Date, what: RateLimitWhat): Promise<void> {
  const { rows } = await db.query<{ hits: number }>(countHitSql('$1', '$2'), [bucket, windowStart(limit, now).toISOString()]);
  await enforceHits(db, bucket, Number(rows[0]?.hits ?? 0), limit, now, what);
}

/**
 * Refuse with 429 when `bucket` has already had `limit.max` hits in this window, counting
 * nothing: for limits on failures, checked before the attempt and counted only if it fails.
 */
export async function refuseIfSpent(db: Db, bucket: string, limit: RateLimit, now: Date, what: RateLimitWhat): Promise<void> {
  const { rows } = await db.query<{ hits: number }>('select hits from rate_limits where bucket = $1 and window_start = $2', [bucket, windowStart(limit, now).toISOString()]);
  const hits = Number(rows[0]?.hits ?? 0);
  if (hits >= limit.max) await enforceHits(db, bucket, hits + 1, limit, now, what);
}

/** Count one hit on `bucket` (a failure), refusing nothing now. */
export async function countHit(db: Db, bucket: string, limit: RateLimit, now: Date): Promise<void> {
  const { rows } = await db.query<{ hits: number }>(countHitSql('$1', '$2'), [bucket, windowStart(limit, now).toISOString()]);
  if (Number(rows[0]?.hits) === 1) await db.query('delete from rate_limits where bucket = $1 and window_start < $2', [bucket, windowStart(limit, now).toISOString()]);
}
