import { Hono } from 'hono';
import type { AppEnv } from '../context';

/** `GET /api/health`: 200 once the store is ready (it listens only after migrations ran). */
export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/health', async (c) => {
    await c.get('deps').db.query('select 1');
    return c.json({ ok: true, database: c.get('deps').db.kind });
  });
  return app;
}
