import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../utils/conversation/notice-types';
import type { ModerationList } from '../utils/messaging/conversation-protocol';
import { ConversationSettings, type ConversationSettingsApi } from './ConversationSettings';
import { I18nProvider } from './i18n';
import { ModerationPanel } from './ModerationPanel';
import { PopupApp, type PopupApi } from './PopupApp';
import { FollowButton, orderNotices, WhatsNew } from './WhatsNew';

let container: HTMLElement;
async function mount(node: ComponentChild) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(node, container));
  await act(async () => {});
}
afterEach(() => {
  render(null, container);
  container.remove();
});
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name));
async function type(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const notice = (n: number, read: boolean, sentence: string): Notice => ({
  id: `reply:urn:uuid:00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  kind: 'reply',
  sentence,
  document: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted',
  commentId: 'urn:uuid:00000000-0000-7000-8000-000000000001',
  itemId: 'urn:uuid:00000000-0000-7000-8000-000000000002',
  at: `2026-11-0${n}T10:00:00Z`,
  read,
});
const notices = [
  notice(3, true, 'A group member replied to your comment: read already'),
  notice(1, false, 'Sam Jones (Policy officer, Department of Health and Social Care) answered your comment: We will change this'),
  notice(2, false, 'Bob replied to your comment: same here'),
];

describe('WhatsNew', () => {
  it('lists unread first (newest first), each a link to its document, and marks all read', async () => {
    const onOpen = vi.fn();
    const onMarkAllRead = vi.fn();
    await mount(<WhatsNew notices={notices} onOpen={onOpen} onMarkAllRead={onMarkAllRead} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual([
      'Unread: Bob replied to your comment: same here',
      'Unread: Sam Jones (Policy officer, Department of Health and Social Care) answered your comment: We will change this',
      'A group member replied to your comment: read already',
    ]);
    expect(links[0]!.getAttribute('href')).toBe('https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted');
    expect(container.querySelector('h2')!.textContent).toBe('What’s new (2 new)');
    await act(() => links[1]!.click());
    expect(onOpen).toHaveBeenCalledWith(notices[1]);
    await act(() => button('Mark all as read')!.click());
    expect(onMarkAllRead).toHaveBeenCalled();
    expect(orderNotices(notices).map((n) => n.read)).toEqual([false, false, true]);
  });

  it('says plainly when there is nothing, and offers no "Mark all as read" then', async () => {
    await mount(<WhatsNew notices={[]} onOpen={() => {}} onMarkAllRead={() => {}} />);
    expect(container.textContent).toContain('Nothing yet.');
    expect(button('Mark all as read')).toBeUndefined();
  });

  it('follows and unfollows with a toggle button whose name stays the same', async () => {
    const onToggle = vi.fn();
    await mount(<FollowButton following={false} onToggle={onToggle} />);
    const toggle = button('Follow this page')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await act(() => toggle.click());
    expect(onToggle).toHaveBeenCalledWith(true);
    await act(async () => render(<FollowButton following onToggle={onToggle} />, container));
    const pressed = container.querySelector('button')!;
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    expect(pressed.textContent?.replace('✓ ', '')).toBe('Follow this page');
    expect(pressed.querySelector('[aria-hidden=true]')?.textContent).toBe('✓ ');
  });
});

const list: ModerationList = {
  toReview: [
    {
      target: 'urn:uuid:00000000-0000-7000-8000-000000000010',
      annotation: { motivation: 'commenting', body: [{ type: 'TextualBody', purpose: 'commenting', value: 'My carer Jane Smith at 12 High St…' }] },
      hidden: null,
      reports: [
        { id: 'r1', reason: 'Names a care worker and her address', created: '2026-11-05T10:00:00Z' },
        { id: 'r2', reason: 'Personal details', created: '2026-11-05T11:00:00Z' },
      ],
    },
    {
      target: 'urn:uuid:00000000-0000-7000-8000-000000000011',
      annotation: { motivation: 'replying', body: [{ type: 'TextualBody', purpose: 'commenting', value: 'rude reply' }] },
      hidden: { reason: 'Unkind' },
      reports: [{ id: 'r3', reason: 'Unkind', created: '2026-11-05T12:00:00Z' }],
    },
  ],
  record: [
    { id: 'm1', at: '2026-11-05T12:30:00Z', by: { memberId: 'f1', displayName: 'Fran' }, action: 'hide', target: 'urn:uuid:00000000-0000-7000-8000-000000000011', reason: 'Unkind' },
  ],
};

describe('ModerationPanel', () => {
  it('shows reported items with their reasons (never who reported), and the record: who, when, what, why', async () => {
    await mount(<ModerationPanel list={list} onHide={vi.fn()} onUnhide={vi.fn()} onDismiss={vi.fn()} announce={vi.fn()} />);
    expect(container.querySelector('#to-review-heading')!.textContent).toBe('To review (2)');
    const items = [...container.querySelectorAll('section:first-child > ul > li')];
    expect(items[0]!.textContent).toContain('2 reports');
    expect(items[0]!.textContent).toContain('Names a care worker and her address');
    expect(items[1]!.textContent).toContain('Hidden now: Unkind');
    const record = container.querySelector('section[aria-labelledby=record-heading] li')!;
    expect(record.textContent).toContain('Hid it — Fran, 5 November 2026');
    expect(record.textContent).toContain('On the reply: “rude reply”');
    expect(record.textContent).toContain('Why: Unkind');
  });

  it('hides only with a reason, and offers Unhide and No action needed', async () => {
    const onHide = vi.fn(async () => {});
    const onUnhide = vi.fn(async () => {});
    const onDismiss = vi.fn(async () => {});
    const announce = vi.fn();
    await mount(<ModerationPanel list={list} onHide={onHide} onUnhide={onUnhide} onDismiss={onDismiss} announce={announce} />);
    await act(() => button('Hide with this reason')!.click());
    expect(onHide).not.toHaveBeenCalled();
    const field = container.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-describedby')).toBe(`${field.id}-error`);
    await type(field, 'Personal details of a care worker');
    await act(async () => button('Hide with this reason')!.click());
    expect(onHide).toHaveBeenCalledWith(list.toReview[0]!.target, 'Personal details of a care worker');
    expect(announce).toHaveBeenCalledWith('Hidden from the group.');
    await act(async () => button('Unhide')!.click());
    expect(onUnhide).toHaveBeenCalledWith(list.toReview[1]!.target, 'Unhidden after review');
    await act(async () => button('No action needed')!.click());
    expect(onDismiss).toHaveBeenCalledWith(list.toReview[0]!.target, 'No action needed');
  });

  it('lists a hidden item with no open reports for Unhide, without "No action needed"', async () => {
    const quiet: ModerationList = { toReview: [{ ...list.toReview[1]!, reports: [] }], record: [] };
    await mount(<ModerationPanel list={quiet} onHide={vi.fn()} onUnhide={vi.fn()} onDismiss={vi.fn()} announce={vi.fn()} />);
    expect(container.textContent).toContain('No open reports.');
    expect(button('Unhide')).toBeDefined();
    expect(button('No action needed')).toBeUndefined();
  });
});

function settingsApi(granted: boolean) {
  const api: ConversationSettingsApi = {
    getProfile: vi.fn(async () => ({ displayName: 'Sam Jones', jobTitle: 'Policy officer', organisation: null })),
    updateProfile: vi.fn(async (patch: { jobTitle?: string | null; organisation?: string | null }) => ({ displayName: 'Sam Jones', jobTitle: 'Policy officer', organisation: null, ...patch })),
    getNotify: vi.fn(async () => ({ on: false, granted: false })),
    requestPermission: vi.fn(async () => granted),
    setNotify: vi.fn(async (on: boolean) => ({ on, granted: true })),
    createLinkCode: vi.fn(async () => ({ code: 'LINK-7Q2X', expiresAt: '2026-11-05T10:15:00Z' })),
  };
  return api;
}

describe('ConversationSettings', () => {
  it('saves the job title and organisation shown with answers', async () => {
    const api = settingsApi(true);
    await mount(<ConversationSettings api={api} />);
    expect(container.querySelector<HTMLInputElement>('#job-title')!.value).toBe('Policy officer');
    await type(container.querySelector<HTMLInputElement>('#organisation')!, 'Department of Health and Social Care');
    await act(async () => void container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    // Only the changed field is sent (the job title was already saved).
    expect(api.updateProfile).toHaveBeenCalledWith({ organisation: 'Department of Health and Social Care' });
    expect(container.textContent).toContain('Your job title and organisation are saved.');
  });

  it('shows the fields only once the profile is read, so a late answer never overwrites typing', async () => {
    const api = settingsApi(true);
    let answer: (p: Awaited<ReturnType<ConversationSettingsApi['getProfile']>>) => void = () => {};
    api.getProfile = () => new Promise((resolve) => (answer = resolve));
    await mount(<ConversationSettings api={api} />);
    expect(container.querySelector<HTMLFormElement>('section[aria-labelledby=answers-heading] form')!.hidden).toBe(true);
    expect(container.textContent).toContain('Reading your profile…');
    await act(async () => answer({ displayName: 'Sam', jobTitle: null, organisation: 'DHSC' }));
    await act(async () => {});
    expect(container.querySelector<HTMLFormElement>('section[aria-labelledby=answers-heading] form')!.hidden).toBe(false);
    expect(container.querySelector<HTMLInputElement>('#organisation')!.value).toBe('DHSC');
  });

  it('asks for the notifications permission only when turned on, and stays off when refused', async () => {
    const refused = settingsApi(false);
    await mount(<ConversationSettings api={refused} />);
    expect(refused.requestPermission).not.toHaveBeenCalled();
    const box = container.querySelector<HTMLInputElement>('#notify')!;
    await act(async () => box.click());
    expect(refused.requestPermission).toHaveBeenCalledTimes(1);
    expect(refused.setNotify).not.toHaveBeenCalled();
    expect(box.checked).toBe(false);
    expect(container.textContent).toContain('The browser did not allow notifications');
  });

  it('turns notifications on once allowed', async () => {
    const api = settingsApi(true);
    await mount(<ConversationSettings api={api} />);
    await act(async () => container.querySelector<HTMLInputElement>('#notify')!.click());
    expect(api.setNotify).toHaveBeenCalledWith(true);
    expect(container.querySelector<HTMLInputElement>('#notify')!.checked).toBe(true);
  });

  it('shows a link code with when it expires', async () => {
    await mount(<ConversationSettings api={settingsApi(true)} />);
    await act(async () => button('Make a link code')!.click());
    expect(container.textContent).toMatch(/Your link code is LINK-7Q2X\. It works once, until \d\d:\d\d\./);
  });
});

describe('moderation and conversation settings in Welsh', () => {
  it('shows To review, the report counts, the record and its date in Welsh', async () => {
    await mount(
      <I18nProvider locale="cy">
        <ModerationPanel list={list} onHide={vi.fn()} onUnhide={vi.fn()} onDismiss={vi.fn()} announce={vi.fn()} />
      </I18nProvider>,
    );
    expect(container.querySelector('#to-review-heading')!.textContent).toBe('I’w adolygu (2)');
    expect(container.querySelector('#record-heading')!.textContent).toBe('Cofnod cymedroli');
    const items = [...container.querySelectorAll('section:first-child > ul > li')];
    expect(items[0]!.getAttribute('aria-label')).toBe('Sylw y rhoddwyd gwybod amdano');
    expect(items[0]!.textContent).toContain('2 adroddiad:');
    expect(items[1]!.textContent).toContain('Wedi’i guddio nawr: Unkind');
    expect(button('Cuddio gyda’r rheswm hwn')).toBeDefined();
    expect(button('Dangos eto')).toBeDefined();
    const record = container.querySelector('section[aria-labelledby=record-heading] li')!;
    expect(record.textContent).toContain('Wedi’i guddio — Fran, 5 Tachwedd 2026');
    expect(record.textContent).toContain('Ar yr ateb: “rude reply”');
    expect(container.textContent).not.toMatch(/To review|reports|Hidden now|Why:/);
  });

  it('shows the answer profile, notifications and link code in Welsh', async () => {
    await mount(
      <I18nProvider locale="cy">
        <ConversationSettings api={settingsApi(true)} />
      </I18nProvider>,
    );
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Yn cael ei ddangos gyda’ch ymatebion', 'Hysbysiadau porwr', 'Defnyddio ar borwr arall']);
    expect(container.querySelector('label[for=job-title]')!.textContent).toBe('Teitl swydd');
    await act(async () => button('Gwneud cod cysylltu')!.click());
    expect(container.textContent).toMatch(/Eich cod cysylltu yw LINK-7Q2X\. Mae’n gweithio unwaith, tan \d\d:\d\d\./);
  });
});

describe('PopupApp What’s new', () => {
  it('shows the newest notices and opens one in a tab, marking it read', async () => {
    const open = vi.fn(async () => {});
    const markRead = vi.fn(async () => {});
    const api: PopupApi = {
      getStatus: async () => ({ cannotAnnotate: null, commentCount: 2 }),
      openPanel: async () => {},
      openSettings: async () => {},
      openDigest: async () => {},
      notices: { list: async () => ({ notices, unread: 2, follows: [], notify: { on: false, granted: false } }), markRead, open },
    };
    await mount(<PopupApp api={api} />);
    expect(container.textContent).toContain('What’s new (2 new)');
    await act(async () => container.querySelector('a')!.click());
    expect(open).toHaveBeenCalledWith(notices[2]);
    expect(markRead).toHaveBeenCalledWith([notices[2]!.id]);
  });
});
