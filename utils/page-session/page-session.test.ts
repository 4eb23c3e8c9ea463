import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionOverlay } from '../../components/SessionOverlay';
import { READER_CANNOT_WRITE } from './comment-composer';
import { selectText, startTestSession } from '../../tests/support/page-session';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  document.body.innerHTML = '';
  document.getSelection()?.removeAllRanges();
});

async function mountOverlay(session: Parameters<typeof SessionOverlay>[0]['session']) {
  const container = document.body.appendChild(document.createElement('div'));
  await act(async () => render(h(SessionOverlay, { session }), container));
  return container;
}
const buttonNames = (root: Element) => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());

describe('page session: who is offered "Add comment"', () => {
  it('offers "Add comment" by a selection to a member', async () => {
    const test = await startTestSession({ role: 'member' });
    stop = test.stop;
    const overlay = await mountOverlay(test.session);
    test.setHost(overlay);
    await act(() => selectText('personal dignity'));
    expect(test.session.getState().adder).not.toBeNull();
    expect(buttonNames(overlay)).toContain('Add comment');
  });

  it('never offers "Add comment" to a reader; the shortcut says why in a plain sentence', async () => {
    const test = await startTestSession({ role: 'reader' });
    stop = test.stop;
    const overlay = await mountOverlay(test.session);
    test.setHost(overlay);
    await act(() => selectText('personal dignity'));
    expect(test.session.getState().adder).toBeNull();
    expect(buttonNames(overlay)).not.toContain('Add comment');

    // Alt+Shift+C (and the context menu, which sends page/start-comment) explain instead.
    await act(async () => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'C', code: 'KeyC', altKey: true, shiftKey: true })));
    await act(async () => {});
    expect(test.session.getState().editor).toBeNull();
    expect(overlay.querySelector('[role="status"]')?.textContent).toBe(READER_CANNOT_WRITE);
    expect(await test.session.startComment()).toEqual({ started: false, reason: READER_CANNOT_WRITE });
  });
});
