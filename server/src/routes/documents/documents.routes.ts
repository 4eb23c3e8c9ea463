import { Hono } from 'hono';
import { authenticate, authenticateWriter, limitWrites, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { createDocumentLink, deleteDocumentLink, listDocumentLinks } from './documents.handlers';

const readers = [requireOwnGroup, requireAbility(can.read, 'server.onlyReadersLinks')] as const;
const facilitators = [requireOwnGroup, requireAbility(can.facilitate, 'server.onlyFacilitatorLinks')] as const;

/** Links between document versions (mounted at /api/groups/:group). PROTOCOL.md "Document versions". */
export function documentRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/document-links', authenticate, ...readers, listDocumentLinks);
  app.post('/document-links', authenticateWriter, ...facilitators, limitWrites, createDocumentLink);
  app.delete('/document-links/:id', authenticateWriter, ...facilitators, limitWrites, deleteDocumentLink);
  return app;
}
