import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionOverlay } from '../../components/SessionOverlay';
import { I18nProvider } from '../../components/i18n';
import { READER_CANNOT_WRITE } from './comment-composer';
import { translator } from '../i18n/translate';
const READER_SENTENCE = translator('en-GB').t(READER_CANNOT_WRITE);
import { selectText, startTestSession } from '../../tests/support/page-session';
import { DEFAULT_SETTINGS } from '../model';
import { createDomSurface } from './dom-surface';
import { createPageSession } from './page-session';

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
    expect(overlay.querySelector('[role="status"]')?.textContent).toBe(READER_SENTENCE);
    expect(await test.session.startComment()).toEqual({ started: false, reason: READER_SENTENCE });
  });
});

describe('page session: the group’s theme vocabulary', () => {
  it('the in-page editor offers the group’s current themes, and the page state carries them to the side panel', async () => {
    const themes = [
      { id: 'workforce', label: 'People who work in care', retired: false },
      { id: 'housing-and-homes', label: 'Housing and homes', retired: false },
      { id: 'information-and-advice', label: 'Information and advice', retired: true },
    ];
    const test = await startTestSession({ role: 'member', themes });
    stop = test.stop;
    const overlay = await mountOverlay(test.session);
    test.setHost(overlay);
    await act(() => selectText('personal dignity'));
    await act(async () => void (await test.session.startComment()));
    const offered = [...overlay.querySelectorAll('fieldset')].find((f) => f.textContent?.startsWith('Themes'))!.textContent!;
    expect(offered).toContain('Housing and homes');
    expect(offered).toContain('People who work in care');
    expect(offered).not.toContain('Information and advice');
    expect(offered).not.toContain('Wellbeing and independence');
    expect(test.session.pageState().themes).toEqual(themes);
  });

  it('uses Making It Real without a group vocabulary', async () => {
    const test = await startTestSession({ role: null });
    stop = test.stop;
    expect(test.session.pageState().themes!.map((t) => t.id)).toContain('wellbeing-and-independence');
  });
});

describe('page session: every passage reachable without a mouse', () => {
  it('Alt+Shift+C with nothing selected opens “Find words”; choosing a match selects it, and Add comment opens the editor on it', async () => {
    const test = await startTestSession({ role: 'member' });
    stop = test.stop;
    const overlay = await mountOverlay(test.session);
    test.setHost(overlay);
    await act(async () => void (await test.session.startComment()));
    const dialog = overlay.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Find words to comment on');
    const input = dialog.querySelector('input')!;
    await act(() => {
      input.value = 'personal dignity';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(dialog.querySelector('[role="status"]')?.textContent).toBe('1 match for “personal dignity”.');
    await act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(document.getSelection()?.toString()).toBe('personal dignity');
    const add = [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Add comment')!;
    await act(async () => void add.click());
    await act(async () => {});
    expect(test.session.getState().editor?.quote).toBe('personal dignity');
  });

  it('speaks Welsh in the find dialog when the provider says cy', async () => {
    const test = await startTestSession({ role: 'member' });
    stop = test.stop;
    const container = document.body.appendChild(document.createElement('div'));
    await act(async () => render(h(I18nProvider, { locale: 'cy', children: h(SessionOverlay, { session: test.session }) }), container));
    test.setHost(container);
    await act(async () => test.session.setFind(true));
    expect(container.textContent).toContain('Dod o hyd i eiriau i roi sylw arnyn nhw');
    expect(container.textContent).toContain('Cau');
    expect(container.textContent).not.toContain('Find words to comment on');
  });
});

describe('page session: the side panel is told while the page is still finding its comments', () => {
  const uri = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
  function sessionWith(list: () => Promise<unknown>, onCommentsChanged: () => void) {
    document.body.innerHTML = '<main><p>The general duty of a local authority is to promote that individual’s well-being.</p></main>';
    const controller = new AbortController();
    stop = () => controller.abort();
    const send = async (message: { type: string }) => {
      if (message.type === 'annotations/list') return list();
      if (message.type === 'settings/get') return { ok: true, value: DEFAULT_SETTINGS };
      return { ok: false, error: `unexpected ${message.type}` };
    };
    return createPageSession({
      doc: document,
      win: window,
      send,
      ownHost: () => null,
      signal: controller.signal,
      onCommentsChanged,
      surface: { ...createDomSurface(document, window), identity: () => ({ uri, aliases: [uri], title: 'Care Act 2014, section 1' }) },
    });
  }

  it('says "loading" until the comments are read and anchored, then not', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const session = sessionWith(() => new Promise((resolve) => (answer = resolve)), () => undefined);
    const loading = session.reload();
    expect(session.pageState().loading).toBe(true);
    answer({ ok: true, value: { annotations: [], authors: {}, role: 'member', damaged: [], hidden: {} } });
    await loading;
    expect(session.pageState().loading).toBeUndefined();
  });

  it('a page whose comments cannot be read stops saying "loading" and tells the panel', async () => {
    let told = 0;
    const session = sessionWith(async () => ({ ok: false, error: 'The annotator’s store could not be opened.' }), () => void told++);
    await expect(session.reload()).rejects.toThrow('could not be opened');
    expect(session.pageState().loading).toBeUndefined();
    expect(told).toBe(1);
  });
});
