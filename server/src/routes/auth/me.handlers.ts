import type { Context } from 'hono';
import { forgetMember } from '../../annotations/write-annotations';
import { encodeRevocation } from '../../changes/hub';
import type { AppEnv } from '../../context';

/** `GET /api/me`: who this token belongs to. */
export function getMe(c: Context<AppEnv>) {
  const m = c.get('member');
  return c.json({ memberId: m.id, displayName: m.displayName, group: m.groupId, role: m.role });
}

/**
 * `DELETE /api/me` ("forget me"): revoke the token, remove the name, tombstone each of the
 * caller's annotations unlinkably and clear the text from disk (annotations/write-annotations
 * `forgetMember`). Other members' clients delete the comments when they next pull.
 */
export async function forgetMe(c: Context<AppEnv>) {
  const { db, notifier, clock, hub, channel } = c.get('deps');
  const member = c.get('member');
  await forgetMember({ db, notifier, now: clock() }, member);
  // Their open streams end at once, here and (through NOTIFY) in every other store process.
  hub.closeMember(member.id);
  await db.query('select pg_notify($1, $2)', [channel, encodeRevocation(member.id)]);
  return c.body(null, 204);
}
