import { Hono } from 'hono';
import { authenticate, authenticateWriter, limitWrites } from '../../auth/middleware';
import type { AppEnv } from '../../context';
import { getNotices, markRead, putFollow } from './notices.handlers';

/** What a member has read and follows, shared by all their browsers (mounted at /api/me). */
export function noticeRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/notices', authenticate, getNotices);
  app.post('/notices/read', authenticateWriter, limitWrites, markRead);
  app.put('/follows', authenticateWriter, limitWrites, putFollow);
  return app;
}
