import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../../utils/digest/render-csv';
import {
  ANONYMOUS_WRITERS,
  CARE_ACT,
  FRANCIS_REPORT,
  HIDDEN_TEXT,
  PRIVATE_TEXT,
  createDataset,
  type DatasetEntry,
} from '../../../../tests/support/digest-dataset';
import { makeComment, uuidOf } from '../../../test/support/annotations';
import { BACKENDS } from '../../../test/support/test-db';
import { openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';

const NOW = new Date('2026-11-23T10:00:00Z');
const FORMATS = ['csv', 'md', 'html', 'docx', 'jsonld'] as const;

/** The CSV's records (header first), by a small RFC 4180 reader. */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe.each(BACKENDS)('group digest on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let dataset: DatasetEntry[];

  /** GET the digest as `token`; the body as text (Word: every part of the package). */
  async function fetchDigest(token: string | undefined, query: string, headers: Record<string, string> = {}) {
    const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/digest?${query}`, {
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    const text = isZip ? Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join('\n') : new TextDecoder().decode(bytes);
    return { res, bytes, text, files: isZip ? unzipSync(bytes) : {} };
  }

  beforeAll(async () => {
    t = await openTestStore(kind, { clock: () => NOW });
    g = await t.createGroup('North Care Action Group');
    dataset = createDataset();
    // Every writer joins under their own name: the store knows who wrote the anonymous comments.
    const tokens = new Map<string, string>();
    for (const writer of new Set(dataset.map((e) => e.writer))) tokens.set(writer, (await t.join(g.invites.member, writer)).token);
    for (const entry of dataset) {
      const a = entry.annotation;
      const r = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(a)}`, { token: tokens.get(entry.writer), body: a, headers: { 'if-none-match': '*' } });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      if (entry.hidden) {
        const hide = await t.call('POST', `/api/groups/${g.group}/annotations/${uuidOf(a)}/hide`, { token: g.facilitator.token, body: { reason: entry.hidden.reason } });
        expect(hide.status).toBe(200);
      }
    }
    // A valid W3C annotation from another tool: kept by the store, not part of a digest.
    const other = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: { type: 'TextualBody', value: 'OTHER-TOOL' }, target: CARE_ACT };
    const posted = await t.call('POST', `/annotations/${g.group}/`, { token: g.member.token, body: other, headers: { 'content-type': 'application/ld+json' } });
    expect(posted.status).toBe(201);
    // A deleted comment is not in the digest either.
    const gone = makeComment({ text: 'DELETED-COMMENT' });
    await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(gone)}`, { token: g.member.token, body: gone, headers: { 'if-none-match': '*' } });
    expect((await t.call('DELETE', `/api/groups/${g.group}/annotations/${uuidOf(gone)}`, { token: g.member.token })).status).toBe(204);
  });
  afterAll(async () => t.close());

  const groupComments = () => dataset.filter((e) => !e.hidden && e.annotation.visibility === 'group').length;

  it.each(['facilitator', 'member', 'reader'] as const)('serves every format to a %s, as a dated attachment', async (role) => {
    for (const format of FORMATS) {
      const { res } = await fetchDigest(g[role].token, `format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        {
          csv: 'text/csv; charset=utf-8',
          md: 'text/markdown; charset=utf-8',
          html: 'text/html; charset=utf-8',
          docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          jsonld: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        }[format],
      );
      const ext = format === 'jsonld' ? 'jsonld' : format;
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="lived-experience-digest-2026-11-23.${ext}"`);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('has one CSV row per shared comment: hidden, private, deleted and other tools\' annotations left out', async () => {
    const { text, bytes } = await fetchDigest(g.reader.token, 'format=csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRecords(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(groupComments());
    for (const needle of [HIDDEN_TEXT, PRIVATE_TEXT, 'DELETED-COMMENT', 'OTHER-TOOL']) expect(text).not.toContain(needle.slice(0, 15));
  });

  it('counts the hidden comment (never shows it) for every role', async () => {
    for (const token of [g.facilitator.token, g.reader.token]) {
      const { text } = await fetchDigest(token, 'format=md');
      expect(text).toContain('1 comment hidden by a facilitator is left out.');
      expect(text).toContain('# Lived experience digest: North Care Action Group');
      expect(text).not.toContain(HIDDEN_TEXT.slice(0, 15));
    }
  });

  it('never names an anonymous writer in any format, though the store knows their names', async () => {
    for (const format of FORMATS) {
      const { text } = await fetchDigest(g.reader.token, `format=${format}`);
      for (const name of ANONYMOUS_WRITERS) expect(text, `${format}: ${name}`).not.toContain(name);
      expect(text).toContain('Aisha Khan');
    }
  });

  it('leaves "only me" comments out even for their author', async () => {
    const aisha = await t.join(g.invites.member, 'Aisha Again');
    const mine = makeComment({ text: 'MY-OWN-PRIVATE', visibility: 'private', creator: 'Aisha Again' });
    await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(mine)}`, { token: aisha.token, body: mine, headers: { 'if-none-match': '*' } });
    const { text } = await fetchDigest(aisha.token, 'format=csv');
    expect(text).not.toContain('MY-OWN-PRIVATE');
  });

  it('filters by document and by theme', async () => {
    const francis = csvRecords((await fetchDigest(g.reader.token, `format=csv&document=${encodeURIComponent(FRANCIS_REPORT)}`)).text).slice(1);
    expect(francis.length).toBe(dataset.filter((e) => !e.hidden && e.annotation.visibility === 'group' && e.annotation.target.source === FRANCIS_REPORT).length);
    expect(new Set(francis.map((r) => r[0]))).toEqual(new Set([FRANCIS_REPORT]));
    const workforce = csvRecords((await fetchDigest(g.reader.token, 'format=csv&theme=Workforce')).text).slice(1);
    expect(workforce.length).toBeGreaterThan(5);
    for (const r of workforce) expect(r[7]!.split('; ')).toContain('Workforce');
  });

  it('finds a PDF comment by the address the PDF was read at, with its page number', async () => {
    const pdfAddress = 'https://assets.publishing.service.gov.uk/francis-report-volume-3.pdf';
    const base = makeComment({ text: 'PDF-PAGE-COMMENT' });
    const onPdf = {
      ...base,
      visibility: 'group' as const,
      documentTitle: 'Francis Report volume 3',
      target: {
        source: 'urn:x-pdf:6b1f0c2e9a7d4e55b2c3d4e5f6a7b8c9',
        scope: pdfAddress,
        selector: [
          { type: 'TextQuoteSelector' as const, exact: 'fundamental standards', prefix: 'set out ', suffix: ' of care' },
          { type: 'TextPositionSelector' as const, start: 512_040, end: 512_061, page: 212 },
        ] as const,
      },
    };
    const put = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(onPdf)}`, { token: g.member.token, body: onPdf, headers: { 'if-none-match': '*' } });
    expect(put.status, JSON.stringify(put.json)).toBe(201);
    for (const document of [pdfAddress, onPdf.target.source]) {
      const { text } = await fetchDigest(g.reader.token, `format=md&document=${encodeURIComponent(document)}`);
      expect(text).toContain('PDF-PAGE-COMMENT');
      expect(text).toContain('Page 212');
      expect(text).toContain(pdfAddress);
      expect(text).not.toContain('Recommendation 1');
    }
  });

  it('serves a Word file with the documents as headings, and JSON-LD with its own address as id', async () => {
    const { files } = await fetchDigest(g.reader.token, 'format=docx');
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('Recommendation 1: Accountability for implementation of responses');
    expect(xml).toContain('is to promote that individual’s well-being');
    const { text } = await fetchDigest(g.reader.token, 'format=jsonld&theme=Workforce');
    const collection = JSON.parse(text);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toBe(`http://store.test/api/groups/${g.group}/digest?format=jsonld&theme=Workforce`);
    expect(collection.first.items.every((a: { creator?: unknown; attribution: string }) => a.attribution === 'named' || !a.creator)).toBe(true);
  });

  it('answers an unknown or missing format with a plain-English 400', async () => {
    const bad = await t.call('GET', `/api/groups/${g.group}/digest?format=xlsx`, { token: g.reader.token });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid-body', message: '"xlsx" is not a digest format: choose one of docx, csv, md, html, jsonld.' });
    const missing = await t.call('GET', `/api/groups/${g.group}/digest`, { token: g.reader.token });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toContain('Say which format you want');
    const long = await t.call('GET', `/api/groups/${g.group}/digest?format=csv&theme=${'x'.repeat(300)}`, { token: g.reader.token });
    expect(long.status).toBe(400);
  });

  it('writes the digest in Welsh for lang=cy, and for a browser asking for Welsh; lang wins over Accept-Language', async () => {
    const welsh = await fetchDigest(g.reader.token, 'format=md&lang=cy');
    expect(welsh.res.status).toBe(200);
    expect(welsh.res.headers.get('content-language')).toBe('cy');
    expect(welsh.text).toContain('# Crynodeb profiad bywyd: North Care Action Group');
    expect(welsh.text).toContain('## Crynodeb');
    expect(welsh.text).toContain('Crëwyd ar 23 Tachwedd 2026.');
    expect(welsh.text).not.toContain('## Summary');
    const asked = await fetchDigest(g.reader.token, 'format=html', { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.5' });
    expect(asked.text).toContain('<html lang="cy">');
    expect(asked.text).toContain('<h2 id="summary">Crynodeb</h2>');
    expect(asked.res.headers.get('vary')).toContain('Accept-Language');
    const english = await fetchDigest(g.reader.token, 'format=html&lang=en-GB', { 'accept-language': 'cy' });
    expect(english.text).toContain('<html lang="en-GB">');
    expect(english.text).toContain('<h2 id="summary">Summary</h2>');
    const csv = await fetchDigest(g.reader.token, 'format=csv&lang=cy');
    expect(csvRecords(csv.text)[0]!.slice(0, 3)).toEqual(['Dogfen', 'Teitl y ddogfen', 'Adran']);
    const word = await fetchDigest(g.reader.token, 'format=docx&lang=cy');
    expect(strFromU8(word.files['word/styles.xml']!)).toContain('<w:lang w:val="cy-GB"/>');
    // No Accept-Language at all: English, as before.
    expect((await fetchDigest(g.reader.token, 'format=md')).text).toContain('## Summary');
  });

  it('answers a language it does not write with a plain 400 (in Welsh to a Welsh browser)', async () => {
    const bad = await t.call('GET', `/api/groups/${g.group}/digest?format=md&lang=fr`, { token: g.reader.token });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid-body', message: '"fr" is not a language of the digest: use "lang=en-GB" for English or "lang=cy" for Welsh, or leave it out.' });
    const cy = await fetchDigest(g.reader.token, 'format=md&lang=klingon', { 'accept-language': 'cy' });
    expect(cy.res.status).toBe(400);
    expect(JSON.parse(cy.text).error.message).toContain('Nid yw "klingon" yn iaith i’r crynodeb');
  });

  it('pages through more comments than one query reads (1,000), each once', async () => {
    const big = await t.createGroup('Big group');
    const template = makeComment({ text: 'bulk comment' });
    await t.testDb.db.query(
      `insert into annotations (group_id, id, author_id, revision, annotation, visibility, ever_shared, xid, seq, created_at, updated_at)
       select $1, u, $2, 1, jsonb_set($3::jsonb, '{id}', to_jsonb('urn:uuid:' || u)), 'group', true, pg_current_xact_id(), nextval('change_seq'), now(), now()
       from (select '00000000-0000-7000-8000-' || lpad(n::text, 12, '0') as u from generate_series(1, 2345) as n) s`,
      [big.group, big.member.memberId, JSON.stringify(template)],
    );
    const res = await t.store.app.request(`http://store.test/api/groups/${big.group}/digest?format=jsonld`, { headers: { authorization: `Bearer ${big.reader.token}` } });
    const body = (await res.json()) as { first: { items: { id: string }[] } };
    const ids = body.first.items.map((a) => a.id);
    expect(ids).toHaveLength(2345);
    expect(new Set(ids).size).toBe(2345);
  });

  it('refuses people outside the group', async () => {
    expect((await t.call('GET', `/api/groups/${g.group}/digest?format=csv`)).status).toBe(401);
    const other = await t.createGroup('Another group');
    const r = await t.call('GET', `/api/groups/${g.group}/digest?format=csv`, { token: other.reader.token });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('forbidden');
  });
});
