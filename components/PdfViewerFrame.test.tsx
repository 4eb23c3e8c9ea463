import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfViewerFrame, type PdfViewerFrameProps } from './PdfViewerFrame';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(overrides: Partial<PdfViewerFrameProps>) {
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
  await act(async () => render(<PdfViewerFrame {...props} />, container));
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
