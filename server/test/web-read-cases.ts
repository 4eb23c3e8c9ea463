/**
 * Table-driven cases for the web app's read API (web-read.test.ts). The group they run on is
 * built by `seedReadGroup` there; keys name its items:
 *   dignity   Mo's named comment on DOC1: "…not treated with dignity…", quoting "promoting individual well-being"
 *   caring    an anonymous comment on DOC1 by a member whose name is a secret: "Caring for my son…"
 *   private   Mo's "only me" comment on DOC1 mentioning dignity
 *   hidden    Sam's comment on DOC1 mentioning dignity, hidden by the facilitator
 *   deleted   Sam's comment mentioning dignity, then deleted
 *   care      Sam's comment on DOC2: "Nobody explained the care…", quoting "carers' assessments"
 *   carerReply     Sam's reply to `dignity`: "The carer assessment took months…"
 *   nestedReply    the reader's reply to `carerReply`: "…wellbeing…"
 *   answer         the reader's answer to `caring`: "…support planning guidance…"
 *   hiddenReply    Mo's reply to `dignity` mentioning dignity, hidden by the facilitator
 *   otherGroup     a comment in another group on DOC1 mentioning dignity and carers
 */

/** Who asks: Mo (member), Sam (a second member), the facilitator or the reader. */
export type Asker = 'mo' | 'sam' | 'facilitator' | 'reader';

export type ItemKey =
  | 'dignity'
  | 'caring'
  | 'private'
  | 'hidden'
  | 'deleted'
  | 'care'
  | 'carerReply'
  | 'nestedReply'
  | 'answer'
  | 'hiddenReply'
  | 'otherGroup';

export interface SearchCase {
  name: string;
  as: Asker;
  q: string;
  /** Items found, with the kind each is found as and the comment its result opens. */
  finds: Array<{ item: ItemKey; kind: 'comment' | 'reply' | 'answer' | 'quote'; opens: ItemKey; matched?: string }>;
  /** Items never among the results (nor counted in `total`). */
  never: ItemKey[];
  /** `total` exactly, when the case pins it. */
  total?: number;
}

export const SEARCH_CASES: SearchCase[] = [
  {
    name: '"dignity" finds the comment, with the word marked in its snippet',
    as: 'mo',
    q: 'dignity',
    finds: [{ item: 'dignity', kind: 'comment', opens: 'dignity', matched: 'dignity' }],
    never: ['hidden', 'deleted', 'hiddenReply', 'otherGroup'],
  },
  {
    name: 'an "only me" comment is found by its author',
    as: 'mo',
    q: 'dignity',
    finds: [{ item: 'private', kind: 'comment', opens: 'private' }],
    never: ['hidden', 'deleted', 'otherGroup'],
    total: 2,
  },
  {
    name: "another member's \"only me\" comment is never found or counted",
    as: 'sam',
    q: 'dignity',
    finds: [{ item: 'dignity', kind: 'comment', opens: 'dignity' }],
    never: ['private', 'hidden', 'deleted', 'hiddenReply', 'otherGroup'],
    total: 1,
  },
  {
    name: 'a facilitator finds hidden comments and replies (marked hidden), never private or deleted ones',
    as: 'facilitator',
    q: 'dignity',
    finds: [
      { item: 'dignity', kind: 'comment', opens: 'dignity' },
      { item: 'hidden', kind: 'comment', opens: 'hidden' },
      { item: 'hiddenReply', kind: 'reply', opens: 'dignity' },
    ],
    never: ['private', 'deleted', 'otherGroup'],
    total: 3,
  },
  {
    name: 'English stemming: "caring" finds "care" and "Caring"',
    as: 'reader',
    q: 'caring',
    finds: [
      { item: 'care', kind: 'comment', opens: 'care', matched: 'care' },
      { item: 'caring', kind: 'comment', opens: 'caring', matched: 'Caring' },
    ],
    never: ['otherGroup'],
  },
  {
    name: 'English stemming: "carers" finds a reply saying "carer", which opens its comment',
    as: 'reader',
    q: 'carers',
    finds: [{ item: 'carerReply', kind: 'reply', opens: 'dignity', matched: 'carer' }],
    never: ['otherGroup'],
  },
  {
    name: 'a quoted passage is found: the comment, as a quote match',
    as: 'sam',
    q: 'individual',
    finds: [{ item: 'dignity', kind: 'quote', opens: 'dignity', matched: 'individual' }],
    never: [],
    total: 1,
  },
  {
    name: 'a quote found through stemming ("assessment" in "carers\' assessments")',
    as: 'mo',
    q: '"carers assessments"',
    finds: [{ item: 'care', kind: 'quote', opens: 'care' }],
    never: ['otherGroup'],
  },
  {
    name: 'a reply to a reply is found and opens the thread\'s comment',
    as: 'mo',
    q: 'wellbeing',
    finds: [{ item: 'nestedReply', kind: 'reply', opens: 'dignity', matched: 'wellbeing' }],
    never: [],
  },
  {
    name: 'an answer is found as an answer',
    as: 'sam',
    q: 'guidance',
    finds: [{ item: 'answer', kind: 'answer', opens: 'caring', matched: 'guidance' }],
    never: [],
    total: 1,
  },
  {
    name: 'a phrase, "or" and "-word" as a search box reads them',
    as: 'mo',
    q: '"support planning" or months -dignity',
    finds: [
      { item: 'answer', kind: 'answer', opens: 'caring' },
      { item: 'carerReply', kind: 'reply', opens: 'dignity' },
    ],
    never: ['dignity'],
    total: 2,
  },
  { name: 'only stop words: nothing, not an error', as: 'mo', q: 'the and of', finds: [], never: [], total: 0 },
  { name: 'unbalanced quotes and stray operators are read, not refused', as: 'mo', q: '"dignity -', finds: [{ item: 'dignity', kind: 'comment', opens: 'dignity' }], never: [] },
];

/** Search requests refused with 400 and a plain sentence. */
export const BAD_SEARCHES: Array<{ name: string; query: string; says: RegExp }> = [
  { name: 'no q', query: '', says: /Type some words to search for\./ },
  { name: 'empty q', query: 'q=', says: /Type some words/ },
  { name: 'blank q', query: 'q=%20%20%20', says: /Type some words/ },
  { name: 'q too long', query: `q=${'a'.repeat(201)}`, says: /up to 200 characters/ },
  { name: 'q twice', query: 'q=dignity&q=care', says: /Give "q" once only\./ },
  { name: 'limit 0', query: 'q=dignity&limit=0', says: /"limit" must be a whole number from 1 to 200\./ },
  { name: 'limit 201', query: 'q=dignity&limit=201', says: /from 1 to 200/ },
  { name: 'limit not a number', query: 'q=dignity&limit=ten', says: /from 1 to 200/ },
  { name: 'a control character', query: 'q=dig%01nity', says: /ordinary text/ },
  // The store's address check answers first for a null character (address-checks.ts).
  { name: 'a null character', query: 'q=dig%00nity', says: /The "q" parameter in the address contains a null character, which the store cannot keep/ },
];
