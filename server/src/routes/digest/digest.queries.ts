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
 * Annotations from other W3C tools are read too: the renderer, which checks each against
 * utils/model off the event loop (render-job.ts), adopts their comments on a passage.
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

/** A reply or support as the thread walk needs it: no content. */
interface ItemRow {
  id: string;
  motivation: 'replying' | 'assessing';
  target: string | null;
  hidden: boolean;
  on_document: string | null;
}

/**
 * The conversation of the digest's comments: the group's live, group-visible replies
 * (answers included) and supports whose target is one of the selected comments (live, shared,
 * not hidden, on `document` when given), following replies to replies to any depth. Nothing
 * relies on a column beyond the annotation itself: `annotation->>'motivation'` is `replying`
 * or `assessing`, `annotation->>'target'` the `urn:uuid:` id the store keeps. A hidden reply
 * is followed (replies to it are shown) but only its place leaves this function (id, target,
 * created); hidden supports are left out. Supports never carry their supporter: `creator`
 * is dropped here. Also the replies to comments their authors removed (reached from no live
 * annotation; on `document` by their `onDocument` when given): the digest leaves them out and
 * counts them. Replies to hidden or private comments are not read.
 *
 * The threads are walked here over light rows (ids, motivations, targets: each annotation
 * read once), then the annotations fetched by id: a recursive SQL join on jsonb targets
 * planned as nested loops and took 25-60 s for 10,000 replies.
 */
export async function readDigestConversation(
  db: Db,
  member: Member,
  document: string | undefined,
): Promise<{ entries: StoredConversationEntry[]; supportCounts: Record<string, number> }> {
  const [{ rows: items }, { rows: roots }] = await Promise.all([
    db.query<ItemRow>(
      `select id, annotation->>'motivation' as motivation, annotation->>'target' as target, hidden_reason is not null as hidden,
              annotation->>'onDocument' as on_document
       from annotations
       where ${live('annotations')} and visibility = 'group' and annotation->>'motivation' in ('replying', 'assessing')`,
      [member.groupId],
    ),
    // Every live comment (its thread is not "a removed comment's"), and whether the digest shows it.
    db.query<{ id: string; shown: boolean }>(
      `select id, (visibility = 'group' and hidden_reason is null and ${onDocument}) as shown
       from annotations where ${live('annotations')} and ${notConversation('annotations')}`,
      [member.groupId, document ?? null],
    ),
  ]);
  const byTarget = new Map<string, ItemRow[]>();
  for (const item of items) {
    if (item.target === null) continue;
    const list = byTarget.get(item.target);
    if (list) list.push(item);
    else byTarget.set(item.target, [item]);
  }
  const urn = (id: string) => `urn:uuid:${id}`;
  // Replies under `start`, at any depth (each id once: a chain cannot reach a comment twice).
  const walk = (start: readonly ItemRow[], into: Set<string>) => {
    const stack = [...start];
    while (stack.length) {
      const item = stack.pop()!;
      if (into.has(item.id)) continue;
      into.add(item.id);
      for (const child of byTarget.get(urn(item.id)) ?? []) if (child.motivation === 'replying') stack.push(child);
    }
  };
  const selected = new Set<string>();
  const reached = new Set<string>();
  // "This is my experience too" is only counted in a digest (never who): counted here from the
  // light rows, so tens of thousands of supports are not read whole and checked one by one.
  const supportCounts: Record<string, number> = {};
  for (const root of roots) {
    const direct = byTarget.get(urn(root.id)) ?? [];
    const replies = direct.filter((i) => i.motivation === 'replying');
    walk(replies, reached);
    if (!root.shown) continue;
    walk(replies, selected);
    for (const support of direct) if (support.motivation === 'assessing' && !support.hidden) supportCounts[urn(root.id)] = (supportCounts[urn(root.id)] ?? 0) + 1;
  }
  for (const item of items) {
    if (item.motivation !== 'replying' || item.hidden || reached.has(item.id)) continue;
    if (document && item.on_document !== document) continue;
    selected.add(item.id);
  }

  const ids = [...selected];
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
      } else entries.push({ annotation: redactAnnotation(annotation) });
    }
  }
  return { entries, supportCounts };
}

/** The group's name, for the digest's title. */
export async function readGroupName(db: Db, groupId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ name: string }>('select name from groups where id = $1', [groupId]);
  return rows[0]?.name;
}
