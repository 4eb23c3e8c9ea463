import type { Context } from 'hono';
import { createInviteCode, hashSecret, normaliseInviteCode } from '../../auth/secrets';
import { encodeRevocation } from '../../changes/hub';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { readBody } from '../../validate';
import { InviteSchema } from './auth.schemas';

/** `POST /api/groups/{group}/invites`: a new invite code for a role. */
export async function createInvite(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const { role } = await readBody(c, InviteSchema);
  const code = createInviteCode();
  await db.query('insert into invites (code_hash, group_id, role, created_at) values ($1, $2, $3, $4)', [
    hashSecret(code),
    c.get('member').groupId,
    role,
    clock().toISOString(),
  ]);
  return c.json({ code }, 201);
}

/** `DELETE /api/groups/{group}/invites/{code}`: withdraw a code (people who joined stay). */
export async function withdrawInvite(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const code = normaliseInviteCode(c.req.param('code') ?? '');
  const { rowCount } = await db.query(
    'update invites set withdrawn_at = coalesce(withdrawn_at, $3) where code_hash = $1 and group_id = $2',
    [hashSecret(code), c.get('member').groupId, clock().toISOString()],
  );
  if (rowCount === 0) throw new ApiError(404, 'not-found', 'There is no such invite code in your group.');
  return c.body(null, 204);
}

/** `GET /api/groups/{group}/members`: everyone who joined (forgotten members are left out). */
export async function listMembers(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const { rows } = await db.query<{ id: string; display_name: string | null; role: string; created_at: Date | string; revoked_at: unknown }>(
    'select id, display_name, role, created_at, revoked_at from members where group_id = $1 and forgotten_at is null order by created_at, id',
    [c.get('member').groupId],
  );
  return c.json({
    members: rows.map((r) => ({
      memberId: r.id,
      displayName: r.display_name,
      role: r.role,
      joinedAt: new Date(r.created_at).toISOString(),
      revoked: r.revoked_at !== null,
    })),
  });
}

/**
 * `DELETE /api/groups/{group}/members/{memberId}`: revoke a member's token. Their open streams
 * end at once: here directly, in other store processes through a NOTIFY.
 */
export async function revokeMember(c: Context<AppEnv>) {
  const { db, clock, hub, channel } = c.get('deps');
  const memberId = c.req.param('memberId') ?? '';
  const { rowCount } = await db.query(
    'update members set revoked_at = coalesce(revoked_at, $3) where id = $1 and group_id = $2',
    [memberId, c.get('member').groupId, clock().toISOString()],
  );
  if (rowCount === 0) throw new ApiError(404, 'not-found', 'There is no such member in your group.');
  hub.closeMember(memberId);
  await db.query('select pg_notify($1, $2)', [channel, encodeRevocation(memberId)]);
  return c.body(null, 204);
}
