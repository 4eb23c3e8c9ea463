import type { MiddlewareHandler } from 'hono';
import { hitRateLimit } from '../auth/rate-limit';
import type { AppEnv } from '../context';

/** Count a write against the member's limit (shared by every store process via the database). */
export const limitWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, limits, clock } = c.get('deps');
  await hitRateLimit(db, `write:${c.get('member').id}`, limits.write, clock(), 'changes');
  await next();
};
