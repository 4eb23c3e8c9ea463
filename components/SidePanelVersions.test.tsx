import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { wordDiff } from '../utils/anchoring/word-diff';
import type { AnchoredComment, PageState } from '../utils/messaging';
import { buildAnnotation, createAnnotationId, DEFAULT_SETTINGS, type LeaAnnotation } from '../utils/model';
import { SidePanelApp, type SidePanelApi } from './SidePanelApp';

let n = 0;
function comment(source: string, quote: string, text: string): LeaAnnotation {
  const built = buildAnnotation({
    id: createAnnotationId(1_700_000_000_000 + n++, (b) => crypto.getRandomValues(b)),
    now: new Date(Date.UTC(2026, 10, 1, 0, n)),
    draft: { text, themes: [], perspective: 'carer', attribution: 'anonymous', visibility: 'group', kind: 'comment' },
    target: { source, selectors: [{ type: 'TextQuoteSelector', exact: quote }, { type: 'TextPositionSelector', start: 0, end: quote.length }] },
    authorName: '',
  });
  if (!built.ok) throw new Error(built.problems.join());
  return built.value;
}

const ACT = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1';
const BILL = 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html';

function api(comments: AnchoredComment[]): SidePanelApi {
  const state: PageState = { uri: ACT, title: 'Care Act 2014 s.1', role: null, comments, damaged: [] };
  return {
    getPageState: async () => state,
    focus: async () => true,
    save: async () => undefined,
    remove: async () => null,
    showOnPage: async () => undefined,
    getSettings: async () => DEFAULT_SETTINGS,
    onChange: () => () => {},
    now: () => new Date(Date.UTC(2026, 11, 2)),
  };
}

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('side panel: comments from other versions', () => {
  it('"Written on", the changed words side by side, and a "Not in this version" list with the original quote', async () => {
    const changed = comment(BILL, 'is to promote that individual’s well-being', 'Well-being matters');
    const gone = comment(BILL, 'Be it enacted by the Queen’s most Excellent Majesty', 'About the formula');
    const here = comment(ACT, 'The general duty', 'On this version');
    const comments: AnchoredComment[] = [
      { annotation: here, mine: false, status: 'exact', position: 0 },
      {
        annotation: changed,
        mine: false,
        status: 'fuzzy',
        position: 1,
        version: { status: 'changed', writtenOnLine: 'Written on the Care Bill (2013-14)', quote: 'is to promote that individual’s well-being', diff: wordDiff('is to promote that individual’s well-being', 'is to secure that individual’s well-being') },
      },
      { annotation: gone, mine: false, status: 'orphan', position: null, version: { status: 'not-in-this-version', writtenOnLine: 'Written on the Care Bill (2013-14)', quote: 'Be it enacted by the Queen’s most Excellent Majesty', diff: null } },
    ];
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => render(<SidePanelApp api={api(comments)} />, container));
    await act(async () => {});
    const item = (id: string) => container.querySelector(`[data-comment-id="${id}"]`)!;
    expect(item(changed.id).textContent).toContain('Written on the Care Bill (2013-14)');
    expect(item(changed.id).textContent).toContain('The words have changed since this comment was written');
    expect(item(changed.id).querySelector('del')!.textContent).toBe(' promote');
    expect(item(changed.id).querySelector('ins')!.textContent).toBe(' secure');
    expect(item(here.id).textContent).not.toContain('Written on');
    const section = container.querySelector('[aria-labelledby="not-in-version-heading"]')!;
    expect(section.querySelector('h2')!.textContent!.trim()).toBe('Not in this version');
    expect(section.textContent).toContain('Be it enacted by the Queen’s most Excellent Majesty');
    expect(section.textContent).toContain('Written on the Care Bill (2013-14)');
    expect(container.querySelector('#orphans-heading')).toBeNull();
  });
});
