import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotatableReason } from '../utils/document';
import { translator } from '../utils/i18n/translate';
import { I18nProvider } from './i18n';
import { DEFAULT_SETTINGS, type Settings } from '../utils/model';
import { OptionsApp } from './OptionsApp';
import { PopupApp, type PopupStatus } from './PopupApp';

let container: HTMLElement;
async function mount(node: preact.ComponentChild) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(node, container));
  await act(async () => {});
}
afterEach(() => {
  render(null, container);
  container.remove();
});

const popupApi = (status: PopupStatus) => ({ getStatus: async () => status, openPanel: vi.fn(async () => {}), openSettings: vi.fn(async () => {}), openDigest: vi.fn(async () => {}) });

describe('PopupApp', () => {
  it('explains why a browser page cannot be commented on', async () => {
    const reason = annotatableReason('chrome://extensions/');
    expect(reason).toBeTruthy();
    await mount(<PopupApp api={popupApi({ cannotAnnotate: { key: reason! }, commentCount: null })} />);
    expect(container.textContent).toContain('You can’t comment on this page.');
    expect(container.textContent).toContain('This is one of your browser’s own pages, so it can’t be annotated.');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Settings', 'Make a digest of all comments']);
  });

  it('counts the comments and opens the side panel', async () => {
    const api = popupApi({ cannotAnnotate: null, commentCount: 3 });
    await mount(<PopupApp api={api} />);
    expect(container.textContent).toContain('There are 3 comments on this page.');
    expect(container.textContent).toContain('Alt+Shift+C');
    await act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Show comments on this page')!.click());
    expect(api.openPanel).toHaveBeenCalled();
  });

  it('offers to open a PDF in the annotator instead of counting comments', async () => {
    const url = 'https://assets.publishing.service.gov.uk/media/francis-report.pdf';
    const openPdf = vi.fn(async (_url: string) => {});
    await mount(<PopupApp api={{ ...popupApi({ cannotAnnotate: null, commentCount: null, pdfUrl: url }), openPdf }} />);
    expect(container.textContent).toContain('This is a PDF.');
    expect(container.textContent).not.toContain('Show comments on this page');
    await act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Open in the annotator')!.click());
    expect(openPdf).toHaveBeenCalledWith(url);
    // Rules that can run without layout (happy-dom has none): names, roles, labels.
    const results = await axe.run(container, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});

describe('OptionsApp', () => {
  it('saves the name and the defaults for new comments', async () => {
    const save = vi.fn(async (_s: Settings) => {});
    await mount(<OptionsApp api={{ load: async () => DEFAULT_SETTINGS, save }} />);
    const name = container.querySelector<HTMLInputElement>('#display-name')!;
    await act(() => {
      name.value = '  Jo Bloggs ';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const radio = (label: string) => [...container.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;
    await act(() => radio('Show my name').click());
    await act(() => radio('My group').click());
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(save).toHaveBeenCalledWith({ displayName: 'Jo Bloggs', defaultAttribution: 'named', defaultVisibility: 'group', defaultPerspective: 'not-said', openPdfsInAnnotator: false, language: 'browser' });
    expect(container.querySelector('[role=status]')?.textContent).toBe('Your settings are saved.');
  });

  it('saves the choice to open PDFs in the annotator straight away, which starts off', async () => {
    const save = vi.fn(async (_s: Settings) => {});
    await mount(<OptionsApp api={{ load: async () => DEFAULT_SETTINGS, save }} />);
    const checkbox = container.querySelector<HTMLInputElement>('#open-pdfs')!;
    expect(checkbox.checked).toBe(false);
    expect(container.querySelector('label[for=open-pdfs]')?.textContent).toBe('Open PDFs in the annotator');
    await act(() => checkbox.click());
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, openPdfsInAnnotator: true });
  });
});

describe('the popup and settings in Welsh', () => {
  it('speaks Welsh in the popup: the reason, the count with the singular noun, the buttons', async () => {
    await mount(
      <I18nProvider locale="cy">
        <PopupApp api={popupApi({ cannotAnnotate: { key: annotatableReason('file:///home/me/care-act.html')! }, commentCount: null })} />
      </I18nProvider>,
    );
    expect(container.textContent).toContain('Allwch chi ddim rhoi sylw ar y dudalen hon.');
    expect(container.textContent).toContain(translator('cy').t('popup.cannot.savedFile'));
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Gosodiadau', 'Gwneud crynodeb o’r holl sylwadau']);
    expect(container.textContent).not.toMatch(/comment|Settings/);

    render(null, container);
    await mount(
      <I18nProvider locale="cy">
        <PopupApp api={popupApi({ cannotAnnotate: null, commentCount: 3 })} />
      </I18nProvider>,
    );
    expect(container.textContent).toContain('Mae 3 sylw ar y dudalen hon.');
    expect(container.querySelector('strong')?.textContent).toBe('Ychwanegu sylw');
    expect(container.textContent).toContain('Alt+Shift+C');
    expect(container.textContent).toContain('Dangos sylwadau ar y dudalen hon');
  });

  it('speaks Welsh on the settings page, names each language in itself, and saves the language chosen', async () => {
    const save = vi.fn(async (_s: Settings) => {});
    await mount(
      <I18nProvider locale="cy">
        <OptionsApp api={{ load: async () => DEFAULT_SETTINGS, save }} />
      </I18nProvider>,
    );
    expect(container.querySelector('h1')?.textContent).toBe('Gosodiadau Anodydd Profiad Bywyd');
    const legends = [...container.querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends).toEqual(['Iaith', 'Mae sylwadau newydd yn dangos fy enw', 'Pwy all weld sylwadau newydd', 'Pa un sy’n eich disgrifio chi?']);
    const labels = [...container.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Yr un fath â fy mhorwr', 'English', 'Cymraeg', 'Eich enw', 'Dim ond fi', 'Fy ngrŵp', 'Dienw']));
    expect(container.textContent).not.toMatch(/Your name|New comments|Save settings/);
    const radio = (label: string) => [...container.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;
    expect(radio('Yr un fath â fy mhorwr').checked).toBe(true);
    expect(container.querySelector('span[lang="cy"]')?.textContent).toBe('Cymraeg');
    await act(() => radio('Cymraeg').click());
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, language: 'cy' });
    expect(container.querySelector('[role=status]')?.textContent).toBe('Mae eich gosodiadau wedi’u cadw.');
  });
});

describe('OptionsApp when the language changes', () => {
  it('says "saved" in the language just chosen, not the one the page spoke before', async () => {
    const api = { load: async () => DEFAULT_SETTINGS, save: vi.fn(async (_s: Settings) => {}) };
    const page = (locale: 'en-GB' | 'cy') => (
      <I18nProvider locale={locale}>
        <OptionsApp api={api} />
      </I18nProvider>
    );
    await mount(page('en-GB'));
    await act(() => [...container.querySelectorAll('label')].find((l) => l.textContent === 'Cymraeg')!.querySelector('input')!.click());
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(container.querySelector('[role=status]')?.textContent).toBe('Your settings are saved.');
    // The extension page follows the saved setting: the same page, now in Welsh.
    await act(async () => render(page('cy'), container));
    expect(container.querySelector('[role=status]')?.textContent).toBe('Mae eich gosodiadau wedi’u cadw.');
    expect(container.querySelector('h1')?.textContent).toBe('Gosodiadau Anodydd Profiad Bywyd');
  });
});
