import type { Context } from 'hono';
import { createLinkCode, hashSecret, LINK_CODE_MINUTES } from '../../auth/secrets';
import type { AppEnv } from '../../context';

/**
 * `POST /api/me/link-codes`: a one-time code that gives another browser (the web app, a
 * second computer) a token of this same member through `POST /api/join {"code"}`. Stored
 * hashed; works once, for LINK_CODE_MINUTES. The member's used and expired codes go.
 */
export async function createLinkCodeFor(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const now = clock();
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  const code = createLinkCode();
  await db.query('delete from link_codes where member_id = $1 and (used_at is not null or expires_at <= $2)', [member.id, now.toISOString()]);
  await db.query('insert into link_codes (code_hash, member_id, created_at, expires_at) values ($1, $2, $3, $4)', [
    hashSecret(code),
    member.id,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
  return c.json({ code, expiresAt: expiresAt.toISOString() }, 201);
}
