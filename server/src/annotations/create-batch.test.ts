import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from '../../test/support/annotations';
import { BACKENDS } from '../../test/support/test-db';
import { openTestStore, type TestStore } from '../../test/support/test-store';
import { hashSecret } from '../auth/secrets';
import { createManyInOneStatement } from './create-batch';
import { createInOneStatement, type OneStatementCreateInput } from './create-in-one';

/**
 * Group commit: many new comments arrive at once and share statements. Each request must
 * still get exactly the answer it would have had alone.
 */
describe.each(BACKENDS)('batched creates on %s', (kind) => {
  let t: TestStore;
  const LIMIT = 7;

  beforeAll(async () => {
    t = await openTestStore(kind, { limits: { write: { max: LIMIT, windowSeconds: 3600 }, join: { max: 10_000, windowSeconds: 60 } } });
  });
  afterAll(async () => t.close());

  it('counts every concurrent write exactly: LIMIT created per member, the rest 429, nothing lost or doubled', async () => {
    await t.reset();
    const g = await t.createGroup();
    const second = await t.join(g.invites.member, 'Second member');
    const tokens = [g.member.token, second.token];
    const comments = Array.from({ length: 30 }, () => makeComment());
    const put = (i: number) =>
      t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(comments[i]!)}`, { token: tokens[i % 2], body: comments[i], headers: { 'if-none-match': '*' } });
    const answers = await Promise.all(comments.map((_, i) => put(i)));
    const byStatus = (s: number) => answers.filter((a) => a.status === s).length;
    expect(byStatus(201)).toBe(2 * LIMIT);
    expect(byStatus(429)).toBe(30 - 2 * LIMIT);
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.reader.token });
    expect(feed.json.changes).toHaveLength(2 * LIMIT);
    const cursors = answers.filter((a) => a.status === 201).map((a) => a.json.cursor as string);
    expect(new Set(cursors).size).toBe(2 * LIMIT);
    expect(new Set(feed.json.changes.map((c: { cursor: string }) => c.cursor))).toEqual(new Set(cursors));
  });

  it('answers each request of one batch on its own: duplicates, refusals, other groups, unknown tokens', async () => {
    await t.reset();
    const g = await t.createGroup();
    const other = await t.createGroup('Other');
    const a = makeComment();
    const b = makeComment();
    const path = (group: string, c: { id: string }) => `/api/groups/${group}/annotations/${uuidOf(c)}`;
    const create = { 'if-none-match': '*' };
    const answers = await Promise.all([
      t.call('PUT', path(g.group, a), { token: g.member.token, body: a, headers: create }),
      t.call('PUT', path(g.group, a), { token: g.member.token, body: a, headers: create }),
      t.call('PUT', path(g.group, b), { token: g.reader.token, body: b, headers: create }),
      t.call('PUT', path(other.group, b), { token: g.member.token, body: b, headers: create }),
      t.call('PUT', path(g.group, b), { token: 'not-a-token', body: b, headers: create }),
      t.call('PUT', path(g.group, b), { token: other.member.token, body: b, headers: create }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([201, 200, 403, 403, 401, 403]);
    expect(answers[1]!.json.cursor).toBe(answers[0]!.json.cursor);
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.member.token });
    expect(feed.json.changes.map((c: { id: string }) => c.id)).toEqual([a.id]);
  });

  it('gives one statement per-request results in order, counting hits as if run one by one', async () => {
    await t.reset();
    const g = await t.createGroup();
    const now = new Date();
    const input = (token: string, group: string): OneStatementCreateInput => {
      const c = makeComment();
      return {
        tokenHash: hashSecret(token),
        windowStart: new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString(),
        maxHits: 3,
        group,
        uuid: uuidOf(c),
        annotation: c,
        visibility: 'group',
        kind: 'comment',
        now: now.toISOString(),
      };
    };
    const out = await createManyInOneStatement(t.testDb.db, [
      input(g.member.token, g.group),
      input(g.reader.token, g.group), // readers read, they do not write
      input(g.member.token, 'elsewhere'),
      input('unknown', g.group),
      input(g.member.token, g.group),
      input(g.member.token, g.group),
    ]);
    expect(out.map((o) => o.hits)).toEqual([1, 1, 2, 0, 3, 4]);
    expect(out.map((o) => o.stamp !== null)).toEqual([true, false, false, false, true, false]);
    expect(out.map((o) => o.member?.id ?? null)).toEqual([g.member.memberId, g.reader.memberId, g.member.memberId, null, g.member.memberId, g.member.memberId]);
  });

  it('never inserts a reply, answer or support: their rules are checked by putAnnotation alone', async () => {
    await t.reset();
    const g = await t.createGroup();
    const now = new Date();
    const input = (kind: OneStatementCreateInput['kind']): OneStatementCreateInput => {
      const c = makeComment();
      return {
        tokenHash: hashSecret(g.facilitator.token),
        windowStart: new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString(),
        maxHits: 100,
        group: g.group,
        uuid: uuidOf(c),
        annotation: c,
        visibility: 'group',
        kind,
        now: now.toISOString(),
      };
    };
    const batch = await createManyInOneStatement(t.testDb.db, [input('reply'), input('answer'), input('support'), input('comment'), input('other')]);
    expect(batch.map((o) => o.stamp !== null)).toEqual([false, false, false, true, true]);
    for (const kind of ['reply', 'answer', 'support'] as const) expect((await createInOneStatement(t.testDb.db, input(kind))).stamp).toBeNull();
    expect((await createInOneStatement(t.testDb.db, input('comment'))).stamp).not.toBeNull();
    const { rows } = await t.testDb.db.query<{ kind: string }>('select kind from annotations order by kind');
    expect(rows.map((r) => r.kind)).toEqual(['comment', 'comment', 'other']);
  });

  it("creates in one statement for a linked browser's token too (member_tokens), batched or alone", async () => {
    await t.reset();
    const g = await t.createGroup();
    const link = await t.call('POST', '/api/me/link-codes', { token: g.member.token });
    expect(link.status).toBe(201);
    const joined = await t.call('POST', '/api/join', { body: { code: link.json.code } });
    expect(joined.status).toBe(201);
    expect(joined.json.memberId).toBe(g.member.memberId);
    const now = new Date();
    const input = (): OneStatementCreateInput => {
      const c = makeComment();
      return {
        tokenHash: hashSecret(joined.json.token),
        windowStart: new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString(),
        maxHits: 100,
        group: g.group,
        uuid: uuidOf(c),
        annotation: c,
        visibility: 'group',
        kind: 'comment',
        now: now.toISOString(),
      };
    };
    const [batched] = await createManyInOneStatement(t.testDb.db, [input()]);
    expect(batched!.member?.id).toBe(g.member.memberId);
    expect(batched!.stamp).not.toBeNull();
    const alone = await createInOneStatement(t.testDb.db, input());
    expect(alone.member?.id).toBe(g.member.memberId);
    expect(alone.stamp).not.toBeNull();
  });
});
