import { FIXTURES_DIR } from '../../tests/fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentIdentity, readDocumentIdentity } from './document-identity';
import { fixtureCases, identityCases } from './document-identity-cases';

const FIXTURES = FIXTURES_DIR;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('documentIdentity', () => {
  it.each(identityCases)('$name', ({ facts, expected }) => {
    expect(documentIdentity(facts)).toEqual(expected);
  });
});

describe('readDocumentIdentity', () => {
  it.each(fixtureCases)('$file', ({ file, url, uri, title }) => {
    const doc = parse(readFileSync(join(FIXTURES, file), 'utf8'));
    const identity = readDocumentIdentity(doc, url);
    expect(identity?.uri).toBe(uri);
    expect(identity?.title).toBe(title);
    expect(identity?.aliases[0]).toBe(uri);
  });

  it('resolves a relative canonical against <base href> and matches rel case-insensitively', () => {
    const doc = parse(
      '<head><base href="https://www.legislation.gov.uk/ukpga/2014/23/"><title>Care Act</title>' +
        '<link rel="alternate" hreflang="cy" href="/cy/ukpga/2014/23"><link rel="Alternate Canonical" href="section/1/enacted"></head>',
    );
    expect(readDocumentIdentity(doc, 'https://legislation.gov.uk/ukpga/2014/23/section/1/enacted?view=plain')).toEqual({
      uri: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted',
      aliases: ['https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted'],
      title: 'Care Act',
    });
  });

  it('falls back to og:title, then the address, when <title> is empty', () => {
    const withOg = parse('<head><title> </title><meta property="og:title" content="Care and support statutory guidance"></head>');
    expect(readDocumentIdentity(withOg, 'https://www.gov.uk/guidance/care-and-support-statutory-guidance')?.title).toBe(
      'Care and support statutory guidance',
    );
    const bare = parse('<p>text</p>');
    expect(readDocumentIdentity(bare, 'https://www.gov.uk/guidance/x')?.title).toBe('www.gov.uk/guidance/x');
  });

  it('returns null for a page that cannot be annotated', () => {
    expect(readDocumentIdentity(parse('<title>Extensions</title>'), 'chrome://extensions/')).toBeNull();
  });
});
