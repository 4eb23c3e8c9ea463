import { Hono } from 'hono';
import { authenticate, authenticateWriter, limitWrites, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { createReport, dismissReports, getModeration } from './moderation.handlers';

// Reports come from those who comment (notes/contract.md "Roles": facilitator, member).
const reporters = [authenticateWriter, requireOwnGroup, requireAbility(can.write, 'server.onlyWritersReport'), limitWrites] as const;
const moderators = [requireOwnGroup, requireAbility(can.facilitate, 'server.onlyFacilitatorReports')] as const;

/** Reports, their dismissal and the facilitators' moderation view (mounted at /api/groups/:group). */
export function moderationRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/annotations/:uuid/reports', ...reporters, createReport);
  app.post('/annotations/:uuid/reports/dismiss', authenticateWriter, ...moderators, limitWrites, dismissReports);
  app.get('/moderation', authenticate, ...moderators, getModeration);
  return app;
}
