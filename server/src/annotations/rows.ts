import { type CursorCodec, cursorFromRow } from '../changes/cursor';
import type { AnnotationKind, Visibility } from './check-annotation';

/** An annotations row as the store's queries select it (`ROW_COLUMNS`). */
export interface AnnotationRow {
  group_id: string;
  id: string;
  /** Null for the tombstones of a forgotten member: nothing ties them to anyone. */
  author_id: string | null;
  revision: number;
  /** The revision everyone but the author last saw, while newer changes are author-only. */
  shared_revision: number | null;
  annotation: Record<string, unknown> | null;
  deleted: boolean;
  visibility: Visibility;
  ever_shared: boolean;
  hidden_reason: string | null;
  /** The uuid of the annotation a reply, answer or support is about (null otherwise). */
  target_id: string | null;
  /** What the row is (null only for tombstones written before migration 005). */
  kind: AnnotationKind | null;
  xid: string;
  seq: string;
}

/** The columns of an AnnotationRow apart from its feed position. */
export const BASE_COLUMNS = `group_id, id, author_id, revision, shared_revision, annotation, deleted, visibility, ever_shared, hidden_reason, target_id, kind`;

/**
 * The select list producing an AnnotationRow (int8 and xid8 as text: both drivers agree),
 * with the row's newest position, as its author sees it. Careful: it names its text columns
 * `xid` and `seq`, so ORDER BY must say `annotations.xid` or it would sort the text ("1020"
 * before "820").
 */
export const ROW_COLUMNS = `${BASE_COLUMNS}, coalesce(own_xid, xid)::text as xid, coalesce(own_seq, seq)::text as seq`;

/**
 * SET clauses giving a written row a new feed position. `authorOnly` is an SQL condition on
 * the row as it was: true when nobody but the author can see this change (a comment once
 * shared, private before and after it). Then only the author's position (own_xid, own_seq)
 * moves, and others keep seeing the tombstone where, and with the revision, they saw it.
 * Otherwise the shared position (xid, seq) moves and the author-only columns are cleared.
 * (SET expressions read the old row; CASE evaluates only the branch taken, so one nextval.)
 */
export function movePosition(authorOnly: string): string {
  return `own_xid = case when ${authorOnly} then pg_current_xact_id() end,
    own_seq = case when ${authorOnly} then nextval('change_seq') end,
    shared_revision = case when ${authorOnly} then coalesce(shared_revision, revision) end,
    xid = case when ${authorOnly} then xid else pg_current_xact_id() end,
    seq = case when ${authorOnly} then seq else nextval('change_seq') end`;
}

/**
 * Feed rows member `param` may know about, each at the position that member sees (`pxid`,
 * `pseq`): their own rows at their newest position, everyone else's at the shared one.
 * `cond(x, s)` filters on a position given as SQL expressions; rows come in `dir` order, at
 * most `limit`. Each branch is ordered and limited by itself, so the shared branch walks the
 * `(group_id, xid, seq)` index and stops early; `$1` is the group.
 */
export function feedQuery(param: string, cond: (x: string, s: string) => string, dir: 'asc' | 'desc', limit: string, columns = FEED_COLUMNS): string {
  const own = ['coalesce(own_xid, xid)', 'coalesce(own_seq, seq)'] as const;
  return `select ${columns} from (
    (select ${BASE_COLUMNS}, xid as pxid, seq as pseq from annotations
      where group_id = $1 and (visibility = 'group' or ever_shared) and author_id is distinct from ${param} and ${cond('xid', 'seq')}
      order by annotations.xid ${dir}, annotations.seq ${dir} limit ${limit})
    union all
    (select ${BASE_COLUMNS}, ${own[0]} as pxid, ${own[1]} as pseq from annotations
      where group_id = $1 and author_id = ${param} and ${cond(own[0], own[1])}
      order by pxid ${dir}, pseq ${dir} limit ${limit})
  ) v order by pxid ${dir}, pseq ${dir} limit ${limit}`;
}

/** The select list of an AnnotationRow from `feedQuery` (the viewer's position as xid, seq). */
export const FEED_COLUMNS = `${BASE_COLUMNS}, pxid::text as xid, pseq::text as seq`;

/** SQL condition: the position (`x` an xid8 expression) committed below the feed's visibility horizon. */
export function belowHorizon(x: string): string {
  return `${x} < pg_snapshot_xmin(pg_current_snapshot())`;
}

/** The opaque wire cursor of a row, for its own group (see changes/cursor.ts). */
export function rowCursorText(codec: CursorCodec, row: { group_id: string; xid: string; seq: string }): string {
  return codec.encode(row.group_id, cursorFromRow(row));
}

/** `urn:uuid:<uuid>`: the id an annotation has in the sync API and in storage. */
export function urnFor(uuid: string): string {
  return `urn:uuid:${uuid}`;
}

/** SQL expressions for the values of a new annotation row (see insertAnnotationSql). */
export interface NewRowValues {
  group: string;
  id: string;
  author: string;
  /** A jsonb expression. */
  annotation: string;
  visibility: string;
  /** A text expression: the AnnotationKind. */
  kind: string;
  /** A text expression: the target's uuid, or null. */
  target: string;
  /** A timestamptz expression (created and updated). */
  now: string;
}

/**
 * The one INSERT of a new annotation: revision 1, live, shared with the group unless
 * private, at a new feed position (this transaction's id, the next sequence number), with
 * its kind and target (the conversation's rules are checked before: write-annotations.ts).
 * `rest` follows the SELECT list: a FROM/WHERE, `on conflict`, `returning`.
 */
export function insertAnnotationSql(v: NewRowValues, rest: string): string {
  return `insert into annotations (group_id, id, author_id, revision, annotation, deleted, visibility, ever_shared, kind, target_id, xid, seq, created_at, updated_at)
    select ${v.group}, ${v.id}, ${v.author}, 1, ${v.annotation}, false, ${v.visibility}, ${v.visibility} = 'group', ${v.kind}, ${v.target}, pg_current_xact_id(), nextval('change_seq'), ${v.now}, ${v.now}
    ${rest}`;
}
