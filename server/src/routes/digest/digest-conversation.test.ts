import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../../utils/digest/render-csv';
import { HIDDEN_REPLY_LINE } from '../../../../utils/model/conversation';
import {
  ANONYMOUS_REPLIER,
  ANONYMOUS_WRITERS,
  CHANGED_TEXT,
  FRANCIS_REPORT,
  HIDDEN_REPLY_TEXT,
  NOT_CHANGING_TEXT,
  OFFICER,
  REMOVED_COMMENT_ID,
  REMOVED_COMMENT_REPLY_TEXT,
  REPLY_TO_HIDDEN_COMMENT_TEXT,
  SUPPORTERS,
  createConversation,
  createDataset,
  type ConversationEntry,
  type DatasetEntry,
} from '../../../../tests/support/digest-dataset';
import { makeComment, uuidOf } from '../../../test/support/annotations';
import { BACKENDS } from '../../../test/support/test-db';
import { openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';

const NOW = new Date('2026-11-23T10:00:00Z');
const FORMATS = ['csv', 'md', 'html', 'docx', 'jsonld'] as const;
const commentUrn = (n: number) => `urn:uuid:0190c7a0-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** The CSV's records (header first), by a small RFC 4180 reader. */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe.each(BACKENDS)('group digest with replies, answers and supports on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let dataset: DatasetEntry[];
  let conversation: ConversationEntry[];
  /** How the conversation got in: through the sync PUT, or seeded as rows (a store that refuses replies). */
  const inserted = { put: 0, seeded: 0 };

  async function fetchDigest(token: string, query: string) {
    const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/digest?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    const text = isZip ? Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join('\n') : new TextDecoder().decode(bytes);
    return { res, text };
  }

  beforeAll(async () => {
    t = await openTestStore(kind, { clock: () => NOW });
    g = await t.createGroup('North Care Action Group');
    dataset = createDataset();
    conversation = createConversation();
    // Everyone joins under their own name: the store knows who wrote every anonymous reply and support.
    const people = new Map<string, { token: string; memberId: string }>();
    for (const writer of new Set(dataset.map((e) => e.writer))) people.set(writer, await t.join(g.invites.member, writer));
    for (const e of conversation) {
      if (people.has(e.writer)) continue;
      people.set(e.writer, await t.join(g.invites[e.role], e.writer));
      if (e.role !== 'member') {
        // Answers carry the officer's job title and organisation from the profile (where the store has PATCH /api/me).
        const profile = e.writer === OFFICER.name ? { jobTitle: OFFICER.jobTitle, organisation: OFFICER.organisation } : { jobTitle: 'Group facilitator' };
        await t.call('PATCH', '/api/me', { token: people.get(e.writer)!.token, body: profile });
      }
    }
    const put = (token: string, body: { id: string }) =>
      t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(body)}`, { token, body, headers: { 'if-none-match': '*' } });
    for (const entry of dataset) {
      const r = await put(people.get(entry.writer)!.token, entry.annotation);
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    }
    // The comment its author removes once it has replies.
    const removed = makeComment({ uuid: uuidOf({ id: REMOVED_COMMENT_ID }), text: 'REMOVED-COMMENT' });
    expect((await put(g.member.token, removed)).status).toBe(201);

    for (const e of conversation) {
      const writer = people.get(e.writer)!;
      const r = await put(writer.token, e.item);
      if (r.status === 201) {
        inserted.put++;
        continue;
      }
      // A store without replies yet (they arrive with the conversation routes): the row as the store keeps it.
      inserted.seeded++;
      await t.testDb.db.query(
        `insert into annotations (group_id, id, author_id, revision, annotation, visibility, ever_shared, xid, seq, created_at, updated_at)
         values ($1, $2, $3, 1, $4::jsonb, 'group', true, pg_current_xact_id(), nextval('change_seq'), now(), now())`,
        [g.group, uuidOf(e.item), writer.memberId, JSON.stringify(e.item)],
      );
    }
    const hide = (id: string, reason: string) => t.call('POST', `/api/groups/${g.group}/annotations/${uuidOf({ id })}/hide`, { token: g.facilitator.token, body: { reason } });
    for (const entry of dataset.filter((e) => e.hidden)) expect((await hide(entry.annotation.id, entry.hidden!.reason)).status).toBe(200);
    for (const e of conversation.filter((x) => x.hidden)) {
      const r = await hide(e.item.id, e.hidden!.reason);
      if (r.status !== 200) await t.testDb.db.query('update annotations set hidden_reason = $3 where group_id = $1 and id = $2', [g.group, uuidOf(e.item), e.hidden!.reason]);
    }
    expect((await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuidOf(removed)}`, { token: g.member.token })).status).toBe(204);
  });
  afterAll(async () => {
    console.log(`digest conversation test (${kind}): ${inserted.put} replies/supports through the sync PUT, ${inserted.seeded} seeded as rows`);
    await t.close();
  });

  it('shows each comment\'s thread, its latest answer and its count, and the answers table', async () => {
    const { res, text } = await fetchDigest(g.reader.token, 'format=md');
    expect(res.status).toBe(200);
    expect(text).toContain('Latest answer: **This has been changed**');
    expect(text).toContain(CHANGED_TEXT);
    expect(text).toContain(NOT_CHANGING_TEXT);
    expect(text).toContain('**The author of this comment**');
    expect(text).toContain('This is my experience too: 5 · 3 replies · Latest answer: **We are not changing this**');
    expect(text).toContain('### Answers by theme');
    expect(text).toMatch(/\| All comments \| 1 \| 0 \| 1 \| 1 \| 50 \| 53 \|/);
    expect(text).toContain('### Not answered yet (50)');
    expect(text).toContain(`_${HIDDEN_REPLY_LINE}_`);
    expect(text).toContain('1 reply hidden by a facilitator is left out.');
    expect(text).toContain('2 replies to comments their authors removed are left out.');
    for (const gone of [HIDDEN_REPLY_TEXT, REPLY_TO_HIDDEN_COMMENT_TEXT, REMOVED_COMMENT_REPLY_TEXT, 'REMOVED-COMMENT']) expect(text).not.toContain(gone.slice(0, 16));
  });

  it('never names an anonymous replier or any supporter, in any format', async () => {
    for (const format of FORMATS) {
      const { text } = await fetchDigest(g.member.token, `format=${format}`);
      for (const name of [...ANONYMOUS_WRITERS, ANONYMOUS_REPLIER, ...SUPPORTERS]) expect(text, `${format}: ${name}`).not.toContain(name);
      expect(text, format).toContain(OFFICER.name);
    }
  });

  it('adds the answer, replies and supports columns to the CSV, after the existing ones', async () => {
    const [header, ...rows] = csvRecords((await fetchDigest(g.reader.token, 'format=csv')).text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header!.slice(11)).toEqual(['Latest answer', 'Answer text', 'Answered by', 'Replies', 'This is my experience too']);
    const byText = (start: string) => rows.find((r) => r[5]!.startsWith(start))!;
    const answerer = 'Sam Lee (Policy officer, Department of Health and Social Care)';
    expect(byText('Well-being is the right starting point').slice(11)).toEqual(['This has been changed', CHANGED_TEXT, answerer, '5', '3']);
    expect(byText('Unmet need is invisible').slice(11)).toEqual(['Not answered yet', '', '', '0', '2']);
  });

  it('sorts by support with sort=support, and refuses any other sort in plain English', async () => {
    const rows = csvRecords((await fetchDigest(g.reader.token, 'format=csv&sort=support')).text).slice(1);
    expect(rows.slice(0, 4).map((r) => r[15])).toEqual(['5', '3', '2', '1']);
    const supports = rows.map((r) => Number(r[15]));
    expect(supports).toEqual([...supports].sort((a, b) => b - a));
    const md = (await fetchDigest(g.reader.token, 'format=md&sort=support')).text;
    expect(md).toContain('## Comments, most supported first');
    const bad = await t.call('GET', `/api/groups/${g.group}/digest?format=csv&sort=votes`, { token: g.reader.token });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'invalid-body',
      message: '"votes" is not a way to sort the digest: use "sort=support" for the most supported comments first, or leave it out for document order.',
    });
  });

  it('exports replies as W3C annotations targeting what they answer, and supports as counts only', async () => {
    const collection = JSON.parse((await fetchDigest(g.reader.token, 'format=jsonld')).text);
    const items: Record<string, any>[] = collection.first.items;
    const replies = items.filter((a) => a.motivation === 'replying');
    expect(replies).toHaveLength(10);
    expect(replies.find((r) => r.body[0].value === CHANGED_TEXT)?.target).toBe(`urn:uuid:0190c7a0-0000-7000-8000-${String(2003).padStart(12, '0')}`);
    expect(replies.filter((r) => r.target === commentUrn(1))).toHaveLength(2);
    for (const r of replies.filter((x) => x.attribution === 'anonymous')) expect(r).not.toHaveProperty('creator');
    expect(items.some((a) => a.motivation === 'assessing')).toBe(false);
    expect(collection['lea:supportCounts']).toEqual(
      expect.arrayContaining([
        { target: commentUrn(1), 'lea:count': 3 },
        { target: commentUrn(2), 'lea:count': 5 },
        { target: commentUrn(13), 'lea:count': 2 },
      ]),
    );
    expect(collection.total).toBe(items.length);
  });

  it('reads only the threads of the comments on the chosen document', async () => {
    const { text } = await fetchDigest(g.reader.token, `format=md&document=${encodeURIComponent(FRANCIS_REPORT)}`);
    expect(text).toContain('0 replies; "This is my experience too" said 0 times.');
    expect(text).not.toContain('left out.\n\n2 replies');
    expect(text).not.toContain(CHANGED_TEXT);
  });

  it('shows the conversation in Word: threads, the answers table and the unanswered list', async () => {
    const { text } = await fetchDigest(g.reader.token, 'format=docx');
    expect(text).toContain('Answers by theme (the latest answer to each comment)');
    expect(text).toContain('Not answered yet (50)');
    expect(text).toContain(HIDDEN_REPLY_LINE);
    expect(text).toContain('The author of this comment');
  });
});
