import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeComment } from '../../tests/support/sync-harness';
import { createAnnotationRepo, createSyncRepo, openLeaDb } from '../store';
import { createAnnotationService } from './annotation-service';
import { withVersions } from './document-versions';

const S1 = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1';
const BILL = 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html';

function sources(links: { earlier: string; later: string }[], stored: string[]) {
  const asked: string[] = [];
  return {
    asked,
    links: async () => links,
    documentsStartingWith: async (prefix: string) => {
      asked.push(prefix);
      return stored.filter((d) => d.startsWith(prefix));
    },
  };
}

describe('withVersions', () => {
  it('the enacted page also asks for the current version, and the dated versions that have comments here', async () => {
    const s = sources([], [`${S1}/2014-10-01`, `${S1}/2/enacted`, `${S1}0/enacted`]);
    const uris = await withVersions([`${S1}/enacted`, `${S1}/enacted?view=plain`], s);
    expect(uris).toEqual([`${S1}/enacted`, `${S1}/enacted?view=plain`, S1, `${S1}/made`, `${S1}/created`, `${S1}/adopted`, `${S1}/2014-10-01`]);
    expect(s.asked).toContain(`${S1}/`);
  });

  it('the Bill, linked by a facilitator to the Act s.1, asks for every version of s.1', async () => {
    const s = sources([{ earlier: BILL, later: S1 }], [`${S1}/2014-10-01`]);
    expect(await withVersions([BILL], s)).toEqual([BILL, S1, `${S1}/enacted`, `${S1}/made`, `${S1}/created`, `${S1}/adopted`, `${S1}/2014-10-01`]);
  });

  it('a page with no versions asks only for itself', async () => {
    const s = sources([], ['https://www.gov.uk/guidance/x/more']);
    expect(await withVersions(['https://www.gov.uk/guidance/x'], s)).toEqual(['https://www.gov.uk/guidance/x']);
    expect(s.asked).toEqual([]);
  });
});

describe('the page lookup through the annotation service (IndexedDB)', () => {
  const clock = () => new Date(Date.UTC(2026, 11, 2, 3));
  const on = (source: string, text: string) => {
    const c = makeComment(text);
    return { ...c, target: { ...c.target, source } };
  };

  it('a comment on the enacted s.1 is listed on the 1 October 2014 page and on the Bill linked to it; not on s.10', async () => {
    const db = await openLeaDb(`versions-${Math.random()}`);
    const annotations = createAnnotationRepo(db, clock);
    const sync = createSyncRepo(db, clock);
    const service = createAnnotationService({ annotations, sync, afterLocalChange: () => undefined });
    const enacted = await service.save(on(`${S1}/enacted`, 'on the enacted text'));
    const dated = await service.save(on(`${S1}/2015-04-01`, 'on a later version'));
    await service.save(on('https://www.legislation.gov.uk/ukpga/2014/23/section/10/enacted', 'on s.10'));
    const ids = async (uris: string[]) => (await service.list(uris)).annotations.map((a) => a.id).sort();
    expect(await ids([`${S1}/2014-10-01`])).toEqual([enacted.annotation.id, dated.annotation.id].sort());
    expect(await ids([BILL])).toEqual([]);

    await sync.setConnection({ baseUrl: 'http://store.test', token: 't', group: 'g1', role: 'member', memberId: 'm1', displayName: 'Sam' });
    await sync.setDocumentLinks('g1', [{ id: 'l1', earlier: BILL, later: S1, earlierLabel: 'the Care Bill (2013-14)', laterLabel: null }]);
    const onBill = await service.list([BILL]);
    expect(onBill.annotations.map((a) => a.id).sort()).toEqual([enacted.annotation.id, dated.annotation.id].sort());
    expect(onBill.links).toEqual([{ id: 'l1', earlier: BILL, later: S1, earlierLabel: 'the Care Bill (2013-14)', laterLabel: null }]);
    // Another group's links are never used.
    await sync.setDocumentLinks('g2', [{ id: 'l2', earlier: BILL, later: S1, earlierLabel: null, laterLabel: null }]);
    expect((await service.list([BILL])).annotations).toEqual([]);
  });
});

describe('the conversation listing across versions', () => {
  it("the Bill's page lists the threads of comments on the Act s.1 once a facilitator linked them", async () => {
    const { openMemberBrowser } = await import('../../tests/support/sync-harness');
    const { createFakeStore } = await import('../../tests/support/fake-store-server');
    const me = await openMemberBrowser(createFakeStore());
    const saved = await me.annotations.save({ ...makeComment('on the Act'), target: { ...makeComment('x').target, source: `${S1}/enacted` } });
    const group = (await me.repo.getConnection())!.group;
    expect((await me.conversation.list({ uris: [BILL] })).items.map((i) => i.id)).toEqual([]);
    await me.repo.setDocumentLinks(group, [{ id: 'l1', earlier: BILL, later: S1, earlierLabel: null, laterLabel: null }]);
    expect((await me.conversation.list({ uris: [BILL] })).items.map((i) => i.id)).toEqual([saved.annotation.id]);
  });
});
