import { Hono } from 'hono';
import { authenticate, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { limitWrites } from '../limit-writes';
import { deleteItem, getContainer, getItem, optionsContainer, optionsItem, postToContainer, putItem } from './w3c.handlers';

const readers = [authenticate, requireOwnGroup] as const;
const writers = [...readers, requireAbility(can.write, 'Only members can write annotations: your invite lets you read.'), limitWrites] as const;

/** W3C Web Annotation Protocol container per group (mounted at /annotations/:group). */
export function w3cRoutes() {
  const app = new Hono<AppEnv>({ strict: false });
  app.get('/', ...readers, getContainer);
  app.post('/', ...writers, postToContainer);
  app.options('/', optionsContainer);
  app.get('/:uuid', ...readers, getItem);
  app.put('/:uuid', ...writers, putItem);
  app.delete('/:uuid', ...writers, deleteItem);
  app.options('/:uuid', optionsItem);
  return app;
}
