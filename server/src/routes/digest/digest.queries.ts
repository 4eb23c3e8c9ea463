import { redactAnnotation } from '../../annotations/check-annotation';
import { ROW_COLUMNS, type AnnotationRow } from '../../annotations/rows';
import type { Member } from '../../auth/roles';
import type { Db } from '../../db/db';
import type { StoredDigestEntry } from '../../digest-worker/render-job';

/** Rows read per query while collecting a digest (keyset paging on row_id). */
const PAGE = 1000;

/**
 * The group's shared comments for a digest: live, "My group" visibility only (a group digest
 * never holds "only me" comments, not even the caller's own), hidden ones included but
 * marked so the digest counts them and shows nothing of them, anonymous ones redacted.
 * Annotations from other W3C tools (not extension comments) are left out by the renderer,
 * which checks each against utils/model off the event loop (render-job.ts).
 */
export async function readDigestEntries(db: Db, member: Member, document: string | undefined): Promise<StoredDigestEntry[]> {
  const entries: StoredDigestEntry[] = [];
  let after = '0';
  for (;;) {
    const { rows } = await db.query<AnnotationRow & { row_id: string }>(
      `select ${ROW_COLUMNS}, row_id::text as row_id from annotations
       where group_id = $1 and not deleted and annotation is not null and visibility = 'group'
         and ($2::text is null or annotation->'target'->>'source' = $2::text or annotation->'target'->>'scope' = $2::text)
         and row_id > $3::bigint
       order by annotations.row_id limit $4`,
      [member.groupId, document ?? null, after, PAGE],
    );
    for (const row of rows) {
      entries.push({ annotation: redactAnnotation(row.annotation!), ...(row.hidden_reason !== null ? { hidden: { reason: row.hidden_reason } } : {}) });
    }
    if (rows.length < PAGE) return entries;
    after = rows.at(-1)!.row_id;
  }
}

/** The group's name, for the digest's title. */
export async function readGroupName(db: Db, groupId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ name: string }>('select name from groups where id = $1', [groupId]);
  return rows[0]?.name;
}
