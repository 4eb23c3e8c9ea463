import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../components/i18n';
import { DEFAULT_THEMES, type Theme } from '../../../utils/model/themes';
import { InvitesPage } from './InvitesPage';
import { MembersPage } from './MembersPage';
import { ModerationPage } from './ModerationPage';
import type { Invite } from './schemas';
import { ThemesPage } from './ThemesPage';
import { announced, button, choose, click, fakeApi, labelled, mount, SESSION, type, unmount } from './test-support';

afterEach(unmount);

const inWelsh = (node: preact.ComponentChild) => mount(<I18nProvider locale="cy">{node}</I18nProvider>);
const heads = (root: ParentNode) => [...root.querySelectorAll('thead th')].map((th) => th.textContent);

describe('the facilitator pages in Welsh', () => {
  it('Members: headings, caption with Welsh plurals, roles, Welsh dates and the role change sentences', async () => {
    const members = [
      { memberId: 'm-fac', displayName: 'Fatima', role: 'facilitator', joinedAt: '2026-11-01T09:00:00Z', revoked: false, lastActiveAt: '2026-12-02T10:00:00Z' },
      { memberId: 'm-bob', displayName: 'Bob', role: 'member', joinedAt: '2026-11-20T09:00:00Z', revoked: false, lastActiveAt: null },
      { memberId: 'm-old', displayName: null, role: 'reader', joinedAt: '2026-10-20T09:00:00Z', revoked: true, lastActiveAt: null },
    ];
    const api = fakeApi(
      {
        'GET /api/groups/g1/members': () => ({ members: structuredClone(members) }),
        'PATCH /api/groups/g1/members/m-bob': {},
        'POST /api/groups/g1/members/m-bob/sign-in-links': { url: 'http://store.test/sign-in#link=abcd', expiresAt: '2026-12-03T10:15:00Z' },
      },
      SESSION,
    );
    const root = await inWelsh(<MembersPage api={api} session={SESSION} />);
    expect(root.querySelector('h1')!.textContent).toBe('Aelodau');
    expect(document.title).toContain('Aelodau – NCAG');
    expect(root.querySelector('caption')!.textContent).toBe('Aelodau NCAG: 2 berson, ac 1 person y dilëwyd eu mynediad');
    expect(heads(root)).toEqual(['Enw', 'Rôl', 'Ymunodd', 'Yn weithgar ddiwethaf', 'Camau']);
    expect(root.textContent).toContain('20 Tachwedd 2026');
    expect(root.textContent).toContain('Ddim eto');
    expect(root.textContent).toContain('Aelod heb enw');
    expect(root.textContent).toContain('Fatima (chi)');
    expect(root.textContent).toContain('Mynediad wedi’i ddileu');
    expect(button(root, 'Gwneud dolen mewngofnodi ar gyfer Bob')).toBeTruthy();
    for (const english of ['Members', 'Joined', 'Last active', 'Revoke access', 'Not yet', 'A member with no name']) expect(root.textContent).not.toContain(english);

    await choose(labelled<HTMLSelectElement>(root, 'Rôl Bob'), 'reader');
    expect(root.textContent).toContain('Gwneud Bob yn ddarllenydd yn lle bod yn aelod?');
    expect(root.textContent).toContain('Mae darllenwyr (swyddogion polisi fel arfer)');
    expect(button(root, 'Cadw Bob yn aelod')).toBeTruthy();
    await click(button(root, 'Newid rôl'));
    expect(announced(root)).toBe('Mae Bob yn ddarllenydd nawr.');

    await click(button(root, 'Gwneud dolen mewngofnodi ar gyfer Bob'));
    expect(announced(root)).toBe('Dolen mewngofnodi wedi’i gwneud ar gyfer Bob.');
    expect(labelled(root, 'Dolen mewngofnodi untro ar gyfer Bob').value).toBe('http://store.test/sign-in#link=abcd');
    expect(root.textContent).toContain('unwaith, tan 3 Rhagfyr 2026 am 10:15.');
  });

  it('Invites: the form, the new code and the table read in Welsh', async () => {
    const invites: Invite[] = [
      { inviteId: 'inv-1', role: 'reader', reusable: true, uses: 4, createdAt: '2026-11-01T09:00:00Z', expiresAt: '2026-12-30T09:00:00Z', withdrawn: false, usable: true },
      { inviteId: 'inv-2', role: 'member', reusable: false, uses: 0, createdAt: '2026-11-02T09:00:00Z', expiresAt: null, withdrawn: true, usable: false },
    ];
    const api = fakeApi(
      {
        'GET /api/groups/g1/invites': () => ({ invites: structuredClone(invites) }),
        'POST /api/groups/g1/invites': { code: 'wxyz-2345-abcd', inviteId: 'inv-new', role: 'member', reusable: false, expiresAt: '2026-12-16T09:00:00Z' },
      },
      SESSION,
    );
    const root = await inWelsh(<InvitesPage api={api} session={SESSION} />);
    expect(root.querySelector('h1')!.textContent).toBe('Gwahoddiadau');
    expect(labelled<HTMLSelectElement>(root, 'Rôl').selectedOptions[0]!.textContent).toBe('Aelod');
    expect(root.textContent).toContain('Un person, unwaith (untro)');
    expect(heads(root)).toEqual(['Rôl', 'Math', 'Defnydd', 'Gwnaed', 'Yn dod i ben', 'Cyflwr', 'Camau']);
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(0, 6).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Darllenydd', 'I’w ddefnyddio eto', 'Wedi’i ddefnyddio 4 gwaith', '1 Tachwedd 2026', '30 Rhagfyr 2026', 'Gellir ei ddefnyddio'],
      ['Aelod', 'Untro', 'Heb ei ddefnyddio eto', '2 Tachwedd 2026', 'Byth', 'Wedi’i dynnu’n ôl'],
    ]);
    expect(button(root, 'Tynnu’n ôl y gwahoddiad i’w ddefnyddio eto ar gyfer darllenydd a wnaed 1 Tachwedd 2026 am')).toBeTruthy();

    await type(labelled(root, 'Diwrnodau nes iddo ddod i ben'), '0');
    await click(button(root, 'Gwneud gwahoddiad'));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Gall gwahoddiad bara o 1 i 90 diwrnod.');
    await type(labelled(root, 'Diwrnodau nes iddo ddod i ben'), '14');
    await click(button(root, 'Gwneud gwahoddiad'));
    expect(announced(root)).toBe('Gwahoddiad wedi’i wneud: gwahoddiad untro ar gyfer aelod.');
    expect(labelled(root, 'Cod gwahoddiad ar gyfer aelod').value).toBe('wxyz-2345-abcd');
    expect(root.textContent).toContain('Gall un person ymuno ag ef, unwaith, tan 16 Rhagfyr 2026.');
    for (const english of ['Make invite', 'Who can use it', 'Never', 'Withdrawn', 'Copy code']) expect(root.textContent).not.toContain(english);
  });

  it('Moderation: the heading, the lead and the loading problem', async () => {
    const api = fakeApi({ 'GET /api/groups/g1/moderation': { toReview: 'not a list' } }, SESSION);
    const root = await inWelsh(<ModerationPage api={api} session={SESSION} />);
    expect(root.querySelector('h1')!.textContent).toBe('Cymedroli');
    expect(root.textContent).toContain('Dydy’r bobl a roddodd wybod byth yn cael eu dangos');
    // An answer the page cannot read is said in Welsh too, with a Welsh "Try again".
    expect(root.textContent).toContain('Rhoddodd storfa’r grŵp ateb nad yw’r dudalen hon yn ei ddeall.');
    expect(button(root, 'Rhowch gynnig arall arni')).toBeTruthy();
    expect(root.textContent).not.toContain('Try again');
  });

  it('Themes: the defaults with their standard Welsh names, and adding a theme with a Welsh name', async () => {
    const themes: Theme[] = DEFAULT_THEMES.map((t) => ({ ...t }));
    const api = fakeApi(
      {
        'GET /api/groups/g1/themes': () => ({ themes: structuredClone(themes) }),
        'POST /api/groups/g1/themes': (body: unknown) => {
          const theme = { id: 'housing', ...(body as { label: string; labelCy?: string }), retired: false };
          themes.push(theme);
          return theme;
        },
      },
      SESSION,
    );
    const root = await inWelsh(<ThemesPage api={api} session={SESSION} />);
    expect(root.querySelector('h1')!.textContent).toBe('Themâu');
    expect(heads(root)).toEqual(['Thema', 'Enw Cymraeg', 'Cyflwr', 'Camau']);
    expect(root.querySelector('caption')!.textContent).toBe('6 thema sy’n cael eu cynnig ar gyfer sylwadau newydd, yn y drefn y mae aelodau’n eu gweld.');
    const workforce = [...root.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === 'Workforce')!;
    expect(workforce.textContent).toContain('Gweithlu (yr enw Cymraeg safonol)');
    expect(workforce.textContent).toContain('Yn cael ei chynnig');
    expect(button(root, 'Ailenwi “Workforce”')).toBeTruthy();

    await type(labelled(root, 'Enw’r thema newydd'), 'Housing');
    await type(labelled(root, 'Enw Cymraeg'), ' Tai ');
    await click(button(root, 'Ychwanegu thema'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'POST', path: '/api/groups/g1/themes', body: { label: 'Housing', labelCy: 'Tai' } }]);
    expect(announced(root)).toBe('Thema wedi’i hychwanegu: “Housing” (yn Gymraeg, “Tai”). Bydd aelodau’n cael ei chynnig pan fydd eu hestyniad yn cysoni nesaf.');
    const housing = [...root.querySelectorAll('tbody tr')].at(-1)!;
    expect(housing.querySelector('td')!.textContent).toBe('Tai');
    expect(root.querySelector('caption')!.textContent).toMatch(/^7 thema/);

    await type(labelled(root, 'Enw’r thema newydd'), 'Staff');
    await type(labelled(root, 'Enw Cymraeg'), 'TAI');
    await click(button(root, 'Ychwanegu thema'));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Mae gan y thema “Housing” yr enw Cymraeg “Tai” eisoes.');
    for (const english of ['Add a theme', 'Offered', 'Rename', 'Welsh name']) expect(root.textContent).not.toContain(english);
  });
});
