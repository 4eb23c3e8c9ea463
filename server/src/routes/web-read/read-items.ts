import type { ReadItem, ThreadData } from '../../../../utils/webapp/read-types';
import { redactAnnotation } from '../../annotations/check-annotation';
import { BASE_COLUMNS, urnFor, type AnnotationRow } from '../../annotations/rows';
import { can, type Member } from '../../auth/roles';
import type { Queryable } from '../../db/db';

/**
 * Reading comments and their threads for the web app, with the change feed's rules
 * (read-annotations.ts toFeedChange): only the caller's group; "only me" items only to their
 * author; deleted (and forgotten) never; hidden ones as placeholders whose content only
 * facilitators get; anonymous ones without `creator`.
 */

/** An annotations row with when the store received it. */
export type ReadRow = Omit<AnnotationRow, 'xid' | 'seq'> & { created_at: Date | string };

/** The select list of a ReadRow (alias-free: use it on `annotations`). */
export const READ_COLUMNS = `${BASE_COLUMNS}, created_at`;

/**
 * SQL condition on `annotations` (alias `a`): a live row of group `$1` that member `$2` may
 * know about (shared, or their own "only me"), hidden ones only when `seeHidden`.
 */
export function visibleTo(a: string, seeHidden: boolean | 'placeholder'): string {
  const hidden = seeHidden === false ? ` and ${a}.hidden_reason is null` : '';
  return `${a}.group_id = $1 and not ${a}.deleted and ${a}.annotation is not null and (${a}.visibility = 'group' or ${a}.author_id = $2)${hidden}`;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** The item a row becomes for `member` (the row must already be one they may know about). */
export function toReadItem(row: ReadRow, member: Member): ReadItem {
  const hidden = row.hidden_reason !== null ? { reason: row.hidden_reason } : null;
  const annotation = !row.annotation || (hidden && !can.seeHidden(member)) ? null : redactAnnotation(row.annotation);
  const revision = row.author_id !== member.id && row.shared_revision !== null ? row.shared_revision : row.revision;
  const placeholder = hidden !== null && annotation === null;
  return {
    id: urnFor(row.id),
    kind: row.kind ?? 'other',
    revision: String(revision),
    annotation,
    hidden,
    ...(row.author_id === member.id ? { mine: true as const } : {}),
    ...(placeholder && row.target_id !== null && row.kind !== 'comment' && row.kind !== 'other' ? { target: urnFor(row.target_id) } : {}),
    ...(placeholder ? { created: iso(row.created_at) } : {}),
  };
}

/** How far up or down a thread is followed (threads are shown two levels deep; chains are short). */
export const MAX_THREAD_DEPTH = 200;

/**
 * Every reply, answer and support under the `seeds` (uuids), at any depth, that `member` may
 * know about: followed through removed replies too (a reply to a removed reply is still in
 * the thread), by the `(group_id, target_id)` index.
 */
export async function readThreadRows(db: Queryable, member: Member, seeds: readonly string[]): Promise<ReadRow[]> {
  if (seeds.length === 0) return [];
  const { rows } = await db.query<ReadRow>(
    `with recursive down(id, depth) as (
       select id, 1 from annotations where group_id = $1 and target_id = any($3::text[])
       union
       select a.id, d.depth + 1 from down d join annotations a on a.group_id = $1 and a.target_id = d.id where d.depth < $4
     )
     select ${READ_COLUMNS} from annotations a
     where a.id in (select id from down) and ${visibleTo('a', 'placeholder')} and a.kind in ('reply', 'answer', 'support')
       and not (a.kind = 'support' and a.hidden_reason is not null)
     order by a.created_at, a.id`,
    [member.groupId, member.id, seeds, MAX_THREAD_DEPTH],
  );
  return rows;
}

/**
 * The thread data of `comments` and `threadRows` (readThreadRows) as the web app gets it:
 * comments first, in the order given, then the replies and answers, then the caller's own
 * supports; others' supports counted by comment.
 */
export function toThreadData(comments: readonly ReadRow[], threadRows: readonly ReadRow[], member: Member): ThreadData {
  const items: ReadItem[] = [];
  const supportCounts: Record<string, number> = {};
  const mySupports: string[] = [];
  const hidden: string[] = [];
  const seen = new Set<string>();
  const add = (row: ReadRow) => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    const item = toReadItem(row, member);
    items.push(item);
    if ((row.kind === 'comment' || row.kind === 'other') && item.annotation === null) hidden.push(item.id);
  };
  for (const row of comments) add(row);
  const supports: ReadRow[] = [];
  for (const row of threadRows) {
    if (row.kind !== 'support') add(row);
    else supports.push(row);
  }
  for (const row of supports) {
    if (row.author_id === member.id) {
      add(row);
      mySupports.push(urnFor(row.id));
    } else if (row.target_id !== null) {
      const key = urnFor(row.target_id);
      supportCounts[key] = (supportCounts[key] ?? 0) + 1;
    }
  }
  return { items, supportCounts, mySupports, hidden };
}

/** Where a thread starts: its comment's uuid (or the missing target's), its kind, and whether it is there. */
export interface ThreadRoot {
  id: string;
  kind: string | null;
  /** The root's document address (its target's source), when it is a live comment whose content the caller may read. */
  source: string | null;
  title: string | null;
  /** The root is a live comment the caller may know about (hidden ones too). */
  known: boolean;
}

/**
 * The root of each of `ids` (uuids of comments, replies or answers): followed up through
 * replies (removed ones too) to the first row that is not a reply, or to a target the group
 * does not have. A comment is its own root.
 */
export async function threadRoots(db: Queryable, member: Member, ids: readonly string[]): Promise<Map<string, ThreadRoot>> {
  const out = new Map<string, ThreadRoot>();
  if (ids.length === 0) return out;
  const { rows } = await db.query<{ start: string; id: string; kind: string | null; source: string | null; title: string | null; known: boolean; hidden: boolean }>(
    `with recursive up(start, id, target_id, kind, depth) as (
       select id, id, target_id, kind, 0 from annotations where group_id = $1 and id = any($3::text[])
       union all
       select u.start, coalesce(p.id, u.target_id), p.target_id, p.kind, u.depth + 1
       from up u left join annotations p on p.group_id = $1 and p.id = u.target_id
       where u.kind in ('reply', 'answer') and u.target_id is not null and u.depth < $4
     )
     select distinct on (u.start) u.start, u.id, u.kind, r.annotation -> 'target' ->> 'source' as source,
            r.annotation ->> 'documentTitle' as title, (r.id is not null and ${visibleTo('r', 'placeholder')}) as known,
            coalesce(r.hidden_reason is not null, false) as hidden
     from up u left join annotations r on r.group_id = $1 and r.id = u.id and u.kind in ('comment', 'other')
     order by u.start, u.depth desc`,
    [member.groupId, member.id, ids, MAX_THREAD_DEPTH],
  );
  // A hidden comment's address and title are part of its content: facilitators only.
  const shows = (r: { known: boolean; hidden: boolean }) => r.known === true && (!r.hidden || can.seeHidden(member));
  for (const r of rows) out.set(r.start, { id: r.id, kind: r.kind, source: shows(r) ? r.source : null, title: shows(r) ? r.title : null, known: r.known === true });
  return out;
}

/** The document a reply names (`onDocument`), for a thread whose comment is gone. */
export function onDocumentOf(annotation: Record<string, unknown> | null): string | null {
  const value = annotation?.onDocument;
  return typeof value === 'string' ? value : null;
}
