import { afterEach, describe, expect, it } from 'vitest';
import { WebApiError } from '../api';
import { ModerationPage } from './ModerationPage';
import { announced, button, click, fakeApi, labelled, mount, SESSION, type, unmount } from './test-support';

const UUID = '0190a000-0000-7000-8000-000000000001';
const TARGET = `urn:uuid:${UUID}`;

function store() {
  const state = {
    toReview: [
      {
        target: TARGET,
        annotation: { id: TARGET, motivation: 'commenting', body: [{ type: 'TextualBody', purpose: 'commenting', value: 'Nobody asked me what I wanted.' }] },
        hidden: null as { reason: string } | null,
        reports: [{ id: 'r1', reason: 'It names my neighbour.', created: '2026-12-01T10:00:00Z' }],
      },
    ],
    record: [] as { id: string; at: string; by: { memberId: string | null; displayName: string }; action: string; target: string; reason: string | null }[],
  };
  const api = fakeApi(
    {
      'GET /api/groups/g1/moderation': () => structuredClone(state),
      [`POST /api/groups/g1/annotations/${UUID}/hide`]: (body: unknown) => {
        const reason = (body as { reason: string }).reason;
        state.toReview[0]!.hidden = { reason };
        state.toReview[0]!.reports = [];
        state.record.unshift({ id: 'e1', at: '2026-12-02T10:00:00Z', by: { memberId: 'm-fac', displayName: 'Fatima' }, action: 'hide', target: TARGET, reason });
        return { id: TARGET, hidden: { reason }, cursor: 'c' };
      },
      [`DELETE /api/groups/g1/annotations/${UUID}/hide`]: () => {
        state.toReview = [];
        state.record.unshift({ id: 'e2', at: '2026-12-02T11:00:00Z', by: { memberId: null, displayName: 'A former member' }, action: 'unhide', target: TARGET, reason: null });
        return { id: TARGET, hidden: null, cursor: 'd' };
      },
      [`POST /api/groups/g1/annotations/${UUID}/reports/dismiss`]: () => {
        state.toReview = [];
        state.record.unshift({ id: 'e3', at: '2026-12-02T12:00:00Z', by: { memberId: 'm-fac', displayName: 'Fatima' }, action: 'dismiss', target: TARGET, reason: 'No action needed' });
        return { dismissed: 1 };
      },
    },
    SESSION,
  );
  return { api, state };
}

afterEach(unmount);

describe('ModerationPage', () => {
  it('shows the reported comment with its reasons (never who reported) and an empty record', async () => {
    const { api } = store();
    const root = await mount(<ModerationPage api={api} session={SESSION} />);
    expect(root.querySelector('h1')!.textContent).toBe('Moderation');
    expect(document.title).toBe('Moderation – NCAG – Lived Experience Annotator');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['To review (1)', 'Moderation record']);
    expect(root.querySelector('blockquote')!.textContent).toContain('Nobody asked me what I wanted.');
    expect(root.textContent).toContain('It names my neighbour.');
    expect(root.textContent).toContain('Nothing has been hidden, unhidden or closed yet.');
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Read this comment in its conversation')!;
    expect(link.getAttribute('href')).toBe(`/c/${UUID}`);
  });

  it('hides with a reason through the store, says so, and lists it in the record', async () => {
    const { api } = store();
    const root = await mount(<ModerationPage api={api} session={SESSION} />);
    await type(labelled(root, 'Your reason (the author sees it if you hide this; it goes in the record)') as HTMLTextAreaElement, 'It names a neighbour.');
    await click(button(root, 'Hide with this reason'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'POST', path: `/api/groups/g1/annotations/${UUID}/hide`, body: { reason: 'It names a neighbour.' } }]);
    expect(announced(root)).toBe('Hidden from the group.');
    expect(root.textContent).toContain('Hidden now: It names a neighbour.');
    expect(root.querySelector('ol')!.textContent).toContain('Hid it — Fatima');
    expect(root.querySelector('ol')!.textContent).toContain('Why: It names a neighbour.');
  });

  it('asks for a reason before hiding, tied to the field', async () => {
    const { api } = store();
    const root = await mount(<ModerationPage api={api} session={SESSION} />);
    await click(button(root, 'Hide with this reason'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(root.textContent).toContain('Please give a reason for hiding this. The author will see it.');
  });

  it('closes reports with no action; the item leaves the list and focus goes to the heading, not the page', async () => {
    const { api } = store();
    const root = await mount(<ModerationPage api={api} session={SESSION} />);
    const dismiss = button(root, 'No action needed');
    dismiss.focus();
    await click(dismiss);
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([
      { method: 'POST', path: `/api/groups/g1/annotations/${UUID}/reports/dismiss`, body: { reason: 'No action needed' } },
    ]);
    expect(root.textContent).toContain('Nothing has been reported.');
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.textContent).toBe('To review (0)');
  });

  it('unhides, and shows a former member in the record (an unhide with no reason)', async () => {
    const { api, state } = store();
    state.toReview[0]!.hidden = { reason: 'Names a person' };
    const root = await mount(<ModerationPage api={api} session={SESSION} />);
    await click(button(root, 'Unhide'));
    expect(api.calls.filter((c) => c.method !== 'GET')[0]).toMatchObject({ method: 'DELETE', path: `/api/groups/g1/annotations/${UUID}/hide` });
    expect(announced(root)).toBe('Shown to the group again.');
    expect(root.querySelector('ol')!.textContent).toContain('Unhid it — A former member');
  });

  it('says plainly when the list cannot be loaded', async () => {
    const api = fakeApi(
      {
        'GET /api/groups/g1/moderation': () => {
          throw new WebApiError(401, 'session-expired', 'You have been signed out because your session ended. Sign in again.');
        },
      },
      SESSION,
    );
    const root = await mount(<ModerationPage api={api} session={SESSION} />);
    expect(root.textContent).toContain('You have been signed out because your session ended. Sign in again.');
    expect(button(root, 'Try again')).toBeTruthy();
  });
});
