import { type Cursor, type CursorCodec, cursorFromRow } from '../changes/cursor';
import type { Visibility } from './check-annotation';

/** An annotations row as the store's queries select it (`ROW_COLUMNS`). */
export interface AnnotationRow {
  group_id: string;
  id: string;
  /** Null for the tombstones of a forgotten member: nothing ties them to anyone. */
  author_id: string | null;
  revision: number;
  annotation: Record<string, unknown> | null;
  deleted: boolean;
  visibility: Visibility;
  ever_shared: boolean;
  hidden_reason: string | null;
  xid: string;
  seq: string;
}

/**
 * The select list producing an AnnotationRow (int8 and xid8 as text: both drivers agree).
 * Careful: it names its text columns `xid` and `seq`, so ORDER BY must say
 * `annotations.xid` or it would sort the text ("1020" before "820").
 */
export const ROW_COLUMNS = `group_id, id, author_id, revision, annotation, deleted, visibility, ever_shared, hidden_reason, xid::text as xid, seq::text as seq`;

/** The feed cursor of a row. */
export function rowCursor(row: { xid: string; seq: string }): Cursor {
  return cursorFromRow(row);
}

/** The opaque wire cursor of a row, for its own group (see changes/cursor.ts). */
export function rowCursorText(codec: CursorCodec, row: { group_id: string; xid: string; seq: string }): string {
  return codec.encode(row.group_id, cursorFromRow(row));
}

/** `urn:uuid:<uuid>`: the id an annotation has in the sync API and in storage. */
export function urnFor(uuid: string): string {
  return `urn:uuid:${uuid}`;
}

/**
 * SQL condition: rows the member `$n` may know about at all. Group annotations, their own
 * private ones, and once-shared ones made private (those appear to others as tombstones).
 */
export function visibleTo(param: string): string {
  return `(visibility = 'group' or author_id = ${param} or ever_shared)`;
}

/** SQL condition: committed below the feed's visibility horizon (see README, "Change feed"). */
export const BELOW_HORIZON = `xid < pg_snapshot_xmin(pg_current_snapshot())`;

/** SQL expressions for the values of a new annotation row (see insertAnnotationSql). */
export interface NewRowValues {
  group: string;
  id: string;
  author: string;
  /** A jsonb expression. */
  annotation: string;
  visibility: string;
  /** A timestamptz expression (created and updated). */
  now: string;
}

/**
 * The one INSERT of a new annotation: revision 1, live, shared with the group unless
 * private, at a new feed position (this transaction's id, the next sequence number).
 * `rest` follows the SELECT list: a FROM/WHERE, `on conflict`, `returning`.
 */
export function insertAnnotationSql(v: NewRowValues, rest: string): string {
  return `insert into annotations (group_id, id, author_id, revision, annotation, deleted, visibility, ever_shared, xid, seq, created_at, updated_at)
    select ${v.group}, ${v.id}, ${v.author}, 1, ${v.annotation}, false, ${v.visibility}, ${v.visibility} = 'group', pg_current_xact_id(), nextval('change_seq'), ${v.now}, ${v.now}
    ${rest}`;
}
