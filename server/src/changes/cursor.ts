import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/db';
import { ApiError, msg } from '../errors';

/** Which cursor a client sent, for the refusal's words. */
export type CursorName = 'cursor' | 'after' | 'lastEventId';
const CURSOR_REFUSALS = { cursor: 'server.cursor.unknown', after: 'server.cursor.unknownAfter', lastEventId: 'server.cursor.unknownLastEventId' } as const;

/**
 * A position in a group's change feed: the writing transaction's id (xid8) and the change's
 * sequence number. Never shown to clients as such: they see it encrypted (CursorCodec).
 */
export interface Cursor {
  xid: bigint;
  seq: bigint;
}

/** The position before every change ("from the beginning"). */
export const START: Cursor = { xid: 0n, seq: 0n };

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

/**
 * Turns feed positions into the opaque strings a group's clients see, and back. A wire
 * cursor is the 16-byte (xid, seq) encrypted with AES-256 under a key of its own group, plus
 * an 8-byte MAC under another key of that group (base64url, 32 characters): it shows no
 * transaction, no server-wide count and no order, and another group's (or an edited) cursor
 * is refused.
 */
export interface CursorCodec {
  encode(group: string, cursor: Cursor): string;
  /** Decode a cursor a client sent for `group`; anything else is a 400 naming `what`. */
  decode(group: string, text: string, what?: CursorName): Cursor;
  /** A short opaque tag of `parts` for `group` (ETags): equal parts, equal tag; nothing readable. */
  tag(group: string, parts: readonly string[]): string;
}

const WIRE = /^[A-Za-z0-9_-]{32}$/;
const MAX_I64 = (1n << 63n) - 1n;

interface GroupKeys {
  cipher: Buffer;
  mac: Buffer;
}

/** A codec from the store's 32-byte secret (see cursorCodecFor). */
export function createCursorCodec(secret: Buffer): CursorCodec {
  const keys = new Map<string, GroupKeys>();
  const keysOf = (group: string): GroupKeys => {
    let k = keys.get(group);
    if (!k) {
      const derive = (purpose: string) => createHmac('sha256', secret).update(`${purpose}\u0000${group}`).digest();
      keys.set(group, (k = { cipher: derive('cursor-cipher'), mac: derive('cursor-mac') }));
    }
    return k;
  };
  const macOf = (k: GroupKeys, block: Buffer) => createHmac('sha256', k.mac).update(block).digest().subarray(0, 8);
  const refuse = (what: CursorName, text: string) =>
    new ApiError(400, 'invalid-body', msg(CURSOR_REFUSALS[what], { text: text.slice(0, 40) }));

  return {
    encode(group, cursor) {
      const k = keysOf(group);
      const plain = Buffer.alloc(16);
      plain.writeBigUInt64BE(cursor.xid, 0);
      plain.writeBigUInt64BE(cursor.seq, 8);
      // One AES block, so ECB is the plain block cipher: a pseudorandom permutation of (xid, seq).
      const cipher = createCipheriv('aes-256-ecb', k.cipher, null).setAutoPadding(false);
      const block = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([block, macOf(k, block)]).toString('base64url');
    },
    decode(group, text, what = 'cursor') {
      if (!WIRE.test(text)) throw refuse(what, text);
      const bytes = Buffer.from(text, 'base64url');
      if (bytes.length !== 24) throw refuse(what, text);
      const k = keysOf(group);
      const block = bytes.subarray(0, 16);
      if (!timingSafeEqual(bytes.subarray(16), macOf(k, block))) throw refuse(what, text);
      const decipher = createDecipheriv('aes-256-ecb', k.cipher, null).setAutoPadding(false);
      const plain = Buffer.concat([decipher.update(block), decipher.final()]);
      const cursor = { xid: plain.readBigUInt64BE(0), seq: plain.readBigUInt64BE(8) };
      if (cursor.seq > MAX_I64) throw refuse(what, text);
      return cursor;
    },
    tag(group, parts) {
      return createHmac('sha256', keysOf(group).mac).update(`tag\u0000${parts.join('\u0000')}`).digest().subarray(0, 12).toString('base64url');
    },
  };
}

const SECRET_NAME = 'cursor-key';
const codecs = new WeakMap<Db, Promise<CursorCodec>>();

async function loadCodec(db: Db): Promise<CursorCodec> {
  // The first process to need it writes it; every other one (and every restart) reads it.
  await db.query('insert into store_secrets (name, secret) values ($1, $2) on conflict (name) do nothing', [SECRET_NAME, randomBytes(32).toString('hex')]);
  const { rows } = await db.query<{ secret: string }>('select secret from store_secrets where name = $1', [SECRET_NAME]);
  const hex = rows[0]?.secret;
  if (!hex || !/^[0-9a-f]{64}$/.test(hex)) throw new Error('store: the cursor key in store_secrets is missing or malformed');
  return createCursorCodec(Buffer.from(hex, 'hex'));
}

/**
 * The cursor codec of a database, its key read from (or, the first time, written to) the
 * `store_secrets` table, so every store process on the database agrees. Loaded once per Db.
 */
export function cursorCodecFor(db: Db): Promise<CursorCodec> {
  let codec = codecs.get(db);
  if (!codec) {
    codec = loadCodec(db);
    codecs.set(db, codec);
    // A failed load (database briefly away) is tried again on the next call.
    codec.catch(() => codecs.delete(db));
  }
  return codec;
}
