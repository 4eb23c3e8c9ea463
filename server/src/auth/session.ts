import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, StoreDeps } from '../context';
import { ApiError } from '../errors';
import { errorLogFields } from '../log';
import { MEMBER_COLUMNS, toMember, type MemberRow } from './middleware';
import { createToken, hashSecret } from './secrets';

/**
 * The web app's sessions (PROTOCOL.md "Web sessions, invites and members"): an HttpOnly,
 * SameSite=Strict cookie holding a random token, stored only as its sha256 in `web_sessions`.
 * Every write made with the cookie carries `X-CSRF-Token`, a value derived from the cookie's
 * token (so the database holds neither), and must not come from another origin.
 */

/** The session cookie's name. */
export const SESSION_COOKIE = 'lea_session';

/** How long a web session lasts unless SESSION_DAYS says otherwise. */
export const DEFAULT_SESSION_DAYS = 14;

/** The header a cookie write must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/** A member's last_active_at moves at most this often (one UPDATE per member per 5 minutes). */
export const ACTIVITY_MS = 5 * 60_000;

const DAY_MS = 86_400_000;

/** Methods that change nothing: no CSRF token needed. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const MESSAGES = {
  signedOut: 'server.signedOut',
  expired: 'server.sessionExpired',
  csrf: 'server.csrfFailed',
} as const;

/** The session a cookie request runs in (set by authenticate / requireSession). */
export interface SessionInfo {
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * The CSRF token of a session: sha256 of a label and the cookie's token, base64url. A page
 * can be given it (GET /api/web/session) without the cookie itself ever reaching script,
 * and a leaked database (which has only sha256 of the token) cannot produce it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update('lea-csrf\n').update(sessionToken).digest('base64url');
}

/** The session token of the request's cookie, or null (an empty or absurd value counts as none). */
export function sessionToken(c: Context): string | null {
  const value = getCookie(c, SESSION_COOKIE);
  if (!value || value.length > 200) return null;
  return value;
}

/** Whether the session cookie should be `Secure`: the store's PUBLIC_URL is https, or this request came over https. */
export function cookieIsSecure(c: Context<AppEnv>): boolean {
  const publicUrl = c.get('deps').publicUrl;
  if (publicUrl && publicUrl.toLowerCase().startsWith('https:')) return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** Start a session for a member: a row in web_sessions and the cookie on the answer. */
export async function startSession(c: Context<AppEnv>, memberId: string, now: Date): Promise<SessionInfo> {
  const { db, sessionDays } = c.get('deps');
  const token = createToken();
  const expiresAt = new Date(now.getTime() + sessionDays * DAY_MS);
  // Sessions that ended more than a lifetime ago go (ended ones are kept a while so they can say "session ended").
  await db.query('delete from web_sessions where member_id = $1 and expires_at < $2', [memberId, new Date(now.getTime() - sessionDays * DAY_MS).toISOString()]);
  await db.query('insert into web_sessions (token_hash, member_id, created_at, expires_at) values ($1, $2, $3, $4)', [
    hashSecret(token),
    memberId,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: cookieIsSecure(c),
    maxAge: sessionDays * 86_400,
  });
  const info = { tokenHash: hashSecret(token), csrfToken: csrfTokenFor(token), expiresAt };
  c.set('session', info);
  return info;
}

/** Tell the browser to drop the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: cookieIsSecure(c) });
}

/** The members row of a session token's hash (`$1`), with the session's end (a function: middleware.ts imports this module). */
export function memberBySessionSql(): string {
  return `select ${MEMBER_COLUMNS}, s.expires_at as session_expires_at
    from web_sessions s join members on members.id = s.member_id where s.token_hash = $1`;
}

/** A members row found through a session. */
export interface SessionMemberRow extends MemberRow {
  session_expires_at: Date | string;
}

/** The caller of a session row: unknown → 401 `unauthenticated`, ended → 401 `session-expired`, revoked → 401 `token-revoked`. */
export function toSessionMember(row: SessionMemberRow | undefined, now: Date) {
  if (!row) throw new ApiError(401, 'unauthenticated', MESSAGES.signedOut);
  if (row.revoked_at) return toMember(row);
  if (new Date(row.session_expires_at).getTime() <= now.getTime()) throw new ApiError(401, 'session-expired', MESSAGES.expired);
  return toMember(row);
}

/** The store's own origin as a browser names it: PUBLIC_URL's, else this request's host. */
function isOwnOrigin(c: Context<AppEnv>, origin: string): boolean {
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false;
  }
  const publicUrl = c.get('deps').publicUrl;
  if (publicUrl) return given.origin === new URL(publicUrl).origin;
  // Without PUBLIC_URL, a proxy in front may end TLS: compare the host only.
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  return given.host.toLowerCase() === host.toLowerCase();
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A cookie write must carry the session's CSRF token and, when the browser names an Origin,
 * come from the store's own: else 403 `csrf-failed`. Reads need neither.
 */
export function checkCsrf(c: Context<AppEnv>, csrfToken: string): void {
  if (!csrfPasses(c, csrfToken)) throw new ApiError(403, 'csrf-failed', MESSAGES.csrf);
}

/** Whether a cookie request passes the CSRF check (reads always do). */
export function csrfPasses(c: Context<AppEnv>, csrfToken: string): boolean {
  if (SAFE_METHODS.has(c.req.method)) return true;
  const origin = c.req.header('origin');
  const given = c.req.header(CSRF_HEADER);
  return !(origin !== undefined && !isOwnOrigin(c, origin)) && given !== undefined && sameText(given, csrfToken);
}

/**
 * Move the member's last_active_at to now when it is older than ACTIVITY_MS (or unset): one
 * UPDATE per member per 5 minutes, none on the requests in between (the auth query already
 * read the old value). A failure here never fails the request.
 */
export async function noteActivity(deps: Pick<StoreDeps, 'db' | 'logger'>, memberId: string, lastActiveAt: unknown, now: Date): Promise<void> {
  if (lastActiveAt !== null && lastActiveAt !== undefined && now.getTime() - new Date(lastActiveAt as string | Date).getTime() < ACTIVITY_MS) return;
  try {
    await deps.db.query('update members set last_active_at = $2 where id = $1 and (last_active_at is null or last_active_at < $3)', [
      memberId,
      now.toISOString(),
      new Date(now.getTime() - ACTIVITY_MS).toISOString(),
    ]);
  } catch (error) {
    deps.logger.error('store: could not note when a member was last active', errorLogFields(error));
  }
}

/**
 * Only the session cookie (not a bearer token): for the session routes themselves
 * (GET /api/web/session, sign-out). Sets `member` and `session`; writes need the CSRF token.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = sessionToken(c);
  if (!token) throw new ApiError(401, 'unauthenticated', MESSAGES.signedOut);
  await authenticateSession(c, token);
  await next();
};

/** Look the cookie's session up, check it and CSRF, note activity; sets `member` and `session`. */
export async function authenticateSession(c: Context<AppEnv>, token: string): Promise<void> {
  const deps = c.get('deps');
  const now = deps.clock();
  const tokenHash = hashSecret(token);
  const { rows } = await deps.db.query<SessionMemberRow>(memberBySessionSql(), [tokenHash]);
  const row = rows[0];
  const member = toSessionMember(row, now);
  const csrfToken = csrfTokenFor(token);
  checkCsrf(c, csrfToken);
  c.set('member', member);
  c.set('session', { tokenHash, csrfToken, expiresAt: new Date(row!.session_expires_at) });
  await noteActivity(deps, member.id, row!.last_active_at, now);
}
