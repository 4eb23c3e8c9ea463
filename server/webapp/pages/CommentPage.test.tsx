import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReply, type LeaAnnotation } from '../../../utils/model';
import { ANNO_CONTEXT, LEA_CONTEXT } from '../../../utils/model/annotation';
import type { ReadItem } from '../../../utils/webapp/read-types';
import type { WebSession } from '../../../utils/webapp/session-types';
import { App } from '../App';
import { button, fakeApi, labelled, mount, settle, submit, type, unmount } from '../facilitator/test-support';

const STAMP = '2026-11-23T12:00:00.000Z';
const MEMBER: WebSession = { memberId: 'm-b', displayName: 'Bob', role: 'member', group: { id: 'g1', name: 'NCAG' }, csrfToken: 'csrf', expiresAt: '2026-12-16T10:00:00Z' };
const READER: WebSession = { ...MEMBER, memberId: 'm-r', displayName: 'Olivia', role: 'reader' };
const THEMES = { themes: [{ id: 'workforce', label: 'Workforce', retired: false }] };
const uuid = (n: number) => `0190a1b2-0000-7000-8000-00000000000${n}`;

const comment: LeaAnnotation = {
  '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
  id: `urn:uuid:${uuid(1)}`,
  type: 'Annotation',
  motivation: 'commenting',
  created: STAMP,
  modified: STAMP,
  body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'The assessment took a year.' }],
  target: { source: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1', selector: [{ type: 'TextQuoteSelector', exact: 'wellbeing' }, { type: 'TextPositionSelector', start: 10, end: 19 }] },
  perspective: 'carer',
  visibility: 'group',
  attribution: 'anonymous',
};
function reply(n: number, text: string): ReadItem {
  const built = buildReply({ id: `urn:uuid:${uuid(n)}`, now: new Date(STAMP), parentId: comment.id, draft: { text, answer: null, attribution: 'named' }, authorName: `Person ${n}` });
  if (!built.ok) throw new Error(built.problems.join());
  return { id: built.value.id, kind: 'reply', revision: '1', annotation: built.value as unknown as Record<string, unknown>, hidden: null };
}
const items: ReadItem[] = [
  { id: comment.id, kind: 'comment', revision: '1', annotation: comment as unknown as Record<string, unknown>, hidden: null },
  reply(2, 'Same for my mother.'),
  reply(3, 'And for me.'),
  reply(4, 'Ours took fourteen months.'),
];
const read = (focus: string) => ({ source: comment.target.source, title: 'Care Act 2014', comment: comment.id, focus, items, supportCounts: {}, mySupports: [], hidden: [] });

beforeEach(() => {
  localStorage.clear();
  document.documentElement.lang = 'en-GB';
});
afterEach(() => unmount());

describe("a comment's permanent link", () => {
  it('to a reply: opens the replies, and the reply the link is for has the focus and is marked', async () => {
    history.replaceState(null, '', `/c/${uuid(4)}`);
    const api = fakeApi({ 'GET /api/web/session': READER, 'GET /api/groups/g1/themes': THEMES, [`GET /api/groups/g1/comments/${uuid(4)}`]: read(`urn:uuid:${uuid(4)}`) }, READER);
    const root = await mount(<App api={api} />);
    await settle();
    const linked = root.querySelector<HTMLElement>(`[data-reply-id="urn:uuid:${uuid(4)}"]`);
    expect(linked?.textContent).toContain('Ours took fourteen months.');
    expect(document.activeElement).toBe(linked);
    expect(linked?.getAttribute('aria-current')).toBe('true');
    expect(root.querySelectorAll('[aria-current="true"]')).toHaveLength(1);
    // Three replies are more than the thread shows open: the link opened them all.
    expect(root.querySelectorAll('[data-reply-id]')).toHaveLength(3);
  });

  it('to the comment itself: the replies stay folded and focus is left where the page load put it', async () => {
    history.replaceState(null, '', `/c/${uuid(1)}`);
    const api = fakeApi({ 'GET /api/web/session': READER, 'GET /api/groups/g1/themes': THEMES, [`GET /api/groups/g1/comments/${uuid(1)}`]: read(comment.id) }, READER);
    const root = await mount(<App api={api} />);
    await settle();
    expect(root.querySelectorAll('[data-reply-id]')).toHaveLength(0);
    expect(button(root, 'Show 3 replies')).toBeTruthy();
    expect(root.querySelector('[aria-current]')).toBeNull();
    expect(root.contains(document.activeElement)).toBe(false);
  });

  it('lets a member report the comment or a reply with a reason, and a reader has no Report button', async () => {
    history.replaceState(null, '', `/c/${uuid(2)}`);
    const routes = {
      'GET /api/groups/g1/themes': THEMES,
      [`GET /api/groups/g1/comments/${uuid(2)}`]: read(`urn:uuid:${uuid(2)}`),
      [`POST /api/groups/g1/annotations/${uuid(2)}/reports`]: { report: { id: 'r1' } },
    };
    const api = fakeApi({ 'GET /api/web/session': MEMBER, ...routes }, MEMBER);
    const root = await mount(<App api={api} />);
    await settle();
    const reportButtons = [...root.querySelectorAll('button')].filter((b) => b.textContent?.startsWith('Report'));
    expect(reportButtons.map((b) => b.textContent)).toEqual([
      'Report this comment: “wellbeing”',
      'Report this reply: “Same for my mother.”',
      'Report this reply: “And for me.”',
      'Report this reply: “Ours took fourteen months.”',
    ]);
    reportButtons[1]!.click();
    await settle();
    const reason = labelled<HTMLTextAreaElement>(root, 'Why are you reporting this?');
    expect(document.activeElement).toBe(reason);
    await submit(button(root, 'Send report'));
    expect(root.textContent).toContain('Please say why you are reporting this.');
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
    await type(reason, 'It names a nurse.');
    await submit(button(root, 'Send report'));
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', path: `/api/groups/g1/annotations/${uuid(2)}/reports`, body: { reason: 'It names a nurse.' } }]);
    expect(root.textContent).toContain('Thank you. A facilitator will look at this.');

    unmount();
    const reader = await mount(<App api={fakeApi({ 'GET /api/web/session': READER, ...routes }, READER)} />);
    await settle();
    expect([...reader.querySelectorAll('button')].filter((b) => b.textContent?.startsWith('Report'))).toEqual([]);
  });
});
