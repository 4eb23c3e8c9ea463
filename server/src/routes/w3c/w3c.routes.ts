import { Hono } from 'hono';
import { authenticate, authenticateWriter, limitWrites, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { deleteItem, getContainer, getItem, optionsContainer, optionsItem, postToContainer, putItem } from './w3c.handlers';

const readers = [authenticate, requireOwnGroup] as const;
// Every role writes something (readers reply and answer): putAnnotation checks the kind against the role.
const writers = [authenticateWriter, requireOwnGroup, requireAbility(can.writeAny, 'server.readOnlyInvite'), limitWrites] as const;

/** W3C Web Annotation Protocol container per group at /annotations/{group}/ (mounted at /). */
export function w3cRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/annotations/:group/', ...readers, getContainer);
  app.post('/annotations/:group/', ...writers, postToContainer);
  app.options('/annotations/:group/', optionsContainer);
  app.get('/annotations/:group/:uuid', ...readers, getItem);
  app.put('/annotations/:group/:uuid', ...writers, putItem);
  app.delete('/annotations/:group/:uuid', ...writers, deleteItem);
  app.options('/annotations/:group/:uuid', optionsItem);
  return app;
}
