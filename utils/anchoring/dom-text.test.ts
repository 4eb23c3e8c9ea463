import { describe, expect, it } from 'vitest';
import { buildTextIndex, describeRange, offsetsToRange, rangeToOffsets } from './index';
import { pageText, showPage } from '../../tests/support/anchoring-harness';

describe('buildTextIndex', () => {
  it('indexes text nodes in document order, skipping script, style, noscript and template', () => {
    const body = showPage(
      '<p>one</p><script>no</script><style>no</style><noscript><span>no</span></noscript><template><b>no</b></template><div>two<i>three</i></div>',
    );
    const index = buildTextIndex(body);
    expect(index.text).toBe('onetwothree');
    expect(index.text).toBe(pageText(body));
    expect(index.nodes.map((n) => n.data)).toEqual(['one', 'two', 'three']);
  });

  it('does not enter shadow roots', () => {
    const body = showPage('<p>light</p><div id="host"></div>');
    const shadow = body.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow</p>';
    expect(buildTextIndex(body).text).toBe('light');
  });

  it('accepts a Text node as root', () => {
    const body = showPage('<p>only text</p>');
    expect(buildTextIndex(body.firstChild!.firstChild!).text).toBe('only text');
  });
});

describe('ranges and offsets', () => {
  it('converts element-boundary ranges to text offsets', () => {
    const body = showPage('<p>The gen<b>eral du</b>ty</p><p>next</p>');
    const index = buildTextIndex(body);
    const b = body.querySelector('b')!;
    const range = document.createRange();
    range.setStart(b, 0); // before "eral du"
    range.setEnd(body.querySelector('p + p')!, 0); // before "next"
    expect(rangeToOffsets(index, range)).toEqual({ start: 7, end: 16 });
    range.setStart(body, 0);
    range.setEnd(body, body.childNodes.length);
    expect(rangeToOffsets(index, range)).toEqual({ start: 0, end: 20 });
    const [quote, position] = describeRange(body, range);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'The general dutynext', prefix: '', suffix: '' });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 0, end: 20 });
  });

  it('builds ranges whose boundaries stay inside the text nodes they cover', () => {
    const body = showPage('<p>The gen<b>eral du</b>ty</p>');
    const index = buildTextIndex(body);
    const range = offsetsToRange(index, 7, 14)!;
    expect(range.startContainer).toBe(index.nodes[1]);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(index.nodes[1]);
    expect(range.endOffset).toBe(7);
    expect(range.toString()).toBe('eral du');
  });

  it('gives 32 characters of context on each side', () => {
    const body = showPage(`<p>${'x'.repeat(40)}QUOTE${'y'.repeat(40)}</p>`);
    const [quote] = describeRange(body, offsetsToRange(buildTextIndex(body), 40, 45)!);
    expect(quote.prefix).toBe('x'.repeat(32));
    expect(quote.suffix).toBe('y'.repeat(32));
    expect(quote.exact).toBe('QUOTE');
  });
});
