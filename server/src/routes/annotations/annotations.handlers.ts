import type { Context } from 'hono';
import * as v from 'valibot';
import { checkAnnotation } from '../../annotations/check-annotation';
import { requireRoleForMotivation } from '../../annotations/conversation-rules';
import { getAnnotation } from '../../annotations/read-annotations';
import { urnFor } from '../../annotations/rows';
import { deleteAnnotation, putAnnotation, setHidden } from '../../annotations/write-annotations';
import type { AppEnv } from '../../context';
import { readBody, readJson, uuidParam } from '../../validate';
import { targetContext } from '../w3c/w3c-format';

function writeContext(c: Context<AppEnv>) {
  const { db, notifier, clock } = c.get('deps');
  return { db, notifier, now: clock() };
}

/** `PUT /api/groups/{group}/annotations/{uuid}`: create or update, idempotently. */
export async function putOne(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  const input = await readJson(c);
  requireRoleForMotivation(c.get('member'), input);
  const checked = checkAnnotation(input, urnFor(uuid), targetContext(c, c.get('member').groupId));
  const result = await putAnnotation(writeContext(c), c.get('member'), uuid, checked, {
    ifMatch: c.req.header('if-match'),
    ifNoneMatch: c.req.header('if-none-match'),
  });
  c.header('ETag', `"${result.revision}"`);
  return c.json({ annotation: result.annotation, revision: result.revision, cursor: result.cursor }, result.status);
}

/** `GET /api/groups/{group}/annotations/{uuid}`. */
export async function getOne(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  const { annotation, revision } = await getAnnotation(c.get('deps').db, c.get('member'), uuid);
  c.header('ETag', `"${revision}"`);
  return c.json({ annotation, revision });
}

/** `DELETE /api/groups/{group}/annotations/{uuid}`: tombstone; repeating is harmless. */
export async function deleteOne(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  await deleteAnnotation(writeContext(c), c.get('member'), uuid, { ifMatch: c.req.header('if-match') });
  return c.body(null, 204);
}

const HideSchema = v.strictObject({
  reason: v.pipe(v.string('validation.reason.text'), v.trim(), v.minLength(1, 'validation.reason.hide'), v.maxLength(500, 'validation.reason.tooLong')),
});

/** `POST .../annotations/{uuid}/hide` `{"reason"}`: moderation. */
export async function hideOne(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  const { reason } = await readBody(c, HideSchema);
  return c.json(await setHidden(writeContext(c), c.get('member'), uuid, reason));
}

/** `DELETE .../annotations/{uuid}/hide`: show a hidden comment again. */
export async function unhideOne(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  return c.json(await setHidden(writeContext(c), c.get('member'), uuid, null));
}
