import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebApiError } from '../api';
import { AppContext } from '../app-context';
import { MembersPage } from './MembersPage';
import { announced, button, choose, click, description, fakeApi, labelled, mount, SESSION, unmount } from './test-support';

type Row = { memberId: string; displayName: string | null; role: string; joinedAt: string; revoked: boolean; lastActiveAt: string | null };

function store(members: Row[]) {
  const state = { members };
  const api = fakeApi(
    {
      'GET /api/groups/g1/members': () => ({ members: structuredClone(state.members) }),
      'PATCH /api/groups/g1/members/m-bob': (body: unknown) => {
        const bob = state.members.find((m) => m.memberId === 'm-bob')!;
        bob.role = (body as { role: string }).role;
        return bob;
      },
      'DELETE /api/groups/g1/members/m-bob': () => {
        state.members.find((m) => m.memberId === 'm-bob')!.revoked = true;
        return undefined;
      },
      'POST /api/groups/g1/members/m-bob/sign-in-links': { url: 'http://store.test/sign-in#link=abcd-efgh-jkmn', expiresAt: '2026-12-03T10:15:00Z' },
    },
    SESSION,
  );
  return { api, state };
}

const MEMBERS: Row[] = [
  { memberId: 'm-fac', displayName: 'Fatima', role: 'facilitator', joinedAt: '2026-11-01T09:00:00Z', revoked: false, lastActiveAt: '2026-12-02T10:00:00Z' },
  { memberId: 'm-bob', displayName: 'Bob', role: 'member', joinedAt: '2026-11-20T09:00:00Z', revoked: false, lastActiveAt: null },
  { memberId: 'm-old', displayName: null, role: 'reader', joinedAt: '2026-10-20T09:00:00Z', revoked: true, lastActiveAt: null },
];

afterEach(unmount);

describe('MembersPage', () => {
  it('lists members in a table with a caption and headers: name, role, joined, last active', async () => {
    const { api } = store(structuredClone(MEMBERS));
    const root = await mount(<MembersPage api={api} session={SESSION} />);
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.querySelector('h1')!.textContent).toBe('Members');
    expect(document.title).toBe('Members – NCAG – Lived Experience Annotator');
    expect(root.querySelector('caption')!.textContent).toBe('Members of NCAG: 2 people, and 1 whose access was revoked');
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Name', 'Role', 'Joined', 'Last active', 'Actions']);
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect([rows[1]![0], rows[1]![2], rows[1]![3]]).toEqual(['Bob', '20 November 2026', 'Not yet']);
    expect(labelled<HTMLSelectElement>(root, 'Role of Bob').value).toBe('member');
    expect(rows[0]![0]).toBe('Fatima (you)');
    expect(rows[0]![3]).toBe('2 December 2026 at 10:00');
    expect(rows[2]![0]).toBe('A member with no name');
    expect(rows[2]![4]).toBe('Access revoked');
    // Nobody revokes themself from this page.
    expect(root.querySelector('#revoke-m-fac')).toBeNull();
  });

  it('changes a role only after the facilitator confirms, then says so and keeps focus on the select', async () => {
    const { api } = store(structuredClone(MEMBERS));
    const root = await mount(<MembersPage api={api} session={SESSION} />);
    const select = labelled<HTMLSelectElement>(root, 'Role of Bob');
    select.focus();
    await choose(select, 'facilitator');
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    const question = root.querySelector('[role="group"]')!;
    expect(question.textContent).toContain('Make Bob a facilitator instead of a member?');
    expect(question.textContent).toContain('Their extension says so at its next sync');
    await click(button(root, 'Change role'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'PATCH', path: '/api/groups/g1/members/m-bob', body: { role: 'facilitator' } }]);
    expect(announced(root)).toBe('Bob is now a facilitator.');
    expect(labelled<HTMLSelectElement>(root, 'Role of Bob').value).toBe('facilitator');
    expect(document.activeElement).toBe(labelled(root, 'Role of Bob'));
    expect(root.querySelector('[role="group"]')).toBeNull();
  });

  it('puts the role back and focus on the select when the facilitator keeps it', async () => {
    const { api } = store(structuredClone(MEMBERS));
    const root = await mount(<MembersPage api={api} session={SESSION} />);
    await choose(labelled<HTMLSelectElement>(root, 'Role of Bob'), 'reader');
    await click(button(root, 'Keep Bob as a member'));
    expect(labelled<HTMLSelectElement>(root, 'Role of Bob').value).toBe('member');
    expect(document.activeElement).toBe(labelled(root, 'Role of Bob'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('shows the store’s refusal in plain words, tied to the select', async () => {
    const { api } = store(structuredClone(MEMBERS));
    const refusing = {
      ...api,
      send: vi.fn(async () => {
        throw new WebApiError(409, 'conflict', 'The group needs at least one facilitator. Make someone else a facilitator first.');
      }),
    };
    const root = await mount(<MembersPage api={refusing} session={SESSION} />);
    await choose(labelled<HTMLSelectElement>(root, 'Role of Bob'), 'reader');
    await click(button(root, 'Change role'));
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe('The group needs at least one facilitator. Make someone else a facilitator first.');
    expect(description(labelled(root, 'Role of Bob'))).toBe(alert.textContent);
  });

  it('revokes after a confirm that says what happens, then marks the row and moves focus to it', async () => {
    const { api } = store(structuredClone(MEMBERS));
    const root = await mount(<MembersPage api={api} session={SESSION} />);
    await click(button(root, 'Revoke access for Bob'));
    const question = root.querySelector('[role="group"]')!;
    expect(document.activeElement?.textContent).toBe('Revoke Bob’s access to the group?');
    expect(question.textContent).toContain('Their extension says “Your invite has been withdrawn” at its next sync');
    expect(question.textContent).toContain('What they have written stays in the group.');
    await click(button(question, 'Revoke access'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'DELETE', path: '/api/groups/g1/members/m-bob' }]);
    expect(announced(root)).toBe('Bob’s access is revoked.');
    expect(document.activeElement?.textContent).toBe('Access revoked');
    expect(document.activeElement?.closest('tr')?.querySelector('th')?.textContent).toBe('Bob');
    expect(root.querySelector('caption')!.textContent).toBe('Members of NCAG: 1 person, and 2 whose access was revoked');
  });

  it('Cancel on a revoke puts focus back on its button and sends nothing', async () => {
    const { api } = store(structuredClone(MEMBERS));
    const root = await mount(<MembersPage api={api} session={SESSION} />);
    await click(button(root, 'Revoke access for Bob'));
    await click(button(root, 'Cancel'));
    expect(document.activeElement).toBe(button(root, 'Revoke access for Bob'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('makes a one-time sign-in link, shows it to copy and copies it', async () => {
    const { api } = store(structuredClone(MEMBERS));
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const root = await mount(<MembersPage api={api} session={SESSION} />);
    await click(button(root, 'Make a sign-in link for Bob'));
    const field = labelled(root, 'One-time sign-in link for Bob');
    expect(field.value).toBe('http://store.test/sign-in#link=abcd-efgh-jkmn');
    expect(field.readOnly).toBe(true);
    expect(document.activeElement).toBe(field);
    expect(announced(root)).toBe('Sign-in link made for Bob.');
    expect(description(field)).toContain('It signs them in to this web app once, until 3 December 2026 at 10:15.');
    await click(button(root, 'Copy link'));
    expect(writeText).toHaveBeenCalledWith('http://store.test/sign-in#link=abcd-efgh-jkmn');
    expect(announced(root)).toBe('Link copied.');
    await click(button(root, 'Done'));
    expect(document.activeElement).toBe(button(root, 'Make a sign-in link for Bob'));
  });

  it('says plainly when the list cannot be loaded, and tries again', async () => {
    let fail = true;
    const api = fakeApi(
      {
        'GET /api/groups/g1/members': () => {
          if (fail) throw new WebApiError(0, 'unreachable', 'The group store could not be reached. Check your connection and try again.');
          return { members: MEMBERS };
        },
      },
      SESSION,
    );
    const root = await mount(<MembersPage api={api} session={SESSION} />);
    expect(root.textContent).toContain('The group store could not be reached. Check your connection and try again.');
    fail = false;
    await click(button(root, 'Try again'));
    expect(root.querySelector('caption')).not.toBeNull();
  });

  it('tells the app shell when the session has ended, so it shows sign-in with the store’s sentence', async () => {
    const ended = 'You have been signed out because your session ended. Sign in again.';
    const api = fakeApi(
      {
        'GET /api/groups/g1/members': () => {
          throw new WebApiError(401, 'session-expired', ended);
        },
      },
      SESSION,
    );
    const signedOut = vi.fn();
    await mount(
      <AppContext.Provider value={{ api, session: SESSION, navigate: vi.fn(), announce: vi.fn(), signedOut, navigations: 0 }}>
        <MembersPage api={api} session={SESSION} />
      </AppContext.Provider>,
    );
    expect(signedOut).toHaveBeenCalledWith(ended);
  });
});
