import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';

describe.each(BACKENDS)('reports and the moderation record on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let other: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup('A');
    other = await t.createGroup('B');
  });
  afterAll(async () => t.close());

  async function comment(token = g.member.token, group = g.group, text = 'Carers are not asked.', creator = 'Mo Member') {
    const a = makeComment({ text, creator });
    const r = await t.call('PUT', `/api/groups/${group}/annotations/${uuidOf(a)}`, { token, body: a, headers: { 'if-none-match': '*' } });
    expect(r.status).toBe(201);
    return uuidOf(a);
  }
  const report = (uuid: string, token: string, reason: string, group = g.group) => t.call('POST', `/api/groups/${group}/annotations/${uuid}/reports`, { token, body: { reason } });
  const moderation = (token = g.facilitator.token, group = g.group) => t.call('GET', `/api/groups/${group}/moderation`, { token });

  it('a member reports a comment (201); reporting it again answers the same report (200)', async () => {
    const uuid = await comment(g.facilitator.token);
    const first = await report(uuid, g.member.token, '  This names a person.  ');
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ report: { id: expect.any(String), target: `urn:uuid:${uuid}`, reason: 'This names a person.', created: expect.any(String) } });
    const again = await report(uuid, g.member.token, 'Another reason');
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    // Someone else's report is their own.
    const byFacilitator = await report(uuid, g.facilitator.token, 'Agreed');
    expect(byFacilitator.status).toBe(201);
    expect(byFacilitator.json.report.id).not.toBe(first.json.report.id);
  });

  it('refuses a reader (403), a private, deleted, unknown or hidden target (404) and bad reasons (400)', async () => {
    const uuid = await comment();
    const reader = await report(uuid, g.reader.token, 'x');
    expect(reader.status).toBe(403);
    expect(reader.json.error.code).toBe('forbidden');
    const priv = makeComment({ visibility: 'private' });
    await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(priv)}`, { token: g.facilitator.token, body: priv, headers: { 'if-none-match': '*' } });
    expect((await report(uuidOf(priv), g.member.token, 'x')).status).toBe(404);
    expect((await report(uuidOf(priv), g.facilitator.token, 'x')).status).toBe(404);
    const gone = await comment();
    await t.call('DELETE', `/api/groups/${g.group}/annotations/${gone}`, { token: g.member.token });
    expect((await report(gone, g.facilitator.token, 'x')).status).toBe(404);
    expect((await report('0190f0e8-7c1a-7000-8000-000000000000', g.member.token, 'x')).status).toBe(404);
    const hidden = await comment(g.facilitator.token);
    await t.call('POST', `/api/groups/${g.group}/annotations/${hidden}/hide`, { token: g.facilitator.token, body: { reason: 'Names someone' } });
    const hiddenReport = await report(hidden, g.member.token, 'x');
    expect(hiddenReport.status).toBe(404);
    expect(hiddenReport.json.error.message).toBe('The comment you are reporting is not in this group or has been removed.');
    for (const reason of ['', '   ', 'x'.repeat(1001)]) expect((await report(uuid, g.member.token, reason)).status).toBe(400);
    const extra = await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/reports`, { token: g.member.token, body: { reason: 'x', reporter: 'me' } });
    expect(extra.json.error.code).toBe('unknown-field');
    // Another group's comment, with the right group in the path of the caller's own group.
    const theirs = await comment(other.member.token, other.group);
    expect((await report(theirs, g.member.token, 'x')).status).toBe(404);
  });

  it('the facilitators see what to review with the text and reasons; nobody learns who reported', async () => {
    const author = await t.join(g.invites.member, 'Ann Author');
    const uuid = await comment(author.token, g.group, 'Story about Mrs Example', 'Ann Author');
    await report(uuid, g.member.token, 'Names a neighbour');
    await report(uuid, g.facilitator.token, 'Identifiable');
    const list = await moderation();
    expect(list.status).toBe(200);
    expect(list.json.toReview).toHaveLength(1);
    const item = list.json.toReview[0];
    expect(item.target).toBe(`urn:uuid:${uuid}`);
    expect(JSON.stringify(item.annotation)).toContain('Story about Mrs Example');
    expect(item.hidden).toBeNull();
    expect(item.reports.map((r: { reason: string }) => r.reason).sort()).toEqual(['Identifiable', 'Names a neighbour']);
    for (const r of item.reports) expect(Object.keys(r).sort()).toEqual(['created', 'id', 'reason']);
    expect(list.json.record).toEqual([]);
    // No answer anywhere carries a reporter's id or name.
    const seen = JSON.stringify([
      list.json,
      (await report(uuid, g.member.token, 'again')).json,
      (await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.facilitator.token })).json,
      (await t.call('GET', `/api/groups/${g.group}/annotations/${uuid}`, { token: g.facilitator.token })).json,
    ]);
    expect(seen).not.toContain(g.member.memberId);
    expect(seen).not.toContain(g.facilitator.memberId);
    expect(seen).not.toContain('Mo Member');
    expect(seen).not.toContain('Fran Facilitator');
  });

  it('hiding is recorded (who, when, what, why) and closes the open reports; unhiding too', async () => {
    const uuid = await comment();
    await report(uuid, g.member.token, 'Names a neighbour');
    const hide = await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/hide`, { token: g.facilitator.token, body: { reason: ' Identifies someone ' } });
    expect(hide.status).toBe(200);
    let list = await moderation();
    expect(list.json.toReview).toEqual([{ target: `urn:uuid:${uuid}`, annotation: expect.any(Object), hidden: { reason: 'Identifies someone' }, reports: [] }]);
    expect(list.json.record).toEqual([
      { id: expect.any(String), at: expect.any(String), by: { memberId: g.facilitator.memberId, displayName: 'Fran Facilitator' }, action: 'hide', target: `urn:uuid:${uuid}`, reason: 'Identifies someone' },
    ]);
    // The author still sees their comment as hidden in the feed (existing behaviour).
    const feed = await t.call('GET', `/api/groups/${g.group}/changes`, { token: g.member.token });
    const mine = feed.json.changes.find((ch: { id: string }) => ch.id === `urn:uuid:${uuid}`);
    expect(mine.hidden).toEqual({ reason: 'Identifies someone' });
    // Reported again while hidden (a facilitator can see it), then shown again: the report closes.
    expect((await report(uuid, g.facilitator.token, 'Second look')).status).toBe(201);
    const unhide = await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuid}/hide`, { token: g.facilitator.token });
    expect(unhide.status).toBe(200);
    list = await moderation();
    expect(list.json.toReview).toEqual([]);
    expect(list.json.record.map((r: { action: string; reason: string | null }) => [r.action, r.reason])).toEqual([
      ['unhide', null],
      ['hide', 'Identifies someone'],
    ]);
    // Unhiding what is not hidden changes nothing and is not recorded.
    await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuid}/hide`, { token: g.facilitator.token });
    expect((await moderation()).json.record).toHaveLength(2);
    // A member reporting again after their report was closed makes a new one.
    expect((await report(uuid, g.member.token, 'Still worried')).status).toBe(201);
  });

  it('dismissing closes the open reports with a reason on the record; again, nothing more', async () => {
    const uuid = await comment();
    await report(uuid, g.member.token, 'Off topic');
    const dismiss = await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/reports/dismiss`, { token: g.facilitator.token, body: { reason: 'It is on topic' } });
    expect(dismiss.status).toBe(200);
    expect(dismiss.json).toEqual({ dismissed: 1 });
    const list = await moderation();
    expect(list.json.toReview).toEqual([]);
    expect(list.json.record).toMatchObject([{ action: 'dismiss', target: `urn:uuid:${uuid}`, reason: 'It is on topic', by: { memberId: g.facilitator.memberId } }]);
    const again = await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/reports/dismiss`, { token: g.facilitator.token, body: { reason: 'Again' } });
    expect(again.json).toEqual({ dismissed: 0 });
    expect((await moderation()).json.record).toHaveLength(1);
    const noReason = await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/reports/dismiss`, { token: g.facilitator.token, body: {} });
    expect(noReason.status).toBe(400);
  });

  it('another group\'s facilitator is refused the moderation view, dismissals and hiding (403, nothing shown)', async () => {
    const uuid = await comment();
    await report(uuid, g.member.token, 'Secret reason 7c1a');
    const list = await moderation(other.facilitator.token, g.group);
    expect(list.status).toBe(403);
    expect(JSON.stringify(list.json)).not.toContain('Secret reason 7c1a');
    const dismiss = await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/reports/dismiss`, { token: other.facilitator.token, body: { reason: 'x' } });
    expect(dismiss.status).toBe(403);
    const hide = await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/hide`, { token: other.facilitator.token, body: { reason: 'x' } });
    expect(hide.status).toBe(403);
    // Their own moderation view does not list group A's reports either.
    const own = await moderation(other.facilitator.token, other.group);
    expect(own.json).toEqual({ toReview: [], record: [] });
    expect((await moderation()).json.record).toEqual([]);
    // Members and readers of the group itself are refused too.
    expect((await moderation(g.member.token)).status).toBe(403);
    expect((await moderation(g.reader.token)).status).toBe(403);
  });

  it('a forgotten facilitator\'s actions stay on the record as "A former member"; a forgotten reporter\'s reports go', async () => {
    const uuid = await comment();
    const second = await t.join(g.invites.facilitator, 'Second Facilitator');
    await t.call('POST', `/api/groups/${g.group}/annotations/${uuid}/hide`, { token: second.token, body: { reason: 'Names someone' } });
    const other2 = await comment(g.facilitator.token);
    const leaver = await t.join(g.invites.member, 'Leaving Member');
    await report(other2, leaver.token, 'A reason the leaver wrote');
    expect((await moderation()).json.toReview.some((i: { target: string }) => i.target === `urn:uuid:${other2}`)).toBe(true);
    expect((await t.call('DELETE', '/api/me', { token: second.token })).status).toBe(204);
    expect((await t.call('DELETE', '/api/me', { token: leaver.token })).status).toBe(204);
    const list = await moderation();
    expect(list.json.record).toMatchObject([{ action: 'hide', reason: 'Names someone', by: { memberId: null, displayName: 'A former member' } }]);
    expect(JSON.stringify(list.json)).not.toContain('Second Facilitator');
    expect(JSON.stringify(list.json)).not.toContain('A reason the leaver wrote');
    const { rows } = await t.testDb.db.query('select 1 from reports where reporter_id = $1 union all select 1 from moderation_actions where by_member_id = $2', [leaver.memberId, second.memberId]);
    expect(rows).toHaveLength(0);
  });
});
