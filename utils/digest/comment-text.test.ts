import { describe, expect, it } from 'vitest';
import { MAYBE_MARKDOWN, lexCommentText, parseCommentText, renderCommentHtml } from './comment-text';

/** Seeded PRNG so a failure names a reproducible string. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseCommentText', () => {
  it('takes the plain-prose shortcut only where the lexer would give the same result', () => {
    const rand = random(7);
    const alphabet = 'abc XYZ 0123456789 .,;\'"()?-+=—’“”é£%$/ \u00a0';
    let shortcut = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(rand() * 40);
      let text = '';
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(rand() * alphabet.length)];
      if (MAYBE_MARKDOWN.test(text)) continue;
      shortcut++;
      expect(parseCommentText(text), JSON.stringify(text)).toEqual(lexCommentText(text));
    }
    expect(shortcut).toBeGreaterThan(5000);
  });

  it.each([
    ['- a list', 'list'],
    ['1. a list', 'list'],
    ['> a quote', 'quote'],
    ['    code', 'code'],
    ['see www.gov.uk', 'paragraph'],
  ])('does not shortcut Markdown: %s', (text, type) => {
    expect(MAYBE_MARKDOWN.test(text)).toBe(true);
    expect(parseCommentText(text)[0]?.type).toBe(type);
  });

  it('renders a closed set of tags with escaped text', () => {
    expect(renderCommentHtml('**bold** _it_ ~~gone~~ `x<y` [gov](https://www.gov.uk "t") [js](javascript:alert(1))')).toBe(
      '<p><strong>bold</strong> <em>it</em> <del>gone</del> <code>x&lt;y</code> <a href="https://www.gov.uk">gov</a> js</p>',
    );
    expect(renderCommentHtml('line one\nline two')).toBe('<p>line one<br>line two</p>');
    expect(renderCommentHtml('1. one\n2. two\n\n> quoted')).toBe('<ol><li>one</li><li>two</li></ol><blockquote><p>quoted</p></blockquote>');
    expect(renderCommentHtml('```\n<b>&\n```')).toBe('<pre><code>&lt;b&gt;&amp;</code></pre>');
  });
});
