import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createFakeStore, FAKE_STORE_URL } from '../../tests/support/fake-store-server';
import { openComputer } from '../../tests/support/sync-harness';
import { DEFAULT_THEMES } from '../model/themes';
import type { FetchLike } from './http';

/** The fake store, plus `GET .../themes` answering `answer()` (null: as a store without the route). */
function withThemes(store: ReturnType<typeof createFakeStore>, answer: () => unknown | null): { fetch: FetchLike; asked: string[] } {
  const asked: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    if (!url.endsWith('/themes')) return store.fetch(url, init);
    asked.push(`${init.method} ${new URL(url).pathname}`);
    const body = answer();
    const text = JSON.stringify(body ?? { error: { code: 'not-found', message: 'There is nothing at this address.' } });
    return { status: body === null ? 404 : 200, headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) }, text: async () => text, body: null };
  };
  return { fetch, asked };
}

const housing = { id: 'housing', label: 'Housing', retired: false };

describe('the group’s theme vocabulary syncs', () => {
  it('is fetched on each sync run, kept for the group, announced when it changed; a bad answer or none leaves the last one', async () => {
    const store = createFakeStore();
    let answer: unknown | null = { themes: [...DEFAULT_THEMES, housing] };
    const { fetch, asked } = withThemes(store, () => answer);
    const me = await openComputer({ store, fetch });
    const changes = me.changes;
    // Without a group: Making It Real.
    expect(await me.repo.getThemes(null)).toEqual(DEFAULT_THEMES);
    await me.engine.connect({ baseUrl: FAKE_STORE_URL, code: 'member-code', displayName: 'Sam' });
    const group = (await me.repo.getConnection())!.group;
    expect(await me.repo.getThemes(group)).toEqual(DEFAULT_THEMES);

    await me.engine.runOnce();
    expect(asked).toEqual([`GET /api/groups/${group}/themes`]);
    expect((await me.repo.getThemes(group)).map((t) => t.label)).toContain('Housing');
    expect(await me.repo.getThemes('another-group')).toEqual(DEFAULT_THEMES);
    expect(changes).toContainEqual({ type: 'annotations', ids: [] });

    // The same vocabulary again: nothing to repaint.
    changes.length = 0;
    await me.engine.runOnce();
    expect(changes).not.toContainEqual({ type: 'annotations', ids: [] });

    // Renamed at the store: renamed here at the next sync.
    answer = { themes: [{ ...DEFAULT_THEMES[5]!, label: 'People who work in care' }, housing] };
    await me.engine.runOnce();
    expect((await me.repo.getThemes(group)).map((t) => t.label)).toEqual(['People who work in care', 'Housing']);

    for (const bad of [null, { themes: [{ id: 'Not An Id', label: 'x', retired: false }] }, { themes: 'nope' }]) {
      answer = bad;
      await me.engine.runOnce();
      expect((await me.repo.getThemes(group)).map((t) => t.label)).toEqual(['People who work in care', 'Housing']);
    }
  });
});
