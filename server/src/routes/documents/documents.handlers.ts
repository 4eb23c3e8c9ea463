import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { announceGroupChange } from '../../changes/group-events';
import type { AppEnv } from '../../context';
import { ApiError, msg } from '../../errors';
import { readBody, uuidParam } from '../../validate';
import type { Db } from '../../db/db';
import type { DocumentLink } from '../../../../utils/document/versions';
import { DocumentLinkSchema, MAX_GROUP_LINKS } from './documents.schemas';

interface LinkRow {
  id: string;
  earlier: string;
  later: string;
  earlier_label: string | null;
  later_label: string | null;
  created_at: Date | string;
}

const COLUMNS = 'id, earlier, later, earlier_label, later_label, created_at';

function linkBody(r: LinkRow) {
  return { id: r.id, earlier: r.earlier, later: r.later, earlierLabel: r.earlier_label, laterLabel: r.later_label, created: new Date(r.created_at).toISOString() };
}

async function linkRows(db: Db, groupId: string): Promise<LinkRow[]> {
  const { rows } = await db.query<LinkRow>(`select ${COLUMNS} from document_links where group_id = $1 order by created_at, id limit $2`, [groupId, MAX_GROUP_LINKS]);
  return rows;
}

/** The group's links as the digest needs them (utils/document/versions.ts DocumentLink). */
export async function readDocumentLinks(db: Db, groupId: string): Promise<DocumentLink[]> {
  return (await linkRows(db, groupId)).map((r) => ({ earlier: r.earlier, later: r.later, earlierLabel: r.earlier_label, laterLabel: r.later_label }));
}

/** `GET /api/groups/{group}/document-links` (every role): the group's links, oldest first. */
export async function listDocumentLinks(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  return c.json({ links: (await linkRows(db, c.get('member').groupId)).map(linkBody) });
}

/**
 * `POST /api/groups/{group}/document-links {"earlier", "later", "earlierLabel"?, "laterLabel"?}`
 * (facilitators): `later` is a later version of `earlier`. 201 with the new link; the same
 * pair again → 200 with that link, its labels replaced by any given. The pair turned round,
 * one document twice, or a full group → 409 / 400.
 */
export async function createDocumentLink(c: Context<AppEnv>) {
  const body = await readBody(c, DocumentLinkSchema);
  if (body.earlier === body.later) {
    throw new ApiError(400, 'invalid-body', 'server.sameDocument');
  }
  const { db, clock } = c.get('deps');
  const group = c.get('member').groupId;
  const { rows: existing } = await db.query<LinkRow & { reversed: boolean }>(
    `select ${COLUMNS}, earlier = $3 as reversed from document_links where group_id = $1 and ((earlier = $2 and later = $3) or (earlier = $3 and later = $2))`,
    [group, body.earlier, body.later],
  );
  if (existing.some((r) => r.reversed)) {
    throw new ApiError(409, 'conflict', 'server.linkedOtherWay');
  }
  if (existing[0]) {
    const { rows } = await db.query<LinkRow>(
      `update document_links set earlier_label = coalesce($2, earlier_label), later_label = coalesce($3, later_label) where id = $1 returning ${COLUMNS}`,
      [existing[0].id, body.earlierLabel ?? null, body.laterLabel ?? null],
    );
    if (rows[0]) {
      await announceGroupChange(c, 'links');
      return c.json({ link: linkBody(rows[0]) }, 200);
    }
  }
  const { rows } = await db.query<LinkRow & { full: boolean }>(
    `with counted as (select count(*) as n from document_links where group_id = $2)
     insert into document_links (id, group_id, earlier, later, earlier_label, later_label, created_at)
     select $1, $2, $3, $4, $5, $6, $7 where (select n from counted) < $8
     on conflict (group_id, earlier, later) do nothing
     returning ${COLUMNS}`,
    [randomUUID(), group, body.earlier, body.later, body.earlierLabel ?? null, body.laterLabel ?? null, clock().toISOString(), MAX_GROUP_LINKS],
  );
  if (rows[0]) {
    await announceGroupChange(c, 'links');
    return c.json({ link: linkBody(rows[0]) }, 201);
  }
  const { rows: raced } = await db.query<LinkRow>(`select ${COLUMNS} from document_links where group_id = $1 and earlier = $2 and later = $3`, [group, body.earlier, body.later]);
  if (raced[0]) return c.json({ link: linkBody(raced[0]) }, 200);
  throw new ApiError(409, 'conflict', msg('server.maxLinks', { max: MAX_GROUP_LINKS }));
}

/** `DELETE /api/groups/{group}/document-links/{id}` (facilitators) → 204; repeating, or an id the group never had, → 204. */
export async function deleteDocumentLink(c: Context<AppEnv>) {
  const id = uuidParam(c.req.param('id'), 'link');
  const { db } = c.get('deps');
  const { rows } = await db.query('delete from document_links where group_id = $1 and id = $2 returning id', [c.get('member').groupId, id]);
  if (rows.length > 0) await announceGroupChange(c, 'links');
  return c.body(null, 204);
}
