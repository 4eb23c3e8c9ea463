import type { MiddlewareHandler } from 'hono';
import { checkAnnotation, type CheckedAnnotation } from '../../annotations/check-annotation';
import { batcherFor } from '../../annotations/create-batch';
import { rowCursorText, urnFor } from '../../annotations/rows';
import { isConversation } from '../../annotations/conversation-rules';
import { noteFor, parseEtag } from '../../annotations/write-annotations';
import { bearerToken, toMember } from '../../auth/middleware';
import { cursorCodecFor } from '../../changes/cursor';
import { windowStart } from '../../auth/rate-limit';
import { hashSecret } from '../../auth/secrets';
import { noteActivity } from '../../auth/session';
import type { AppEnv } from '../../context';
import { readJson, uuidParam } from '../../validate';
import { targetContext } from '../w3c/w3c-format';

/**
 * Fast path for `PUT .../annotations/{uuid}` with `If-None-Match: *` (a new comment): one
 * statement, shared with the other new comments arriving at the same moment (group commit,
 * `annotations/create-batch.ts`), answered only once committed. Anything it cannot settle
 * (a bad body, a refusal, an id that exists, a reply, answer or support) falls through to the usual chain, which answers
 * exactly as before; the caller is then already authenticated and counted, so nothing is
 * counted twice.
 */
export const createInOneRoundTrip: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header('authorization'));
  if (!token || parseEtag(c.req.header('if-none-match')) !== '*' || c.req.header('if-match') !== undefined) return next();
  let uuid: string;
  let checked: CheckedAnnotation;
  try {
    uuid = uuidParam(c.req.param('uuid'));
    checked = checkAnnotation(await readJson(c), urnFor(uuid), targetContext(c, c.req.param('group') ?? ''));
  } catch {
    return next();
  }
  // Replies, answers and supports have rules on their target: the usual chain checks them.
  if (isConversation(checked.kind)) return next();
  const { db, limits, clock, notifier } = c.get('deps');
  const now = clock();
  const window = windowStart(limits.write, now);
  const out = await batcherFor(db).create({
    tokenHash: hashSecret(token),
    windowStart: window.toISOString(),
    maxHits: limits.write.max,
    group: c.req.param('group') ?? '',
    uuid,
    annotation: checked.annotation,
    visibility: checked.visibility,
    kind: checked.kind,
    now: now.toISOString(),
  });
  if (out.member && !out.member.revoked_at) {
    c.set('member', toMember(out.member));
    c.set('writeHits', out.hits);
    c.set('writeAt', now);
    // Read with the member in the same statement: an UPDATE only once per 5 minutes.
    await noteActivity(c.get('deps'), out.member.id, out.member.last_active_at, now);
  }
  if (!out.stamp) return next();
  if (out.hits === 1) await db.query('delete from rate_limits where bucket = $1 and window_start < $2', [`write:${out.member!.id}`, window.toISOString()]);
  notifier.changed([noteFor(out.stamp)]);
  c.header('ETag', '"1"');
  return c.json({ annotation: checked.annotation, revision: '1', cursor: rowCursorText(await cursorCodecFor(db), out.stamp) }, 201);
};
