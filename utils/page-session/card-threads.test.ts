import { describe, expect, it, vi } from 'vitest';
import { buildReply } from '../model';
import { createCardThreads } from './card-threads';
import { createOverlayStore } from './overlay-state';

const A = 'urn:uuid:00000000-0000-7000-8000-000000000001';
const B = 'urn:uuid:00000000-0000-7000-8000-000000000002';
const built = buildReply({ id: 'urn:uuid:00000000-0000-7000-8000-000000000003', now: new Date('2026-11-02T10:00:00Z'), parentId: A, draft: { text: 'We will change the guidance.', answer: 'will-change', attribution: 'named' }, authorName: 'Olivia' });
if (!built.ok) throw new Error(built.problems.join());
const answer = built.value;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the in-page card’s thread summaries', () => {
  it('are asked for when the card opens on other comments, kept in the overlay, and asked again after a reload', async () => {
    const store = createOverlayStore();
    const send = vi.fn(async () => ({ ok: true, value: { summaries: { [A]: { replyCount: 2, supportCount: 3, latestAnswer: { status: 'will-change', reply: answer } } } } }));
    const threads = createCardThreads({ send, store });
    threads.start();
    store.set({ notice: 'nothing to do with the card' });
    expect(send).not.toHaveBeenCalled();

    store.set({ card: { ids: [A, B], x: 1, y: 1, pinned: false } });
    await flush();
    expect(send).toHaveBeenCalledWith({ type: 'conversation/summaries', comments: [A, B] });
    expect(store.get().cardThreads).toEqual({ [A]: { replyCount: 2, supportCount: 3, latestAnswer: { status: 'will-change', reply: answer } } });

    // The same card moving with the pointer: not asked again. Pinned by a click: the same passages.
    store.set({ card: { ids: [A, B], x: 5, y: 5, pinned: true } });
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    threads.refresh();
    await flush();
    expect(send).toHaveBeenCalledTimes(2);
    store.set({ card: null });
    threads.refresh();
    await flush();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing a bad answer says: an unknown status, a damaged answer, negative counts, no answer at all', async () => {
    for (const bad of [
      { summaries: { [A]: { replyCount: 1, supportCount: 0, latestAnswer: { status: 'approved', reply: answer } } } },
      { summaries: { [A]: { replyCount: -1, supportCount: 0, latestAnswer: null } } },
      'nonsense',
    ]) {
      const store = createOverlayStore();
      createCardThreads({ send: async () => ({ ok: true, value: bad }), store }).start();
      store.set({ card: { ids: [A], x: 1, y: 1, pinned: false } });
      await flush();
      expect(store.get().cardThreads).toEqual({});
    }
    // A damaged answer reply: the counts stay, the answer does not.
    const store = createOverlayStore();
    createCardThreads({ send: async () => ({ ok: true, value: { summaries: { [A]: { replyCount: 1, supportCount: 0, latestAnswer: { status: 'noted', reply: { ...answer, body: [] } } } } } }), store }).start();
    store.set({ card: { ids: [A], x: 1, y: 1, pinned: false } });
    await flush();
    expect(store.get().cardThreads).toEqual({ [A]: { replyCount: 1, supportCount: 0, latestAnswer: null } });
    // The background refusing (an old background without the request), or not answering: no summaries.
    const refused = createOverlayStore();
    createCardThreads({ send: async () => ({ ok: false, error: 'Unknown request' }), store: refused }).start();
    refused.set({ card: { ids: [A], x: 1, y: 1, pinned: false } });
    await flush();
    expect(refused.get().cardThreads).toEqual({});
    const offline = createOverlayStore();
    createCardThreads({ send: async () => Promise.reject(new Error('gone')), store: offline }).start();
    offline.set({ card: { ids: [A], x: 1, y: 1, pinned: false } });
    await flush();
    expect(offline.get().cardThreads).toEqual({});
  });
});
