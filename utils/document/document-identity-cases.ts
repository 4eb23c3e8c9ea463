import type { DocumentFacts, DocumentIdentity } from './document-identity';

const LEG = 'https://www.legislation.gov.uk';

/** Page facts and the identity they should give (null: the page cannot be annotated). */
export const identityCases: Array<{ name: string; facts: DocumentFacts; expected: DocumentIdentity | null }> = [
  {
    name: 'legislation view=plain with canonical',
    facts: { url: `http://legislation.gov.uk/ukpga/2014/23/part/1/enacted?view=plain`, canonicalHref: `${LEG}/ukpga/2014/23/part/1/enacted`, title: 'Care Act 2014' },
    expected: { uri: `${LEG}/ukpga/2014/23/part/1/enacted`, aliases: [`${LEG}/ukpga/2014/23/part/1/enacted`], title: 'Care Act 2014' },
  },
  {
    name: 'canonical differs from address: both kept, canonical first',
    facts: {
      url: 'https://docslib.org/doc/11293010/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry-executive-summary?utm_source=x',
      canonicalHref: 'https://www.gov.uk/government/publications/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry',
      title: '  Francis report:\n executive summary ',
    },
    expected: {
      uri: 'https://www.gov.uk/government/publications/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry',
      aliases: [
        'https://www.gov.uk/government/publications/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry',
        'https://docslib.org/doc/11293010/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry-executive-summary',
      ],
      title: 'Francis report: executive summary',
    },
  },
  {
    name: 'relative canonical resolved against the address',
    facts: { url: `${LEG}/ukpga/2014/23/section/1/2014-10-01?view=plain#p1`, canonicalHref: '/ukpga/2014/23/section/1/2014-10-01', title: 'Care Act 2014, s. 1' },
    expected: { uri: `${LEG}/ukpga/2014/23/section/1/2014-10-01`, aliases: [`${LEG}/ukpga/2014/23/section/1/2014-10-01`], title: 'Care Act 2014, s. 1' },
  },
  {
    name: 'no canonical, no title: readable address as title',
    facts: { url: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html#l1g1' },
    expected: {
      uri: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html',
      aliases: ['https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html'],
      title: 'publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html',
    },
  },
  {
    name: 'canonical to the home page ignored',
    facts: { url: 'https://www.example-council.gov.uk/adult-social-care/charging-policy', canonicalHref: 'https://www.example-council.gov.uk/', title: 'Charging policy' },
    expected: {
      uri: 'https://www.example-council.gov.uk/adult-social-care/charging-policy',
      aliases: ['https://www.example-council.gov.uk/adult-social-care/charging-policy'],
      title: 'Charging policy',
    },
  },
  {
    name: 'non-web canonical ignored',
    facts: { url: 'https://www.gov.uk/guidance/x', canonicalHref: 'android-app://uk.gov.app/x', title: 'X' },
    expected: { uri: 'https://www.gov.uk/guidance/x', aliases: ['https://www.gov.uk/guidance/x'], title: 'X' },
  },
  {
    name: 'blank canonical ignored',
    facts: { url: 'https://www.gov.uk/guidance/x', canonicalHref: '   ', title: 'X' },
    expected: { uri: 'https://www.gov.uk/guidance/x', aliases: ['https://www.gov.uk/guidance/x'], title: 'X' },
  },
  {
    name: 'PDF without a title',
    facts: { url: 'https://assets.publishing.service.gov.uk/media/5a7ba0faed915d4147620ba8/0947.pdf' },
    expected: {
      uri: 'https://assets.publishing.service.gov.uk/media/5a7ba0faed915d4147620ba8/0947.pdf',
      aliases: ['https://assets.publishing.service.gov.uk/media/5a7ba0faed915d4147620ba8/0947.pdf'],
      title: 'assets.publishing.service.gov.uk/media/5a7ba0faed915d4147620ba8/0947.pdf',
    },
  },
  { name: 'web store', facts: { url: 'https://chromewebstore.google.com/detail/x', canonicalHref: 'https://chromewebstore.google.com/detail/x' }, expected: null },
  { name: 'saved file with a web canonical', facts: { url: 'file:///home/me/care.html', canonicalHref: `${LEG}/ukpga/2014/23` }, expected: null },
  { name: 'browser page', facts: { url: 'about:blank' }, expected: null },
];

/** Fixture pages (../shared/fixtures), the address they were opened at, and the expected uri. */
export const fixtureCases: Array<{ file: string; url: string; uri: string; title: string }> = [
  {
    file: 'care-act-2014-part-1.html',
    url: 'http://legislation.gov.uk/ukpga/2014/23/part/1/enacted?view=plain',
    uri: `${LEG}/ukpga/2014/23/part/1/enacted`,
    title: 'Care Act 2014, Part 1 (excerpts)',
  },
  {
    file: 'care-act-2014-section-1-2014-10-01.html',
    url: 'https://legislation.gov.uk/ukpga/2014/23/part/1/crossheading/general-responsibilities-of-local-authorities/2014-10-01/data.htm',
    uri: `${LEG}/ukpga/2014/23/part/1/crossheading/general-responsibilities-of-local-authorities/2014-10-01`,
    title: 'Care Act 2014, General responsibilities of local authorities (point in time 01/10/2014)',
  },
  {
    file: 'care-bill-2013-14-clause-1.html',
    url: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html',
    uri: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html',
    title: 'Care Bill [HL] 2013-14, HL Bill 53 (long title and clause 1, excerpt)',
  },
  {
    file: 'care-act-2014-explanatory-notes.html',
    url: 'https://www.legislation.gov.uk/ukpga/2014/23/notes/contents',
    uri: `${LEG}/ukpga/2014/23/notes/contents`,
    title: 'Care Act 2014, Explanatory Notes (excerpts)',
  },
  {
    file: 'children-and-families-act-2014-part-3.html',
    url: 'http://127.0.0.1:8080/children-and-families-act-2014-part-3.html',
    uri: `${LEG}/ukpga/2014/6/part/3/enacted`,
    title: 'Children and Families Act 2014, Part 3 (excerpts)',
  },
  {
    file: 'francis-report-2013-executive-summary.html',
    url: 'https://docslib.org/doc/11293010/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry-executive-summary',
    uri: 'https://www.gov.uk/government/publications/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry',
    title: 'Report of the Mid Staffordshire NHS Foundation Trust Public Inquiry: Executive summary (excerpts)',
  },
];
