import { Hono } from 'hono';
import { authenticate, requireOwnGroup } from '../../auth/middleware';
import type { AppEnv } from '../../context';
import { getChanges, getStream } from './sync.handlers';

/** The change feed and its live stream (mounted at /api/groups/:group). */
export function syncRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/changes', authenticate, requireOwnGroup, getChanges);
  app.get('/stream', authenticate, requireOwnGroup, getStream);
  return app;
}
