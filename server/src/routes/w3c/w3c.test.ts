import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeComment } from '../../../test/support/annotations';
import { BACKENDS } from '../../../test/support/test-db';
import { openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';
import { ANNO_MEDIA_TYPE } from './w3c-format';

const EXAMPLES_DIR = join(import.meta.dirname, '../../../test/fixtures/w3c-model-examples');
const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
  .map((f) => ({ name: f, annotation: JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')) as Record<string, unknown> }));

/** An annotation without its identity (`id`, or `@id` in the context-free example). */
function withoutId(a: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, '@id': _atId, ...rest } = a;
  return rest;
}

const LD = { 'content-type': ANNO_MEDIA_TYPE };

describe.each(BACKENDS)('W3C Web Annotation Protocol on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  const container = () => `/annotations/${g.group}/`;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
  });

  it('has all 32 model examples to test with', () => {
    expect(EXAMPLES).toHaveLength(32);
  });

  it('gives back each of the 32 model examples unchanged apart from id', async () => {
    for (const { name, annotation } of EXAMPLES) {
      const posted = await t.call('POST', container(), { token: g.member.token, body: annotation, headers: LD });
      expect(posted.status, `${name}: ${JSON.stringify(posted.json)}`).toBe(201);
      const location = posted.headers.get('location')!;
      expect(location).toMatch(new RegExp(`^http://store\\.test/annotations/${g.group}/[0-9a-f-]{36}$`));
      expect(withoutId(posted.json), name).toEqual(withoutId(annotation));
      const got = await t.call('GET', new URL(location).pathname, { token: g.reader.token });
      expect(got.status).toBe(200);
      expect(withoutId(got.json), name).toEqual(withoutId(annotation));
      expect(got.json.id ?? got.json['@id']).toBe(location);
    }
    const all = await t.call('GET', `${container()}?page=0`, { token: g.reader.token });
    expect(all.json.items).toHaveLength(32);
  });

  it('answers POST with 201, Location, ETag and the annotation media type', async () => {
    const r = await t.call('POST', container(), { token: g.member.token, body: EXAMPLES[0]!.annotation, headers: LD });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toBe(ANNO_MEDIA_TYPE);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.headers.get('link')).toContain('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
  });

  it('serves the container with the headers the protocol requires', async () => {
    const r = await t.call('GET', container(), { token: g.reader.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(ANNO_MEDIA_TYPE);
    expect(r.headers.get('link')).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(r.headers.get('link')).toContain('<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"');
    expect(r.headers.get('allow')).toContain('POST');
    expect(r.headers.get('accept-post')).toBe(ANNO_MEDIA_TYPE);
    expect(r.headers.get('etag')).toBeTruthy();
    expect(r.headers.get('vary')).toContain('Prefer');
    expect(r.json).toMatchObject({ type: ['BasicContainer', 'AnnotationCollection'], total: 0 });
    const notModified = await t.call('GET', container(), { token: g.reader.token, headers: { 'if-none-match': r.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
  });

  it('pages the container and honours Prefer (descriptions, IRIs, minimal)', async () => {
    for (let i = 0; i < 150; i++) {
      await t.call('POST', container(), { token: g.member.token, body: { ...EXAMPLES[0]!.annotation, target: `http://example.com/page${i}` }, headers: LD });
    }
    const full = await t.call('GET', container(), { token: g.reader.token });
    expect(full.json.total).toBe(150);
    expect(full.json.first.items).toHaveLength(100);
    expect(full.json.first.items[0].target).toBe('http://example.com/page0');
    expect(full.json.first.next).toBe(full.json.last);
    const last = await t.call('GET', new URL(full.json.last).pathname + new URL(full.json.last).search, { token: g.reader.token });
    expect(last.json).toMatchObject({ type: 'AnnotationPage', startIndex: 100, partOf: { total: 150 } });
    expect(last.json.items).toHaveLength(50);
    expect(last.json.prev).toBeDefined();
    expect(last.json.next).toBeUndefined();

    const iris = await t.call('GET', container(), {
      token: g.reader.token,
      headers: { prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' },
    });
    expect(iris.json.first.items[0]).toMatch(/^http:\/\/store\.test\/annotations\//);
    expect(iris.headers.get('preference-applied')).toBe('return=representation');
    const minimal = await t.call('GET', container(), {
      token: g.reader.token,
      headers: { prefer: 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"' },
    });
    expect(typeof minimal.json.first).toBe('string');
    expect(minimal.json.total).toBe(150);
    expect((await t.call('GET', `${container()}?page=7`, { token: g.reader.token })).status).toBe(404);
  });

  it('updates with If-Match and deletes an annotation', async () => {
    const posted = await t.call('POST', container(), { token: g.member.token, body: EXAMPLES[0]!.annotation, headers: LD });
    const item = new URL(posted.headers.get('location')!).pathname;
    const noMatch = await t.call('PUT', item, { token: g.member.token, body: posted.json, headers: LD });
    expect(noMatch.status).toBe(428);
    const changed = { ...posted.json, target: 'http://example.com/other' };
    const put = await t.call('PUT', item, { token: g.member.token, body: changed, headers: { ...LD, 'if-match': '"1"' } });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe('"2"');
    expect(put.json.target).toBe('http://example.com/other');
    const stale = await t.call('PUT', item, { token: g.member.token, body: { ...changed, target: 'http://x.org/' }, headers: { ...LD, 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await t.call('DELETE', item, { token: g.member.token })).status).toBe(204);
    expect((await t.call('GET', item, { token: g.member.token })).status).toBe(404);
    expect((await t.call('DELETE', item, { token: g.member.token })).status).toBe(404);
  });

  it('shows the same data as the sync API, extension comments included', async () => {
    const a = makeComment();
    await t.call('PUT', `/api/groups/${g.group}/annotations/${a.id.slice(9)}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } });
    const r = await t.call('GET', `${container()}${a.id.slice(9)}`, { token: g.reader.token });
    expect(r.status).toBe(200);
    expect(withoutId(r.json)).toEqual(withoutId(a));
    const hidden = makeComment({ visibility: 'private' });
    await t.call('PUT', `/api/groups/${g.group}/annotations/${hidden.id.slice(9)}`, { token: g.member.token, body: hidden, headers: { 'if-none-match': '*' } });
    const list = await t.call('GET', container(), { token: g.reader.token });
    expect(list.json.total).toBe(1);
  });

  it("shows themes as tags with the group's names (a rename is a new container ETag) and files W3C tags under the theme they name", async () => {
    const tagged = (a: ReturnType<typeof makeComment>, tags: string[]) => ({
      ...a,
      body: [...a.body.filter((b) => b.purpose !== 'tagging'), ...tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }))],
    });
    const tagsOf = (annotation: { body: { purpose?: string; value?: string }[] }) => annotation.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
    const a = tagged(makeComment(), ['workforce', 'information-and-advice', 'Night shifts']);
    const uuid = a.id.slice(9);
    expect((await t.call('PUT', `/api/groups/${g.group}/annotations/${uuid}`, { token: g.member.token, body: a, headers: { 'if-none-match': '*' } })).status).toBe(201);

    const item = await t.call('GET', `${container()}${uuid}`, { token: g.reader.token });
    expect(tagsOf(item.json)).toEqual(['Workforce', 'Information and advice', 'Night shifts']);
    const before = await t.call('GET', container(), { token: g.reader.token });
    expect(tagsOf(before.json.first.items[0])).toEqual(['Workforce', 'Information and advice', 'Night shifts']);

    const renamed = await t.call('PATCH', `/api/groups/${g.group}/themes/workforce`, { token: g.facilitator.token, body: { label: 'Care workers' } });
    expect(renamed.status).toBe(200);
    const after = await t.call('GET', container(), { token: g.reader.token, headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(tagsOf(after.json.first.items[0])).toEqual(['Care workers', 'Information and advice', 'Night shifts']);

    // Another W3C client tags by name, in its own case and spacing: stored by the theme's id.
    const posted = await t.call('POST', container(), {
      token: g.member.token,
      headers: LD,
      body: {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: [
          { type: 'TextualBody', purpose: 'commenting', value: 'Nobody told us who to ask.' },
          { type: 'TextualBody', purpose: 'tagging', value: '  care   WORKERS ' },
          { type: 'TextualBody', purpose: 'tagging', value: 'information and advice' },
          { type: 'TextualBody', purpose: 'tagging', value: 'Respite' },
        ],
        target: 'https://www.legislation.gov.uk/ukpga/2014/23/section/4',
      },
    });
    expect(posted.status).toBe(201);
    expect(tagsOf(posted.json)).toEqual(['Care workers', 'Information and advice', 'Respite']);
    const feed = await t.call('GET', `/api/groups/${g.group}/changes?limit=100`, { token: g.reader.token });
    const stored = feed.json.changes.find((ch: { id: string }) => ch.id === `urn:uuid:${posted.headers.get('location')!.split('/').pop()}`);
    expect(tagsOf(stored.annotation)).toEqual(['workforce', 'information-and-advice', 'Respite']);
  });

  it('answers OPTIONS and HEAD', async () => {
    const opt = await t.call('OPTIONS', container(), { token: g.reader.token });
    expect(opt.status).toBe(200);
    expect(opt.headers.get('allow')).toContain('POST');
    const head = await t.call('HEAD', container(), { token: g.reader.token });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(ANNO_MEDIA_TYPE);
  });
});
