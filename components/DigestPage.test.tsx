import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAnnotation, createAnnotationId } from '../utils/model';
import { DigestPage } from './DigestPage';
import { I18nProvider } from './i18n';

const make = (source: string, title: string, themes: string[], visibility: 'group' | 'private', text: string) => {
  const built = buildAnnotation({
    id: createAnnotationId(Date.now(), (b) => crypto.getRandomValues(b)),
    now: new Date(Date.UTC(2026, 10, 20)),
    draft: { text, themes, perspective: 'carer', attribution: 'anonymous', visibility, kind: 'comment' },
    target: { source, documentTitle: title, selectors: [{ type: 'TextQuoteSelector', exact: 'a duty' }, { type: 'TextPositionSelector', start: 0, end: 6 }] },
    authorName: 'Secret Name',
  });
  if (!built.ok) throw new Error(built.problems.join());
  return { annotation: built.value };
};
const entries = [
  make('https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted', 'Care Act 2014', ['Workforce'], 'group', 'Care Act workforce point'),
  make('https://www.legislation.gov.uk/ukpga/2014/6/part/3', 'Children and Families Act 2014', ['Workforce'], 'group', 'SEN workforce point'),
  make('https://www.legislation.gov.uk/ukpga/2014/6/part/3', 'Children and Families Act 2014', ['Information and advice'], 'private', 'My private note'),
];

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('DigestPage', () => {
  it('exports one document’s shared comments, never the private ones', async () => {
    const save = vi.fn();
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => render(<DigestPage load={async () => entries} save={save} />, container));
    await act(async () => {});
    const select = container.querySelector<HTMLSelectElement>('#digest-document')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['All documents (3)', 'Care Act 2014 (1)', 'Children and Families Act 2014 (2)']);
    await act(() => {
      select.value = 'https://www.legislation.gov.uk/ukpga/2014/6/part/3';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Markdown')!.click());
    await vi.waitFor(() => expect(save).toHaveBeenCalled());
    const file = save.mock.calls[0]![0] as { body: string; fileName: string };
    expect(file.fileName).toMatch(/^lived-experience-digest-\d{4}-\d{2}-\d{2}\.md$/);
    expect(file.body).toContain('SEN workforce point');
    expect(file.body).not.toContain('Care Act workforce point');
    expect(file.body).not.toContain('My private note');
    expect(file.body).not.toContain('Secret Name');
  });

  it('offers the group’s themes by label, filters by id and prints the group’s label in the file', async () => {
    const save = vi.fn();
    container = document.createElement('div');
    document.body.append(container);
    const themes = [
      { id: 'workforce', label: 'People who work in care', retired: false },
      { id: 'housing', label: 'Housing', retired: false },
      { id: 'information-and-advice', label: 'Information and advice', retired: true },
    ];
    await act(async () => render(<DigestPage load={async () => entries} loadThemes={async () => themes} save={save} />, container));
    await act(async () => {});
    const select = container.querySelector<HTMLSelectElement>('#digest-theme')!;
    // A retired theme stays a choice while comments have it.
    expect([...select.options].map((o) => o.textContent)).toEqual(['All themes', 'People who work in care', 'Housing', 'Information and advice']);
    await act(() => {
      select.value = 'workforce';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(container.textContent).toContain('2 comments selected.');
    await act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Markdown')!.click());
    await vi.waitFor(() => expect(save).toHaveBeenCalled());
    const file = save.mock.calls[0]![0] as { body: string };
    expect(file.body).toContain('People who work in care');
    expect(file.body).not.toContain('Workforce');
  });

  it('speaks Welsh in Welsh, and the file it makes is a Welsh digest (headings, names, dates)', async () => {
    const save = vi.fn();
    container = document.createElement('div');
    document.body.append(container);
    const themes = [
      { id: 'workforce', label: 'People who work in care', labelCy: 'Pobl sy’n gweithio ym maes gofal', retired: false },
      { id: 'information-and-advice', label: 'Information and advice', retired: false },
    ];
    await act(async () =>
      render(
        <I18nProvider locale="cy">
          <DigestPage load={async () => entries} loadThemes={async () => themes} save={save} />
        </I18nProvider>,
        container,
      ),
    );
    await act(async () => {});
    expect(container.querySelector('h1')!.textContent).toBe('Crynodeb o’r sylwadau');
    expect(container.textContent).toContain('Lawrlwytho’r crynodeb');
    expect(container.textContent).toContain('3 sylw wedi’u dewis.');
    const theme = container.querySelector<HTMLSelectElement>('#digest-theme')!;
    expect([...theme.options].map((o) => o.textContent)).toEqual(['Pob thema', 'Pobl sy’n gweithio ym maes gofal', 'Gwybodaeth a chyngor']);
    const buttons = [...container.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toContain('Tudalen we (argraffu i PDF)');
    for (const english of ['Comment digest', 'All themes', 'Download the digest', 'comments selected', 'Web page (print to PDF)']) expect(container.textContent).not.toContain(english);
    await act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Markdown')!.click());
    await vi.waitFor(() => expect(save).toHaveBeenCalled());
    const file = save.mock.calls[0]![0] as { body: string };
    expect(file.body).toContain('# Crynodeb profiad bywyd');
    expect(file.body).toContain('## Crynodeb');
    expect(file.body).toContain('**Dienw**');
    expect(file.body).toMatch(/20 Tachwedd 2026/);
    expect(file.body).toContain('Pobl sy’n gweithio ym maes gofal');
    expect(file.body).not.toContain('## Summary');
    expect(container.textContent).toContain('Mae eich ffeil Markdown yn barod');
  });
});
