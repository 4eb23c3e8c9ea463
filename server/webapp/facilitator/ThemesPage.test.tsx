import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_THEMES, type Theme } from '../../../utils/model/themes';
import { WebApiError } from '../api';
import { checkThemeName, checkWelshName, ThemesPage } from './ThemesPage';
import { translator } from '../../../utils/i18n/translate';
import { announced, button, click, description, fakeApi, labelled, mount, SESSION, submit, type, unmount } from './test-support';

function store() {
  const state = { themes: DEFAULT_THEMES.map((t) => ({ ...t })) as Theme[] };
  const api = fakeApi(
    {
      'GET /api/groups/g1/themes': () => ({ themes: structuredClone(state.themes) }),
      'POST /api/groups/g1/themes': (body: unknown) => {
        const theme = { id: 'housing', ...(body as { label: string; labelCy?: string }), retired: false };
        state.themes.push(theme);
        return theme;
      },
      'PATCH /api/groups/g1/themes/workforce': (body: unknown) => {
        const theme = state.themes.find((t) => t.id === 'workforce')!;
        const { labelCy, ...rest } = body as Partial<Theme> & { labelCy?: string | null };
        Object.assign(theme, rest);
        // As the store does: a removed Welsh name is left out of the answer.
        if (labelCy === null) delete theme.labelCy;
        else if (labelCy !== undefined) theme.labelCy = labelCy;
        return theme;
      },
    },
    SESSION,
  );
  return { api, state };
}

afterEach(unmount);

describe('checkThemeName', () => {
  it('trims, refuses an empty name, a long one, and another theme’s name ignoring case and spacing', () => {
    expect(checkThemeName('  Housing  ', DEFAULT_THEMES)).toEqual({ label: 'Housing' });
    expect(checkThemeName('   ', DEFAULT_THEMES)).toEqual({ problem: 'Please give the theme a name.' });
    expect(checkThemeName('x'.repeat(61), DEFAULT_THEMES)).toEqual({ problem: 'A theme name can be up to 60 characters long.' });
    expect(checkThemeName('information  AND advice', DEFAULT_THEMES)).toEqual({ problem: 'There is already a theme called “Information and advice”.' });
    expect(checkThemeName('Workforce', DEFAULT_THEMES, 'workforce')).toEqual({ label: 'Workforce' });
    expect(checkThemeName('Two\nlines', DEFAULT_THEMES)).toEqual({ problem: 'A theme name must be one line without control characters.' });
    expect(checkThemeName('', DEFAULT_THEMES, undefined, translator('cy').t)).toEqual({ problem: 'Rhowch enw i’r thema.' });
  });

  it('checkWelshName: empty is none, else trimmed and checked, and not another theme’s Welsh name', () => {
    const themes = [...DEFAULT_THEMES, { id: 'housing', label: 'Housing', labelCy: 'Tai', retired: false }];
    expect(checkWelshName('   ', themes)).toEqual({ labelCy: null });
    expect(checkWelshName(' Gofal ', themes)).toEqual({ labelCy: 'Gofal' });
    expect(checkWelshName('x'.repeat(61), themes)).toEqual({ problem: 'A Welsh name can be up to 60 characters long.' });
    expect(checkWelshName('tai', themes)).toEqual({ problem: 'The theme “Housing” already has the Welsh name “Tai”.' });
    expect(checkWelshName('TAI', themes, 'housing')).toEqual({ labelCy: 'TAI' });
    // A default's standard Welsh name counts too, until the group renames that theme.
    expect(checkWelshName('gweithlu', themes)).toEqual({ problem: 'The theme “Workforce” already has the Welsh name “Gweithlu”.' });
    expect(checkWelshName('Gweithlu', [{ id: 'workforce', label: 'Staff', retired: false }])).toEqual({ labelCy: 'Gweithlu' });
  });
});

describe('ThemesPage', () => {
  it('lists the Making It Real themes by default in a table, each offered', async () => {
    const { api } = store();
    const root = await mount(<ThemesPage api={api} session={SESSION} />);
    expect(root.querySelector('h1')!.textContent).toBe('Themes');
    expect(root.textContent).toContain('Making It Real');
    expect([...root.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(DEFAULT_THEMES.map((t) => t.label));
    expect(root.querySelector('caption')!.textContent).toBe('6 themes are offered for new comments, in the order members see them.');
  });

  it('adds a theme, says so, and keeps focus in the field for the next one', async () => {
    const { api } = store();
    const root = await mount(<ThemesPage api={api} session={SESSION} />);
    const field = labelled(root, 'Name of the new theme');
    await type(field, ' Housing ');
    await click(button(root, 'Add theme'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'POST', path: '/api/groups/g1/themes', body: { label: 'Housing' } }]);
    expect(announced(root)).toBe('Theme added: “Housing”. Members are offered it at their extension’s next sync.');
    expect([...root.querySelectorAll('tbody th')].at(-1)!.textContent).toBe('Housing');
    expect(labelled(root, 'Name of the new theme').value).toBe('');
    expect(document.activeElement).toBe(labelled(root, 'Name of the new theme'));
  });

  it('refuses a name the group already has before asking the store, tied to the field', async () => {
    const { api } = store();
    const root = await mount(<ThemesPage api={api} session={SESSION} />);
    await type(labelled(root, 'Name of the new theme'), 'workforce');
    await submit(labelled(root, 'Name of the new theme'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    const field = labelled(root, 'Name of the new theme');
    expect(description(field)).toContain('There is already a theme called “Workforce”.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
  });

  it('shows the store’s refusal in its words', async () => {
    const { api } = store();
    const refusing = {
      ...api,
      send: async () => {
        throw new WebApiError(409, 'conflict', 'Your group has 100 themes, the most it can have. Retire one or rename it instead.');
      },
    };
    const root = await mount(<ThemesPage api={refusing} session={SESSION} />);
    await type(labelled(root, 'Name of the new theme'), 'Housing');
    await click(button(root, 'Add theme'));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Your group has 100 themes, the most it can have. Retire one or rename it instead.');
  });

  it('renames a theme in place: the field is focused, the change said, focus back on Rename', async () => {
    const { api } = store();
    const root = await mount(<ThemesPage api={api} session={SESSION} />);
    await click(button(root, 'Rename “Workforce”'));
    const field = labelled(root, 'New name for “Workforce”');
    expect(document.activeElement).toBe(field);
    await type(field, 'The people who support us');
    await click(button(root, 'Save'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([
      { method: 'PATCH', path: '/api/groups/g1/themes/workforce', body: { label: 'The people who support us' } },
    ]);
    expect(announced(root)).toBe('Theme renamed: “Workforce” is now “The people who support us”, on every comment that has it.');
    expect(document.activeElement).toBe(button(root, 'Rename “The people who support us”'));
  });

  it('Cancel on a rename sends nothing and puts focus back on Rename', async () => {
    const { api } = store();
    const root = await mount(<ThemesPage api={api} session={SESSION} />);
    await click(button(root, 'Rename “Workforce”'));
    await click(button(root, 'Cancel'));
    expect(document.activeElement).toBe(button(root, 'Rename “Workforce”'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('retires a theme and brings it back, focus staying on the button', async () => {
    const { api } = store();
    const root = await mount(<ThemesPage api={api} session={SESSION} />);
    await click(button(root, 'Retire “Workforce”'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'PATCH', path: '/api/groups/g1/themes/workforce', body: { retired: true } }]);
    expect(announced(root)).toBe('Theme retired: “Workforce” is no longer offered for new comments. Comments that have it keep it.');
    const row = [...root.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === 'Workforce')!;
    expect(row.textContent).toContain('Retired: not offered for new comments');
    expect(document.activeElement).toBe(button(root, 'Bring back “Workforce”'));
    expect(root.querySelector('caption')!.textContent).toBe('5 themes are offered for new comments, in the order members see them; 1 retired.');
    await click(button(root, 'Bring back “Workforce”'));
    expect(announced(root)).toBe('Theme brought back: “Workforce” is offered for new comments again.');
    expect(document.activeElement).toBe(button(root, 'Retire “Workforce”'));
  });

  it('adds a theme with a Welsh name from the field labelled “Welsh name”, and shows it in the table', async () => {
    const { api } = store();
    const root = await mount(<ThemesPage api={api} session={SESSION} />);
    await type(labelled(root, 'Name of the new theme'), 'Housing');
    await type(labelled(root, 'Welsh name'), '  Tai ');
    await click(button(root, 'Add theme'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'POST', path: '/api/groups/g1/themes', body: { label: 'Housing', labelCy: 'Tai' } }]);
    expect(announced(root)).toBe('Theme added: “Housing” (in Welsh, “Tai”). Members are offered it at their extension’s next sync.');
    expect(labelled(root, 'Welsh name').value).toBe('');
    const row = [...root.querySelectorAll('tbody tr')].at(-1)!;
    expect(row.querySelector('th')!.textContent).toBe('Housing');
    expect(row.querySelector('td')!.textContent).toBe('Tai');
  });

  it('shows the standard Welsh name of a default theme, and gives, changes and removes a Welsh name in the row', async () => {
    const { api } = store();
    const root = await mount(<ThemesPage api={api} session={SESSION} />);
    const welshCell = () => [...root.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === 'Workforce')!.querySelector('td')!.textContent;
    expect(welshCell()).toBe('Gweithlu (the standard Welsh name)');

    await click(button(root, 'Rename “Workforce”'));
    expect(labelled(root, 'Welsh name for “Workforce”').value).toBe('');
    await type(labelled(root, 'Welsh name for “Workforce”'), 'Gweithlu gofal');
    await click(button(root, 'Save'));
    expect(api.calls.filter((c) => c.method !== 'GET').at(-1)).toEqual({ method: 'PATCH', path: '/api/groups/g1/themes/workforce', body: { labelCy: 'Gweithlu gofal' } });
    expect(announced(root)).toBe('Welsh name saved: “Workforce” is “Gweithlu gofal” for members who read in Welsh.');
    expect(welshCell()).toBe('Gweithlu gofal');
    expect(document.activeElement).toBe(button(root, 'Rename “Workforce”'));

    // A Welsh name that is too long is refused before asking the store, tied to its field.
    await click(button(root, 'Rename “Workforce”'));
    expect(labelled(root, 'Welsh name for “Workforce”').value).toBe('Gweithlu gofal');
    await type(labelled(root, 'Welsh name for “Workforce”'), 'x'.repeat(61));
    const before = api.calls.length;
    await click(button(root, 'Save'));
    expect(api.calls.length).toBe(before);
    expect(description(labelled(root, 'Welsh name for “Workforce”'))).toContain('A Welsh name can be up to 60 characters long.');

    // Emptied: removed (the store sends null back as no Welsh name).
    await type(labelled(root, 'Welsh name for “Workforce”'), '  ');
    await click(button(root, 'Save'));
    expect(api.calls.filter((c) => c.method !== 'GET').at(-1)).toEqual({ method: 'PATCH', path: '/api/groups/g1/themes/workforce', body: { labelCy: null } });
    expect(announced(root)).toBe('Welsh name removed: members who read in Welsh see “Workforce”.');
    expect(welshCell()).toBe('Gweithlu (the standard Welsh name)');
  });
});
