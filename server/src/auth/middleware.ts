import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { countHitSql, enforceHits, windowStart } from './rate-limit';
import { type Member, type Role } from './roles';
import { hashSecret } from './secrets';
import { authenticateSession, checkCsrf, csrfPasses, csrfTokenFor, memberBySessionSql, noteActivity, sessionToken, toSessionMember, type SessionMemberRow } from './session';

/** The bearer token of a request, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** A members row as the auth queries select it. */
export interface MemberRow {
  id: string;
  group_id: string;
  role: Role;
  display_name: string | null;
  revoked_at: unknown;
  /** When the member last used the store (moved at most every 5 minutes, auth/session.ts noteActivity). */
  last_active_at?: unknown;
}

export const MEMBER_COLUMNS = 'id, group_id, role, display_name, revoked_at, last_active_at';

/**
 * The members row of a bearer token's hash (`$1`): a member has one token per linked browser
 * (member_tokens), and revoking the member (members.revoked_at) revokes every one of them.
 */
export const MEMBER_BY_TOKEN = `select ${MEMBER_COLUMNS} from members where id = (select member_id from member_tokens where token_hash = $1)`;

/** The caller from a members row: unknown → 401 `unauthenticated`, revoked → 401 `token-revoked`. */
export function toMember(row: MemberRow | undefined): Member {
  if (!row) throw new ApiError(401, 'unauthenticated', 'server.tokenUnknown');
  if (row.revoked_at) throw new ApiError(401, 'token-revoked', 'server.tokenRevoked');
  return { id: row.id, groupId: row.group_id, role: row.role, displayName: row.display_name };
}

function requireToken(header: string | undefined): string {
  const token = bearerToken(header);
  if (!token) throw new ApiError(401, 'unauthenticated', 'server.tokenMissing');
  return token;
}

/**
 * Require `Authorization: Bearer <token>` of a current member (the extension) or the web
 * app's session cookie (auth/session.ts; a cookie write also needs its CSRF token): unknown
 * → 401 `unauthenticated`, revoked → 401 `token-revoked`, ended session → 401
 * `session-expired`, bad CSRF → 403 `csrf-failed`. Sets `member` for later handlers. A
 * bearer token wins when a request has both.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization');
  const cookie = bearerToken(header) ? null : sessionToken(c);
  if (cookie) {
    await authenticateSession(c, cookie);
    return next();
  }
  const token = requireToken(header);
  const deps = c.get('deps');
  const { rows } = await deps.db.query<MemberRow>(MEMBER_BY_TOKEN, [hashSecret(token)]);
  const member = toMember(rows[0]);
  c.set('member', member);
  await noteActivity(deps, member.id, rows[0]!.last_active_at, deps.clock());
  await next();
};

/**
 * `authenticate` for write routes, counting the write against the member's rate limit in
 * the same statement (one round trip fewer per write). The limit itself is enforced by
 * `limitWrites`, after the group and role checks, so their refusals come first.
 */
export const authenticateWriter: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Already authenticated and counted by createInOneRoundTrip (which then fell through).
  if (c.get('member')) return next();
  const header = c.req.header('authorization');
  const cookie = bearerToken(header) ? null : sessionToken(c);
  const deps = c.get('deps');
  const { db, limits, clock } = deps;
  const now = clock();
  const window = windowStart(limits.write, now).toISOString();
  let row: (MemberRow & { hits: number | null }) | undefined;
  let member: Member;
  if (cookie) {
    const tokenHash = hashSecret(cookie);
    const csrfToken = csrfTokenFor(cookie);
    // A write that fails the CSRF check is not counted against the member's limit ($4).
    const { rows } = await db.query<SessionMemberRow & { hits: number | null }>(
      `with m as (${memberBySessionSql()}),
         r as (${countHitSql(`'write:' || m.id`, '$2::timestamptz', 'from m where m.revoked_at is null and m.session_expires_at > $3::timestamptz and $4::boolean')})
       select m.*, (select hits from r) as hits from m`,
      [tokenHash, window, now.toISOString(), csrfPasses(c, csrfToken)],
    );
    row = rows[0];
    member = toSessionMember(rows[0], now);
    checkCsrf(c, csrfToken);
    c.set('session', { tokenHash, csrfToken, expiresAt: new Date(rows[0]!.session_expires_at) });
  } else {
    const token = requireToken(header);
    const { rows } = await db.query<MemberRow & { hits: number | null }>(
      `with m as (${MEMBER_BY_TOKEN}),
         r as (${countHitSql(`'write:' || m.id`, '$2::timestamptz', 'from m where m.revoked_at is null')})
       select m.*, (select hits from r) as hits from m`,
      [hashSecret(token), window],
    );
    row = rows[0];
    member = toMember(rows[0]);
  }
  c.set('member', member);
  c.set('writeHits', Number(row!.hits ?? 0));
  c.set('writeAt', now);
  await noteActivity(deps, member.id, row!.last_active_at, now);
  await next();
};

/** Enforce the write limit counted by `authenticateWriter`. */
export const limitWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, limits } = c.get('deps');
  await enforceHits(db, `write:${c.get('member').id}`, c.get('writeHits'), limits.write, c.get('writeAt'), 'changes');
  await next();
};

/**
 * The `:group` in the path must be the caller's group: another group's id (existing or
 * not) answers the same 403, so ids of other groups cannot be probed.
 */
export const requireOwnGroup: MiddlewareHandler<AppEnv> = async (c, next) => {
  const group = c.req.param('group');
  if (group !== c.get('member').groupId) {
    throw new ApiError(403, 'forbidden', 'server.otherGroup');
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
