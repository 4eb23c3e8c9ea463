import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { wordDiff } from '../utils/anchoring/word-diff';
import { VersionNote } from './VersionNote';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});
async function mount(node: preact.ComponentChild) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(node, container));
}

describe('VersionNote', () => {
  it('says which version a comment was written on, and shows the old and new words side by side', async () => {
    await mount(
      <VersionNote
        version={{ status: 'changed', writtenOnLine: 'Written on the Care Bill (2013-14)', quote: 'is to promote that individual’s well-being', diff: wordDiff('is to promote that individual’s well-being', 'is to secure that individual’s well-being') }}
      />,
    );
    expect(container.textContent).toContain('Written on the Care Bill (2013-14)');
    expect(container.textContent).toContain('The words have changed since this comment was written');
    expect([...container.querySelectorAll('del')].map((e) => e.textContent!.trim())).toEqual(['promote']);
    expect([...container.querySelectorAll('ins')].map((e) => e.textContent!.trim())).toEqual(['secure']);
    expect([...container.querySelectorAll('figcaption')].map((e) => e.textContent)).toEqual(['Then', 'Now']);
  });

  it('moved: only the version line', async () => {
    await mount(<VersionNote version={{ status: 'moved', writtenOnLine: 'Written on the version as enacted', quote: 'x', diff: null }} />);
    expect(container.textContent).toBe('Written on the version as enacted');
  });
});
