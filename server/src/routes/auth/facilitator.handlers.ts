import type { Context } from 'hono';
import { createInviteCode, createToken, hashSecret, normaliseInviteCode } from '../../auth/secrets';
import { encodeRevocation } from '../../changes/hub';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { readBody } from '../../validate';
import { InviteSchema, MemberPatchSchema } from './auth.schemas';

const DAY_MS = 86_400_000;

/** How long a one-time sign-in link works. */
export const SIGN_IN_LINK_HOURS = 24;

/**
 * `POST /api/groups/{group}/invites {"role", "reusable"?, "expiresInDays"?}`: a new invite
 * code for a role. Left out, `reusable` is true (as before: old clients and the CLI keep
 * making invites any number of people can use) and the invite never expires.
 */
export async function createInvite(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const { role, reusable = true, expiresInDays } = await readBody(c, InviteSchema);
  const now = clock();
  const expiresAt = expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * DAY_MS);
  const code = createInviteCode();
  const { rows } = await db.query<{ invite_id: string }>(
    'insert into invites (code_hash, group_id, role, created_at, reusable, expires_at) values ($1, $2, $3, $4, $5, $6) returning invite_id',
    [hashSecret(code), c.get('member').groupId, role, now.toISOString(), reusable, expiresAt?.toISOString() ?? null],
  );
  return c.json({ code, inviteId: rows[0]!.invite_id, role, reusable, expiresAt: expiresAt?.toISOString() ?? null }, 201);
}

/**
 * `GET /api/groups/{group}/invites`: the group's invites, newest first, with whether each can
 * still be used. Never the code (only its hash is kept).
 */
export async function listInvites(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const now = clock().getTime();
  const { rows } = await db.query<{ invite_id: string; role: string; reusable: boolean; uses: number; created_at: Date | string; expires_at: Date | string | null; withdrawn_at: unknown }>(
    'select invite_id, role, reusable, uses, created_at, expires_at, withdrawn_at from invites where group_id = $1 order by created_at desc, invite_id',
    [c.get('member').groupId],
  );
  return c.json({
    invites: rows.map((r) => {
      const expired = r.expires_at !== null && new Date(r.expires_at).getTime() <= now;
      const withdrawn = r.withdrawn_at !== null;
      const uses = Number(r.uses);
      return {
        inviteId: r.invite_id,
        role: r.role,
        reusable: r.reusable,
        uses,
        createdAt: new Date(r.created_at).toISOString(),
        expiresAt: r.expires_at === null ? null : new Date(r.expires_at).toISOString(),
        withdrawn,
        usable: !withdrawn && !expired && (r.reusable || uses === 0),
      };
    }),
  });
}

/** `DELETE /api/groups/{group}/invites/{codeOrInviteId}`: withdraw an invite, named by its code or its id (people who joined stay). */
export async function withdrawInvite(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const given = c.req.param('code') ?? '';
  const { rowCount } = await db.query(
    'update invites set withdrawn_at = coalesce(withdrawn_at, $3) where (code_hash = $1 or invite_id = $4) and group_id = $2',
    [hashSecret(normaliseInviteCode(given)), c.get('member').groupId, clock().toISOString(), given],
  );
  if (rowCount === 0) throw new ApiError(404, 'not-found', 'server.noSuchInvite');
  return c.body(null, 204);
}

interface MemberListRow {
  id: string;
  display_name: string | null;
  role: string;
  created_at: Date | string;
  revoked_at: unknown;
  last_active_at: Date | string | null;
}

const MEMBER_LIST_COLUMNS = 'id, display_name, role, created_at, revoked_at, last_active_at';

function memberJson(r: MemberListRow) {
  return {
    memberId: r.id,
    displayName: r.display_name,
    role: r.role,
    joinedAt: new Date(r.created_at).toISOString(),
    revoked: r.revoked_at !== null,
    lastActiveAt: r.last_active_at === null ? null : new Date(r.last_active_at).toISOString(),
  };
}

/** `GET /api/groups/{group}/members`: everyone who joined (forgotten members are left out), with when each was last active. */
export async function listMembers(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const { rows } = await db.query<MemberListRow>(
    `select ${MEMBER_LIST_COLUMNS} from members where group_id = $1 and forgotten_at is null order by created_at, id`,
    [c.get('member').groupId],
  );
  return c.json({ members: rows.map(memberJson) });
}

const LAST_FACILITATOR = 'server.lastFacilitatorOwnRole';

/**
 * `PATCH /api/groups/{group}/members/{memberId} {"role"}`: change a member's role. It takes
 * effect at their next request (every request reads the role); the extension says so at its
 * next sync. The group always keeps a facilitator: the current facilitators are locked while
 * counting, so two facilitators demoting each other at once cannot both succeed (409).
 */
export async function patchMember(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const { role } = await readBody(c, MemberPatchSchema);
  const memberId = c.req.param('memberId') ?? '';
  const groupId = c.get('member').groupId;
  const row = await db.transaction(async (tx) => {
    const { rows: target } = await tx.query<{ role: string; revoked_at: unknown }>(
      'select role, revoked_at from members where id = $1 and group_id = $2 and forgotten_at is null',
      [memberId, groupId],
    );
    if (!target[0]) throw new ApiError(404, 'not-found', 'server.noSuchMember');
    if (target[0].revoked_at !== null) throw new ApiError(409, 'conflict', 'server.removedRoleFixed');
    if (target[0].role === 'facilitator' && role !== 'facilitator') {
      const { rows: facilitators } = await tx.query<{ id: string }>(
        `select id from members where group_id = $1 and role = 'facilitator' and revoked_at is null order by id for update`,
        [groupId],
      );
      if (facilitators.length <= 1) {
        throw new ApiError(409, 'conflict', memberId === c.get('member').id ? LAST_FACILITATOR : 'server.lastFacilitatorRole');
      }
    }
    const { rows } = await tx.query<MemberListRow>(`update members set role = $3 where id = $1 and group_id = $2 returning ${MEMBER_LIST_COLUMNS}`, [memberId, groupId, role]);
    return rows[0]!;
  });
  return c.json(memberJson(row));
}

/**
 * `DELETE /api/groups/{group}/members/{memberId}`: revoke a member's tokens and end their web
 * sessions and sign-in links. Their open streams end at once: here directly, in other store
 * processes through a NOTIFY.
 */
export async function revokeMember(c: Context<AppEnv>) {
  const { db, clock, hub, channel } = c.get('deps');
  const memberId = c.req.param('memberId') ?? '';
  const groupId = c.get('member').groupId;
  const rows = await db.transaction(async (tx) => {
    // The group always keeps a facilitator (as for a role change): facilitators locked while counting.
    const { rows: facilitators } = await tx.query<{ id: string }>(
      `select id from members where group_id = $1 and role = 'facilitator' and revoked_at is null order by id for update`,
      [groupId],
    );
    if (facilitators.length === 1 && facilitators[0]!.id === memberId) {
      throw new ApiError(
        409,
        'conflict',
        memberId === c.get('member').id
          ? 'server.lastFacilitatorSelfRemove'
          : 'server.lastFacilitatorRemove',
      );
    }
    const { rows: revoked } = await tx.query<{ id: string }>(
      // Their web sessions are kept (until they end) so the web app can tell them plainly that
      // their invite was withdrawn (401 token-revoked): every request checks revoked_at.
      `with m as (update members set revoked_at = coalesce(revoked_at, $3) where id = $1 and group_id = $2 returning id),
         l as (delete from sign_in_links where member_id in (select id from m))
       select id from m`,
      [memberId, groupId, clock().toISOString()],
    );
    return revoked;
  });
  if (rows.length === 0) throw new ApiError(404, 'not-found', 'server.noSuchMember');
  hub.closeMember(memberId);
  await db.query('select pg_notify($1, $2)', [channel, encodeRevocation(memberId)]);
  return c.body(null, 204);
}

/** Where the web app is: PUBLIC_URL when set, else the address this request came to. */
function webAppBase(c: Context<AppEnv>): string {
  return (c.get('deps').publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

/**
 * `POST /api/groups/{group}/members/{memberId}/sign-in-links`: a link that signs that member
 * in to the web app once, within SIGN_IN_LINK_HOURS (`<web app>/sign-in#link=<code>`; the
 * fragment never reaches a server log). Stored hashed; the member's used and ended links go.
 */
export async function createSignInLink(c: Context<AppEnv>) {
  const { db, clock } = c.get('deps');
  const memberId = c.req.param('memberId') ?? '';
  const now = clock();
  const { rows } = await db.query<{ revoked_at: unknown }>('select revoked_at from members where id = $1 and group_id = $2 and forgotten_at is null', [
    memberId,
    c.get('member').groupId,
  ]);
  if (!rows[0]) throw new ApiError(404, 'not-found', 'server.noSuchMember');
  if (rows[0].revoked_at !== null) throw new ApiError(409, 'conflict', 'server.removedNoSignInLink');
  // 64 hex characters: unchanged by the code normalising of sign-in (case, dashes).
  const code = Buffer.from(createToken(), 'base64url').toString('hex');
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_HOURS * 3_600_000);
  await db.query('delete from sign_in_links where member_id = $1 and (used_at is not null or expires_at <= $2)', [memberId, now.toISOString()]);
  await db.query('insert into sign_in_links (code_hash, member_id, created_at, expires_at) values ($1, $2, $3, $4)', [
    hashSecret(code),
    memberId,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
  return c.json({ url: `${webAppBase(c)}/sign-in#link=${code}`, expiresAt: expiresAt.toISOString() }, 201);
}
