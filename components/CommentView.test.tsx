import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageState, SyncOverview } from '../utils/messaging';
import { DEFAULT_SETTINGS } from '../utils/model';
import { makeComment } from '../tests/support/sync-harness';
import { CommentView } from './CommentView';
import { SidePanelApp, type SidePanelApi } from './SidePanelApp';

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

const overview = (hidden: SyncOverview['hidden']): SyncOverview => ({
  sentence: 'All saved',
  needsAttention: false,
  connection: { baseUrl: 'http://store.test', group: 'g1', role: 'member', memberId: 'm1', displayName: 'Sam' },
  conflicts: [],
  refused: [],
  hidden,
});

describe('a comment a facilitator hid', () => {
  it('tells its author, with the facilitator’s reason', async () => {
    await mount(<CommentView annotation={makeComment('my story')} hidden={{ reason: 'Names a member of staff' }} />);
    expect(container.textContent).toContain("Hidden by your group’s facilitator: Names a member of staff");
    expect(container.textContent).toContain('my story');
  });

  it('shows the sentence on that comment in the side panel, and not once it is unhidden', async () => {
    const hiddenOne = makeComment('hidden story');
    const other = makeComment('other story');
    const state: PageState = {
      uri: 'https://example.org/policy',
      title: 'Policy',
      role: 'member',
      damaged: [],
      comments: [hiddenOne, other].map((annotation, i) => ({ annotation, mine: true, status: 'exact', position: i })),
    };
    let sync = overview({ [hiddenOne.id]: { reason: 'Personal details' } });
    let changed = () => {};
    const api: SidePanelApi = {
      getPageState: async () => state,
      focus: async () => true,
      showOnPage: async () => undefined,
      save: async () => undefined,
      remove: async () => null,
      getSettings: async () => DEFAULT_SETTINGS,
      onChange: (listener) => ((changed = listener), () => {}),
      now: () => new Date(Date.UTC(2026, 10, 23)),
      sync: { overview: async () => sync, retry: async () => sync, resolve: async () => undefined },
    };
    await mount(<SidePanelApp api={api} />);
    const items = () => [...container.querySelectorAll('li')].filter((li) => li.textContent?.includes('story'));
    expect(items().map((li) => li.textContent?.includes("Hidden by your group’s facilitator: Personal details"))).toEqual([true, false]);

    sync = overview({});
    await act(async () => changed());
    await act(async () => {});
    expect(container.textContent).not.toContain('Hidden by your group');
  });
});
