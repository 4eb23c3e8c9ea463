/**
 * Table of W3C annotations and what adoptW3cReply makes of them: the reply's text, creator
 * name and target, or null when it cannot read one. The W3C model examples (a copy of
 * ../shared/w3c-model-examples in server/test/fixtures) hold no reply at all; as replies
 * (motivation "replying", an id, a time and a target in a store) three of them carry text.
 */
export const COMMENT = 'urn:uuid:01890a5d-ac96-774b-bcce-000000000001';
const COMMENT_IRI = 'https://store.example.org/annotations/g1/01890a5d-ac96-774b-bcce-000000000001';
const REPLY = 'urn:uuid:01890a5d-ac96-774b-bcce-00000000aaaa';
const base = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: REPLY, type: 'Annotation', motivation: 'replying', created: '2026-11-02T10:00:00Z' };

export interface AdoptCase {
  name: string;
  annotation: unknown;
  /** null: not adopted. */
  expected: { text: string; name: string | null; target: string; id: string } | null;
}

const ok = (text: string, name: string | null = null, id = REPLY) => ({ text, name, target: COMMENT, id });

export const ADOPT_CASES: AdoptCase[] = [
  { name: 'the contract’s plain W3C reply (object body, container IRI target)', annotation: { ...base, body: { type: 'TextualBody', value: 'Same here.' }, target: COMMENT_IRI }, expected: ok('Same here.') },
  { name: 'body as a string', annotation: { ...base, body: 'Plain words', target: COMMENT_IRI }, expected: ok('Plain words') },
  { name: 'bodyValue', annotation: { ...base, bodyValue: 'Short form', target: COMMENT }, expected: ok('Short form') },
  { name: 'body as an array: text kept, tags dropped', annotation: { ...base, body: [{ type: 'TextualBody', value: 'First' }, { type: 'TextualBody', purpose: 'tagging', value: 'tag' }, 'Second'], target: COMMENT }, expected: ok('First\n\nSecond') },
  { name: 'HTML body as text', annotation: { ...base, body: { type: 'TextualBody', format: 'text/html', value: '<p>Yes &amp; no</p><script>x</script>' }, target: COMMENT }, expected: ok('Yes & no') },
  { name: 'creator as a string', annotation: { ...base, creator: 'Jo Bloggs', body: 'Hi', target: COMMENT }, expected: ok('Hi', 'Jo Bloggs') },
  { name: 'creator as an object with a name', annotation: { ...base, creator: { type: 'Person', name: 'Sam Jones' }, body: 'Hi', target: COMMENT }, expected: ok('Hi', 'Sam Jones') },
  { name: 'creator object with only a nickname', annotation: { ...base, creator: { type: 'Person', nickname: 'sam' }, body: 'Hi', target: COMMENT }, expected: ok('Hi', 'sam') },
  { name: 'target object with id', annotation: { ...base, body: 'Hi', target: { id: COMMENT_IRI } }, expected: ok('Hi') },
  { name: 'target object with source', annotation: { ...base, body: 'Hi', target: { source: COMMENT_IRI } }, expected: ok('Hi') },
  { name: 'target as an array (the first)', annotation: { ...base, body: 'Hi', target: [COMMENT, 'https://example.org/page'] }, expected: ok('Hi') },
  { name: 'id as a container IRI', annotation: { ...base, id: 'https://store.example.org/annotations/g1/01890a5d-ac96-774b-bcce-00000000aaaa', body: 'Hi', target: COMMENT }, expected: ok('Hi') },
  { name: 'motivation in an array, oa: prefix', annotation: { ...base, motivation: ['oa:replying'], body: 'Hi', target: COMMENT }, expected: ok('Hi') },
  { name: 'not a reply (commenting)', annotation: { ...base, motivation: 'commenting', body: 'Hi', target: COMMENT }, expected: null },
  { name: 'target is a web page, not an annotation', annotation: { ...base, body: 'Hi', target: 'https://example.org/page' }, expected: null },
  { name: 'no text', annotation: { ...base, body: { id: 'https://example.org/post1' }, target: COMMENT }, expected: null },
  { name: 'no time', annotation: { ...base, created: undefined, body: 'Hi', target: COMMENT }, expected: null },
  { name: 'an id no store gave', annotation: { ...base, id: 'https://example.org/anno1', body: 'Hi', target: COMMENT }, expected: null },
  { name: 'replying to itself', annotation: { ...base, body: 'Hi', target: REPLY }, expected: null },
  { name: 'not an object', annotation: 'replying', expected: null },
  { name: 'null', annotation: null, expected: null },
];

/** The W3C model examples that are replies as they stand: none. */
export const W3C_EXAMPLE_REPLIES: number[] = [];

/** The W3C model examples' text once made replies (others: null, no text to show). */
export const W3C_EXAMPLE_AS_REPLY_TEXT: Record<number, string> = {
  9: 'Comment text',
  11: 'Comment text',
  31: 'I really love this particular bit of text in this XML. No really.',
  32: 'One of my favorite cities',
};

/** Turn a W3C example into a reply to COMMENT, keeping its body and creator. */
export function asReply(example: Record<string, unknown>): Record<string, unknown> {
  return { ...example, id: REPLY, motivation: 'replying', created: '2026-11-02T10:00:00Z', target: COMMENT_IRI };
}
