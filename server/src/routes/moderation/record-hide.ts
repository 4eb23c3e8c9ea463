import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../context';
import { recordAndClose } from './moderation.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hide's reason from the body the hide handler has already read and checked (Hono keeps it). */
async function hideReason(text: Promise<string>): Promise<string | null> {
  try {
    const body = JSON.parse(await text) as { reason?: unknown };
    return typeof body.reason === 'string' ? body.reason.trim() : null;
  } catch {
    return null;
  }
}

/**
 * Around `POST` and `DELETE /api/groups/{group}/annotations/{uuid}/hide` (whose handlers, in
 * routes/annotations, check and do the hiding): once one succeeds, put it on the moderation
 * record (who, when, what, the reason) and close the open reports about that annotation.
 * An unhide of an annotation that was not hidden changes nothing and is not recorded.
 */
export const recordHideActions: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  const group = c.req.param('group') ?? '';
  const uuid = (c.req.param('uuid') ?? '').toLowerCase();
  if ((method !== 'POST' && method !== 'DELETE') || !UUID.test(uuid)) return next();
  const { db, clock } = c.get('deps');
  let wasHidden = true;
  if (method === 'DELETE') {
    const { rows } = await db.query<{ hidden: boolean }>('select hidden_reason is not null as hidden from annotations where group_id = $1 and id = $2', [group, uuid]);
    wasHidden = rows[0]?.hidden ?? false;
  }
  await next();
  const member = c.get('member');
  if (c.res.status !== 200 || !member || member.groupId !== group) return;
  if (method === 'DELETE' && !wasHidden) return;
  const reason = method === 'POST' ? await hideReason(c.req.text()) : null;
  await recordAndClose(db, { group, by: member.id, action: method === 'POST' ? 'hide' : 'unhide', target: uuid, reason, at: clock() });
};
