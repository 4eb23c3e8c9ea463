import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncOverview } from '../utils/messaging';
import { SyncStatus } from './SyncStatus';
import { buildReply } from '../utils/model';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('SyncStatus', () => {
  it('says which comment the store refused and why, and offers to try again', async () => {
    const overview: SyncOverview = {
      sentence: 'The group store refused one comment: The comment has an unknown field. It is kept on this computer.',
      needsAttention: true,
      connection: { baseUrl: 'http://store.test', group: 'g1', role: 'member', memberId: 'm1', displayName: 'Sam' },
      conflicts: [],
      refused: [{ id: 'urn:uuid:01890a5d-ac96-774b-bcce-000000000001', message: 'The comment has an unknown field.', damaged: false, quote: 'eligible for support', text: 'I was told I was not eligible' }],
      hidden: {},
    };
    let retried = 0;
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => render(<SyncStatus overview={overview} onRetry={() => retried++} onResolve={() => undefined} />, container));
    const text = container.textContent ?? '';
    expect(text).toContain('The group store refused one comment: The comment has an unknown field. It is kept on this computer.');
    const list = container.querySelector('[aria-label="Comments not sent to the group"]');
    expect(list?.textContent).toBe('Your comment on “eligible for support”: I was told I was not eligibleRefused by the group store: The comment has an unknown field.');
    await act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Try again now')!.click());
    expect(retried).toBe(1);
  });

  it('shows both versions of a reply in conflict by their words (an answer with no words by its status), and takes the choice', async () => {
    const version = (text: string, answer: 'changed' | null) => {
      const built = buildReply({ id: 'urn:uuid:01890a5d-ac96-774b-bcce-000000000002', now: new Date('2026-12-06T10:00:00Z'), parentId: 'urn:uuid:01890a5d-ac96-774b-bcce-000000000001', draft: { text, answer, attribution: 'named' }, authorName: 'Sam' });
      if (!built.ok) throw new Error(built.problems.join());
      return built.value;
    };
    const overview: SyncOverview = {
      sentence: 'One comment has two versions.',
      needsAttention: true,
      connection: { baseUrl: 'http://store.test', group: 'g1', role: 'reader', memberId: 'm1', displayName: 'Sam' },
      conflicts: [{ id: 'urn:uuid:01890a5d-ac96-774b-bcce-000000000002', mine: version('Six long weeks.', null), theirs: version('', 'changed'), theirsRevision: '3', detectedAt: '2026-12-06T10:00:00Z' }],
      refused: [],
      hidden: {},
    };
    const chosen: string[] = [];
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => render(<SyncStatus overview={overview} onRetry={() => undefined} onResolve={(_id, choice) => void chosen.push(choice)} />, container));
    const group = container.querySelector('[role="group"]')!;
    expect(group.textContent).toContain('Six long weeks.');
    expect(group.textContent).toContain('This has been changed');
    expect(group.textContent).not.toContain('deleted');
    await act(async () => [...group.querySelectorAll('button')][1]!.click());
    expect(chosen).toEqual(['theirs']);
  });
});
