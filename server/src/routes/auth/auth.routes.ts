import { Hono } from 'hono';
import { authenticate, authenticateWriter, limitWrites, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { createInvite, createSignInLink, listInvites, listMembers, patchMember, revokeMember, withdrawInvite } from './facilitator.handlers';
import { join } from './join.handlers';
import { createLinkCodeFor } from './link-codes.handlers';
import { forgetMe, getMe, patchMe } from './me.handlers';

const facilitators = [
  authenticate,
  requireOwnGroup,
  requireAbility(can.facilitate, 'server.onlyFacilitatorInvites'),
] as const;

/** Join, who-am-I and the profile, linking another browser, forget me, and the facilitator's invites and members (mounted at /api). */
export function authRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/join', join);
  app.get('/me', authenticate, getMe);
  app.patch('/me', authenticateWriter, limitWrites, patchMe);
  app.delete('/me', authenticate, forgetMe);
  app.post('/me/link-codes', authenticateWriter, limitWrites, createLinkCodeFor);
  app.get('/groups/:group/invites', ...facilitators, listInvites);
  app.post('/groups/:group/invites', ...facilitators, createInvite);
  app.delete('/groups/:group/invites/:code', ...facilitators, withdrawInvite);
  app.get('/groups/:group/members', ...facilitators, listMembers);
  app.patch('/groups/:group/members/:memberId', ...facilitators, patchMember);
  app.delete('/groups/:group/members/:memberId', ...facilitators, revokeMember);
  app.post('/groups/:group/members/:memberId/sign-in-links', ...facilitators, createSignInLink);
  return app;
}
