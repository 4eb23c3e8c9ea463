import { Hono } from 'hono';
import { authenticate, authenticateWriter, limitWrites, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { addTheme, changeTheme, listThemes } from './themes.handlers';

const readers = [requireOwnGroup, requireAbility(can.read, 'server.themesMembersOnly')] as const;
const facilitators = [requireOwnGroup, requireAbility(can.facilitate, 'server.themesFacilitatorOnly')] as const;

/** The group's theme vocabulary (mounted at /api/groups/:group). PROTOCOL.md "Themes". */
export function themeRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/themes', authenticate, ...readers, listThemes);
  app.post('/themes', authenticateWriter, ...facilitators, limitWrites, addTheme);
  app.patch('/themes/:id', authenticateWriter, ...facilitators, limitWrites, changeTheme);
  return app;
}
