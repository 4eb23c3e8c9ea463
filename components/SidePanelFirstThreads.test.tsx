import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commentFixture } from '../utils/conversation/conversation-fixtures';
import type { PageState } from '../utils/messaging';
import type { ConversationListing, NoticeList } from '../utils/messaging/conversation-protocol';
import { buildReply, DEFAULT_SETTINGS, type LeaItem } from '../utils/model';
import { SidePanelApp, type SidePanelApi, type SidePanelConversationApi } from './SidePanelApp';
import { FIRST_THREADS } from './use-conversation';

const uuid = (n: number) => `urn:uuid:00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const DOC = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
const COUNT = 60;
const comments = Array.from({ length: COUNT }, (_, i) => commentFixture(uuid(i + 1), { text: `Comment number ${i + 1}.` }));
function replyTo(n: number, parent: string, text: string) {
  const built = buildReply({ id: uuid(1000 + n), now: new Date('2026-11-02T10:00:00Z'), parentId: parent, draft: { text, answer: null, attribution: 'named' }, authorName: 'Bob' });
  if (!built.ok) throw new Error(built.problems.join());
  return built.value;
}
const early = replyTo(1, comments[0]!.id, 'Same for my dad.');
const late = replyTo(2, comments[COUNT - 1]!.id, 'And for my sister.');
const listingOf = (items: LeaItem[], partial: boolean): ConversationListing => ({
  items,
  hidden: [],
  hiddenComments: [],
  supportCounts: {},
  mySupportIds: [],
  authors: Object.fromEntries(items.map((i) => [i.id, 'other' as const])),
  moderated: {},
  pending: [],
  refused: {},
  role: 'member',
  following: false,
  damaged: [],
  ...(partial ? { partial: true as const } : {}),
});

/** A panel whose whole listing arrives only when the test says (a long document's conversation). */
function panel() {
  const asked: (string[] | undefined)[] = [];
  let releaseWhole: () => void = () => undefined;
  const whole = new Promise<void>((resolve) => (releaseWhole = resolve));
  const conversation = {
    list: vi.fn(async (_uris: string[], only?: string[]) => {
      asked.push(only);
      if (only) return listingOf([...comments.filter((c) => only.includes(c.id)), ...[early, late].filter((r) => only.includes(r.target))], true);
      await whole;
      return listingOf([...comments, early, late], false);
    }),
    notices: async () => ({ notices: [], unread: 0, follows: [], notifications: false }),
  } as unknown as SidePanelConversationApi;
  const state: PageState = {
    uri: DOC,
    title: 'Care Act 2014, section 1',
    role: 'member',
    damaged: [],
    comments: comments.map((annotation, i) => ({ annotation, mine: false, status: 'exact', position: i })),
  };
  const api: SidePanelApi = {
    getPageState: async () => state,
    focus: async () => true,
    showOnPage: vi.fn(async () => undefined),
    save: async () => undefined,
    remove: async () => null,
    getSettings: async () => ({ ...DEFAULT_SETTINGS, displayName: 'Sam' }),
    onChange: () => () => {},
    now: () => new Date('2026-11-03T10:00:00Z'),
    conversation,
  };
  return { api, asked, releaseWhole };
}

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
const replyShown = (id: string) => container.querySelector(`li[data-reply-id="${id}"]`) !== null;

describe('the side panel on a long document', () => {
  it('shows the first screenful of threads before the whole conversation is read, then all of it', async () => {
    const { api, asked, releaseWhole } = panel();
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => render(<SidePanelApp api={api} />, container));
    for (let i = 0; i < 5; i++) await settle();

    expect(asked[0]).toEqual(comments.slice(0, FIRST_THREADS).map((c) => c.id));
    expect(asked[1]).toBeUndefined();
    expect(replyShown(early.id)).toBe(true);
    expect(replyShown(late.id)).toBe(false);
    // Counting answers from part of the conversation would mislead: that filter waits.
    expect(container.textContent).not.toContain('Not answered yet');

    releaseWhole();
    for (let i = 0; i < 5; i++) await settle();
    expect(replyShown(early.id)).toBe(true);
    expect(replyShown(late.id)).toBe(true);
    expect(container.textContent).toContain('Not answered yet');
  });

  it('while the page is still finding its comments, says so and asks for no conversation; once it has them, the first threads come first', async () => {
    const { api, asked, releaseWhole } = panel();
    const loaded = await api.getPageState();
    let state: PageState = { ...loaded, comments: [], loading: true };
    let changed: () => void = () => undefined;
    const noticesAsked = vi.fn(async (): Promise<NoticeList> => ({ notices: [], unread: 0, follows: [], notify: { on: false, granted: false } }));
    const watching: SidePanelApi = {
      ...api,
      getPageState: async () => state,
      onChange: (listener) => ((changed = listener), () => undefined),
      conversation: { ...api.conversation!, notices: noticesAsked },
    };
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => render(<SidePanelApp api={watching} />, container));
    for (let i = 0; i < 3; i++) await settle();
    expect(container.textContent).toContain('Finding this page’s comments…');
    expect(container.textContent).not.toContain('There are no comments on this page yet');
    // Nothing read yet: the page's first screenful must not wait behind a whole-document read.
    expect(asked).toEqual([]);
    expect(noticesAsked).not.toHaveBeenCalled();

    state = loaded;
    await act(async () => changed());
    for (let i = 0; i < 3; i++) await settle();
    expect(asked[0]).toEqual(comments.slice(0, FIRST_THREADS).map((c) => c.id));
    expect(replyShown(early.id)).toBe(true);
    expect(container.textContent).not.toContain('Finding this page’s comments…');
    releaseWhole();
    for (let i = 0; i < 3; i++) await settle();
  });
});
