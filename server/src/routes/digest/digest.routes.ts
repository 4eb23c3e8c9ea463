import { Hono } from 'hono';
import { authenticate, requireOwnGroup } from '../../auth/middleware';
import type { AppEnv } from '../../context';
import { getDigest } from './digest.handlers';

/** The group digest download (mounted at /api/groups/:group): every role of the group may read it. */
export function digestRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/digest', authenticate, requireOwnGroup, getDigest);
  return app;
}
