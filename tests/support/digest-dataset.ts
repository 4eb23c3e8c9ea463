/**
 * The digest's fixture dataset: comments on real passages of three fixture documents (Care
 * Act 2014 Part 1, Children and Families Act 2014 Part 3, the Francis Report executive
 * summary as a PDF), with every case the digest must handle. Test and benchmark code only.
 */
import { readFixture } from '../fixtures';
import { ANNO_CONTEXT, LEA_CONTEXT, type LeaAnnotation } from '../../utils/model/annotation';
import { motivationForKind, type Kind, type Perspective } from '../../utils/model/vocabulary';
import { ANSWER_STATUSES, SUPPORT_VALUE, buildReply, buildSupport, checkReply, type AnswerStatus, type LeaReply, type LeaSupport } from '../../utils/model/conversation';
import { seededRandom } from './seeded-random';
import type { HiddenReply } from '../../utils/conversation/build-thread';
import type { DigestDocumentInfo, DigestEntry } from '../../utils/digest/types';

/** A dataset comment and what the server knows beside it (the writer's name, always). */
export interface DatasetEntry extends DigestEntry {
  /** The writer's display name as the server knows it, even when the comment is anonymous. */
  writer: string;
}

export const CARE_ACT = 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted';
export const CHILDREN_AND_FAMILIES_ACT = 'https://www.legislation.gov.uk/ukpga/2014/6/part/3/enacted';
export const FRANCIS_REPORT = 'https://documents.example.org/francis-report-2013/executive-summary.pdf';

/** The three documents, with the titles people know them by. */
export const DATASET_DOCUMENTS: DigestDocumentInfo[] = [
  { url: CARE_ACT, title: 'Care Act 2014, Part 1' },
  { url: CHILDREN_AND_FAMILIES_ACT, title: 'Children and Families Act 2014, Part 3' },
  { url: FRANCIS_REPORT, title: 'Francis Report (2013): executive summary' },
];

const FIXTURE_FILES: Record<string, string> = {
  [CARE_ACT]: 'care-act-2014-part-1.html',
  [CHILDREN_AND_FAMILIES_ACT]: 'children-and-families-act-2014-part-3.html',
  [FRANCIS_REPORT]: 'francis-report-2013-executive-summary.html',
};

/** People who write named comments. */
export const NAMED_WRITERS = ['Aisha Khan', 'Tom Evans', 'Priya Shah', 'Gareth Jones'] as const;
/**
 * People who only ever comment anonymously: their names must appear in no output. Some of
 * their annotations still carry `creator` (an unredacted copy), to prove the digest ignores it.
 */
export const ANONYMOUS_WRITERS = ['Margaret Oduya', 'Derek Whitfield', 'Siân Llewellyn'] as const;

/** The page text of a fixture (tags dropped, entities decoded), where quotes are found. */
export function fixtureText(url: string): string {
  return readFixture(FIXTURE_FILES[url]!)
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

type Row = [
  doc: string,
  section: string | null,
  quote: string,
  page: number | null,
  writer: string,
  anonymous: boolean,
  perspective: Perspective,
  kind: Kind,
  themes: string[],
  text: string,
];

const W = 'Wellbeing and independence';
const I = 'Information and advice';
const A = 'Active and supportive communities';
const F = 'Flexible and integrated care and support';
const C = 'When things need to change';
const K = 'Workforce';

const S1 = '1 Promoting individual well-being';
const S2 = '2 Preventing needs for care and support';
const S6 = '6 Co-operating generally';
const S8 = '8 How to meet needs';
const S10 = '10 Assessment of a carer’s needs for support';
const C28 = '28 Co-operating generally: local authority functions';
const C20 = 'Explanatory Notes, section 20: When a child or young person has special educational needs';
const C24 = 'Explanatory Notes, section 24: When a local authority is responsible for a child or young person';
const R1 = 'Recommendation 1: Accountability for implementation of responses';

const Q_WELLBEING = 'is to promote that individual’s well-being';
const Q_DIGNITY = 'personal dignity (including treatment of the individual with respect)';
const Q_CONTROL = 'control by the individual over day-to-day life';
const Q_BEST_PLACED = 'the individual is best-placed to judge the individual’s well-being';
const Q_VIEWS = 'the individual’s views, wishes, feelings and beliefs';
const Q_PREVENT = 'contribute towards preventing or delaying the development by carers in its area of needs for support';
const Q_UNMET = 'with needs for care and support which are not being met';
const Q_COOPERATE = 'A local authority must co-operate with each of its relevant partners';
const Q_HOUSING = 'a private registered provider of social housing';
const Q_HOME = 'care and support at home or in the community';
const Q_ADVOCACY = 'information, advice and advocacy';
const Q_DIRECT = 'by making direct payments';
const Q_CARER_ASSESS = 'Where it appears to a local authority that a carer may have needs for support';
const Q_WILLING = 'whether the carer is willing, and is likely to continue to be willing, to do so';
const Q_WORK = 'whether the carer works or wishes to do so';
const Q_CFA_COOP = 'A local authority in England must co-operate with each of its local partners';
const Q_SEN = 'special educational needs if they have a learning difficulty or disability';
const Q_EXTRA = 'Disabled children and young people may require extra or different provision';
const Q_BIRTH_25 = 'applying a single definition to children and young people from birth to 25';
const Q_EHC = 'drawing up an EHC plan to meet them';
const Q_LOCAL_OFFER = 'preparing a local offer of services';
const Q_OUTSIDE = 'who live in the authority’s area but who are educated outside its area';
const Q_ANNOUNCE = 'publish in a report information regarding its progress in relation to its planned actions';
const Q_COLLATE = 'the Department of Health should collate information about the decisions and actions generally';
const Q_SELECT = 'The House of Commons Select Committee on Health should be invited to consider';
const Q_LISTENING = 'asking them to hold listening events with their staff';
const Q_COMPASSIONATE = 'safe, effective and compassionate care';
const Q_SUMMARY_FINDINGS = 'Summary of findings';
const Q_WARNING = 'Warning signs';

const [AISHA, TOM, PRIYA, GARETH] = NAMED_WRITERS;
const [MARGARET, DEREK, SIAN] = ANONYMOUS_WRITERS;

/** Text with every character a format must cope with: a script tag, a formula, quotes, newlines. */
export const SCRIPT_COMMENT = 'Be careful: <script>alert("digest")</script> is what a bad actor would type.';
export const FORMULA_COMMENT = '=HYPERLINK("http://evil.example","Click for your grant")';
export const AWKWARD_COMMENT = 'We said "no", then "yes, maybe"; and, frankly,\nnobody asked the carers.\n\nSecond paragraph.';

// prettier-ignore
const ROWS: Row[] = [
  [CARE_ACT, S1, Q_WELLBEING, null, AISHA, false, 'uses-care', 'comment', [W], 'Well-being is the right starting point. Nobody asked me what well-being meant **to me** until my third assessment.'],
  [CARE_ACT, S1, Q_WELLBEING, null, MARGARET, true, 'uses-care', 'question', [W, I], 'Who decides what counts as well-being? The assessor, or me?'],
  [CARE_ACT, S1, Q_WELLBEING, null, TOM, false, 'carer', 'comment', [W], 'As a carer I see the duty written down, but not delivered on a Friday afternoon.'],
  [CARE_ACT, S1, Q_DIGNITY, null, DEREK, true, 'carer', 'comment', [W], 'Dignity is being addressed by name, not by room number.'],
  [CARE_ACT, S1, Q_DIGNITY, null, PRIYA, false, 'works-in-care', 'suggested-change', [W, K], 'Add: "including enough time for each visit". Fifteen-minute calls make dignity impossible.'],
  [CARE_ACT, S1, Q_CONTROL, null, AISHA, false, 'uses-care', 'comment', [W, F], 'Control over my day means choosing when I get up:\n\n- not when the rota says\n- not when the agency can fit me in'],
  [CARE_ACT, S1, Q_CONTROL, null, SIAN, true, 'family', 'comment', [W], 'My brother has never chosen his own bedtime in supported living.'],
  [CARE_ACT, S1, Q_BEST_PLACED, null, MARGARET, true, 'uses-care', 'comment', [W, C], 'The assumption is in the law but not in the room. I was told I was "not best-placed" because of my diagnosis.'],
  [CARE_ACT, S1, Q_VIEWS, null, GARETH, false, 'family', 'question', [I], 'How are views recorded for people who do not use speech?'],
  [CARE_ACT, S1, Q_VIEWS, null, TOM, false, 'carer', 'comment', [I], AWKWARD_COMMENT],
  [CARE_ACT, S2, Q_PREVENT, null, DEREK, true, 'carer', 'comment', [A, W], 'Prevention for carers means a break *before* we break.'],
  [CARE_ACT, S2, Q_PREVENT, null, TOM, false, 'carer', 'suggested-change', [A], 'Name respite explicitly here. Carers’ groups closed in our area in 2019.'],
  [CARE_ACT, S2, Q_UNMET, null, PRIYA, false, 'works-in-care', 'comment', [K, C], 'Unmet need is invisible when waiting lists are not published.'],
  [CARE_ACT, S2, Q_UNMET, null, AISHA, false, 'uses-care', 'comment', [C], FORMULA_COMMENT],
  [CARE_ACT, S6, Q_COOPERATE, null, GARETH, false, 'family', 'comment', [F], 'Co-operation stops at the hospital discharge lounge.'],
  [CARE_ACT, S6, Q_COOPERATE, null, SIAN, true, 'family', 'comment', [F, I], 'We told our story five times to five services in one week.'],
  [CARE_ACT, S6, Q_HOUSING, null, MARGARET, true, 'uses-care', 'comment', [F, A], 'Housing adaptations took two years. The stair lift arrived after I moved.'],
  [CARE_ACT, S8, Q_HOME, null, AISHA, false, 'uses-care', 'comment', [F, W], 'Support at home kept me out of hospital last winter.'],
  [CARE_ACT, S8, Q_ADVOCACY, null, DEREK, true, 'carer', 'question', [I], '+44 numbers on leaflets are no use when the phone line is closed at weekends — who do we ring?'],
  [CARE_ACT, S8, Q_ADVOCACY, null, PRIYA, false, 'works-in-care', 'comment', [I, K], 'Advocates are booked up for months in our county.'],
  [CARE_ACT, S8, Q_DIRECT, null, TOM, false, 'carer', 'comment', [F], '-Direct payments gave us choice, and a second job: payroll.'],
  [CARE_ACT, S8, Q_DIRECT, null, GARETH, false, 'family', 'comment', [F, C], '@council: the direct payment audit letters are frightening. Please rewrite them in plain English.'],
  [CARE_ACT, S10, Q_CARER_ASSESS, null, TOM, false, 'carer', 'comment', [W], 'I only had a carer’s assessment after I collapsed.'],
  [CARE_ACT, S10, Q_WILLING, null, DEREK, true, 'carer', 'comment', [W, C], '"Willing" is doing a lot of work here. Nobody ever asked if I was willing; it was assumed.'],
  [CARE_ACT, S10, Q_WORK, null, SIAN, true, 'family', 'suggested-change', [W], 'Ask about work at every review, not just the first one.'],
  [CHILDREN_AND_FAMILIES_ACT, C28, Q_CFA_COOP, null, GARETH, false, 'family', 'comment', [F], 'School, health and social care each said it was another’s job.'],
  [CHILDREN_AND_FAMILIES_ACT, C28, Q_CFA_COOP, null, SIAN, true, 'family', 'question', [F, I], 'What happens when a partner does not co-operate? Who do parents complain to?'],
  [CHILDREN_AND_FAMILIES_ACT, C28, Q_CFA_COOP, null, PRIYA, false, 'works-in-care', 'comment', [K], 'Joint panels work when the same people attend every month.'],
  [CHILDREN_AND_FAMILIES_ACT, C20, Q_SEN, null, MARGARET, true, 'uses-care', 'comment', [I], 'I was 19 before anyone used the words "learning difficulty" with me.'],
  [CHILDREN_AND_FAMILIES_ACT, C20, Q_SEN, null, AISHA, false, 'uses-care', 'comment', [I, W], SCRIPT_COMMENT],
  [CHILDREN_AND_FAMILIES_ACT, C20, Q_EXTRA, null, GARETH, false, 'family', 'comment', [A], 'Extra provision should include after-school clubs, not just lessons.'],
  [CHILDREN_AND_FAMILIES_ACT, C20, Q_EXTRA, null, DEREK, true, 'carer', 'suggested-change', [A, F], 'Add transport. Provision you cannot get to is not provision.'],
  [CHILDREN_AND_FAMILIES_ACT, C20, Q_BIRTH_25, null, TOM, false, 'carer', 'comment', [C, F], 'The cliff edge at 25 is still there; it just moved.'],
  [CHILDREN_AND_FAMILIES_ACT, C24, Q_EHC, null, SIAN, true, 'family', 'comment', [C], 'Our EHC plan took 41 weeks. The legal limit is 20.'],
  [CHILDREN_AND_FAMILIES_ACT, C24, Q_EHC, null, PRIYA, false, 'works-in-care', 'comment', [K, C], 'Caseworkers hold 200 plans each. The timescales cannot be met.'],
  [CHILDREN_AND_FAMILIES_ACT, C24, Q_EHC, null, GARETH, false, 'family', 'question', [I], 'Can parents see the draft plan before the panel meets?'],
  [CHILDREN_AND_FAMILIES_ACT, C24, Q_LOCAL_OFFER, null, MARGARET, true, 'uses-care', 'comment', [I, A], 'The local offer website lists groups that closed years ago. See [our list](https://example.org/local-offer) and [this](javascript:alert(1)).'],
  [CHILDREN_AND_FAMILIES_ACT, C24, Q_OUTSIDE, null, TOM, false, 'carer', 'comment', [F], 'Out-of-area placements mean hours in a taxi every day.'],
  [CHILDREN_AND_FAMILIES_ACT, null, Q_OUTSIDE, null, AISHA, false, 'not-said', 'comment', [], 'I had no theme for this one, but it matters.'],
  [FRANCIS_REPORT, R1, Q_ANNOUNCE, 12, PRIYA, false, 'works-in-care', 'comment', [C, K], 'Progress reports are written for regulators, not for patients and families.'],
  [FRANCIS_REPORT, R1, Q_ANNOUNCE, 12, DEREK, true, 'carer', 'suggested-change', [C], 'Publish progress in plain English, with a named person to contact.'],
  [FRANCIS_REPORT, R1, Q_COLLATE, 12, GARETH, false, 'family', 'question', [C, I], 'Where can families read the collated information?'],
  [FRANCIS_REPORT, R1, Q_SELECT, 13, SIAN, true, 'family', 'comment', [C], 'Invite families to give evidence to the Committee as well.'],
  [FRANCIS_REPORT, R1, Q_LISTENING, 13, PRIYA, false, 'works-in-care', 'comment', [K], 'Listening events for staff were held in the day, when night staff were asleep.'],
  [FRANCIS_REPORT, R1, Q_LISTENING, 13, MARGARET, true, 'uses-care', 'comment', [K, A], 'Hold listening events for patients too, **outside** the hospital.'],
  [FRANCIS_REPORT, R1, Q_COMPASSIONATE, 13, AISHA, false, 'uses-care', 'comment', [W, K], 'Compassionate care is staff who have time to sit down.'],
  [FRANCIS_REPORT, R1, Q_COMPASSIONATE, 13, TOM, false, 'carer', 'comment', [W], 'My mother was left without water. Compassion starts with the basics.'],
  [FRANCIS_REPORT, null, Q_SUMMARY_FINDINGS, 3, GARETH, false, 'family', 'comment', [C], 'The findings should be read by every new board member.'],
  [FRANCIS_REPORT, null, Q_SUMMARY_FINDINGS, 3, DEREK, true, 'carer', 'comment', [C, K], 'Ten years on, the same findings appear in new reports.'],
  [FRANCIS_REPORT, null, Q_WARNING, 3, SIAN, true, 'family', 'comment', [C], 'We raised warning signs. We were called difficult.'],
  [FRANCIS_REPORT, null, Q_WARNING, 3, PRIYA, false, 'works-in-care', 'question', [K, C], 'How are staff protected when they report warning signs?'],
  [FRANCIS_REPORT, null, Q_WARNING, 3, MARGARET, true, 'uses-care', 'comment', [C], 'Warning signs were in the complaints we wrote, years before the inquiry.'],
];

/** Text of the one hidden comment and of the one private comment (neither may appear in a group digest). */
export const HIDDEN_TEXT = 'HIDDEN-BY-FACILITATOR: this comment named a member of staff.';
export const PRIVATE_TEXT = 'ONLY-ME-NOTE: draft thoughts I am not ready to share.';

const uuid = (n: number) => `0190c7a0-0000-7000-8000-${String(n).padStart(12, '0')}`;

interface Spec {
  n: number;
  row: Row;
  visibility: 'group' | 'private';
  /** Keep `creator` on an anonymous comment (as an unredacted copy would). */
  leakyCreator: boolean;
  /** Named attribution without a recorded name. */
  namedWithoutCreator?: boolean;
}

function toAnnotation(spec: Spec, textOf: (url: string) => string): LeaAnnotation {
  const [doc, section, quote, page, writer, anonymous, perspective, kind, themes, text] = spec.row;
  const docText = textOf(doc);
  const start = docText.indexOf(quote);
  if (start < 0) throw new Error(`Dataset quote not found in ${FIXTURE_FILES[doc]}: ${quote}`);
  const day = String(1 + (spec.n % 28)).padStart(2, '0');
  const created = `2026-10-${day}T${String(8 + (spec.n % 10)).padStart(2, '0')}:15:00.000Z`;
  const withCreator = (!anonymous && !spec.namedWithoutCreator) || spec.leakyCreator;
  return {
    '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
    id: `urn:uuid:${uuid(spec.n)}`,
    type: 'Annotation',
    motivation: motivationForKind(kind),
    created,
    modified: created,
    ...(withCreator ? { creator: { type: 'Person' as const, name: writer } } : {}),
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: text },
      ...themes.map((value) => ({ type: 'TextualBody' as const, purpose: 'tagging' as const, value })),
    ],
    target: {
      source: doc,
      selector: [
        { type: 'TextQuoteSelector', exact: quote, prefix: docText.slice(Math.max(0, start - 32), start), suffix: docText.slice(start + quote.length, start + quote.length + 32) },
        { type: 'TextPositionSelector', start, end: start + quote.length, ...(page ? { page } : {}) },
      ],
    },
    perspective,
    visibility: spec.visibility,
    attribution: anonymous ? 'anonymous' : 'named',
    ...(section ? { section } : {}),
    ...(doc === FRANCIS_REPORT ? { documentTitle: 'HC 947 executive summary' } : {}),
  };
}

/**
 * The fixture dataset: 52 group comments (anonymous and named, one named without a recorded
 * name), one hidden and one private. Pass `textOf` to avoid reading the fixture files.
 */
export function createDataset(textOf: (url: string) => string = fixtureText): DatasetEntry[] {
  const memo = new Map<string, string>();
  const cachedText = (url: string) => memo.get(url) ?? (memo.set(url, textOf(url)), memo.get(url)!);
  const entries: DatasetEntry[] = ROWS.map((row, i) => {
    const anonymous = row[5];
    // Every other anonymous comment keeps its creator, as an unredacted copy would.
    const spec: Spec = { n: i + 1, row, visibility: 'group', leakyCreator: anonymous && i % 2 === 0 };
    return { annotation: toAnnotation(spec, cachedText), writer: row[4] };
  });
  const hiddenRow: Row = [CARE_ACT, S1, Q_WELLBEING, null, GARETH, false, 'family', 'comment', [W], HIDDEN_TEXT];
  entries.push({ annotation: toAnnotation({ n: 900, row: hiddenRow, visibility: 'group', leakyCreator: false }, cachedText), writer: GARETH, hidden: { reason: 'Names a member of staff' } });
  const privateRow: Row = [CARE_ACT, S2, Q_PREVENT, null, AISHA, false, 'uses-care', 'comment', [A], PRIVATE_TEXT];
  entries.push({ annotation: toAnnotation({ n: 901, row: privateRow, visibility: 'private', leakyCreator: false }, cachedText), writer: AISHA });
  const namedRow: Row = [FRANCIS_REPORT, R1, Q_COLLATE, 12, DEREK, false, 'carer', 'comment', [C], 'Named, but no name was recorded: this must show as Anonymous.'];
  entries.push({ annotation: toAnnotation({ n: 902, row: namedRow, visibility: 'group', leakyCreator: false, namedWithoutCreator: true }, cachedText), writer: DEREK });
  return entries;
}

/* ------------------------------------------------------------------------------------------ */
/* The conversation (issue 12): replies, answers and "This is my experience too" supports.     */
/* ------------------------------------------------------------------------------------------ */

/** The officer who answers: named, with the job title and organisation the store fills in. */
export const OFFICER = { name: 'Sam Lee', jobTitle: 'Policy officer', organisation: 'Department of Health and Social Care' } as const;
/** A facilitator who answers with a status only. */
export const FACILITATOR_ANSWERER = { name: 'Jo Bright', jobTitle: 'Group facilitator' } as const;
/** Replies only anonymously; some copies still carry the name. Must appear in no output. */
export const ANONYMOUS_REPLIER = 'Bronwen Pryce';
/** People who say "This is my experience too" (two of them named on the support): never shown, in any format. */
export const SUPPORTERS = ['Fatima Noor', 'Hamish Clarke', 'Olu Adebayo', 'Ruth Ashdown', 'Kwame Mensah'] as const;
/** The text of the reply a facilitator hid, and of a reply to the hidden comment: neither may appear. */
export const HIDDEN_REPLY_TEXT = 'HIDDEN-REPLY: this reply named a care worker.';
export const REPLY_TO_HIDDEN_COMMENT_TEXT = 'REPLY-TO-HIDDEN-COMMENT: agreeing with what was hidden.';
/** Replies to a comment its author removed (left out of digests, counted). */
export const REMOVED_COMMENT_REPLY_TEXT = 'REPLY-TO-REMOVED-COMMENT: I agreed with this.';
/** The id of that removed comment (in no dataset). */
export const REMOVED_COMMENT_ID = `urn:uuid:${uuid(999)}`;
/** Answer texts. */
export const WILL_CHANGE_TEXT = 'We will add "what well-being means to you" to the assessment guidance.';
export const CHANGED_TEXT = 'Published in the December guidance, section 4.';
export const NOT_CHANGING_TEXT = 'The Act leaves this to the assessment; we will say so plainly in the guidance.';

/** One reply or support of the dataset, with who wrote it and in which role (for the store). */
export interface ConversationEntry {
  item: LeaReply | LeaSupport;
  writer: string;
  role: 'member' | 'reader' | 'facilitator';
  /** Hidden by a facilitator after it was written. */
  hidden?: { reason: string };
}

const commentId = (n: number) => `urn:uuid:${uuid(n)}`;

function reply(
  n: number,
  parent: string,
  when: string,
  options: { text?: string; writer: string; anonymous?: boolean; answer?: AnswerStatus; creator?: Record<string, string>; byCommentAuthor?: boolean; leaky?: boolean; onDocument?: string },
): LeaReply {
  const built = buildReply({
    id: `urn:uuid:${uuid(n)}`,
    now: new Date(when),
    parentId: parent,
    draft: { text: options.text ?? '', answer: options.answer ?? null, attribution: options.anonymous ? 'anonymous' : 'named' },
    authorName: options.writer,
    ...(options.byCommentAuthor ? { byCommentAuthor: true } : {}),
    ...(options.onDocument ? { onDocument: options.onDocument } : {}),
  });
  if (!built.ok) throw new Error(`Dataset reply ${n}: ${built.problems.join('; ')}`);
  let value: LeaReply = built.value;
  if (options.creator) value = { ...value, creator: { type: 'Person', name: options.writer, ...options.creator } };
  // An unredacted copy: an anonymous reply that still carries its writer's name.
  if (options.leaky) value = { ...value, creator: { type: 'Person', name: options.writer } };
  const checked = checkReply(value);
  if (!checked.ok) throw new Error(`Dataset reply ${n}: ${checked.problems.join('; ')}`);
  return checked.value;
}

function support(n: number, target: string, writer: string, named: boolean): LeaSupport {
  const built = buildSupport({ id: `urn:uuid:${uuid(n)}`, now: new Date(`2026-11-0${1 + (n % 9)}T12:00:00.000Z`), targetId: target, named, authorName: writer });
  if (!built.ok) throw new Error(`Dataset support ${n}: ${built.problems.join('; ')}`);
  return built.value;
}

/**
 * The dataset's conversation: a deep thread on comment 1 (a reply, an officer's "We will
 * change this", a reply to it, the officer's later "This has been changed" three levels down,
 * an anonymous reply four levels down); on Margaret's anonymous comment 2 her own reply as
 * "the author of this comment" (a copy still naming her), a "We are not changing this" with
 * its reason, a hidden reply and a named reply to it; a status-only "We have noted this" on
 * comment 4; an anonymous reply (still naming its writer) on comment 5; two replies to a
 * removed comment; a reply to the hidden comment; and 11 supports (named and anonymous) on
 * comments 1, 2, 4 and 13. Comment 13 has supports and no answer.
 */
export function createConversation(): ConversationEntry[] {
  const [AISHA, TOM, , GARETH] = NAMED_WRITERS;
  const [MARGARET, DEREK, SIAN] = ANONYMOUS_WRITERS;
  const officer = { jobTitle: OFFICER.jobTitle, organisation: OFFICER.organisation };
  const c1 = commentId(1);
  const c2 = commentId(2);
  const r = (n: number) => `urn:uuid:${uuid(n)}`;
  const entries: ConversationEntry[] = [
    { item: reply(2001, c1, '2026-11-02T09:00:00Z', { writer: TOM, text: 'Same for me: **nobody** asked until a review.' }), writer: TOM, role: 'member' },
    { item: reply(2002, c1, '2026-11-03T09:00:00Z', { writer: OFFICER.name, answer: 'will-change', text: WILL_CHANGE_TEXT, creator: officer }), writer: OFFICER.name, role: 'reader' },
    { item: reply(2003, r(2002), '2026-11-04T09:00:00Z', { writer: AISHA, text: 'Thank you. When will that be?' }), writer: AISHA, role: 'member' },
    { item: reply(2004, r(2003), '2026-11-10T09:00:00Z', { writer: OFFICER.name, answer: 'changed', text: CHANGED_TEXT, creator: officer }), writer: OFFICER.name, role: 'reader' },
    { item: reply(2005, r(2004), '2026-11-11T09:00:00Z', { writer: SIAN, anonymous: true, leaky: true, text: 'Good news, and thank you for telling us.' }), writer: SIAN, role: 'member' },
    { item: reply(2006, c2, '2026-11-02T10:00:00Z', { writer: MARGARET, byCommentAuthor: true, leaky: true, text: 'I wrote this: the assessor decided, every time.' }), writer: MARGARET, role: 'member' },
    { item: reply(2007, c2, '2026-11-05T10:00:00Z', { writer: OFFICER.name, answer: 'not-changing', text: NOT_CHANGING_TEXT, creator: officer }), writer: OFFICER.name, role: 'reader' },
    { item: reply(2008, c2, '2026-11-06T10:00:00Z', { writer: DEREK, anonymous: true, text: HIDDEN_REPLY_TEXT }), writer: DEREK, role: 'member', hidden: { reason: 'Names a care worker' } },
    { item: reply(2009, r(2008), '2026-11-07T10:00:00Z', { writer: GARETH, text: 'Please keep names out of it.' }), writer: GARETH, role: 'member' },
    { item: reply(2010, commentId(4), '2026-11-04T11:00:00Z', { writer: FACILITATOR_ANSWERER.name, answer: 'noted', creator: { jobTitle: FACILITATOR_ANSWERER.jobTitle } }), writer: FACILITATOR_ANSWERER.name, role: 'facilitator' },
    { item: reply(2011, commentId(5), '2026-11-04T12:00:00Z', { writer: ANONYMOUS_REPLIER, anonymous: true, leaky: true, text: 'Fifteen minutes is not enough to do anything with dignity.' }), writer: ANONYMOUS_REPLIER, role: 'member' },
    { item: reply(2012, REMOVED_COMMENT_ID, '2026-11-02T13:00:00Z', { writer: TOM, text: REMOVED_COMMENT_REPLY_TEXT, onDocument: CARE_ACT }), writer: TOM, role: 'member' },
    { item: reply(2013, r(2012), '2026-11-03T13:00:00Z', { writer: GARETH, text: `${REMOVED_COMMENT_REPLY_TEXT} (2)`, onDocument: CARE_ACT }), writer: GARETH, role: 'member' },
    { item: reply(2014, commentId(900), '2026-11-03T14:00:00Z', { writer: TOM, text: REPLY_TO_HIDDEN_COMMENT_TEXT }), writer: TOM, role: 'member' },
  ];
  const supports: [number, number, string, boolean][] = [
    [2101, 1, SUPPORTERS[0], true],
    [2102, 1, SUPPORTERS[1], false],
    [2103, 1, SUPPORTERS[2], true],
    [2104, 2, SUPPORTERS[0], true],
    [2105, 2, SUPPORTERS[1], false],
    [2106, 2, SUPPORTERS[2], true],
    [2107, 2, SUPPORTERS[3], false],
    [2108, 2, SUPPORTERS[4], true],
    [2109, 4, SUPPORTERS[3], true],
    [2110, 13, SUPPORTERS[4], false],
    [2111, 13, SUPPORTERS[0], true],
  ];
  for (const [n, target, writer, named] of supports) entries.push({ item: support(n, commentId(target), writer, named), writer, role: 'member' });
  return entries;
}

/** The conversation as buildDigest takes it: live items, and hidden replies by their place only. */
export function conversationInput(entries: readonly ConversationEntry[] = createConversation()): { conversation: (LeaReply | LeaSupport)[]; hiddenReplies: HiddenReply[] } {
  return {
    conversation: entries.filter((e) => !e.hidden).map((e) => e.item),
    hiddenReplies: entries.filter((e) => e.hidden).map((e) => ({ id: e.item.id, target: e.item.target, created: e.item.created })),
  };
}

/** Reply texts for the benchmark's conversations (short and long, some Markdown). */
const BENCH_REPLY_TEXTS = [
  'Same here.',
  'This happened to my mother as well, **twice** in one winter.',
  'We raised this at the last meeting; nothing changed.',
  'Could the guidance say who to call at weekends?\n\n- the duty team\n- the out-of-hours line',
  'Thank you for answering. When will the new guidance be published?',
];
const BENCH_ANSWER_TEXTS = ['We have added this to the draft guidance.', 'The consultation closed, but we have passed this to the team.', 'The Act leaves this to local authorities; the guidance will say so plainly.'];

/**
 * A big conversation over `comments` for benchmarks: `replies` replies spread over the
 * comments (about one in seven an officer's answer, named with a job title; 40% of the others
 * anonymous; threads up to four deep, so deeper replies are flattened), about 1% hidden, and
 * `supports` supports. Seeded: every run builds the same conversation.
 */
export function createLargeConversation(
  comments: readonly DigestEntry[],
  options: { replies: number; supports: number; seed?: number },
): { conversation: (LeaReply | LeaSupport)[]; hiddenReplies: HiddenReply[] } {
  const rand = seededRandom(options.seed ?? 7);
  const shown = comments.filter((e) => !e.hidden && e.annotation.visibility === 'group');
  const conversation: (LeaReply | LeaSupport)[] = [];
  const hiddenReplies: HiddenReply[] = [];
  const byComment = new Map<string, string[]>();
  const id = (n: number) => `urn:uuid:0190c7a0-0000-7000-a000-${String(n).padStart(12, '0')}`;
  const base = Date.UTC(2026, 10, 1);
  for (let n = 0; n < options.replies; n++) {
    const comment = shown[Math.floor(rand() * shown.length)]!.annotation.id;
    const earlier = byComment.get(comment) ?? [];
    // Half answer the comment, half an earlier reply in the same thread.
    const parent = earlier.length && rand() < 0.5 ? earlier[Math.floor(rand() * earlier.length)]! : comment;
    const created = new Date(base + n * 60_000).toISOString();
    const answer = rand() < 0.15 ? ANSWER_STATUSES[Math.floor(rand() * ANSWER_STATUSES.length)]!.value : null;
    const anonymous = !answer && rand() < 0.4;
    const text = answer ? BENCH_ANSWER_TEXTS[n % BENCH_ANSWER_TEXTS.length]! : BENCH_REPLY_TEXTS[n % BENCH_REPLY_TEXTS.length]!;
    const reply: LeaReply = {
      '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
      id: id(n),
      type: 'Annotation',
      motivation: 'replying',
      created,
      modified: created,
      ...(anonymous ? {} : { creator: { type: 'Person' as const, name: answer ? `Officer ${n % 11}` : `Replier ${n % 53}`, ...(answer ? { jobTitle: 'Policy officer', organisation: 'DHSC' } : {}) } }),
      body: answer
        ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: text }, { type: 'TextualBody', purpose: 'assessing', value: answer }]
        : [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: text }],
      target: parent,
      visibility: 'group',
      attribution: anonymous ? 'anonymous' : 'named',
    };
    if (rand() < 0.01) hiddenReplies.push({ id: reply.id, target: reply.target, created });
    else conversation.push(reply);
    byComment.set(comment, [...earlier, reply.id].slice(-4));
  }
  for (let n = 0; n < options.supports; n++) {
    const target = shown[Math.floor(rand() * rand() * shown.length)]!.annotation.id;
    const created = new Date(base + n * 30_000).toISOString();
    conversation.push({
      '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
      id: id(options.replies + n),
      type: 'Annotation',
      motivation: 'assessing',
      created,
      modified: created,
      body: [{ type: 'TextualBody', purpose: 'assessing', value: SUPPORT_VALUE }],
      target,
      visibility: 'group',
      attribution: 'anonymous',
    });
  }
  return { conversation, hiddenReplies };
}
