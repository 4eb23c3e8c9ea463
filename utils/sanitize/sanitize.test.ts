import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { renderCommentHtml } from './index';

const purifier = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);
const render = (text: string) => {
  const div = document.createElement('div');
  div.innerHTML = renderCommentHtml(text, purifier);
  return div;
};

describe('renderCommentHtml', () => {
  it('renders light Markdown', () => {
    const div = render('This is **important** to me.\n\n- first\n- second');
    expect(div.querySelector('strong')?.textContent).toBe('important');
    expect(div.querySelectorAll('li')).toHaveLength(2);
  });

  it.each([
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['<b onclick="x()">bold?</b>', '<b onclick="x()">bold?</b>'],
  ])('shows HTML typed in a comment as text: %s', (typed, visible) => {
    const div = render(typed);
    expect(div.querySelector('script, img, b, [onclick], [onerror]')).toBeNull();
    expect(div.textContent).toContain(visible);
  });

  it('keeps web links but drops javascript: links', () => {
    const div = render('[council](https://www.gov.uk) and [bad](javascript:alert(1))');
    expect(div.querySelector('a')?.getAttribute('href')).toBe('https://www.gov.uk');
    expect(div.querySelectorAll('a')).toHaveLength(1);
    expect(div.textContent).toContain('bad');
  });
});
