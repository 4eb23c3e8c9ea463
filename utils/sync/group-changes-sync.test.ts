import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeStore, FAKE_STORE_URL } from '../../tests/support/fake-store-server';
import { openComputer } from '../../tests/support/sync-harness';
import { DEFAULT_THEMES } from '../model/themes';
import { groupChangeOf } from './follow-stream';
import type { FetchLike } from './http';

const LINK = { id: 'l1', earlier: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html', later: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1', earlierLabel: 'the Care Bill (2013-14)', laterLabel: null, created: '2026-12-02T03:00:00.000Z' };

/** The fake store, plus `GET …/themes` and `GET …/document-links` answering what the test says now. */
function withGroupData(store: ReturnType<typeof createFakeStore>, now: { themes: unknown; links: unknown }) {
  const asked: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    const path = new URL(url).pathname;
    const which = path.endsWith('/themes') ? 'themes' : path.endsWith('/document-links') ? 'links' : null;
    if (!which) return store.fetch(url, init);
    asked.push(which);
    const text = JSON.stringify(which === 'themes' ? { themes: now.themes } : { links: now.links });
    return { status: 200, headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) }, text: async () => text, body: null };
  };
  return { fetch, asked };
}

const stops: AbortController[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!.abort();
});

describe("the group's themes and links arrive live", () => {
  it('reads only the two kinds the store sends', () => {
    expect(groupChangeOf('{"changed":"themes"}')).toBe('themes');
    expect(groupChangeOf('{"changed":"links"}')).toBe('links');
    for (const bad of ['{"changed":"members"}', '{}', 'null', '"themes"', 'not json', '']) expect(groupChangeOf(bad)).toBeNull();
  });

  it("a renamed theme or a new link is fetched on the stream's event, without waiting for a comment, and open pages are told", async () => {
    const store = createFakeStore();
    const now = { themes: [...DEFAULT_THEMES] as unknown, links: [] as unknown };
    const { fetch, asked } = withGroupData(store, now);
    const me = await openComputer({ store, fetch });
    await me.engine.connect({ baseUrl: FAKE_STORE_URL, code: 'member-code', displayName: 'Sam' });
    const group = (await me.repo.getConnection())!.group;
    await me.engine.runOnce();
    const controller = new AbortController();
    stops.push(controller);
    void me.engine.live(controller.signal);
    await vi.waitFor(() => expect(store.openStreams()).toBe(1));
    // Connecting pulls once to catch up; the themes and links were fetched by the run before.
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual(['links', 'themes']);
    asked.length = 0;
    me.changes.length = 0;

    now.themes = [{ ...DEFAULT_THEMES[5]!, label: 'People who work in care' }];
    store.sendGroupEvent('{"changed":"themes"}');
    await vi.waitFor(async () => expect((await me.repo.getThemes(group)).map((t) => t.label)).toEqual(['People who work in care']));
    expect(asked).toEqual(['themes']);
    expect(me.changes).toContainEqual({ type: 'annotations', ids: [] });

    me.changes.length = 0;
    now.links = [LINK];
    store.sendGroupEvent('{"changed":"links"}');
    await vi.waitFor(async () => expect(await me.repo.getDocumentLinks(group)).toHaveLength(1));
    expect(asked).toEqual(['themes', 'links']);
    await vi.waitFor(() => expect(me.changes).toContainEqual({ type: 'annotations', ids: [] }));

    // The same links again: nothing for open pages to redo. An event of another kind: nothing asked.
    me.changes.length = 0;
    store.sendGroupEvent('{"changed":"links"}');
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    store.sendGroupEvent('{"changed":"members"}');
    store.sendGroupEvent('not json');
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toHaveLength(3);
    expect(me.changes).not.toContainEqual({ type: 'annotations', ids: [] });
  });
});
