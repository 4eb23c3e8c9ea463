import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from './i18n';
import { PdfViewerFrame, type PdfViewerFrameProps } from './PdfViewerFrame';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(overrides: Partial<PdfViewerFrameProps>, locale: 'en-GB' | 'cy' = 'en-GB') {
  container = document.body.appendChild(document.createElement('div'));
  const props: PdfViewerFrameProps = {
    status: { kind: 'ready' },
    toolbar: { title: 'Scanned leaflet', page: 1, pageCount: 2, zoom: 'auto', scannedPages: 2, pageHasText: false },
    onPage: () => {},
    onZoom: () => {},
    onZoomStep: () => {},
    onOpenFile: () => {},
    onPassword: () => {},
    onShowComments: () => {},
    onWholePageComment: () => {},
    onFindToComment: async () => '',
    pagesRef: () => {},
    ...overrides,
  };
  await act(async () =>
    render(
      <I18nProvider locale={locale}>
        <PdfViewerFrame {...props} />
      </I18nProvider>,
      container,
    ),
  );
}

describe('PdfViewerFrame and who may write', () => {
  it('offers members ways to comment on a scanned page', async () => {
    await mount({});
    expect(container.textContent).toContain('Comment on this whole page');
    expect(container.textContent).toContain('Find words to comment on');
  });

  it('offers readers no way to write, and still shows the comments button', async () => {
    await mount({ canWrite: false });
    expect(container.textContent).not.toContain('Comment on this whole page');
    expect(container.textContent).not.toContain('Find words to comment on');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toContain('Show comments');
  });
});

describe('PdfViewerFrame in Welsh', () => {
  it('labels the toolbar, the zoom choices and the scanned-page note in Welsh', async () => {
    await mount({ toolbar: { title: 'Taflen', page: 1, pageCount: 3, zoom: 'page-width', scannedPages: 1, pageHasText: false } }, 'cy');
    const buttons = [...container.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['Y dudalen flaenorol', 'Y dudalen nesaf', 'Chwyddo allan', 'Chwyddo i mewn', 'Rhoi sylw ar y dudalen gyfan hon', 'Dangos sylwadau', 'Chwilio']));
    expect([...container.querySelectorAll('option')].map((o) => o.textContent).slice(0, 3)).toEqual(['Ffitio i’r lled', 'Y dudalen gyfan', '75%']);
    expect(container.textContent).toContain('Mae 1 o’i dudalennau’n llun');
    expect(container.querySelector('input[inputmode=numeric]')?.getAttribute('aria-label')).toBe('Rhif y dudalen, o 3. Teipiwch rif a phwyso Enter i fynd yno.');
    expect(container.textContent).not.toMatch(/Next page|Show comments|Zoom/);
  });

  it('shows a problem carried as a message in Welsh', async () => {
    await mount({ status: { kind: 'problem', message: { key: 'pdf.problem.empty' } }, toolbar: null }, 'cy');
    expect(container.querySelector('h2')?.textContent).toBe('Does dim modd dangos y PDF hwn');
    expect(container.querySelector('[role=alert]')?.textContent).toBe('Mae’r ffeil hon yn wag, felly does dim i’w ddangos.');
  });
});
