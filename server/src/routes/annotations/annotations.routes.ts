import { Hono } from 'hono';
import { authenticate, authenticateWriter, limitWrites, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { deleteOne, getOne, hideOne, putOne, unhideOne } from './annotations.handlers';
import { createInOneRoundTrip } from './create-in-one';

const readers = [authenticate, requireOwnGroup] as const;
// Every role writes something (readers reply and answer): putAnnotation checks the kind against the role.
const writers = [authenticateWriter, requireOwnGroup, requireAbility(can.writeAny, 'server.readOnlyInvite'), limitWrites] as const;
const moderators = [authenticateWriter, requireOwnGroup, requireAbility(can.facilitate, 'server.onlyFacilitatorHides'), limitWrites] as const;

/** The sync API's annotation resource (mounted at /api/groups/:group/annotations). */
export function annotationRoutes() {
  const app = new Hono<AppEnv>();
  app.put('/:uuid', createInOneRoundTrip, ...writers, putOne);
  app.get('/:uuid', ...readers, getOne);
  app.delete('/:uuid', ...writers, deleteOne);
  app.post('/:uuid/hide', ...moderators, hideOne);
  app.delete('/:uuid/hide', ...moderators, unhideOne);
  return app;
}
