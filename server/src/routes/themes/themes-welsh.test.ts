import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THEMES } from '../../../../utils/model/themes';
import { BACKENDS } from '../../../test/support/test-db';
import { openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';

interface ThemeAnswer {
  id: string;
  label: string;
  labelCy?: string;
  retired: boolean;
}

describe.each(BACKENDS)('a theme’s Welsh name (labelCy) on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup('NCAG');
  });

  const themesOf = async (token = g.member.token): Promise<ThemeAnswer[]> => {
    const r = await t.call('GET', `/api/groups/${g.group}/themes`, { token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json.themes as ThemeAnswer[];
  };
  const add = (body: unknown) => t.call('POST', `/api/groups/${g.group}/themes`, { token: g.facilitator.token, body });
  const change = (id: string, body: unknown) => t.call('PATCH', `/api/groups/${g.group}/themes/${id}`, { token: g.facilitator.token, body });

  it('stores a new theme’s Welsh name, trimmed, and gives it to every role', async () => {
    const r = await add({ label: 'Housing', labelCy: '  Tai  ' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toEqual({ id: 'housing', label: 'Housing', labelCy: 'Tai', retired: false });
    for (const token of [g.reader.token, g.member.token]) {
      expect((await themesOf(token)).find((x) => x.id === 'housing')).toEqual({ id: 'housing', label: 'Housing', labelCy: 'Tai', retired: false });
    }
    // The defaults copied in have no Welsh name of their own: their Welsh is the catalogue's.
    expect((await themesOf()).filter((x) => x.id !== 'housing')).toEqual(DEFAULT_THEMES.map((d) => ({ ...d })));
  });

  it('gives, changes and removes the Welsh name of a theme, a default one included, leaving the rest alone', async () => {
    const given = await change('workforce', { labelCy: 'Pobl sy’n gweithio ym maes gofal' });
    expect(given.status, JSON.stringify(given.json)).toBe(200);
    expect(given.json).toEqual({ id: 'workforce', label: 'Workforce', labelCy: 'Pobl sy’n gweithio ym maes gofal', retired: false });
    // Renaming or retiring keeps the Welsh name.
    expect((await change('workforce', { label: 'People who work in care', retired: true })).json).toEqual({
      id: 'workforce',
      label: 'People who work in care',
      labelCy: 'Pobl sy’n gweithio ym maes gofal',
      retired: true,
    });
    expect((await change('workforce', { labelCy: 'Gweithlu gofal' })).json.labelCy).toBe('Gweithlu gofal');
    const removed = await change('workforce', { labelCy: null });
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ id: 'workforce', label: 'People who work in care', retired: true });
    expect((await themesOf()).find((x) => x.id === 'workforce')).not.toHaveProperty('labelCy');
  });

  it.each([
    ['', 'Please give the theme a name'],
    ['   ', 'Please give the theme a name'],
    ['x'.repeat(61), 'A theme name can be up to 60 characters long'],
    [42, 'A theme name must be text'],
    ['Dwy\nlinell', 'one line'],
    ['Tab\there', 'one line'],
  ])('refuses the Welsh name %j with a plain 400, on adding and on changing', async (labelCy, words) => {
    const added = await add({ label: 'Housing', labelCy });
    expect(added.status).toBe(400);
    expect(added.json.error.message).toContain(words);
    const changed = await change('workforce', { labelCy });
    expect(changed.status).toBe(400);
    expect(changed.json.error.message).toContain(words);
    expect((await themesOf()).some((x) => 'labelCy' in x || x.id === 'housing')).toBe(false);
  });

  it('accepts 60 characters, and refuses a Welsh name another theme has (any case)', async () => {
    expect((await add({ label: 'Long', labelCy: 'y'.repeat(60) })).status).toBe(201);
    expect((await change('workforce', { labelCy: 'Gweithlu' })).status).toBe(200);
    const clash = await add({ label: 'Staff', labelCy: 'GWEITHLU' });
    expect(clash.status).toBe(409);
    expect(clash.json.error.message).toBe('The theme "Workforce" already has the Welsh name "Gweithlu". Choose another Welsh name.');
    expect((await change('information-and-advice', { labelCy: 'gweithlu' })).status).toBe(409);
    // Its own Welsh name again, in another case, is fine.
    expect((await change('workforce', { labelCy: 'GWEITHLU' })).status).toBe(200);
  });

  it('counts a default theme’s standard Welsh name (from the catalogue) as taken until the group renames that theme', async () => {
    const clash = await add({ label: 'Staff', labelCy: 'gweithlu' });
    expect(clash.status).toBe(409);
    expect(clash.json.error.message).toBe('The theme "Workforce" already has the Welsh name "Gweithlu". Choose another Welsh name.');
    expect((await change('workforce', { label: 'People who work in care' })).status).toBe(200);
    expect((await add({ label: 'Staff', labelCy: 'Gweithlu' })).status).toBe(201);
  });
});
