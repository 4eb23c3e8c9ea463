import { describe, expect, it } from 'vitest';
import { checkSelection } from './selection-check';

function element(html: string, selector: string): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

describe('checkSelection', () => {
  it('accepts ordinary page text', () => {
    const p = element('<p>The general duty of a local authority</p>', 'p');
    expect(checkSelection({ text: 'general duty', activeElement: document.body, container: p })).toEqual({ ok: true });
  });

  it.each([
    ['nothing selected', { text: '' }, /First select the words/],
    ['only spaces selected', { text: '   \n' }, /First select the words/],
    ['over 5,000 characters', { text: 'a'.repeat(5001) }, /too long to comment on \(5,001 characters\)/],
  ])('explains %s', (_name, facts, reason) => {
    const verdict = checkSelection({ activeElement: null, container: null, ...facts });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(reason);
  });

  it('refuses text inside a form field', () => {
    const textarea = element('<textarea>draft letter</textarea>', 'textarea');
    const verdict = checkSelection({ text: 'draft', activeElement: textarea, container: null });
    expect(!verdict.ok && verdict.reason).toMatch(/form box/);
  });

  it('refuses text inside an editable region', () => {
    const span = element('<div contenteditable="true"><span>typed</span></div>', 'span');
    const verdict = checkSelection({ text: 'typed', activeElement: null, container: span });
    expect(!verdict.ok && verdict.reason).toMatch(/form box/);
  });

  it('refuses a selection inside an embedded frame', () => {
    // Not attached: happy-dom would try to load it, and only the focused element matters here.
    const frame = document.createElement('iframe');
    const verdict = checkSelection({ text: 'anything', activeElement: frame, container: null });
    expect(!verdict.ok && verdict.reason).toMatch(/another web page/);
  });
});
