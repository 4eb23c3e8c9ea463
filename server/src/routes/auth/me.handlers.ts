import type { Context } from 'hono';
import { forgetMember } from '../../annotations/write-annotations';
import { encodeRevocation } from '../../changes/hub';
import { ApiError } from '../../errors';
import type { AppEnv } from '../../context';
import { errorLogFields } from '../../log';
import { readBody } from '../../validate';
import { ProfileSchema } from './auth.schemas';

interface ProfileRow {
  display_name: string | null;
  job_title: string | null;
  organisation: string | null;
}

function meBody(c: Context<AppEnv>, row: ProfileRow | undefined) {
  const m = c.get('member');
  return {
    memberId: m.id,
    displayName: row?.display_name ?? null,
    group: m.groupId,
    role: m.role,
    jobTitle: row?.job_title ?? null,
    organisation: row?.organisation ?? null,
  };
}

/** `GET /api/me`: who this token belongs to, with the profile shown on their answers. */
export async function getMe(c: Context<AppEnv>) {
  const { rows } = await c.get('deps').db.query<ProfileRow>('select display_name, job_title, organisation from members where id = $1', [c.get('member').id]);
  return c.json(meBody(c, rows[0]));
}

/**
 * `PATCH /api/me {"displayName"?, "jobTitle"?, "organisation"?}`: change the profile. Each
 * field given is trimmed; an empty string clears it; fields left out stay as they are.
 */
export async function patchMe(c: Context<AppEnv>) {
  const body = await readBody(c, ProfileSchema);
  const value = (field: string | undefined) => (field === undefined ? null : field === '' ? null : field);
  const { rows } = await c.get('deps').db.query<ProfileRow>(
    `update members set
       display_name = case when $2 then $3 else display_name end,
       job_title = case when $4 then $5 else job_title end,
       organisation = case when $6 then $7 else organisation end
     where id = $1 returning display_name, job_title, organisation`,
    [
      c.get('member').id,
      body.displayName !== undefined,
      value(body.displayName),
      body.jobTitle !== undefined,
      value(body.jobTitle),
      body.organisation !== undefined,
      value(body.organisation),
    ],
  );
  return c.json(meBody(c, rows[0]));
}

/**
 * What "forget me" removes besides annotations and the name: the member's reports, follows,
 * notice reads, link codes, sign-in links, web sessions and every token; the moderation record keeps their actions but
 * no longer says who. Run before `forgetMember`, whose closing WAL drop then covers these too.
 */
const FORGET_RECORDS = [
  'delete from reports where reporter_id = $1',
  'delete from follows where member_id = $1',
  'delete from notice_reads where member_id = $1',
  'delete from link_codes where member_id = $1',
  'delete from sign_in_links where member_id = $1',
  'delete from web_sessions where member_id = $1',
  'delete from member_tokens where member_id = $1',
  'update moderation_actions set by_member_id = null where by_member_id = $1',
];

/** The tables FORGET_RECORDS changes, rewritten so the removed text leaves the disk. */
const FORGET_TABLES = ['reports', 'follows', 'notice_reads', 'link_codes', 'sign_in_links', 'web_sessions', 'member_tokens', 'moderation_actions'];

/**
 * `DELETE /api/me` ("forget me"): revoke the member and drop every token, remove their
 * reports, follows, notice reads and link codes and their name from the moderation record,
 * then remove the name, tombstone each of the caller's annotations unlinkably and clear the
 * text from disk (annotations/write-annotations `forgetMember`). Other members' clients
 * delete the comments when they next pull.
 */
export async function forgetMe(c: Context<AppEnv>) {
  const { db, notifier, clock, hub, channel, logger } = c.get('deps');
  const member = c.get('member');
  // What happens to the comments they wrote without their name (see forgetMember): checked first, so a bad choice forgets nothing.
  const anonymous = c.req.query('anonymous') ?? 'remove';
  if (anonymous !== 'remove' && anonymous !== 'keep') throw new ApiError(400, 'invalid-body', 'server.forget.anonymousChoice');
  const now = clock();
  await db.transaction(async (tx) => {
    await tx.query('update members set revoked_at = coalesce(revoked_at, $2), token_hash = null where id = $1', [member.id, now.toISOString()]);
    for (const sql of FORGET_RECORDS) await tx.query(sql, [member.id]);
  });
  try {
    // One statement per call: VACUUM refuses to run inside a transaction block.
    for (const table of FORGET_TABLES) await db.exec(`vacuum full ${table}`);
  } catch (error) {
    // Removed everywhere a client can look; only old bytes on disk wait for the next purge. Code only: no data.
    logger.error('store: could not clear forgotten records from disk; the next "forget me" tries again', errorLogFields(error));
  }
  await forgetMember({ db, notifier, now }, member, { keepAnonymous: anonymous === 'keep' });
  // Their open streams end at once, here and (through NOTIFY) in every other store process.
  hub.closeMember(member.id);
  await db.query('select pg_notify($1, $2)', [channel, encodeRevocation(member.id)]);
  return c.body(null, 204);
}
