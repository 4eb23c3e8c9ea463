import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { type Member, type Role } from './roles';
import { hashSecret } from './secrets';

/** The bearer token of a request, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

interface MemberRow {
  id: string;
  group_id: string;
  role: Role;
  display_name: string | null;
  revoked_at: unknown;
}

/**
 * Require `Authorization: Bearer <token>` of a current member: unknown → 401
 * `unauthenticated`, revoked → 401 `token-revoked`. Sets `member` for later handlers.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw new ApiError(401, 'unauthenticated', 'This needs your group invite: send "Authorization: Bearer <token>" (join with your invite code first).');
  const { db } = c.get('deps');
  const { rows } = await db.query<MemberRow>(
    'select id, group_id, role, display_name, revoked_at from members where token_hash = $1',
    [hashSecret(token)],
  );
  const row = rows[0];
  if (!row) throw new ApiError(401, 'unauthenticated', 'This sign-in is not known to the group store. Join again with your invite code.');
  if (row.revoked_at) throw new ApiError(401, 'token-revoked', 'Your invite has been withdrawn: ask your facilitator for a new one.');
  const member: Member = { id: row.id, groupId: row.group_id, role: row.role, displayName: row.display_name };
  c.set('member', member);
  await next();
};

/**
 * The `:group` in the path must be the caller's group: another group's id (existing or
 * not) answers the same 403, so ids of other groups cannot be probed.
 */
export const requireOwnGroup: MiddlewareHandler<AppEnv> = async (c, next) => {
  const group = c.req.param('group');
  if (group !== c.get('member').groupId) {
    throw new ApiError(403, 'forbidden', 'You are not a member of that group: your invite is for a different one.');
  }
  await next();
};

/** Allow only members for whom `allowed` holds; `doing` completes "Only ... can ...". */
export function requireAbility(allowed: (m: Member) => boolean, refusal: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!allowed(c.get('member'))) throw new ApiError(403, 'forbidden', refusal);
    await next();
  };
}
