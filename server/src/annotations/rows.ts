import { type Cursor, cursorFromRow, encodeCursor } from '../changes/cursor';
import type { Visibility } from './check-annotation';

/** An annotations row as the store's queries select it (`ROW_COLUMNS`). */
export interface AnnotationRow {
  id: string;
  author_id: string;
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
export const ROW_COLUMNS = `id, author_id, revision, annotation, deleted, visibility, ever_shared, hidden_reason, xid::text as xid, seq::text as seq`;

/** The feed cursor of a row. */
export function rowCursor(row: { xid: string; seq: string }): Cursor {
  return cursorFromRow(row);
}

/** The wire cursor of a row. */
export function rowCursorText(row: { xid: string; seq: string }): string {
  return encodeCursor(cursorFromRow(row));
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
