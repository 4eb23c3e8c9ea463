import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { countHit, hitRateLimit, refuseIfSpent } from '../../auth/rate-limit';
import { createToken, hashSecret, normaliseInviteCode } from '../../auth/secrets';
import type { Role } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { readBody } from '../../validate';
import { JoinSchema } from './auth.schemas';

/**
 * Where a code's wrong tries are counted: the first 3 hex digits of its hash (4,096 buckets).
 * A guesser, from however many addresses, fills buckets and is then refused in them (even a
 * right guess), capping guesses store-wide; one person's typos hash to scattered buckets.
 */
function codeBucket(codeHash: string): string {
  return `join-code:${codeHash.slice(0, 3)}`;
}

const NAME_MISSING = 'The request body is not valid: "displayName" is missing. Please choose a name to show the group (only a code for linking another browser of yours needs none).';

/**
 * `POST /api/join`: exchange an invite code (with a display name) for a new member's bearer
 * token, or a link code (made by `POST /api/me/link-codes` in another browser) for a new
 * token of that same member. Rate-limited per client address and per code bucket of wrong
 * tries (in the database), whichever kind of code. A token is returned once and stored only
 * as its hash.
 */
export async function join(c: Context<AppEnv>) {
  const { db, clock, limits, clientAddress } = c.get('deps');
  const now = clock();
  await hitRateLimit(db, `join:${clientAddress(c)}`, limits.join, now, 'attempts to join');
  const body = await readBody(c, JoinSchema);
  const codeHash = hashSecret(normaliseInviteCode(body.code));
  await refuseIfSpent(db, codeBucket(codeHash), limits.joinFailures, now, 'wrong invite codes');
  const { rows } = await db.query<{ group_id: string; role: Role }>(
    'select group_id, role from invites where code_hash = $1 and withdrawn_at is null',
    [codeHash],
  );
  const invite = rows[0];
  if (!invite) return joinWithLinkCode(c, codeHash, now, body.displayName !== undefined);
  if (body.displayName === undefined) throw new ApiError(400, 'invalid-body', NAME_MISSING);
  const token = createToken();
  const memberId = randomUUID();
  await db.query(
    `with m as (
       insert into members (id, group_id, role, display_name, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)
       returning id, token_hash, created_at)
     insert into member_tokens (token_hash, member_id, created_at) select token_hash, id, created_at from m`,
    [memberId, invite.group_id, invite.role, body.displayName, hashSecret(token), now.toISOString()],
  );
  return c.json({ token, group: invite.group_id, role: invite.role, memberId }, 201);
}

/**
 * The code was no invite: a link code, used up here in one statement (so two browsers racing
 * with one code cannot both get a token), for a member who is still current. Anything else
 * counts as a wrong code.
 */
async function joinWithLinkCode(c: Context<AppEnv>, codeHash: string, now: Date, named: boolean) {
  const { db, limits } = c.get('deps');
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
    await countHit(db, codeBucket(codeHash), limits.joinFailures, now);
    const { rows: spent } = await db.query('select 1 from link_codes where code_hash = $1', [codeHash]);
    if (spent.length > 0) throw new ApiError(403, 'invite-invalid', 'That code for linking another browser has been used, has expired or is no longer valid (each works once, for 15 minutes). Make a new one in the browser you are signed in to.');
    // Neither kind of code, and no name: perhaps an invite that was mistyped, with the name forgotten too.
    if (!named) throw new ApiError(400, 'invalid-body', NAME_MISSING);
    throw new ApiError(403, 'invite-invalid', 'That invite code is not valid or has been withdrawn. Check it, or ask your facilitator for a new one.');
  }
  return c.json({ token, group: member.group_id, role: member.role, memberId: member.id }, 201);
}
