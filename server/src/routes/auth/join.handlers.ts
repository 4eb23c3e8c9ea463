import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { createToken, hashSecret } from '../../auth/secrets';
import type { Role } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { readBody } from '../../validate';
import { JoinSchema } from './auth.schemas';
import { countWrongCode, findInvite, INVITE_INVALID, joinWithInvite, limitJoinAttempts, openCodeAttempt, refuseUnusable } from './redeem-code';

const NAME_MISSING = 'server.nameMissing';

/**
 * `POST /api/join`: exchange an invite code (with a display name) for a new member's bearer
 * token, or a link code (made by `POST /api/me/link-codes` in another browser) for a new
 * token of that same member. A used single-use invite is 403 `invite-used`, an expired one
 * 403 `invite-expired` (redeem-code.ts, shared with the web app's sign-in). Rate-limited per
 * client address and per code bucket of wrong tries (in the database), whichever kind of
 * code. A token is returned once and stored only as its hash.
 */
export async function join(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const now = clock();
  await limitJoinAttempts(c, now);
  const body = await readBody(c, JoinSchema);
  const codeHash = await openCodeAttempt(c, body.code, now);
  const invite = await findInvite(db, codeHash);
  if (!invite) return joinWithLinkCode(c, codeHash, now, body.displayName !== undefined);
  refuseUnusable(invite, now);
  if (body.displayName === undefined) throw new ApiError(400, 'invalid-body', NAME_MISSING);
  const token = createToken();
  const made = await joinWithInvite(db, { codeHash, memberId: randomUUID(), displayName: body.displayName, tokenHash: hashSecret(token), now });
  return c.json({ token, group: made.groupId, role: made.role, memberId: made.memberId }, 201);
}

/**
 * The code was no invite: a link code, used up here in one statement (so two browsers racing
 * with one code cannot both get a token), for a member who is still current. Anything else
 * counts as a wrong code.
 */
async function joinWithLinkCode(c: Context<AppEnv>, codeHash: string, now: Date, named: boolean) {
  const { db } = c.get('deps');
  const token = createToken();
  const { rows } = await db.query<{ id: string; group_id: string; role: Role }>(
    `with used as (
       update link_codes set used_at = $2 where code_hash = $1 and used_at is null and expires_at > $2
       returning member_id),
     m as (select id, group_id, role from members where id = (select member_id from used) and revoked_at is null),
     t as (insert into member_tokens (token_hash, member_id, created_at) select $3, id, $2 from m returning member_id)
     select m.id, m.group_id, m.role from m join t on t.member_id = m.id`,
    [codeHash, now.toISOString(), hashSecret(token)],
  );
  const member = rows[0];
  if (!member) {
    await countWrongCode(c, codeHash, now);
    const { rows: spent } = await db.query('select 1 from link_codes where code_hash = $1', [codeHash]);
    if (spent.length > 0) throw new ApiError(403, 'invite-invalid', 'server.linkCodeSpent');
    // Neither kind of code, and no name: perhaps an invite that was mistyped, with the name forgotten too.
    if (!named) throw new ApiError(400, 'invalid-body', NAME_MISSING);
    throw new ApiError(403, 'invite-invalid', INVITE_INVALID);
  }
  return c.json({ token, group: member.group_id, role: member.role, memberId: member.id }, 201);
}
