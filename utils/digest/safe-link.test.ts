import { describe, expect, it } from 'vitest';
import { isWebAddress, webHref } from './safe-link';

// prettier-ignore
const CASES: [address: string, href: string | null][] = [
  ['https://www.gov.uk/care-act', 'https://www.gov.uk/care-act'],
  ['https://www.gov.uk', 'https://www.gov.uk'],
  ['HTTP://E.COM/Path', 'HTTP://E.COM/Path'],
  ['  https://e.com/x  ', 'https://e.com/x'],
  ['https://example.org/local-offer?a=1&b=2#top', 'https://example.org/local-offer?a=1&b=2#top'],
  // Written as parsed, with what could end a destination or an attribute percent-encoded.
  ['https://e.com/<img src=x onerror=alert(1)//>', 'https://e.com/%3Cimg%20src=x%20onerror=alert(1)//%3E'],
  ['https://e.com/"onmouseover="alert(1)', 'https://e.com/%22onmouseover=%22alert(1)'],
  ["https://e.com/a'b", 'https://e.com/a%27b'],
  ['https://e.com/?q=\\x', 'https://e.com/?q=%5Cx'],
  ['https://e.com\\@evil.example/', 'https://e.com/@evil.example/'],
  ['https://e.com/?a=1&lt;b', 'https://e.com/?a=1&lt%3Bb'],
  ['https://e.com/\u202ereversed', 'https://e.com/%E2%80%AEreversed'],
  ['https://e.com/#a b`c', 'https://e.com/#a%20b%60c'],
  // Not web addresses: never links.
  ['javascript:alert(1)', null],
  ['JaVaScRiPt:alert(1)', null],
  [' javascript:alert(1)', null],
  ['vbscript:msgbox(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['file:///etc/passwd', null],
  ['mailto:a@e.com', null],
  ['ftp://e.com/', null],
  ['//e.com/x', null],
  ['www.e.com', null],
  ['jav&#x61;script:alert(1)', null],
  ['https://', null],
  ['https://e\u202e.com/', null],
  ['urn:x-pdf:0123abcd', null],
];

describe('webHref', () => {
  it.each(CASES)('%j → %j', (address, href) => {
    expect(webHref(address)).toBe(href);
    expect(isWebAddress(address)).toBe(href !== null);
  });

  it('never returns anything a Markdown destination, an autolink or an HTML attribute could be broken out of', () => {
    for (const [address] of CASES) {
      const href = webHref(address);
      if (href === null) continue;
      expect(href).toMatch(/^https?:\/\//i);
      expect(href).not.toMatch(/[\s<>"'`\\]|&#?[A-Za-z0-9]+;/);
    }
  });
});
