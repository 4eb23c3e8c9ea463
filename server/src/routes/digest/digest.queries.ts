import { redactAnnotation } from '../../annotations/check-annotation';
import { ROW_COLUMNS, type AnnotationRow } from '../../annotations/rows';
import type { Member } from '../../auth/roles';
import type { Db } from '../../db/db';
import type { StoredConversationEntry, StoredDigestEntry } from '../../digest-worker/render-job';

/** Rows read per query while collecting a digest (keyset paging on row_id). */
const PAGE = 1000;

/** SQL: the row (alias `a`) is live, in group $1, with content. */
const live = (a: string) => `${a}.group_id = $1 and not ${a}.deleted and ${a}.annotation is not null`;
/** SQL: the row is a comment (or another tool's annotation): neither a reply nor a support. */
const notConversation = (a: string) => `coalesce(${a}.annotation->>'motivation', '') not in ('replying', 'assessing')`;
/** SQL: the comment (no alias) is on document $2 (by source or by the address it was read at), or $2 is null. */
const onDocument = `($2::text is null or annotation->'target'->>'source' = $2::text or annotation->'target'->>'scope' = $2::text)`;

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
         and ${notConversation('annotations')}
         and ${onDocument}
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

/**
 * The conversation of the digest's comments: the group's live, group-visible replies
 * (answers included) and supports whose target is one of the selected comments (live, shared,
 * not hidden, on `document` when given), following replies to replies to any depth. Nothing
 * relies on a column beyond the annotation itself: `annotation->>'motivation'` is `replying`
 * or `assessing`, `annotation->>'target'` the `urn:uuid:` id the store keeps. A hidden reply
 * is followed (replies to it are shown) but only its place leaves the query (id, target,
 * created); hidden supports are left out. Supports never carry their supporter: `creator`
 * is dropped here. Also the replies to comments their authors removed (not reachable from
 * any live annotation; on `document` by their `onDocument` when given): the digest leaves
 * them out and counts them. Replies to hidden or private comments are not read.
 */
export async function readDigestConversation(db: Db, member: Member, document: string | undefined): Promise<StoredConversationEntry[]> {
  // Each row's motivation and target are read out once (items, roots: materialised), so the
  // recursion joins plain text and never re-reads a large (TOASTed) annotation per pair.
  const threadIds = await db.query<{ id: string }>(
    `with recursive
       items as materialized (
         select id, annotation->>'motivation' as motivation, annotation->>'target' as target, hidden_reason
         from annotations
         where ${live('annotations')} and visibility = 'group' and annotation->>'motivation' in ('replying', 'assessing')
       ),
       roots as materialized (
         select 'urn:uuid:' || id as urn from annotations
         where ${live('annotations')} and visibility = 'group' and hidden_reason is null and ${notConversation('annotations')} and ${onDocument}
       ),
       convo (id, motivation) as (
         select i.id, i.motivation from items i join roots r on i.target = r.urn
         where i.hidden_reason is null or i.motivation = 'replying'
         union all
         select i.id, i.motivation from convo p join items i on i.target = 'urn:uuid:' || p.id
         where p.motivation = 'replying' and i.motivation = 'replying'
       )
     select id from convo`,
    [member.groupId, document ?? null],
  );
  const orphanIds = await db.query<{ id: string }>(
    `with recursive
       items as materialized (
         select id, annotation->>'target' as target, annotation->>'onDocument' as on_document, hidden_reason
         from annotations
         where ${live('annotations')} and visibility = 'group' and annotation->>'motivation' = 'replying'
       ),
       roots as materialized (
         select 'urn:uuid:' || id as urn from annotations where ${live('annotations')} and ${notConversation('annotations')}
       ),
       reach (id) as (
         select i.id from items i join roots r on i.target = r.urn
         union all
         select i.id from reach p join items i on i.target = 'urn:uuid:' || p.id
       )
     select o.id from items o
     where o.hidden_reason is null and ($2::text is null or o.on_document = $2::text)
       and not exists (select 1 from reach where reach.id = o.id)`,
    [member.groupId, document ?? null],
  );
  const ids = [...new Set([...threadIds.rows, ...orphanIds.rows].map((r) => r.id))];
  const entries: StoredConversationEntry[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const { rows } = await db.query<{ annotation: Record<string, unknown>; hidden_reason: string | null }>(
      `select annotation, hidden_reason from annotations where group_id = $1 and id = any($2::text[]) and not deleted and annotation is not null order by row_id`,
      [member.groupId, ids.slice(i, i + PAGE)],
    );
    for (const { annotation, hidden_reason } of rows) {
      if (hidden_reason !== null) {
        // Only its place: the thread shows "hidden by a facilitator" there, and nothing else.
        entries.push({ hidden: true, annotation: { id: annotation.id, target: annotation.target, created: annotation.created } });
      } else if (annotation.motivation === 'assessing') {
        const { creator: _supporter, ...support } = annotation;
        entries.push({ annotation: support });
      } else entries.push({ annotation: redactAnnotation(annotation) });
    }
  }
  return entries;
}

/** The group's name, for the digest's title. */
export async function readGroupName(db: Db, groupId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ name: string }>('select name from groups where id = $1', [groupId]);
  return rows[0]?.name;
}
