import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commentFixture } from '../utils/conversation/conversation-fixtures';
import type { PageState } from '../utils/messaging';
import type { ConversationListing, ModerationList } from '../utils/messaging/conversation-protocol';
import { buildAnnotation, buildReply, buildSupport, DEFAULT_SETTINGS, type LeaAnnotation, type LeaItem, type Role } from '../utils/model';
import { SidePanelApp, type SidePanelApi, type SidePanelConversationApi } from './SidePanelApp';

const uuid = (n: number) => `urn:uuid:00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const DOC = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
const first = commentFixture(uuid(1), { text: 'Wellbeing should include seeing my friends.' });
const second = commentFixture(uuid(2), { text: 'Nobody asked me what I wanted.', anonymous: true });
function privateComment(): LeaAnnotation {
  const built = buildAnnotation({
    id: uuid(3),
    now: new Date('2026-11-01T09:00:00Z'),
    draft: { text: 'Just a note for me.', themes: [], perspective: 'uses-care', attribution: 'anonymous', visibility: 'private', kind: 'comment' },
    target: { source: DOC, selectors: [{ type: 'TextQuoteSelector', exact: 'well-being' }, { type: 'TextPositionSelector', start: 120, end: 130 }] },
    authorName: '',
  });
  if (!built.ok) throw new Error(built.problems.join());
  return built.value;
}
const onlyMe = privateComment();

let clock = Date.parse('2026-11-02T10:00:00Z');
let next = 100;
function fake(role: Role, options: { mine?: string[]; items?: LeaItem[] } = {}) {
  const items: LeaItem[] = [first, second, onlyMe, ...(options.items ?? [])];
  const authors: Record<string, 'me' | 'other'> = Object.fromEntries(items.map((i) => [i.id, options.mine?.includes(i.id) ? 'me' : 'other']));
  const mySupports: string[] = [];
  const moderation: ModerationList = {
    toReview: [{ target: first.id, annotation: first as unknown as Record<string, unknown>, hidden: null, reports: [{ id: 'r1', reason: 'Names a person', created: '2026-11-03T10:00:00Z' }] }],
    record: [],
  };
  const calls: string[] = [];
  const conversation: SidePanelConversationApi = {
    list: async (): Promise<ConversationListing> => ({ items: [...items], hidden: [], hiddenComments: [], supportCounts: {}, mySupportIds: [...mySupports], authors: { ...authors }, moderated: {}, pending: [], refused: {}, role, following: false, damaged: [] }),
    async reply(input) {
      clock += 60_000;
      const built = buildReply({ id: uuid(next++), now: new Date(clock), parentId: input.target, draft: { text: input.text, answer: input.answer, attribution: input.attribution }, authorName: 'Sam Jones' });
      if (!built.ok) throw new Error(built.problems.join(' '));
      items.push(built.value);
      authors[built.value.id] = 'me';
      calls.push(`reply ${input.target} ${input.answer ?? 'plain'}`);
      return built.value;
    },
    async support(target) {
      const s = buildSupport({ id: uuid(next++), now: new Date(clock), targetId: target, named: false, authorName: '' });
      if (!s.ok) throw new Error('support');
      items.push(s.value);
      mySupports.push(s.value.id);
    },
    async unsupport(target) {
      const i = items.findIndex((x) => x.motivation === 'assessing' && x.target === target && mySupports.includes(x.id));
      mySupports.splice(mySupports.indexOf(items[i]!.id), 1);
      items.splice(i, 1);
    },
    async deleteReply(id) {
      items.splice(items.findIndex((x) => x.id === id), 1);
      calls.push(`delete ${id}`);
    },
    report: vi.fn(async () => {}),
    follow: vi.fn(async () => {}),
    notices: async () => ({ notices: [], unread: 0, follows: [], notify: { on: false, granted: false } }),
    markRead: vi.fn(async () => {}),
    openNotice: vi.fn(async () => {}),
    moderation: {
      list: async () => moderation,
      hide: vi.fn(async () => {}),
      unhide: vi.fn(async () => {}),
      dismiss: vi.fn(async () => {}),
    },
  };
  const state: PageState = {
    uri: DOC,
    title: 'Care Act 2014, section 1',
    role,
    damaged: [],
    comments: [first, second, onlyMe].map((annotation, i) => ({ annotation, mine: options.mine?.includes(annotation.id) ?? false, status: 'exact', position: i })),
  };
  const api: SidePanelApi = {
    getPageState: async () => state,
    focus: async () => true,
    showOnPage: vi.fn(async () => undefined),
    save: async () => undefined,
    remove: async () => null,
    getSettings: async () => ({ ...DEFAULT_SETTINGS, displayName: 'Sam Jones' }),
    onChange: () => () => {},
    now: () => new Date(clock),
    conversation,
  };
  return { api, calls, items };
}

let container: HTMLElement;
async function mount(api: SidePanelApi) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(<SidePanelApp api={api} />, container));
  await act(async () => {});
}
afterEach(() => {
  render(null, container);
  container.remove();
});
const item = (id: string) => container.querySelector<HTMLElement>(`li[data-comment-id="${id}"]`)!;
const buttonIn = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name));
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 30)));

describe('the side panel conversation', () => {
  it('lets a reader (officer) reply and answer, never "me too" or "Add comment"', async () => {
    const { api, calls } = fake('reader');
    await mount(api);
    expect(container.textContent).not.toContain('Add comment');
    expect(buttonIn(container, 'This is my experience too')).toBeUndefined();
    expect(buttonIn(container, 'Report')).toBeUndefined();
    await act(() => buttonIn(item(first.id), 'Reply')!.click());
    const form = item(first.id).querySelector('form')!;
    const willChange = [...form.querySelectorAll('label')].find((l) => l.textContent === 'We will change this')!.querySelector('input')!;
    await act(() => willChange.click());
    const text = form.querySelector('textarea')!;
    await act(() => {
      text.value = 'We will add this to the guidance.';
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(calls).toEqual([`reply ${first.id} will-change`]);
    expect(container.querySelector('[role=status]')!.textContent).toContain('Answer sent');
    expect(item(first.id).textContent).toContain('Answer: We will change this — Sam Jones');
    expect((document.activeElement as HTMLElement).dataset.replyId).toBe(uuid(100));
  });

  it('offers no Reply on an "only me" comment', async () => {
    const { api } = fake('member', { mine: [onlyMe.id] });
    await mount(api);
    expect(buttonIn(item(onlyMe.id), 'Reply')).toBeUndefined();
    expect(buttonIn(item(first.id), 'Reply')).toBeDefined();
  });

  it('tells the author of an anonymous comment how their reply will show', async () => {
    const { api } = fake('member', { mine: [second.id] });
    await mount(api);
    await act(() => buttonIn(item(second.id), 'Reply')!.click());
    expect(item(second.id).textContent).toContain('You will show as the author of this comment');
  });

  it('says "this is my experience too" once and takes it back, and sorts by most supported', async () => {
    const extra = buildSupport({ id: uuid(90), now: new Date(clock), targetId: second.id, named: false, authorName: '' });
    if (!extra.ok) throw new Error('support');
    const { api } = fake('member', { items: [extra.value] });
    await mount(api);
    const toggle = () => [...item(first.id).querySelectorAll('button')].find((b) => b.textContent?.includes('This is my experience too'))!;
    await act(async () => toggle().click());
    await settle();
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(item(first.id).textContent).toContain('1 person said this is their experience too');
    const said = container.querySelector('[role=status] > span')!;
    expect(said.textContent).toBe('You said this is your experience too.');
    await act(async () => toggle().click());
    await settle();
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    await act(async () => toggle().click());
    await settle();
    // The same words again come in a new node, so screen readers announce them again.
    const again = container.querySelector('[role=status] > span')!;
    expect(again.textContent).toBe('You said this is your experience too.');
    expect(again).not.toBe(said);
    await act(async () => toggle().click());
    await settle();
    const order = container.querySelector<HTMLSelectElement>('#order-filter')!;
    await act(() => {
      order.value = 'support';
      order.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect([...container.querySelectorAll('li[data-comment-id]')].map((li) => li.getAttribute('data-comment-id'))[0]).toBe(second.id);
  });

  it('filters by answer, and tells the page exactly which comments to paint', async () => {
    const answer = buildReply({ id: uuid(95), now: new Date(clock), parentId: second.id, draft: { text: 'Noted', answer: 'noted', attribution: 'named' }, authorName: 'Sam' });
    if (!answer.ok) throw new Error('answer');
    const { api } = fake('member', { items: [answer.value] });
    await mount(api);
    const select = container.querySelector<HTMLSelectElement>('#answer-filter')!;
    expect([...select.options].map((o) => o.textContent)).toContain('Not answered yet (2)');
    await act(() => {
      select.value = 'noted';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect([...container.querySelectorAll('li[data-comment-id]')].map((li) => li.getAttribute('data-comment-id'))).toEqual([second.id]);
    expect(vi.mocked(api.showOnPage).mock.lastCall![0]).toMatchObject({ answer: 'noted', only: [second.id] });
  });

  it('gives facilitators a To review tab, reachable with the arrow keys', async () => {
    const { api } = fake('facilitator');
    await mount(api);
    const tabs = [...container.querySelectorAll<HTMLElement>('[role=tab]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Comments', 'What’s new (nothing new)', 'To review']);
    tabs[0]!.focus();
    await act(async () => void tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    await settle();
    const review = container.querySelector<HTMLElement>('[role=tab][aria-selected=true]')!;
    expect(review.textContent).toBe('To review (1)');
    expect(document.activeElement).toBe(review);
    expect(container.querySelector('[role=tabpanel]')!.textContent).toContain('Names a person');
  });

  it('gives members no To review tab', async () => {
    const { api } = fake('member');
    await mount(api);
    expect([...container.querySelectorAll('[role=tab]')].map((t) => t.textContent)).toEqual(['Comments', 'What’s new (nothing new)']);
  });

  it('a member deletes their own reply from the panel after the plain question, and it is gone from the thread', async () => {
    const { api, calls } = fake('member');
    await mount(api);
    await settle();
    await act(() => buttonIn(item(first.id), 'Reply')!.click());
    const box = item(first.id).querySelector('textarea')!;
    await act(() => {
      box.value = 'I said more than I meant to.';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => void item(first.id).querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(item(first.id).textContent).toContain('I said more than I meant to.');
    await act(() => buttonIn(item(first.id), 'Delete')!.click());
    await act(async () => buttonIn(item(first.id), 'Delete reply')!.click());
    await settle();
    expect(calls.at(-1)).toMatch(/^delete urn:uuid:/);
    expect(item(first.id).textContent).not.toContain('I said more than I meant to.');
    expect(container.textContent).toContain('Reply deleted.');
  });
});
