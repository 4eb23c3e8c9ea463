import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { WebSession } from '../../../../utils/webapp/session-types';
import { checkCsrf, clearSessionCookie, csrfTokenFor, MESSAGES, noteActivity, sessionToken, startSession, type SessionInfo } from '../../auth/session';
import { hashSecret } from '../../auth/secrets';
import type { Role } from '../../auth/roles';
import type { AppEnv } from '../../context';
import type { Db } from '../../db/db';
import { ApiError } from '../../errors';
import { readBody } from '../../validate';
import { SignInSchema } from '../auth/auth.schemas';
import { countWrongCode, findInvite, INVITE_INVALID, joinWithInvite, limitJoinAttempts, openCodeAttempt, refuseUnusable } from '../auth/redeem-code';

const NAME_NEEDED = 'server.nameNeeded';
const LINK_SPENT = 'server.signInLinkSpent';

/** The WebSession JSON of a member's session. */
async function webSessionOf(db: Db, memberId: string, session: SessionInfo): Promise<WebSession> {
  const { rows } = await db.query<{ id: string; display_name: string | null; role: Role; group_id: string; group_name: string }>(
    'select m.id, m.display_name, m.role, m.group_id, g.name as group_name from members m join groups g on g.id = m.group_id where m.id = $1',
    [memberId],
  );
  const m = rows[0]!;
  return {
    memberId: m.id,
    displayName: m.display_name,
    role: m.role,
    group: { id: m.group_id, name: m.group_name },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}

/**
 * Use up a one-time sign-in link's code (made by a facilitator) or a code for linking another
 * browser (made in the extension), in one statement: of two sign-ins racing with one code,
 * only one gets the member. Anything else counts as a wrong code and is 403 `invite-invalid`.
 */
async function useSignInCode(c: Context<AppEnv>, codeHash: string, now: Date): Promise<string> {
  const { db } = c.get('deps');
  const { rows } = await db.query<{ id: string }>(
    `with l as (update sign_in_links set used_at = $2 where code_hash = $1 and used_at is null and expires_at > $2 returning member_id),
       k as (update link_codes set used_at = $2 where code_hash = $1 and used_at is null and expires_at > $2 returning member_id)
     select id from members where id in (select member_id from l union all select member_id from k) and revoked_at is null`,
    [codeHash, now.toISOString()],
  );
  if (rows[0]) return rows[0].id;
  await countWrongCode(c, codeHash, now);
  const { rows: spent } = await db.query('select 1 from sign_in_links where code_hash = $1 union all select 1 from link_codes where code_hash = $1', [codeHash]);
  throw new ApiError(403, 'invite-invalid', spent.length > 0 ? LINK_SPENT : INVITE_INVALID);
}

/**
 * `POST /api/web/sign-in {"code", "name"?}`: start a web session. An invite code makes a new
 * member (it needs the name: else 400 `name-needed`; single-use, expiry and withdrawal as for
 * `POST /api/join`); a one-time sign-in link's code or a code for linking another browser
 * signs that existing member in. The join limits apply (per address, and wrong codes per
 * code bucket). Answers the WebSession and sets the cookie.
 */
export async function signIn(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const now = clock();
  await limitJoinAttempts(c, now);
  const body = await readBody(c, SignInSchema);
  const codeHash = await openCodeAttempt(c, body.code, now);
  const invite = await findInvite(db, codeHash);
  let memberId: string;
  if (invite) {
    refuseUnusable(invite, now);
    if (body.name === undefined) throw new ApiError(400, 'name-needed', NAME_NEEDED);
    memberId = (await joinWithInvite(db, { codeHash, memberId: randomUUID(), displayName: body.name, tokenHash: null, now })).memberId;
  } else {
    memberId = await useSignInCode(c, codeHash, now);
  }
  const session = await startSession(c, memberId, now);
  await noteActivity(c.get('deps'), memberId, null, now);
  return c.json(await webSessionOf(db, memberId, session));
}

/** `GET /api/web/session`: the cookie's session (requireSession has checked it). */
export async function getSession(c: Context<AppEnv>) {
  return c.json(await webSessionOf(c.get('deps').db, c.get('member').id, c.get('session')));
}

/**
 * `POST /api/web/sign-out` (CSRF): end this browser's session and drop the cookie. A session
 * that has already ended can still be signed out of (the page may not know it ended).
 */
export async function signOut(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const token = sessionToken(c);
  if (!token) throw new ApiError(401, 'unauthenticated', MESSAGES.signedOut);
  const tokenHash = hashSecret(token);
  const { rows } = await db.query('select 1 from web_sessions where token_hash = $1', [tokenHash]);
  if (rows.length === 0) throw new ApiError(401, 'unauthenticated', MESSAGES.signedOut);
  checkCsrf(c, csrfTokenFor(token));
  await db.query('delete from web_sessions where token_hash = $1', [tokenHash]);
  clearSessionCookie(c);
  return c.body(null, 204);
}

/** `POST /api/web/sign-out-everywhere` (CSRF): end every web session of this member (the extension's tokens stay). */
export async function signOutEverywhere(c: Context<AppEnv>) {
  await c.get('deps').db.query('delete from web_sessions where member_id = $1', [c.get('member').id]);
  clearSessionCookie(c);
  return c.body(null, 204);
}
