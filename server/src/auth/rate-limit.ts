import type { Db } from '../db/db';
import { ApiError } from '../errors';

/** A fixed-window limit: at most `max` hits per `windowSeconds`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/**
 * Count one hit on `bucket` and refuse with 429 past the limit. The counter lives in the
 * database (a row per bucket and window), so every store process shares it.
 */
export async function hitRateLimit(db: Db, bucket: string, limit: RateLimit, now: Date, what: string): Promise<void> {
  const windowMs = limit.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const { rows } = await db.query<{ hits: number }>(
    `insert into rate_limits (bucket, window_start, hits) values ($1, $2, 1)
     on conflict (bucket, window_start) do update set hits = rate_limits.hits + 1
     returning hits`,
    [bucket, new Date(start).toISOString()],
  );
  const hits = Number(rows[0]?.hits ?? 0);
  if (hits === 1) {
    // A new window: drop this bucket's old ones so the table stays small.
    await db.query('delete from rate_limits where bucket = $1 and window_start < $2', [bucket, new Date(start).toISOString()]);
  }
  if (hits > limit.max) {
    const retryAfter = Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000));
    throw new ApiError(
      429,
      'rate-limited',
      `Too many ${what} in a short time. Please wait ${retryAfter} second${retryAfter === 1 ? '' : 's'} and try again.`,
      {},
      { 'Retry-After': String(retryAfter) },
    );
  }
}
