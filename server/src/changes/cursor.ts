import { ApiError } from '../errors';

/**
 * A position in a group's change feed: the writing transaction's id (xid8) and the change's
 * sequence number. Clients treat the encoded form as opaque.
 */
export interface Cursor {
  xid: bigint;
  seq: bigint;
}

/** The position before every change ("from the beginning"). */
export const START: Cursor = { xid: 0n, seq: 0n };

/** Encode for the wire: base-36 xid and seq joined by a dash (URL- and SSE-id-safe). */
export function encodeCursor(c: Cursor): string {
  return `${c.xid.toString(36)}-${c.seq.toString(36)}`;
}

/** Decode a cursor from a client; anything malformed is a 400 naming the parameter. */
export function decodeCursor(text: string, what = 'The cursor'): Cursor {
  const match = /^([0-9a-z]{1,14})-([0-9a-z]{1,14})$/.exec(text);
  if (!match) throw new ApiError(400, 'invalid-body', `${what} "${text.slice(0, 40)}" is not one this store gave out. Start again without it to fetch everything.`);
  return { xid: parseBase36(match[1]!), seq: parseBase36(match[2]!) };
}

function parseBase36(s: string): bigint {
  let n = 0n;
  for (const ch of s) n = n * 36n + BigInt(parseInt(ch, 36));
  return n;
}

/** Cursor order: -1, 0 or 1. */
export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.xid !== b.xid) return a.xid < b.xid ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

/** A cursor from the text columns `xid::text`, `seq::text` of a row. */
export function cursorFromRow(row: { xid: string; seq: string }): Cursor {
  return { xid: BigInt(row.xid), seq: BigInt(row.seq) };
}
