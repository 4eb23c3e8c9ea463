import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageState } from '../utils/messaging';
import { buildAnnotation, createAnnotationId, DEFAULT_SETTINGS, type CommentDraft, type LeaAnnotation } from '../utils/model';
import { SidePanelApp, type SidePanelApi } from './SidePanelApp';

let n = 0;
function comment(quote: string, text: string, themes: string[], section?: string): LeaAnnotation {
  const draft: CommentDraft = { text, themes, perspective: 'carer', attribution: 'anonymous', visibility: 'group', kind: 'comment' };
  const built = buildAnnotation({
    id: createAnnotationId(1_700_000_000_000 + n++, (b) => crypto.getRandomValues(b)),
    now: new Date(Date.UTC(2026, 10, 1, 0, n)),
    draft,
    target: {
      source: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
      selectors: [{ type: 'TextQuoteSelector', exact: quote }, { type: 'TextPositionSelector', start: 0, end: quote.length }],
      section,
    },
    authorName: '',
  });
  if (!built.ok) throw new Error(built.problems.join());
  return built.value;
}

function fakeApi(state: PageState) {
  const stored = new Map(state.comments.map((c) => [c.annotation.id, c]));
  const focused: string[] = [];
  const api: SidePanelApi = {
    getPageState: async () => ({ ...state, comments: [...stored.values()] }),
    focus: async (id) => {
      focused.push(id);
      return true;
    },
    save: async (a) => void stored.set(a.id, { annotation: a, mine: true, status: 'exact', position: 0 }),
    remove: async (id) => {
      const gone = stored.get(id)?.annotation ?? null;
      stored.delete(id);
      return gone;
    },
    showOnPage: async () => undefined,
    getSettings: async () => DEFAULT_SETTINGS,
    onChange: () => () => {},
    now: () => new Date(Date.UTC(2026, 10, 23)),
  };
  return { api, focused, stored };
}

let container: HTMLElement;
async function mount(api: SidePanelApi) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(<SidePanelApp api={api} />, container));
  await act(async () => {});
}
const buttons = (name: string) => [...container.querySelectorAll('button')].filter((b) => b.textContent?.includes(name));
afterEach(() => {
  render(null, container);
  container.remove();
});

const wellbeing = comment('personal dignity', 'Dignity means being asked, not told.', ['Wellbeing and independence'], '1 Promoting individual well-being');
const workforce = comment('local authority must', '<img src=x onerror=alert(1)> Staff change every week.', ['Workforce'], '2 Preventing needs for care and support');
const lost = comment('a passage that was removed', 'This was about respite.', ['Workforce']);
const state: PageState = {
  uri: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
  title: 'Care Act 2014, Part 1',
  role: null,
  comments: [
    { annotation: wellbeing, mine: true, status: 'exact', position: 0 },
    { annotation: workforce, mine: true, status: 'moved', position: 1 },
    { annotation: lost, mine: true, status: 'orphan', position: null },
  ],
  damaged: [],
};

describe('SidePanelApp', () => {
  it('lists comments in page order with quote and section, and orphans under a plain heading', async () => {
    await mount(fakeApi(state).api);
    const items = [...container.querySelectorAll('ol > li')];
    expect(items.map((li) => li.querySelector('button')?.textContent)).toEqual([
      'Show this passage on the page: personal dignity',
      'Show this passage on the page: local authority must',
    ]);
    expect(items[0]!.textContent).toContain('1 Promoting individual well-being');
    const orphans = container.querySelector('section[aria-labelledby=orphans-heading]')!;
    expect(orphans.textContent).toContain("Couldn't find this passage on the page now");
    expect(orphans.textContent).toContain('a passage that was removed');
  });

  it('shows HTML typed in a comment as text', async () => {
    await mount(fakeApi(state).api);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)> Staff change every week.');
  });

  it('filters by theme with counts', async () => {
    await mount(fakeApi(state).api);
    const select = container.querySelector<HTMLSelectElement>('#theme-filter')!;
    expect([...select.options].map((o) => o.textContent)).toContain('Workforce (2)');
    await act(() => {
      select.value = 'wellbeing-and-independence';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(container.textContent).toContain('Dignity means being asked');
    expect(container.textContent).not.toContain('Staff change every week');
    expect(container.textContent).not.toContain('This was about respite');
  });

  it('shows the group’s labels for themes everywhere: filters, cards and legend', async () => {
    const themes = [
      { id: 'wellbeing-and-independence', label: 'Wellbeing and independence', retired: false },
      { id: 'workforce', label: 'People who work in care', retired: false },
      { id: 'housing', label: 'Housing', retired: false },
    ];
    await mount(fakeApi({ ...state, themes }).api);
    const select = container.querySelector<HTMLSelectElement>('#theme-filter')!;
    const options = [...select.options].map((o) => o.textContent);
    expect(options).toContain('People who work in care (2)');
    expect(options).toContain('Housing (0)');
    expect(options.some((o) => o?.startsWith('Workforce'))).toBe(false);
    expect(options.some((o) => o?.startsWith('Information and advice'))).toBe(false);
    const cards = [...container.querySelectorAll('ul[aria-label="Themes"]')].map((u) => u.textContent);
    expect(cards).toContain('People who work in care');
    expect(container.querySelector('details')!.textContent).toContain('People who work in care');
    expect(container.querySelector('details')!.textContent).toContain('Housing');
  });

  it('jumps to the passage when its quote is chosen', async () => {
    const fake = fakeApi(state);
    await mount(fake.api);
    await act(() => buttons('personal dignity')[0]!.click());
    expect(fake.focused).toEqual([wellbeing.id]);
  });

  it('deletes a comment and brings it back with undo', async () => {
    const fake = fakeApi(state);
    await mount(fake.api);
    await act(async () => buttons('Delete')[0]!.click());
    await act(async () => {});
    expect(container.textContent).not.toContain('Dignity means being asked');
    expect(container.querySelector('[role=status]')?.textContent).toContain('Comment deleted.');
    await act(async () => buttons('Undo delete')[0]!.click());
    await act(async () => {});
    expect(container.textContent).toContain('Dignity means being asked');
    expect(fake.stored.get(wellbeing.id)?.annotation).toEqual(wellbeing);
  });

  it('edits a comment in place', async () => {
    const fake = fakeApi(state);
    await mount(fake.api);
    await act(async () => buttons('Edit')[0]!.click());
    const textarea = container.querySelector('textarea')!;
    expect(textarea.value).toBe('Dignity means being asked, not told.');
    await act(async () => {
      textarea.value = 'Dignity means being asked first.';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await act(async () => {});
    expect(container.textContent).toContain('Dignity means being asked first.');
    expect(fake.stored.get(wellbeing.id)?.annotation.modified).toBe('2026-11-23T00:00:00.000Z');
  });

  it('explains when the page cannot be reached', async () => {
    await mount({ ...fakeApi(state).api, getPageState: async () => Promise.reject(new Error('Comments can’t be shown for this tab.')) });
    await act(async () => {});
    expect(container.textContent).toContain('Comments can’t be shown for this tab.');
  });
});

describe('SidePanelApp filters and roles', () => {
  const named = (quote: string, text: string, name: string, perspective: 'carer' | 'uses-care', created: number) => {
    const built = buildAnnotation({
      id: createAnnotationId(1_700_000_000_000 + n++, (b) => crypto.getRandomValues(b)),
      now: new Date(Date.UTC(2026, 10, created)),
      draft: { text, themes: ['Workforce'], perspective, attribution: 'named', visibility: 'group', kind: 'question' },
      target: {
        source: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
        selectors: [{ type: 'TextQuoteSelector', exact: quote }, { type: 'TextPositionSelector', start: 5, end: 5 + quote.length }],
      },
      authorName: name,
    });
    if (!built.ok) throw new Error(built.problems.join());
    return built.value;
  };
  const busy = [named('must have regard', 'One', 'Ann', 'carer', 3), named('must have regard', 'Two', 'Ben', 'carer', 5), named('must have regard', 'Three', 'Cal', 'uses-care', 7)];
  const crowded: PageState = {
    ...state,
    role: 'reader',
    comments: [...state.comments, ...busy.map((annotation, i) => ({ annotation, mine: false, status: 'exact' as const, position: 10 + i }))],
  };
  const choose = async (id: string, value: string) =>
    act(() => {
      const select = container.querySelector<HTMLSelectElement>(`#${id}`)!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  const listed = () => [...container.querySelectorAll('ol > li, #orphans-heading ~ ul > li')].length;

  it('counts each choice and filters by perspective, kind, author and date', async () => {
    await mount(fakeApi(crowded).api);
    const options = (id: string) => [...container.querySelectorAll(`#${id} option`)].map((o) => o.textContent);
    expect(options('perspective-filter')).toContain('I am a carer (5)');
    expect(options('kind-filter')).toContain('Question (3)');
    expect(options('author-filter')).toEqual(['Anyone', 'Ann (1)', 'Ben (1)', 'Cal (1)', 'Anonymous (3)']);
    await choose('perspective-filter', 'carer');
    expect(listed()).toBe(5);
    await choose('kind-filter', 'question');
    expect(listed()).toBe(2);
    await choose('author-filter', 'Ben');
    expect(listed()).toBe(1);
    expect(container.textContent).toContain('Two');
    await act(() => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters')!.click());
    await act(() => {
      const from = container.querySelector<HTMLInputElement>('#from-filter')!;
      from.value = '2026-11-04';
      from.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(listed()).toBe(2);
  });

  it('can show only passages with 3 or more comments', async () => {
    await mount(fakeApi(crowded).api);
    const box = [...container.querySelectorAll('label')].find((l) => l.textContent?.includes('3 or more'))!.querySelector('input')!;
    await act(() => box.click());
    expect(listed()).toBe(3);
    expect(container.textContent).not.toContain('Dignity means being asked');
  });

  it('tells a reader plainly that they cannot change comments, instead of hiding buttons silently', async () => {
    await mount(fakeApi(crowded).api);
    expect(container.textContent).toContain('You joined this group as a reader');
    expect([...container.querySelectorAll('button')].filter((b) => /^(Edit|Delete)/.test(b.textContent ?? ''))).toHaveLength(0);
    expect(container.textContent).toContain('Readers can’t change comments.');
  });

  it('never tells a reader to choose “Add comment”', async () => {
    await mount(fakeApi({ ...state, role: 'reader', comments: [] }).api);
    expect(container.textContent).toContain('There are no comments on this page yet.');
    expect(container.textContent).not.toContain('Add comment');
  });
});
