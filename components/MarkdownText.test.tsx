import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { isPlainParagraph, MarkdownText } from './MarkdownText';

function html(text: string): string {
  const root = document.createElement('div');
  render(<MarkdownText text={text} />, root);
  return root.innerHTML.replace(/\n/g, '');
}

describe('MarkdownText', () => {
  it.each([
    'Nobody asked my mother what mattered to her.',
    'The assessment (section 9) should start with the person’s view; it did not.',
    '  Spaces around are trimmed.  ',
  ])('shows plain prose the same as Markdown would: %s', (text) => {
    expect(isPlainParagraph(text)).toBe(true);
    expect(html(text)).toBe(`<div class="lea-comment-text"><p>${text.trim()}</p></div>`);
  });

  it.each(['**bold**', '- a list', '1. first', 'see https://example.org', 'www.example.org', 'me@example.org', '<b>x</b>', 'a & b', 'two\nlines', '# heading', 'a [link](https://x.y)', '`code`'])(
    'leaves anything Markdown or HTML would change to the Markdown renderer and sanitiser: %s',
    (text) => {
      expect(isPlainParagraph(text)).toBe(false);
    },
  );

  it('still sanitises Markdown and HTML', () => {
    const out = html('**bold** <img src=x onerror=alert(1)>');
    expect(out).toContain('<strong>bold</strong>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<img');
  });
});
