/** Fallback wrapping cases: page HTML, passages (quotes), and the HTML expected while painted. */
export interface MarkCase {
  name: string;
  html: string;
  items: Array<{ id: string; quote: string; occurrence?: number }>;
  painted: string;
}

const M = '<mark data-lea-highlight="">';

/** Wrapping cases, from one text node to overlapping, nested and cross-paragraph passages. */
export const markCases: MarkCase[] = [
  {
    name: 'one passage inside a text node',
    html: '<p>The general duty of a local authority is to promote that individual’s well-being.</p>',
    items: [{ id: 'a', quote: 'promote that individual’s well-being' }],
    painted: `<p>The general duty of a local authority is to ${M}promote that individual’s well-being</mark>.</p>`,
  },
  {
    name: 'a whole text node (no split)',
    html: '<p><span>personal dignity</span> (including treatment)</p>',
    items: [{ id: 'a', quote: 'personal dignity' }],
    painted: `<p><span>${M}personal dignity</mark></span> (including treatment)</p>`,
  },
  {
    name: 'across inline elements',
    html: '<p>(1) The <b>general duty</b> of a local authority</p>',
    items: [{ id: 'a', quote: 'general duty of a' }],
    painted: `<p>(1) The <b>${M}general duty</mark></b>${M} of a</mark> local authority</p>`,
  },
  {
    name: 'overlapping passages share one mark per run',
    html: '<p>promote that individual’s well-being</p>',
    items: [
      { id: 'a', quote: 'that individual’s well' },
      { id: 'b', quote: 'well-being' },
    ],
    painted: `<p>promote ${M}that individual’s </mark>${M}well</mark>${M}-being</mark></p>`,
  },
  {
    name: 'across paragraphs, whitespace-only text between blocks left alone',
    html: '<section><p>(a) personal dignity;</p>\n  <p>(b) physical and mental health;</p></section>',
    items: [{ id: 'a', quote: 'dignity;\n  (b) physical' }],
    painted: `<section><p>(a) personal ${M}dignity;</mark></p>\n  <p>${M}(b) physical</mark> and mental health;</p></section>`,
  },
  {
    name: 'script and style text skipped',
    html: '<p>local <script>var x = 1;</script>authority<style>p{}</style> functions</p>',
    items: [{ id: 'a', quote: 'local var x = 1;authorityp{} functions' }],
    painted: `<p>${M}local </mark><script>var x = 1;</script>${M}authority</mark><style>p{}</style>${M} functions</mark></p>`,
  },
  {
    name: 'same words twice, second occurrence',
    html: '<p>care and support; care and support</p>',
    items: [{ id: 'a', quote: 'care and support', occurrence: 1 }],
    painted: `<p>care and support; ${M}care and support</mark></p>`,
  },
  {
    name: 'nested passage inside another',
    html: '<p>suitability of living accommodation</p>',
    items: [
      { id: 'outer', quote: 'suitability of living accommodation' },
      { id: 'inner', quote: 'living' },
    ],
    painted: `<p>${M}suitability of </mark>${M}living</mark>${M} accommodation</mark></p>`,
  },
];
