import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../src/log';
import { makeComment } from './support/annotations';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';

const NOW = new Date('2026-11-23T10:00:00Z');
const STORY = 'After my father came home from hospital the visits stopped without warning and nobody could tell us why.';
/** The real worker, made to die under any job of the group named "Worker dies here". */
const DYING_WORKER = new URL('./fixtures/dying-digest-worker.mjs', import.meta.url);

// A digest worker that dies under a job must fail only that digest, with a plain 503, and be
// replaced: the store and other digests go on, and nothing of the comments is logged.
describe.each(BACKENDS)('a digest worker that dies, on %s', (kind) => {
  let t: TestStore;
  let huge: TestGroup;
  let small: TestGroup;
  const logged: string[] = [];
  const logger: Logger = { error: (message, fields) => void logged.push(`${message} ${JSON.stringify(fields)}`) };

  async function seed(group: TestGroup, n: number, words: string) {
    const template = makeComment({ text: words });
    await t.testDb.db.query(
      `insert into annotations (group_id, id, author_id, revision, annotation, visibility, ever_shared, xid, seq, created_at, updated_at)
       select $1, u, $2, 1, jsonb_set(jsonb_set($3::jsonb, '{id}', to_jsonb('urn:uuid:' || u)), '{body,0,value}', to_jsonb('Story ' || n || ': ' || ($3::jsonb #>> '{body,0,value}'))),
              'group', true, pg_current_xact_id(), nextval('change_seq'), now(), now()
       from (select n, '00000000-0000-7000-8000-' || lpad(n::text, 12, '0') as u from generate_series(1, $4::int) as n) s`,
      [group.group, group.member.memberId, JSON.stringify(template), n],
    );
  }
  const digest = (group: TestGroup, format: string) =>
    t.store.app.request(`http://store.test/api/groups/${group.group}/digest?format=${format}`, { headers: { authorization: `Bearer ${group.reader.token}` } });

  beforeAll(async () => {
    t = await openTestStore(kind, { clock: () => NOW, logger, digests: { workers: 1, perGroup: 2, queue: 8, workerEntry: DYING_WORKER } });
    huge = await t.createGroup('Worker dies here');
    small = await t.createGroup('Small group');
    await seed(huge, 50, STORY);
    await seed(small, 5, 'Nobody told us who would visit.');
    expect((await digest(small, 'docx')).status).toBe(200);
  });
  afterAll(async () => t.close());

  it('answers a plain 503 for the digest whose worker died, then serves the next digest from a new worker', async () => {
    const failed = await digest(huge, 'docx');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await failed.json()) as { error: { message: string } }).error.message).toBe(
      'The digest could not be made this time. Please try again in a minute; if it happens again, choose fewer comments with the filters.',
    );

    const health = await t.store.app.request('http://store.test/api/health');
    expect(health.status).toBe(200);
    const next = await digest(small, 'docx');
    expect(next.status).toBe(200);
    expect(new Uint8Array(await next.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a zip (Word) file
    // Nothing of the stories reached the log.
    expect(logged.join('\n')).not.toContain('visits stopped');
  });
});
