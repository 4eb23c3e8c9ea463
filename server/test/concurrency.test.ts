import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS, POSTGRES_AVAILABLE } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';

const WRITERS = 20;
const PER_WRITER = 40;

describe.each(BACKENDS)('change feed under concurrent writers on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
  });

  it(`a reader paging during ${WRITERS} concurrent writers misses nothing`, async () => {
    const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => t.join(g.invites.member, `Writer ${i}`)));
    const truth = new Map<string, string>();
    const reader = new Map<string, string>();
    let cursor = '';
    let pages = 0;
    let done = false;

    async function readPage(): Promise<boolean> {
      const r = await t.call('GET', `/api/groups/${g.group}/changes?limit=7${cursor ? `&after=${cursor}` : ''}`, { token: g.reader.token });
      expect(r.status).toBe(200);
      for (const c of r.json.changes as { id: string; revision: string }[]) reader.set(c.id, c.revision);
      cursor = r.json.next;
      pages++;
      return r.json.hasMore as boolean;
    }

    const readLoop = (async () => {
      while (!done) {
        const more = await readPage();
        if (!more) await new Promise((r) => setTimeout(r, 2));
      }
    })();

    await Promise.all(
      writers.map(async (w, wi) => {
        for (let i = 0; i < PER_WRITER; i++) {
          const a = makeComment({ text: `writer ${wi} comment ${i}` });
          const path = `/api/groups/${g.group}/annotations/${uuidOf(a)}`;
          const created = await t.call('PUT', path, { token: w.token, body: a, headers: { 'if-none-match': '*' } });
          expect(created.status).toBe(201);
          truth.set(a.id, '1');
          if (i % 4 === 0) {
            // Some edits too: the edited comment moves to a new feed position.
            const edited = await t.call('PUT', path, { token: w.token, body: { ...a, perspective: 'family' }, headers: { 'if-match': '"1"' } });
            expect(edited.status).toBe(200);
            truth.set(a.id, '2');
          }
        }
      }),
    );
    done = true;
    await readLoop;
    while (await readPage());

    expect(reader.size).toBe(WRITERS * PER_WRITER);
    expect(reader).toEqual(truth);
    expect(pages).toBeGreaterThan(10);
  });

  it.runIf(kind === 'postgres' && POSTGRES_AVAILABLE)('does not serve a later commit past an earlier transaction still running', async () => {
    const db = t.testDb.db;
    const a = makeComment({ text: 'slow writer' });
    const b = makeComment({ text: 'fast writer' });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let started: () => void = () => undefined;
    const hasXid = new Promise<void>((r) => (started = r));
    // Transaction 1 takes its xid first and commits last.
    const slow = db.transaction(async (tx) => {
      await tx.query(
        `insert into annotations (group_id, id, author_id, revision, annotation, deleted, visibility, ever_shared, xid, seq, created_at, updated_at)
         values ($1, $2, $3, 1, $4::jsonb, false, 'group', true, pg_current_xact_id(), nextval('change_seq'), now(), now())`,
        [g.group, uuidOf(a), g.member.memberId, JSON.stringify(a)],
      );
      started();
      await gate;
    });
    await hasXid;
    const fast = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(b)}`, { token: g.member.token, body: b, headers: { 'if-none-match': '*' } });
    expect(fast.status).toBe(201);
    // The fast change is committed but sits after the slow one's position: not served yet.
    const early = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(early.json.changes).toEqual([]);
    release();
    await slow;
    const later = await t.call('GET', `/api/groups/${g.group}/changes?after=${early.json.next}`, { token: g.reader.token });
    expect(later.json.changes.map((c: { id: string }) => c.id)).toEqual([a.id, b.id]);
  });
});
