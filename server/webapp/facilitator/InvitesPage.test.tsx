import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../../utils/i18n/translate';
import { WebApiError } from '../api';
import { InvitesPage, inviteState, readExpiryDays } from './InvitesPage';
import type { Invite } from './schemas';
import { announced, button, choose, click, description, fakeApi, labelled, mount, SESSION, submit, type, unmount } from './test-support';

const invite = (n: number, over: Partial<Invite> = {}): Invite => ({
  inviteId: `inv-${n}`,
  role: 'member',
  reusable: false,
  uses: 0,
  createdAt: `2026-11-0${n}T09:00:00Z`,
  expiresAt: '2026-12-30T09:00:00Z',
  withdrawn: false,
  usable: true,
  ...over,
});

function store(invites: Invite[], o: { dropWithdrawn?: boolean } = {}) {
  const state = { invites };
  const api = fakeApi(
    {
      'GET /api/groups/g1/invites': () => ({ invites: structuredClone(state.invites.filter((i) => !(o.dropWithdrawn && i.withdrawn))) }),
      'POST /api/groups/g1/invites': (body: unknown) => {
        const b = body as { role: Invite['role']; reusable: boolean; expiresInDays: number };
        state.invites.unshift(invite(9, { inviteId: 'inv-new', role: b.role, reusable: b.reusable, createdAt: '2026-12-02T09:00:00Z' }));
        return { code: 'wxyz-2345-abcd', inviteId: 'inv-new', role: b.role, reusable: b.reusable, expiresAt: '2026-12-16T09:00:00Z' };
      },
      ...Object.fromEntries(
        invites.map((i) => [
          `DELETE /api/groups/g1/invites/${i.inviteId}`,
          () => {
            state.invites.find((x) => x.inviteId === i.inviteId)!.withdrawn = true;
            return undefined;
          },
        ]),
      ),
    },
    SESSION,
  );
  return { api, state };
}

afterEach(unmount);

const { t } = translator('en-GB');

describe('readExpiryDays and inviteState', () => {
  it('takes whole days from 1 to 90 and says plainly what is wrong otherwise', () => {
    expect(readExpiryDays(' 30 ', t)).toEqual({ days: 30 });
    expect(readExpiryDays('0', t)).toEqual({ problem: 'An invite can last from 1 to 90 days.' });
    expect(readExpiryDays('91', t)).toEqual({ problem: 'An invite can last from 1 to 90 days.' });
    expect(readExpiryDays('2.5', t)).toEqual({ problem: 'Enter the number of days the invite lasts, from 1 to 90.' });
    expect(readExpiryDays('', t)).toEqual({ problem: 'Enter the number of days the invite lasts, from 1 to 90.' });
  });

  it('names the state a facilitator needs: withdrawn, expired, used, can be used', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(inviteState(invite(1, { withdrawn: true, usable: false }), t, now)).toBe('Withdrawn');
    expect(inviteState(invite(1, { expiresAt: '2026-12-01T00:00:00Z', usable: false }), t, now)).toBe('Expired');
    expect(inviteState(invite(1, { uses: 1, usable: false }), t, now)).toBe('Used');
    expect(inviteState(invite(1, { reusable: true, uses: 3 }), t, now)).toBe('Can be used');
  });
});

describe('InvitesPage', () => {
  it('makes a single-use member invite by default and shows the code once, with a copy button and instructions', async () => {
    const { api } = store([invite(1)]);
    const root = await mount(<InvitesPage api={api} session={SESSION} />);
    expect(root.querySelector('h1')!.textContent).toBe('Invites');
    expect(labelled<HTMLSelectElement>(root, 'Role').value).toBe('member');
    expect(labelled(root, 'One person, once (single-use)').checked).toBe(true);
    expect(labelled(root, 'Days until it expires').value).toBe('14');
    await click(button(root, 'Make invite'));
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/groups/g1/invites', body: { role: 'member', reusable: false, expiresInDays: 14 } },
    ]);
    expect(announced(root)).toBe('Invite made: a single-use invite for a member.');
    const heading = root.querySelector('#new-code-heading')!;
    expect(document.activeElement).toBe(heading);
    const code = labelled(root, 'Invite code for a member');
    expect(code.value).toBe('wxyz-2345-abcd');
    expect(code.readOnly).toBe(true);
    const help = description(code);
    expect(help).toContain('This page shows the code only now.');
    expect(help).toContain('One person can join with it, once, until 16 December 2026.');
    expect(help).toContain('on its options page, under “Invite code”');
    expect(button(root, 'Copy code')).toBeTruthy();
    // The list shows the new invite (never its code).
    expect(root.querySelector('tbody')!.textContent).not.toContain('wxyz-2345-abcd');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
    await click(button(root, 'Done: hide the code'));
    expect(root.textContent).not.toContain('wxyz-2345-abcd');
    expect(document.activeElement?.id).toBe('invites-heading');
  });

  it('makes a reusable reader invite lasting 30 days', async () => {
    const { api } = store([]);
    const root = await mount(<InvitesPage api={api} session={SESSION} />);
    await choose(labelled<HTMLSelectElement>(root, 'Role'), 'reader');
    expect(description(labelled(root, 'Role'))).toContain('Readers (usually policy officers)');
    await click(labelled(root, 'Several people (reusable), until it expires or you withdraw it'));
    await type(labelled(root, 'Days until it expires'), '30');
    await submit(labelled(root, 'Days until it expires'));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ role: 'reader', reusable: true, expiresInDays: 30 });
    expect(announced(root)).toBe('Invite made: a reusable invite for a reader.');
    expect(description(labelled(root, 'Invite code for a reader'))).toContain('Several people can join with it, until 16 December 2026.');
  });

  it('refuses an expiry outside 1–90 days before asking the store, with the error tied to the field', async () => {
    const { api } = store([]);
    const root = await mount(<InvitesPage api={api} session={SESSION} />);
    await type(labelled(root, 'Days until it expires'), '120');
    await click(button(root, 'Make invite'));
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
    const field = labelled(root, 'Days until it expires');
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(description(field)).toBe('An invite can last from 1 to 90 days. From 1 to 90 days.');
  });

  it('shows the store’s refusal of a new invite in its own words', async () => {
    const api = fakeApi(
      {
        'GET /api/groups/g1/invites': { invites: [] },
        'POST /api/groups/g1/invites': () => {
          throw new WebApiError(403, 'forbidden', 'Only a facilitator can manage invites and members.');
        },
      },
      SESSION,
    );
    const root = await mount(<InvitesPage api={api} session={SESSION} />);
    await click(button(root, 'Make invite'));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Only a facilitator can manage invites and members.');
    expect(root.querySelector('#new-code')).toBeNull();
  });

  it('lists invites with role, kind, uses, expiry and state in a table with headers', async () => {
    const { api } = store([invite(3, { role: 'reader', reusable: true, uses: 4 }), invite(2, { uses: 1, usable: false }), invite(1, { withdrawn: true, usable: false })]);
    const root = await mount(<InvitesPage api={api} session={SESSION} />);
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Role', 'Kind', 'Uses', 'Made', 'Expires', 'State', 'Actions']);
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(0, 6).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Reader', 'Reusable', 'Used 4 times', '3 November 2026', '30 December 2026', 'Can be used'],
      ['Member', 'Single-use', 'Used once', '2 November 2026', '30 December 2026', 'Used'],
      ['Member', 'Single-use', 'Not used yet', '1 November 2026', '30 December 2026', 'Withdrawn'],
    ]);
    expect(root.querySelector('caption')).not.toBeNull();
    // A withdrawn invite has nothing left to withdraw.
    expect([...root.querySelectorAll('tbody tr')][2]!.querySelector('button')).toBeNull();
  });

  it('withdraws an invite, says so, and moves focus to its new state', async () => {
    const { api } = store([invite(2), invite(1)]);
    const root = await mount(<InvitesPage api={api} session={SESSION} />);
    await click(button(root, 'Withdraw the single-use member invite made 2 November 2026'));
    expect(api.calls.filter((c) => c.method === 'DELETE')).toEqual([{ method: 'DELETE', path: '/api/groups/g1/invites/inv-2' }]);
    expect(announced(root)).toContain('Invite withdrawn.');
    expect(document.activeElement?.textContent).toBe('Withdrawn');
    expect(document.activeElement?.id).toBe('invite-state-inv-2');
  });

  it('moves focus to the next invite when a withdrawn invite leaves the list', async () => {
    const { api } = store([invite(2), invite(1)], { dropWithdrawn: true });
    const root = await mount(<InvitesPage api={api} session={SESSION} />);
    await click(button(root, 'Withdraw the single-use member invite made 2 November 2026'));
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(document.activeElement?.id).toBe('invite-state-inv-1');
    await click(button(root, 'Withdraw the single-use member invite made 1 November 2026'));
    expect(document.activeElement?.id).toBe('invites-heading');
    expect(root.textContent).toContain('There are no invites yet.');
  });
});
