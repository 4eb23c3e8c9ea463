import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommentDraft, Theme } from '../utils/model';
import { CommentEditor } from './CommentEditor';

const initial: CommentDraft = {
  text: '',
  themes: [],
  perspective: 'not-said',
  attribution: 'anonymous',
  visibility: 'private',
  kind: 'comment',
};

let container: HTMLElement;
function mount(onSave = vi.fn(async (_draft: CommentDraft) => {}), displayName = 'Priya', extra: { themes?: Theme[]; initial?: CommentDraft } = {}) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(
      <CommentEditor
        title="Add a comment"
        quote="promote that individual’s well-being"
        initial={extra.initial ?? initial}
        displayName={displayName}
        {...(extra.themes ? { themes: extra.themes } : {})}
        onSave={onSave}
        onCancel={() => {}}
      />,
      container,
    );
  });
  return onSave;
}
const byLabel = (text: string) => [...container.querySelectorAll('label')].find((l) => l.textContent?.includes(text))!;
const input = (label: string) => (byLabel(label).htmlFor ? container.querySelector<HTMLInputElement>(`#${CSS.escape(byLabel(label).htmlFor)}`) : byLabel(label).querySelector('input'))!;

async function type(el: HTMLTextAreaElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function submit() {
  await act(async () => {
    container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('CommentEditor', () => {
  it('offers every choice with a plain-English label', () => {
    mount();
    for (const label of [
      'What does this passage mean for your life?',
      'Wellbeing and independence',
      'Workforce',
      'I use care and support',
      'I am a carer',
      'Prefer not to say',
      'Suggested change',
      'Show my name (Priya)',
      'Anonymous',
      'Only me',
      'My group',
    ]) {
      expect(byLabel(label), label).toBeTruthy();
    }
  });

  it('refuses an empty comment, says why, and does not call save', async () => {
    const onSave = mount();
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(container.querySelector('[role=alert]')?.textContent).toContain('Please write something');
    // The text box itself says it is wrong (the library's Textarea sets aria-invalid from `feedback`).
    expect(container.querySelector('textarea')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers the group’s current themes by their labels, and keeps a retired theme a comment already has', async () => {
    const themes: Theme[] = [
      { id: 'workforce', label: 'People who work in care', retired: false },
      { id: 'housing', label: 'Housing', retired: false },
      { id: 'information-and-advice', label: 'Information and advice', retired: true },
    ];
    const fresh = mount(undefined, 'Priya', { themes });
    const offered = [...container.querySelectorAll('fieldset')].find((f) => f.textContent?.startsWith('Themes'))!.textContent!;
    expect(offered).toContain('People who work in care');
    expect(offered).toContain('Housing');
    expect(offered).not.toContain('Information and advice');
    expect(offered).not.toContain('Workforce');
    await type(container.querySelector('textarea')!, 'Nowhere to live near my family.');
    await act(() => input('Housing').click());
    await submit();
    expect(fresh).toHaveBeenCalledWith(expect.objectContaining({ themes: ['housing'] }));
    render(null, container);
    container.remove();

    // An old comment saved with the English label of a theme now retired.
    const onSave = mount(undefined, 'Priya', { themes, initial: { ...initial, text: 'Old words', themes: ['Information and advice'] } });
    expect(input('Information and advice (no longer offered)').checked).toBe(true);
    await submit();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ themes: ['information-and-advice'] }));
  });

  it('saves the choices the person made', async () => {
    const onSave = mount();
    await type(container.querySelector('textarea')!, 'I had to wait 6 months for an assessment.');
    await act(() => input('Information and advice').click());
    await act(() => input('I am a carer').click());
    await act(() => input('Question').click());
    await act(() => input('Show my name (Priya)').click());
    await act(() => input('My group').click());
    await submit();
    expect(onSave).toHaveBeenCalledWith({
      text: 'I had to wait 6 months for an assessment.',
      // Stored by the theme's stable id (utils/model/themes.ts).
      themes: ['information-and-advice'],
      perspective: 'carer',
      attribution: 'named',
      visibility: 'group',
      kind: 'question',
    });
  });

  it('keeps the text and shows the reason when saving fails', async () => {
    mount(vi.fn(async () => {
      throw new Error('Your browser has run out of space for saving comments.');
    }));
    await type(container.querySelector('textarea')!, 'Important story');
    await submit();
    expect(container.querySelector('[role=alert]')?.textContent).toContain('run out of space');
    expect(container.querySelector('textarea')!.value).toBe('Important story');
  });
});

describe('CommentEditor in Welsh', () => {
  it('labels the form and the vocabulary in Welsh', async () => {
    const { I18nProvider } = await import('./i18n');
    container = document.createElement('div');
    document.body.append(container);
    act(() => {
      render(
        <I18nProvider locale="cy">
          <CommentEditor title="Ychwanegu sylw" quote="urddas personol" initial={initial} displayName="Priya" onSave={async () => {}} onCancel={() => {}} />
        </I18nProvider>,
        container,
      );
    });
    const text = container.textContent!;
    expect(text).toContain('Beth mae’r darn hwn yn ei olygu i’ch bywyd chi?');
    expect(text).toContain('Cadw’r sylw');
    expect(text).toContain('Dangos fy enw (Priya)');
    expect(text).not.toContain('Save comment');
    expect(text).not.toContain('Who can see this comment?');
  });
});
