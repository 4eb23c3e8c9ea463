/**
 * Real-shaped files from other tools, built in code (no personal data): Hypothesis API rows
 * as its client exports them and its search API lists them, and W3C annotations as another
 * client POSTs them.
 */
export type HypothesisRow = Record<string, unknown>;

const CARE_ACT = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';

/** One Hypothesis annotation as the API gives it (fields as in h's JSON; values invented). */
export function hypothesisRow(overrides: HypothesisRow = {}): HypothesisRow {
  return {
    id: 'Xq3bJmYbEe6LZ2sH3xZ1Aw',
    created: '2024-03-05T10:15:42.123456+00:00',
    updated: '2024-03-06T08:01:02.654321+00:00',
    user: 'acct:ncag_member_1@hypothes.is',
    uri: CARE_ACT,
    text: 'Being listened to is part of **wellbeing** for me.',
    tags: ['wellbeing and independence', 'Care Act'],
    group: 'kEaohJC9',
    permissions: {
      read: ['group:kEaohJC9'],
      admin: ['acct:ncag_member_1@hypothes.is'],
      update: ['acct:ncag_member_1@hypothes.is'],
      delete: ['acct:ncag_member_1@hypothes.is'],
    },
    target: [
      {
        source: CARE_ACT,
        selector: [
          { type: 'RangeSelector', endOffset: 61, startOffset: 4, endContainer: '/div[1]/div[3]/p[1]', startContainer: '/div[1]/div[3]/p[1]' },
          { type: 'TextPositionSelector', start: 1520, end: 1577 },
          { type: 'TextQuoteSelector', exact: 'promote that individual’s well-being', prefix: 'eneral duty of a local authority ', suffix: '.\n(2)“Well-being”, in relation to' },
        ],
      },
    ],
    document: { title: ['Care Act 2014, Section 1'] },
    links: { html: 'https://hypothes.is/a/Xq3bJmYbEe6LZ2sH3xZ1Aw', incontext: 'https://hyp.is/Xq3bJmYbEe6LZ2sH3xZ1Aw/www.legislation.gov.uk/ukpga/2014/23/section/1/enacted' },
    user_info: { display_name: 'Sam Example' },
    flagged: false,
    hidden: false,
    references: [],
    ...overrides,
  };
}

/** The Hypothesis client's "Export annotations" file around some rows. */
export function hypothesisClientExport(rows: HypothesisRow[]): Record<string, unknown> {
  return { export_date: '2024-04-01T09:00:00.000Z', export_userid: 'acct:ncag_member_1@hypothes.is', client_version: '1.1444.0', annotations: rows };
}

/** The search API's answer (`GET /api/search?group=…`). */
export function hypothesisSearchAnswer(rows: HypothesisRow[]): Record<string, unknown> {
  return { total: rows.length, rows };
}

/** A plain W3C annotation from another client (no lea terms). */
export function w3cAnnotation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example.org/anno/7f1c2b',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2024-02-01T12:00:00Z',
    creator: { type: 'Person', name: 'Alex Sample' },
    body: [
      { type: 'TextualBody', value: 'This duty should mention carers too.', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'WORKFORCE' },
    ],
    target: {
      source: CARE_ACT,
      selector: [
        { type: 'TextQuoteSelector', exact: 'general duty of a local authority', prefix: '(1)The ', suffix: ', in exercising a function' },
        { type: 'TextPositionSelector', start: 1480, end: 1513 },
      ],
    },
    ...overrides,
  };
}
