import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { createNotifier } from './notifier';

function fakeDb(delayMs = 5) {
  const sent: string[][] = [];
  const db = {
    async query(_sql: string, params: readonly unknown[] = []) {
      await new Promise((r) => setTimeout(r, delayMs));
      sent.push(JSON.parse(String(params[1])) as string[]);
      return { rows: [], rowCount: 0 };
    },
  } as unknown as Db;
  return { db, sent };
}

const note = (group: string, xid: bigint, onlyFor?: string) => ({ group, cursor: { xid, seq: xid }, ...(onlyFor ? { onlyFor } : {}) });

describe('notifier', () => {
  it('does nothing for no notes, and flush still returns (it once hung here)', async () => {
    const { db, sent } = fakeDb();
    const n = createNotifier(db, 'c');
    n.changed([]);
    await n.flush();
    n.changed([note('g', 1n)]);
    await n.flush();
    expect(sent).toEqual([[expect.stringContaining('"x":"1"')]]);
  });

  it('coalesces notes queued while a NOTIFY is in flight: newest cursor per group and audience', async () => {
    const { db, sent } = fakeDb();
    const n = createNotifier(db, 'c');
    n.changed([note('g', 1n)]);
    await new Promise((r) => setTimeout(r, 1));
    n.changed([note('g', 3n), note('g', 2n), note('h', 5n), note('g', 9n, 'author')]);
    await n.flush();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.map((p) => JSON.parse(p))).toEqual([
      { g: 'g', x: '3', s: '3' },
      { g: 'h', x: '5', s: '5' },
      { g: 'g', x: '9', s: '9', a: 'author' },
    ]);
  });
});
