import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { hitRateLimit } from '../../auth/rate-limit';
import { createToken, hashSecret, normaliseInviteCode } from '../../auth/secrets';
import type { Role } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { readBody } from '../../validate';
import { JoinSchema } from './auth.schemas';

/**
 * `POST /api/join`: exchange an invite code for a bearer token. Rate-limited per client
 * address (in the database). The token is returned once and stored only as its hash.
 */
export async function join(c: Context<AppEnv>) {
  const { db, clock, limits, clientAddress } = c.get('deps');
  const now = clock();
  await hitRateLimit(db, `join:${clientAddress(c)}`, limits.join, now, 'attempts to join');
  const body = await readBody(c, JoinSchema);
  const { rows } = await db.query<{ group_id: string; role: Role }>(
    'select group_id, role from invites where code_hash = $1 and withdrawn_at is null',
    [hashSecret(normaliseInviteCode(body.code))],
  );
  const invite = rows[0];
  if (!invite) throw new ApiError(403, 'invite-invalid', 'That invite code is not valid or has been withdrawn. Check it, or ask your facilitator for a new one.');
  const token = createToken();
  const memberId = randomUUID();
  await db.query(
    'insert into members (id, group_id, role, display_name, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)',
    [memberId, invite.group_id, invite.role, body.displayName, hashSecret(token), now.toISOString()],
  );
  return c.json({ token, group: invite.group_id, role: invite.role, memberId }, 201);
}
