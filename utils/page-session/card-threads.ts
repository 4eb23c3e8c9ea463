import * as v from 'valibot';
import { callBackground } from '../messaging';
import type { ThreadSummary } from '../messaging/conversation-protocol';
import { ANSWER_STATUS_VALUES, checkReply } from '../model';
import type { SendToBackground } from './comment-loader';
import type { OverlayStore } from './overlay-state';

/** The background's answer, checked as it crosses from another context (each answer's reply by the model). */
const SummariesSchema = v.object({
  summaries: v.record(
    v.string(),
    v.object({
      replyCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
      supportCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
      latestAnswer: v.nullable(v.object({ status: v.picklist(ANSWER_STATUS_VALUES), reply: v.unknown() })),
    }),
  ),
});

/**
 * Keeps the open card's thread summaries (replies, "me too" count, latest answer) in the
 * overlay state: asked for whenever the card opens on other comments or the page's comments
 * are read again, never while the card is closed. A failed answer (offline background, a
 * comment with no conversation) leaves the card as it is, without summaries.
 */
export function createCardThreads(options: { send: SendToBackground; store: OverlayStore }) {
  const { send, store } = options;
  let askedFor = '';
  let asking = 0;

  async function ask(ids: string[]): Promise<void> {
    const mine = ++asking;
    try {
      const answer = v.safeParse(SummariesSchema, await callBackground(send, { type: 'conversation/summaries', comments: ids }));
      if (mine !== asking || !answer.success) return;
      const summaries: Record<string, ThreadSummary> = {};
      for (const [id, summary] of Object.entries(answer.output.summaries)) {
        const reply = summary.latestAnswer ? checkReply(summary.latestAnswer.reply) : null;
        summaries[id] = { ...summary, latestAnswer: summary.latestAnswer && reply?.ok ? { status: summary.latestAnswer.status, reply: reply.value } : null };
      }
      store.set({ cardThreads: summaries });
    } catch {
      // The card shows the comments without their threads' state.
    }
  }

  function onChange(): void {
    const card = store.get().card;
    const key = card ? card.ids.join(' ') : '';
    if (key === askedFor) return;
    askedFor = key;
    if (card) void ask(card.ids.filter((id) => id.startsWith('urn:uuid:')).slice(0, 100));
  }

  return {
    /** Watch the store (returns the unsubscribe). */
    start: () => store.subscribe(onChange),
    /** The page's comments were read again (a reply or answer may have arrived): ask again if a card is open. */
    refresh(): void {
      askedFor = '';
      onChange();
    },
  };
}
