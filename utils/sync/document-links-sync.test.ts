import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createFakeStore, FAKE_STORE_URL } from '../../tests/support/fake-store-server';
import { openComputer } from '../../tests/support/sync-harness';
import type { FetchLike } from './http';

const LINK = { id: 'l1', earlier: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html', later: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1', earlierLabel: 'the Care Bill (2013-14)', laterLabel: null, created: '2026-12-02T03:00:00.000Z' };

/** The fake store, plus `GET .../document-links` answering `answer()` (null: as a store without the route). */
function withLinks(store: ReturnType<typeof createFakeStore>, answer: () => unknown | null): { fetch: FetchLike; asked: string[] } {
  const asked: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    if (!url.endsWith('/document-links')) return store.fetch(url, init);
    asked.push(`${init.method} ${new URL(url).pathname} ${Object.keys(init.headers).some((h) => h.toLowerCase() === 'authorization') ? 'with token' : 'no token'}`);
    const body = answer();
    const text = JSON.stringify(body ?? { error: { code: 'not-found', message: 'There is nothing at this address.' } });
    return { status: body === null ? 404 : 200, headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) }, text: async () => text, body: null };
  };
  return { fetch, asked };
}

describe('the group\'s links between document versions sync', () => {
  it('are fetched on each sync run and kept for the group; a store without them (404) or offline leaves the last ones', async () => {
    const store = createFakeStore();
    let answer: unknown | null = { links: [LINK] };
    const { fetch, asked } = withLinks(store, () => answer);
    const me = await openComputer({ store, fetch });
    await me.engine.connect({ baseUrl: FAKE_STORE_URL, code: 'member-code', displayName: 'Sam' });
    const group = (await me.repo.getConnection())!.group;
    expect(await me.repo.getDocumentLinks(group)).toEqual([]);

    expect(await me.engine.runOnce()).toMatchObject({ pull: { outcome: 'done' } });
    expect(asked).toEqual([`GET /api/groups/${group}/document-links with token`]);
    expect(await me.repo.getDocumentLinks(group)).toEqual([{ id: 'l1', earlier: LINK.earlier, later: LINK.later, earlierLabel: 'the Care Bill (2013-14)', laterLabel: null }]);
    expect(await me.repo.getDocumentLinks('another-group')).toEqual([]);

    answer = null;
    expect(await me.engine.runOnce()).toMatchObject({ pull: { outcome: 'done' } });
    expect(asked).toHaveLength(2);
    expect(await me.repo.getDocumentLinks(group)).toHaveLength(1);

    answer = { links: [] };
    await me.engine.runOnce();
    expect(await me.repo.getDocumentLinks(group)).toEqual([]);
  });
});
