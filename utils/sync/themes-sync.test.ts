import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createFakeStore, FAKE_STORE_URL } from '../../tests/support/fake-store-server';
import { openComputer } from '../../tests/support/sync-harness';
import { translator } from '../i18n/translate';
import { themeName } from '../i18n/vocabulary-labels';
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

  it('brings a theme’s Welsh name (labelCy) to the extension, shown to Welsh readers, and removes it when the store does', async () => {
    const store = createFakeStore();
    const housingCy = { ...housing, labelCy: 'Tai' };
    let answer: unknown = { themes: [...DEFAULT_THEMES, housingCy] };
    const { fetch } = withThemes(store, () => answer);
    const me = await openComputer({ store, fetch });
    await me.engine.connect({ baseUrl: FAKE_STORE_URL, code: 'member-code', displayName: 'Sam' });
    const group = (await me.repo.getConnection())!.group;
    await me.engine.runOnce();
    const themes = await me.repo.getThemes(group);
    expect(themes.find((t) => t.id === 'housing')).toEqual(housingCy);
    expect(themeName(translator('cy'), themes, 'housing')).toBe('Tai');
    expect(themeName(translator('en-GB'), themes, 'housing')).toBe('Housing');
    // A default theme without a Welsh name of its own reads the catalogue's in Welsh.
    expect(themeName(translator('cy'), themes, 'workforce')).toBe('Gweithlu');

    // Changed, then removed at the store: the same here at the next sync.
    const changes = me.changes;
    changes.length = 0;
    answer = { themes: [...DEFAULT_THEMES, { ...housing, labelCy: 'Tai a chartrefi' }] };
    await me.engine.runOnce();
    expect(themeName(translator('cy'), await me.repo.getThemes(group), 'housing')).toBe('Tai a chartrefi');
    expect(changes).toContainEqual({ type: 'annotations', ids: [] });
    answer = { themes: [...DEFAULT_THEMES, housing] };
    await me.engine.runOnce();
    expect((await me.repo.getThemes(group)).find((t) => t.id === 'housing')).toEqual(housing);
    expect(themeName(translator('cy'), await me.repo.getThemes(group), 'housing')).toBe('Housing');

    // A Welsh name that is not one (too long) is refused like a bad label: the last list stays.
    answer = { themes: [...DEFAULT_THEMES, { ...housing, labelCy: 'x'.repeat(61) }] };
    await me.engine.runOnce();
    expect((await me.repo.getThemes(group)).find((t) => t.id === 'housing')).toEqual(housing);
  });
});
