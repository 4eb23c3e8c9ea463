import { describe, expect, it } from 'vitest';
import { anchorAll, buildTextIndex } from '../anchoring';
import { readFixture, showPage } from '../../tests/support/anchoring-harness';
import { seededRandom } from '../../tests/support/seeded-random';
import { readHypothesisExport } from './hypothesis';
import { hypothesisClientExport, hypothesisRow } from './interop-fixtures';

/**
 * Hypothesis records TextPositionSelector offsets into `document.body.textContent`, which
 * counts the text of script, style and noscript elements; the extension's page text leaves
 * them out. Real pages carry such elements in the body (analytics, consent banners, inline
 * styles), so each fixture is shown with some before its content, and Hypothesis's
 * selectors are made as its client makes them (textContent offsets, 32 characters of context).
 */
const PAGE_SCRIPTS = `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
<style>.cookie-banner { position: fixed; bottom: 0; } .lea-x { color: #333; }</style>
<noscript>This site works best with JavaScript turned on.</noscript>`;
const MID_SCRIPT = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Legislation","name":"Section"}</script>`;

function hypothesisSelectors(body: HTMLElement, start: number, end: number) {
  const all = body.textContent ?? '';
  return [
    { type: 'RangeSelector', startContainer: '/div[1]', startOffset: 0, endContainer: '/div[1]', endOffset: 1 },
    { type: 'TextPositionSelector', start, end },
    { type: 'TextQuoteSelector', exact: all.slice(start, end), prefix: all.slice(Math.max(0, start - 32), start), suffix: all.slice(end, end + 32) },
  ];
}

describe.each(['care-act-2014-part-1.html', 'care-bill-2013-14-clause-1.html', 'francis-report-2013-executive-summary.html'])('Hypothesis positions on %s', (name) => {
  it('anchor exactly (not by searching) where the writer selected', () => {
    const html = readFixture(name);
    const inner = /<body[\s>]/i.test(html) ? new DOMParser().parseFromString(html, 'text/html').body.innerHTML : html;
    // Scripts at the top and one in the middle of the content, as on real pages.
    const half = inner.indexOf('</p>', Math.floor(inner.length / 2));
    const body = showPage(`${PAGE_SCRIPTS}${inner.slice(0, half + 4)}${MID_SCRIPT}${inner.slice(half + 4)}`);
    const all = body.textContent ?? '';
    // Where script, style and noscript text sits in textContent: no one selects it.
    const hidden: [number, number][] = [];
    const walker = document.createTreeWalker(body, 0x4);
    for (let n = walker.nextNode(), at = 0; n; n = walker.nextNode()) {
      const length = (n as Text).data.length;
      if (n.parentElement?.closest('script, style, noscript')) hidden.push([at, at + length]);
      at += length;
    }
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    const random = seededRandom(name.length);
    const rows = [];
    while (rows.length < 60) {
      const start = Math.floor(random() * (all.length - 200));
      const end = start + 20 + Math.floor(random() * 150);
      const quote = all.slice(start, end);
      // What a person selects: page text starting and ending on a word, not script text.
      if (!/^\S/.test(quote) || !/\S$/.test(quote) || hidden.some(([a, b]) => start < b && a < end)) continue;
      rows.push(hypothesisRow({ id: `row${rows.length}`, target: [{ source: 'https://www.legislation.gov.uk/x', selector: hypothesisSelectors(body, start, end) }] }));
    }
    const read = readHypothesisExport(hypothesisClientExport(rows));
    if (!read.ok) throw new Error(read.reason);
    expect(read.refused).toEqual([]);
    const index = buildTextIndex(body);
    const results = anchorAll(body, read.comments.map((c) => c.target.selector), index);
    results.forEach((r, i) => {
      const quote = (read.comments[i]!.target.selector[0] as { exact: string }).exact;
      expect(r.status, `row ${i}`).toBe('exact');
      expect(index.text.slice(r.span!.start, r.span!.end)).toBe(quote);
    });
  });
});
