import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnnotation, createAnnotationId, type LeaAnnotation } from '../model';
import { createAnnotationRepo, openLeaDb, type LeaDb } from './index';
import { setCurrentLanguage } from '../i18n/current-language';

let db: LeaDb;
let counter = 0;
const clock = () => new Date(Date.UTC(2026, 10, 23, 12, 0, counter++));

function makeAnnotation(source: string, text = 'This matters to me'): LeaAnnotation {
  const result = buildAnnotation({
    id: createAnnotationId(Date.now() + counter++, (b) => crypto.getRandomValues(b)),
    now: clock(),
    draft: { text, themes: ['Workforce'], perspective: 'carer', attribution: 'anonymous', visibility: 'private', kind: 'comment' },
    target: {
      source,
      selectors: [
        { type: 'TextQuoteSelector', exact: 'local authority' },
        { type: 'TextPositionSelector', start: 10, end: 25 },
      ],
    },
    authorName: '',
  });
  if (!result.ok) throw new Error(result.problems.join());
  return result.value;
}

beforeEach(async () => {
  db = await openLeaDb(`test-${Math.random()}`);
});
afterEach(() => db.close());

describe('annotation repository', () => {
  it('names each stored version of a provision once, however many comments each has', async () => {
    const repo = createAnnotationRepo(db, clock);
    const prefix = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/';
    for (let i = 0; i < 5; i++) await repo.save(makeAnnotation(`${prefix}enacted`));
    for (let i = 0; i < 3; i++) await repo.save(makeAnnotation(`${prefix}2015-04-01`));
    await repo.save(makeAnnotation('https://www.legislation.gov.uk/ukpga/2014/23/section/10/enacted'));
    await repo.save(makeAnnotation('https://www.legislation.gov.uk/ukpga/2014/23/section/1'));
    expect(await repo.documentsStartingWith(prefix)).toEqual([`${prefix}2015-04-01`, `${prefix}enacted`]);
    expect(await repo.documentsStartingWith('https://www.gov.uk/')).toEqual([]);
  });

  it('saves a comment and queues it in the outbox in the same write', async () => {
    const repo = createAnnotationRepo(db, clock);
    const a = makeAnnotation('https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted');
    await repo.save(a);
    expect(await repo.get(a.id)).toEqual(a);
    expect((await repo.pendingOutbox()).map((e) => [e.annotationId, e.op])).toEqual([[a.id, 'put']]);
  });

  it('lists a document’s comments across its addresses, oldest first, without duplicates', async () => {
    const repo = createAnnotationRepo(db, clock);
    const canonical = 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted';
    const local = 'http://127.0.0.1:8080/care-act-2014-part-1.html';
    const first = await repo.save(makeAnnotation(canonical, 'first'));
    const second = await repo.save(makeAnnotation(local, 'second'));
    await repo.save(makeAnnotation('https://example.org/other', 'elsewhere'));
    const listed = await repo.listForDocument([canonical, local, canonical]);
    expect(listed.annotations.map((a) => a.id)).toEqual([first.id, second.id]);
  });

  it('refuses an invalid comment with a reason and writes nothing', async () => {
    const repo = createAnnotationRepo(db, clock);
    const bad = { ...makeAnnotation('https://example.org/a'), body: [] };
    await expect(repo.save(bad)).rejects.toThrow(/could not be saved/);
    expect(await repo.pendingOutbox()).toEqual([]);
  });

  it('reports damaged stored records instead of dropping them', async () => {
    const repo = createAnnotationRepo(db, clock);
    const good = await repo.save(makeAnnotation('https://example.org/a'));
    await db.put('annotations', { ...good, id: 'urn:uuid:damaged', perspective: 'robot' } as never);
    const listed = await repo.listForDocument(['https://example.org/a']);
    expect(listed.annotations).toHaveLength(1);
    expect(listed.damaged).toEqual([{ id: 'urn:uuid:damaged', problems: expect.arrayContaining([expect.stringContaining('perspective')]) }]);
    expect(await db.get('annotations', 'urn:uuid:damaged')).toBeDefined();
  });

  it('deletes with an outbox entry and returns the deleted comment for undo', async () => {
    const repo = createAnnotationRepo(db, clock);
    const a = await repo.save(makeAnnotation('https://example.org/a'));
    expect(await repo.remove(a.id)).toEqual(a);
    expect(await repo.get(a.id)).toBeNull();
    expect((await repo.pendingOutbox()).map((e) => e.op)).toEqual(['put', 'delete']);
    await repo.save(a);
    expect(await repo.get(a.id)).toEqual(a);
  });

  it('explains a full disk in plain words and keeps what was already saved', async () => {
    const repo = createAnnotationRepo(db, clock);
    const kept = await repo.save(makeAnnotation('https://example.org/a', 'kept'));
    // Make the browser's object store refuse writes as it does when the disk quota is used up.
    const storeProto = IDBObjectStore.prototype as unknown as { put: (...args: unknown[]) => unknown };
    const realPut = storeProto.put;
    storeProto.put = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    const refused = makeAnnotation('https://example.org/a', 'new');
    await expect(repo.save(refused)).rejects.toThrow(/run out of space.*Your writing is still in the box/);
    // In Welsh for a person who chose Welsh.
    setCurrentLanguage('cy');
    await expect(repo.save(refused)).rejects.toThrow(/rhedeg allan o le.*yn dal yn y blwch/);
    await expect(repo.save({ ...refused, body: [] })).rejects.toThrow(/^Nid oedd modd cadw’r sylw hwn: /);
    setCurrentLanguage('en-GB');
    storeProto.put = realPut;
    expect(await repo.get(kept.id)).toEqual(kept);
    expect(await repo.get(refused.id)).toBeNull();
    expect(await repo.pendingOutbox()).toHaveLength(1);
  });
});

describe('listAll', () => {
  it('returns every document’s comments for the group digest', async () => {
    const repo = createAnnotationRepo(db, clock);
    const a = await repo.save(makeAnnotation('https://example.org/a'));
    const b = await repo.save(makeAnnotation('https://example.org/b'));
    expect((await repo.listAll()).annotations.map((x) => x.id)).toEqual([a.id, b.id]);
  });
});
