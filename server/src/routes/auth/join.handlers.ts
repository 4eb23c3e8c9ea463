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

/**
 * `POST /api/join`: exchange an invite code for a bearer token. Rate-limited per client
 * address and per code bucket of wrong tries (in the database). The token is returned once
 * and stored only as its hash.
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
  if (!invite) await countHit(db, codeBucket(codeHash), limits.joinFailures, now);
  if (!invite) throw new ApiError(403, 'invite-invalid', 'That invite code is not valid or has been withdrawn. Check it, or ask your facilitator for a new one.');
  const token = createToken();
  const memberId = randomUUID();
  await db.query(
    'insert into members (id, group_id, role, display_name, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)',
    [memberId, invite.group_id, invite.role, body.displayName, hashSecret(token), now.toISOString()],
  );
  return c.json({ token, group: invite.group_id, role: invite.role, memberId }, 201);
}
