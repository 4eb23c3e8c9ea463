import type { Context } from 'hono';
import type { AppEnv } from '../context';
import { errorLogFields } from '../log';
import { encodeGroupChanged, type GroupChange } from './hub';

/**
 * Tell every open stream of the caller's group, in every store process, that its themes or
 * document links changed (they are not in the change feed), so extensions fetch them at once.
 * Called after the change committed; a failed NOTIFY is logged (no data) and the change stands:
 * clients still fetch both after every pull.
 */
export async function announceGroupChange(c: Context<AppEnv>, what: GroupChange): Promise<void> {
  const { db, channel } = c.get('deps');
  try {
    await db.query('select pg_notify($1, $2)', [channel, encodeGroupChanged(c.get('member').groupId, what)]);
  } catch (error) {
    console.error('store: could not announce a group change', errorLogFields(error));
  }
}
