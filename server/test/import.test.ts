import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hypothesisClientExport, hypothesisRow, w3cAnnotation } from '../../utils/interop/interop-fixtures';
import { readHypothesisExport } from '../../utils/interop/hypothesis';
import { runCli } from '../src/cli';
import { ANNO_MEDIA_TYPE } from '../src/routes/w3c/w3c-format';
import { makeComment } from './support/annotations';
import { BACKENDS } from './support/test-db';
import { ADMIN_TOKEN, openTestStore, type TestGroup, type TestStore } from './support/test-store';

/** A Hypothesis export: three comments (one with a tag naming a theme), a reply, a private one. */
function exportFile() {
  return hypothesisClientExport([
    hypothesisRow({ id: 'hA' }),
    hypothesisRow({ id: 'hB', text: 'Second', tags: ['WORKFORCE'], user_info: {} }),
    hypothesisRow({ id: 'hC', text: 'Third' }),
    hypothesisRow({ id: 'hReply', references: ['hA'] }),
    hypothesisRow({ id: 'hPrivate', permissions: { read: ['acct:someone@hypothes.is'] } }),
  ]);
}

describe.each(BACKENDS)('import and export on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let dir = '';
  const cli = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => t.store.app.request(url, init)) as unknown as typeof fetch;
    const code = await runCli(args, { ADMIN_TOKEN, STORE_URL: 'http://store.test' }, (s) => out.push(s), (s) => err.push(s), fetchImpl);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const feed = async (token: string) => (await t.call('GET', `/api/groups/${g.group}/changes`, { token })).json;
  /** The group's comments as stored (the change feed: themes by id), oldest first. */
  const comments = async () => {
    const r = await t.call('GET', `/api/groups/${g.group}/changes?limit=1000`, { token: g.reader.token });
    return ((r.json.changes ?? []) as { annotation: Record<string, unknown> | null }[]).flatMap((ch) => (ch.annotation ? [ch.annotation] : []));
  };

  beforeAll(async () => {
    t = await openTestStore(kind);
    dir = await mkdtemp(join(tmpdir(), 'lea-import-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
  });

  it('CLI: a dry run reports new / already there / refused and writes nothing; the import writes; a second adds nothing', async () => {
    const file = join(dir, 'hypothesis.json');
    await writeFile(file, JSON.stringify(exportFile()));
    const dry = await cli(['import', g.group, file, '--dry-run']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/Dry run: nothing was written\. 5 Hypothesis annotations/);
    expect(dry.out).toMatch(/new: +3 \(would be added\)/);
    expect(dry.out).toMatch(/already there: +0/);
    expect(dry.out).toMatch(/refused: +2/);
    expect(dry.out).toMatch(/item 4 \(https:\/\/hypothes\.is\/a\/hReply\): It is a reply/);
    expect(dry.out).toMatch(/item 5 .*private to its writer/);
    expect(await comments()).toHaveLength(0);

    const first = await cli(['import', g.group, file]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/new: +3\n/);
    const stored = await comments();
    expect(stored).toHaveLength(3);
    expect(stored.map((c) => c.via)).toEqual(['https://hypothes.is/a/hA', 'https://hypothes.is/a/hB', 'https://hypothes.is/a/hC']);
    expect(stored[1]).toMatchObject({ attribution: 'anonymous', body: [{ value: 'Second' }, { purpose: 'tagging', value: 'workforce' }] });
    expect(stored[0]).toMatchObject({ attribution: 'named', creator: { name: 'Sam Example' }, visibility: 'group' });
    // Members see them in their feed like any comment.
    const changes = await feed(g.member.token);
    expect(JSON.stringify(changes)).toContain('https://hypothes.is/a/hA');

    const second = await cli(['import', g.group, file]);
    expect(second.out).toMatch(/new: +0\n {2}already there: +3/);
    const dryAgain = await cli(['import', g.group, file, '--dry-run']);
    expect(dryAgain.out).toMatch(/new: +0 \(would be added\)\n {2}already there: +3/);
    expect(await comments()).toHaveLength(3);
  });

  it('CLI: W3C JSON-LD (a collection with an embedded page), and plain-English errors', async () => {
    const file = join(dir, 'w3c.json');
    await writeFile(file, JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [w3cAnnotation(), w3cAnnotation({ id: 'https://annotations.example.org/anno/2', motivation: 'replying' })] } }));
    const r = await cli(['import', g.group, file]);
    expect(r.out).toMatch(/2 W3C annotations[\s\S]*new: +1[\s\S]*refused: +1/);
    expect((await comments())[0]).toMatchObject({ via: 'https://annotations.example.org/anno/7f1c2b', body: [{ value: 'This duty should mention carers too.' }, { value: 'workforce' }] }); // a known theme's label is stored as its id
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{not json');
    expect((await cli(['import', g.group, bad])).err).toMatch(/is not a JSON file/);
    expect((await cli(['import', g.group, join(dir, 'missing.json')])).err).toMatch(/There is no file/);
    expect((await cli(['import', g.group])).code).toBe(2);
    expect((await cli(['import', 'nosuchgroup', file])).err).toMatch(/There is no group with that id/);
  });

  it('route: facilitators may import (their comments), members and readers may not; bad bodies are 400', async () => {
    const read = readHypothesisExport(exportFile());
    if (!read.ok) throw new Error(read.reason);
    const path = `/api/groups/${g.group}/import`;
    expect((await t.call('POST', path, { token: g.member.token, body: { comments: read.comments } })).status).toBe(403);
    expect((await t.call('POST', path, { token: g.reader.token, body: { comments: read.comments } })).status).toBe(403);
    expect((await t.call('POST', path, { body: { comments: [] } })).status).toBe(401);
    expect((await t.call('POST', path, { token: g.facilitator.token, body: { comments: 'x' } })).status).toBe(400);
    expect((await t.call('POST', path, { token: g.facilitator.token, body: { comments: [], extra: 1 } })).status).toBe(400);
    const bad = [{ ...read.comments[0]!, via: undefined }, { ...read.comments[1]!, visibility: 'private' }, { ...read.comments[2]!, perspective: 'nonsense' }];
    const r = await t.call('POST', path, { token: g.facilitator.token, body: { comments: [...read.comments, ...bad] } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ new: 3, alreadyThere: 0, refused: 3 });
    expect(r.json.results.filter((x: { status: string }) => x.status === 'refused').map((x: { reason: string }) => x.reason)).toEqual([
      expect.stringMatching(/no "via"/),
      expect.stringMatching(/shared with the group/),
      expect.stringMatching(/perspective/i),
    ]);
    // The facilitator who imported owns them (marked mine in their feed).
    const mine = (await feed(g.facilitator.token)).changes.filter((i: { mine?: boolean }) => i.mine);
    expect(mine).toHaveLength(3);
    // Each original lands on one id (from the group and via): deleted, it is not brought back.
    const gone = mine[0].id.slice(9);
    expect((await t.call('DELETE', `/api/groups/${g.group}/annotations/${gone}`, { token: g.facilitator.token })).status).toBe(204);
    const again = await t.call('POST', path, { token: g.facilitator.token, body: { comments: read.comments } });
    expect(again.json).toMatchObject({ new: 0, alreadyThere: 2, refused: 1 });
    expect(again.json.results.find((x: { status: string }) => x.status === 'refused').reason).toMatch(/deleted in this group/);
  });

  it('export: a Hypothesis file of the group comments (other tools\' included); re-importing it adds nothing', async () => {
    const own = makeComment();
    await t.call('PUT', `/api/groups/${g.group}/annotations/${own.id.slice(9)}`, { token: g.member.token, body: own, headers: { 'if-none-match': '*' } });
    const hidden = makeComment({ visibility: 'private' });
    await t.call('PUT', `/api/groups/${g.group}/annotations/${hidden.id.slice(9)}`, { token: g.member.token, body: hidden, headers: { 'if-none-match': '*' } });
    const posted = await t.call('POST', `/annotations/${g.group}/`, { token: g.member.token, body: w3cAnnotation({ id: undefined }), headers: { 'content-type': ANNO_MEDIA_TYPE } });
    expect(posted.status).toBe(201);
    const file = join(dir, 'export.json');
    await writeFile(file, JSON.stringify(exportFile()));
    await cli(['import', g.group, file]);

    const exported = await cli(['export', g.group, '--format', 'hypothesis']);
    expect(exported.code, exported.err).toBe(0);
    const json = JSON.parse(exported.out);
    expect(Object.keys(json)).toEqual(['export_date', 'export_userid', 'client_version', 'annotations']);
    expect(json.annotations).toHaveLength(5);
    expect(json.annotations.map((a: { id: string }) => a.id)).toEqual([own.id.slice(9), new URL(posted.headers.get('location')!).pathname.split('/').pop(), 'hA', 'hB', 'hC']);
    expect(JSON.stringify(json)).not.toContain(hidden.id.slice(9));

    const back = join(dir, 'back.json');
    expect((await cli(['export', g.group, '--format', 'hypothesis', '--out', back])).code).toBe(0);
    expect(JSON.parse(await readFile(back, 'utf8'))).toMatchObject({ annotations: json.annotations });
    const again = await cli(['import', g.group, back]);
    expect(again.out).toMatch(/new: +0\n {2}already there: +5/);
    expect(await comments()).toHaveLength(5);
    // Members and readers cannot export.
    expect((await t.call('GET', `/api/groups/${g.group}/export?format=hypothesis`, { token: g.member.token })).status).toBe(403);
    expect((await t.call('GET', `/api/groups/${g.group}/export?format=csv`, { token: g.facilitator.token })).status).toBe(400);
  });

  it('a W3C comment a plain HTTP client POSTs to the container is in the CSV and Markdown digests', async () => {
    const posted = await t.call('POST', `/annotations/${g.group}/`, { token: g.member.token, body: w3cAnnotation({ id: undefined }), headers: { 'content-type': ANNO_MEDIA_TYPE } });
    expect(posted.status).toBe(201);
    for (const format of ['csv', 'md']) {
      const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/digest?format=${format}`, { headers: { authorization: `Bearer ${g.reader.token}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text, format).toContain('This duty should mention carers too.');
      expect(text, format).toContain('Alex Sample');
    }
  });
});
