import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageState, SyncOverview } from '../utils/messaging';
import { buildAnnotation, createAnnotationId, DEFAULT_SETTINGS, type CommentDraft, type LeaAnnotation } from '../utils/model';
import { I18nProvider } from './i18n';
import { SidePanelApp, type SidePanelApi } from './SidePanelApp';
import { SyncStatus } from './SyncStatus';
import { WhatsNew } from './WhatsNew';

function comment(quote: string, text: string, themes: string[], status: 'exact' | 'orphan'): PageState['comments'][number] {
  const draft: CommentDraft = { text, themes, perspective: 'carer', attribution: 'anonymous', visibility: 'group', kind: 'question' };
  const built = buildAnnotation({
    id: createAnnotationId(1_700_000_000_000 + text.length, (b) => crypto.getRandomValues(b)),
    now: new Date(Date.UTC(2026, 10, 1, 9, 0)),
    draft,
    target: {
      source: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
      selectors: [{ type: 'TextQuoteSelector', exact: quote }, { type: 'TextPositionSelector', start: 0, end: quote.length }],
    },
    authorName: '',
  });
  if (!built.ok) throw new Error(built.problems.join());
  const annotation: LeaAnnotation = built.value;
  return { annotation, mine: true, status, position: status === 'orphan' ? null : 0 };
}

const state: PageState = {
  uri: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
  title: 'Deddf Gofal 2014',
  role: null,
  comments: [comment('personal dignity', 'Urddas.', ['Wellbeing and independence'], 'exact'), comment('a passage that was removed', 'Seibiant.', ['Workforce'], 'orphan')],
  damaged: [],
};

const api: SidePanelApi = {
  getPageState: async () => state,
  focus: async () => true,
  save: async () => undefined,
  remove: async () => null,
  showOnPage: async () => undefined,
  getSettings: async () => DEFAULT_SETTINGS,
  onChange: () => () => {},
  now: () => new Date(Date.UTC(2026, 10, 23)),
};

let container: HTMLElement;
async function mount(ui: preact.ComponentChild) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(<I18nProvider locale="cy">{ui}</I18nProvider>, container));
  await act(async () => {});
}
const buttonNames = () => [...container.querySelectorAll('button')].map((b) => b.textContent ?? '');
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the side panel in Welsh', () => {
  it('shows Welsh headings, buttons, vocabulary and dates, and not the English ones', async () => {
    await mount(<SidePanelApp api={api} />);
    const text = container.textContent ?? '';
    expect(container.querySelector('h1')?.textContent).toBe('Sylwadau ar y dudalen hon');
    expect(container.querySelector('#orphans-heading')?.textContent?.trim()).toBe('Methu dod o hyd i’r darn hwn ar y dudalen nawr');
    expect(container.querySelector('summary')?.textContent).toContain('Hidlo sylwadau');
    expect(text).toContain('Beth mae’r darnau wedi’u hamlygu ar y dudalen yn ei olygu');
    // Kind, perspective, visibility and theme names from the vocabulary, and a Welsh date.
    expect(text).toContain('1 Tachwedd 2026');
    expect(text).toContain('Cwestiwn');
    expect(text).toContain('Rwy’n ofalwr');
    expect(text).toContain('Fy ngrŵp');
    expect(text).toContain('Dienw');
    expect(buttonNames().some((b) => b.startsWith('Golygu'))).toBe(true);
    expect(buttonNames().some((b) => b.startsWith('Dileu'))).toBe(true);
    for (const english of ['Comments on this page', 'Filter comments', 'Edit', 'Delete', 'Anonymous', 'November', 'Only you can see this']) {
      expect(text).not.toContain(english);
    }
  });

  it('says the group status box in Welsh', async () => {
    const overview: SyncOverview = {
      sentence: 'All saved',
      sentenceParts: [{ key: 'sync.allSaved' }],
      needsAttention: true,
      connection: { baseUrl: 'http://store.test', group: 'g1', role: 'member', memberId: 'm1', displayName: 'Sam' },
      conflicts: [{ id: 'urn:uuid:1', mine: null, theirs: null, theirsRevision: 'r1', detectedAt: '2026-11-23T12:00:00.000Z' }],
      refused: [],
      hidden: {},
    };
    await mount(<SyncStatus overview={overview} onRetry={() => {}} onResolve={() => {}} />);
    expect(container.querySelector('section')?.getAttribute('aria-label')).toBe('Rhannu gyda’ch grŵp');
    expect(container.querySelector('p')?.textContent).toContain('Grŵp: Popeth wedi’i gadw');
    expect(buttonNames()).toEqual(['Rhoi cynnig arall arni nawr', 'Cadw fy fersiwn i', 'Defnyddio fersiwn y grŵp']);
  });

  it('lists What’s new with a Welsh heading and empty message', async () => {
    await mount(<WhatsNew notices={[]} onOpen={() => {}} onMarkAllRead={() => {}} />);
    expect(container.querySelector('h2')?.textContent).toBe('Beth sy’n newydd (dim byd newydd)');
    expect(container.textContent).toContain('Dim byd eto.');
  });
});
