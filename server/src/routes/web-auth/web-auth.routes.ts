import { Hono } from 'hono';
import { requireSession } from '../../auth/session';
import type { AppEnv } from '../../context';
import { getSession, signIn, signOut, signOutEverywhere } from './web-auth.handlers';

/** The web app's sign-in and sessions (mounted at /api/web). PROTOCOL.md "Web sessions, invites and members". */
export function webAuthRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/sign-in', signIn);
  app.get('/session', requireSession, getSession);
  app.post('/sign-out', signOut);
  app.post('/sign-out-everywhere', requireSession, signOutEverywhere);
  return app;
}
