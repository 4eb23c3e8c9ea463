import { Hono } from 'hono';
import { authenticate, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { getComment, getDocument, getOverview, getSearch } from './web-read.handlers';

const readers = [requireOwnGroup, requireAbility(can.read, 'server.onlyReadersRead')] as const;

/**
 * What the web app reads (mounted at /api/groups/:group): the overview, a document, a
 * comment's permanent link and search. PROTOCOL.md "Reading for the web app". Authorised as
 * the change feed is: `authenticate` takes a bearer token or the web session's cookie.
 */
export function webReadRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/overview', authenticate, ...readers, getOverview);
  app.get('/document', authenticate, ...readers, getDocument);
  app.get('/comments/:uuid', authenticate, ...readers, getComment);
  app.get('/search', authenticate, ...readers, getSearch);
  return app;
}
