import { timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { bearerToken } from '../../auth/middleware';
import { createGroupId, createInviteCode, hashSecret } from '../../auth/secrets';
import { ROLES } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { readBody } from '../../validate';

const GroupSchema = v.strictObject({
  name: v.pipe(v.string('validation.groupName.text'), v.trim(), v.minLength(1, 'validation.groupName.empty'), v.maxLength(120, 'validation.groupName.tooLong')),
});

/** Only the store's admin token (DATA_DIR/admin-token or ADMIN_TOKEN) passes. */
const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = bearerToken(c.req.header('authorization'));
  if (!given) throw new ApiError(401, 'unauthenticated', 'server.adminTokenMissing');
  const a = Buffer.from(hashSecret(given));
  const b = Buffer.from(hashSecret(c.get('deps').adminToken));
  if (!timingSafeEqual(a, b)) throw new ApiError(403, 'forbidden', 'server.adminTokenWrong');
  await next();
};

/** `POST /api/admin/groups`: a new group and one invite code per role. */
export function adminRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requireAdmin);
  app.post('/groups', async (c) => {
    const { db, clock } = c.get('deps');
    const { name } = await readBody(c, GroupSchema);
    const group = createGroupId();
    const now = clock().toISOString();
    const invites = Object.fromEntries(ROLES.map((role) => [role, createInviteCode()])) as Record<(typeof ROLES)[number], string>;
    await db.transaction(async (tx) => {
      await tx.query('insert into groups (id, name, created_at) values ($1, $2, $3)', [group, name, now]);
      for (const role of ROLES) {
        await tx.query('insert into invites (code_hash, group_id, role, created_at) values ($1, $2, $3, $4)', [hashSecret(invites[role]), group, role, now]);
      }
    });
    return c.json({ group, invites: { facilitator: invites.facilitator, member: invites.member, reader: invites.reader } }, 201);
  });
  return app;
}
