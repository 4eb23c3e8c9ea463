import type { Context } from 'hono';
import { countHit, hitRateLimit, refuseIfSpent } from '../../auth/rate-limit';
import type { Role } from '../../auth/roles';
import { hashSecret, normaliseInviteCode } from '../../auth/secrets';
import type { AppEnv } from '../../context';
import type { Db } from '../../db/db';
import { ApiError } from '../../errors';

/**
 * What `POST /api/join` (the extension) and `POST /api/web/sign-in` (the web app) share:
 * the per-address join limit, the "code bucket" counting of wrong codes, and using up an
 * invite (single-use, expiry, withdrawn) race-safely.
 */

/**
 * Where a code's wrong tries are counted: the first 3 hex digits of its hash (4,096 buckets).
 * A guesser, from however many addresses, fills buckets and is then refused in them (even a
 * right guess), capping guesses store-wide; one person's typos hash to scattered buckets.
 */
function codeBucket(codeHash: string): string {
  return `join-code:${codeHash.slice(0, 3)}`;
}

/** Count one attempt to join or sign in against the caller's address (429 past the limit). Before reading the body. */
export async function limitJoinAttempts(c: Context<AppEnv>, now: Date): Promise<void> {
  const { db, limits, clientAddress } = c.get('deps');
  await hitRateLimit(db, `join:${clientAddress(c)}`, limits.join, now, 'attempts to join');
}

/** The hash of a typed code, refused with 429 when its bucket has had too many wrong codes. */
export async function openCodeAttempt(c: Context<AppEnv>, code: string, now: Date): Promise<string> {
  const { db, limits } = c.get('deps');
  const codeHash = hashSecret(normaliseInviteCode(code));
  await refuseIfSpent(db, codeBucket(codeHash), limits.joinFailures, now, 'wrong invite codes');
  return codeHash;
}

/** Count a wrong code in its bucket. */
export async function countWrongCode(c: Context<AppEnv>, codeHash: string, now: Date): Promise<void> {
  const { db, limits } = c.get('deps');
  await countHit(db, codeBucket(codeHash), limits.joinFailures, now);
}

/** An invite that has not been withdrawn. */
export interface InviteRow {
  group_id: string;
  role: Role;
  reusable: boolean;
  uses: number;
  expires_at: Date | string | null;
}

export const INVITE_USED = 'server.inviteUsed';
export const INVITE_EXPIRED = 'server.inviteExpired';
export const INVITE_INVALID = 'server.inviteInvalid';

/** The invite of a code's hash, unless there is none or it was withdrawn (both: not an invite). */
export async function findInvite(db: Db, codeHash: string): Promise<InviteRow | null> {
  const { rows } = await db.query<InviteRow>('select group_id, role, reusable, uses, expires_at from invites where code_hash = $1 and withdrawn_at is null', [codeHash]);
  return rows[0] ?? null;
}

/** Refuse an invite that has expired (403 `invite-expired`) or, single-use, has been used (403 `invite-used`). */
export function refuseUnusable(invite: InviteRow, now: Date): void {
  if (invite.expires_at !== null && new Date(invite.expires_at).getTime() <= now.getTime()) throw new ApiError(403, 'invite-expired', INVITE_EXPIRED);
  if (!invite.reusable && Number(invite.uses) > 0) throw new ApiError(403, 'invite-used', INVITE_USED);
}

/** A new member made from an invite. */
export interface NewMember {
  memberId: string;
  groupId: string;
  role: Role;
}

/**
 * Use the invite up and add the new member in ONE statement: the invite's use is counted
 * only while it is still usable (not withdrawn, not expired, reusable or unused), so of two
 * joins racing with a single-use code exactly one adds a member (the other waits for the
 * first's row lock, sees `uses = 1` and adds nothing). `tokenHash` is the new member's first
 * bearer token (the extension) or null (the web app signs in with a session instead).
 */
export async function joinWithInvite(
  db: Db,
  input: { codeHash: string; memberId: string; displayName: string; tokenHash: string | null; now: Date },
): Promise<NewMember> {
  const now = input.now.toISOString();
  const { rows } = await db.query<{ id: string; group_id: string; role: Role }>(
    `with inv as (
       update invites set uses = uses + 1
       where code_hash = $1 and withdrawn_at is null and (expires_at is null or expires_at > $5::timestamptz) and (reusable or uses = 0)
       returning group_id, role),
     m as (
       insert into members (id, group_id, role, display_name, token_hash, created_at)
       select $2, group_id, role, $3, $4, $5::timestamptz from inv
       returning id, group_id, role, token_hash, created_at),
     t as (insert into member_tokens (token_hash, member_id, created_at) select token_hash, id, created_at from m where token_hash is not null)
     select id, group_id, role from m`,
    [input.codeHash, input.memberId, input.displayName, input.tokenHash, now],
  );
  const made = rows[0];
  if (made) return { memberId: made.id, groupId: made.group_id, role: made.role };
  // Lost a race (another join used it up) or withdrawn meanwhile: say which.
  const invite = await findInvite(db, input.codeHash);
  if (invite) refuseUnusable(invite, input.now);
  throw new ApiError(403, 'invite-invalid', INVITE_INVALID);
}
