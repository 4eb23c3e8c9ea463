/** Table of real URL shapes (many from ../shared/fixtures) and their normalised forms. */
export interface NormaliseCase {
  name: string;
  input: string;
  expected: string | null;
}

const LEG = 'https://www.legislation.gov.uk';

/** Each input with its expected normal form (null: not an http(s) address). */
export const normaliseCases: NormaliseCase[] = [
  // legislation.gov.uk
  { name: 'enacted section, canonical form', input: `${LEG}/ukpga/2014/6/section/28/enacted`, expected: `${LEG}/ukpga/2014/6/section/28/enacted` },
  { name: 'bare host to www', input: 'https://legislation.gov.uk/ukpga/2014/23/section/10/2018-04-11', expected: `${LEG}/ukpga/2014/23/section/10/2018-04-11` },
  { name: 'http to https for legislation', input: 'http://www.legislation.gov.uk/ukpga/2014/6/notes/division/4/3/7', expected: `${LEG}/ukpga/2014/6/notes/division/4/3/7` },
  { name: 'trailing-dot host', input: 'http://www.legislation.gov.uk./ukpga/2014/23/section/6/enacted', expected: `${LEG}/ukpga/2014/23/section/6/enacted` },
  { name: 'legislation.data.gov.uk alias host, view=plain', input: 'http://legislation.data.gov.uk/ukpga/2014/6/notes/division/4/3/4?view=plain', expected: `${LEG}/ukpga/2014/6/notes/division/4/3/4` },
  { name: 'view=plain dropped', input: `${LEG}/ukpga/2014/23/notes/division/5/1/3?view=plain`, expected: `${LEG}/ukpga/2014/23/notes/division/5/1/3` },
  { name: 'view=interweave dropped', input: 'https://legislation.gov.uk/ukpga/2014/23/section/1/2/enacted?view=interweave', expected: `${LEG}/ukpga/2014/23/section/1/2/enacted` },
  { name: 'view=plain+extent dropped', input: 'https://legislation.gov.uk/ukpga/2014/23/section/2/enacted?view=plain+extent', expected: `${LEG}/ukpga/2014/23/section/2/enacted` },
  { name: 'view=print and timeline dropped', input: `${LEG}/ukpga/2014/23/contents?timeline=true&view=print`, expected: `${LEG}/ukpga/2014/23/contents` },
  { name: 'other legislation params kept', input: `${LEG}/ukpga/2014/23/contents?view=plain&text=well-being`, expected: `${LEG}/ukpga/2014/23/contents?text=well-being` },
  { name: 'point-in-time date kept', input: `${LEG}/ukpga/2014/23/section/1/2014-10-01`, expected: `${LEG}/ukpga/2014/23/section/1/2014-10-01` },
  { name: 'data.htm is the same text', input: 'https://legislation.gov.uk/ukpga/2014/23/part/1/crossheading/general-responsibilities-of-local-authorities/2014-10-01/data.htm', expected: `${LEG}/ukpga/2014/23/part/1/crossheading/general-responsibilities-of-local-authorities/2014-10-01` },
  { name: 'data.akn is another format, kept', input: 'http://legislation.gov.uk/ukpga/2014/23/section/8/2018-04-11/data.akn', expected: `${LEG}/ukpga/2014/23/section/8/2018-04-11/data.akn` },
  { name: 'Welsh-language version kept distinct', input: 'https://legislation.gov.uk/cy/ukpga/2014/23/section/10/2023-02-01', expected: `${LEG}/cy/ukpga/2014/23/section/10/2023-02-01` },
  { name: 'fragment dropped', input: `${LEG}/ukpga/2014/23/section/1/enacted#section-1-2`, expected: `${LEG}/ukpga/2014/23/section/1/enacted` },
  { name: 'legislation trailing slash', input: `${LEG}/ukpga/2014/23/contents/`, expected: `${LEG}/ukpga/2014/23/contents` },

  // gov.uk and other hosts
  { name: 'utm params on gov.uk', input: 'https://www.gov.uk/government/publications/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry?utm_source=newsletter&utm_medium=email&utm_campaign=francis', expected: 'https://www.gov.uk/government/publications/report-of-the-mid-staffordshire-nhs-foundation-trust-public-inquiry' },
  { name: 'upper-case UTM and click ids', input: 'https://www.gov.uk/guidance/care-act-statutory-guidance?UTM_Source=x&fbclid=abc&gclid=1&msclkid=2&_ga=2.1&_gl=1*x', expected: 'https://www.gov.uk/guidance/care-act-statutory-guidance' },
  { name: 'meaningful params sorted, trackers dropped', input: 'https://www.gov.uk/search/all?order=relevance&keywords=care+act&utm_content=x&content_purpose_supergroup[]=guidance_and_regulation', expected: 'https://www.gov.uk/search/all?content_purpose_supergroup[]=guidance_and_regulation&keywords=care+act&order=relevance' },
  { name: 'repeated params keep their order', input: 'https://example.org/p?b=2&a=z&b=1', expected: 'https://example.org/p?a=z&b=2&b=1' },
  { name: 'original encoding of values kept', input: 'https://example.org/p?q=a%2Cb&r=a,b', expected: 'https://example.org/p?q=a%2Cb&r=a,b' },
  { name: 'percent escapes upper-cased, unreserved decoded', input: 'https://example.org/%7euser/a%2fb?x=%7e%2f', expected: 'https://example.org/~user/a%2Fb?x=~%2F' },
  { name: 'empty query and stray ampersands', input: 'https://www.gov.uk/care-act?&&', expected: 'https://www.gov.uk/care-act' },
  { name: 'default port :443 dropped', input: 'https://www.gov.uk:443/government/publications/care-act-2014-part-1-factsheets', expected: 'https://www.gov.uk/government/publications/care-act-2014-part-1-factsheets' },
  { name: 'default port :80 dropped', input: 'http://example.org:80/a', expected: 'http://example.org/a' },
  { name: 'non-default port kept', input: 'https://example.org:8443/a', expected: 'https://example.org:8443/a' },
  { name: 'scheme and host lowercased, path case kept', input: 'HTTPS://WWW.GOV.UK/Government/Publications', expected: 'https://www.gov.uk/Government/Publications' },
  { name: 'http kept distinct outside legislation', input: 'http://example.org/a', expected: 'http://example.org/a' },
  { name: 'www kept (not stripped)', input: 'https://www.example.org/a/', expected: 'https://www.example.org/a' },
  { name: 'root slash kept', input: 'https://www.gov.uk/', expected: 'https://www.gov.uk/' },
  { name: 'root without slash', input: 'https://www.gov.uk', expected: 'https://www.gov.uk/' },
  { name: 'credentials dropped', input: 'https://user:secret@example.org/a', expected: 'https://example.org/a' },
  { name: 'text fragment dropped', input: 'https://www.gov.uk/guidance/x#:~:text=well-being', expected: 'https://www.gov.uk/guidance/x' },
  { name: 'whitespace around the address', input: '  https://www.gov.uk/x \n', expected: 'https://www.gov.uk/x' },
  { name: 'parliament bill clause', input: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html#l1g1', expected: 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html' },
  { name: 'bills.parliament.uk with tracking', input: 'https://bills.parliament.uk/bills/1187/publications?utm_source=twitter&igshid=x', expected: 'https://bills.parliament.uk/bills/1187/publications' },
  { name: 'assets PDF', input: 'https://assets.publishing.service.gov.uk/media/5a7ba0faed915d4147620ba8/0947.pdf?_ga=2.1.2.3', expected: 'https://assets.publishing.service.gov.uk/media/5a7ba0faed915d4147620ba8/0947.pdf' },
  { name: 'view param kept outside legislation', input: 'https://example.org/doc?view=plain', expected: 'https://example.org/doc?view=plain' },

  // not http(s) or unparsable
  { name: 'file URL', input: 'file:///home/me/care-act.html', expected: null },
  { name: 'chrome page', input: 'chrome://settings/', expected: null },
  { name: 'data URL', input: 'data:text/html,<p>hi</p>', expected: null },
  { name: 'relative path', input: '/ukpga/2014/23', expected: null },
  { name: 'empty', input: '', expected: null },
  { name: 'garbage', input: 'http://', expected: null },
];

/** Addresses that must stay different documents. */
export const distinctPairs: Array<[string, string]> = [
  [`${LEG}/ukpga/2014/23/section/1/enacted`, `${LEG}/ukpga/2014/23/section/1/2014-10-01`],
  [`${LEG}/ukpga/2014/23/section/1`, `${LEG}/ukpga/2014/23/section/1/enacted`],
  [`${LEG}/ukpga/2014/23/section/10/2018-04-11`, `${LEG}/cy/ukpga/2014/23/section/10/2018-04-11`],
  [`${LEG}/ukpga/2014/23/section/8/2018-04-11`, `${LEG}/ukpga/2014/23/section/8/2018-04-11/data.akn`],
  ['https://www.example.org/a', 'https://example.org/a'],
  ['https://example.org/doc?view=plain', 'https://example.org/doc'],
  ['https://example.org/a?id=1', 'https://example.org/a?id=2'],
];
