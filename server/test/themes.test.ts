import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLES } from '../src/auth/roles';
import { DEFAULT_THEMES } from '../../utils/model/themes';
import { makeComment, uuidOf } from './support/annotations';
import { BACKENDS } from './support/test-db';
import { openTestStore, type TestGroup, type TestStore } from './support/test-store';

const defaults = DEFAULT_THEMES.map((t) => ({ ...t }));

describe.each(BACKENDS)('the group’s themes on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;
  let other: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup('NCAG');
    other = await t.createGroup('Other');
  });

  const themesOf = async (group: TestGroup, token = group.member.token) => {
    const r = await t.call('GET', `/api/groups/${group.group}/themes`, { token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json.themes as { id: string; label: string; retired: boolean }[];
  };
  const add = (label: unknown, token = g.facilitator.token) => t.call('POST', `/api/groups/${g.group}/themes`, { token, body: { label } });
  const change = (id: string, body: unknown, token = g.facilitator.token) => t.call('PATCH', `/api/groups/${g.group}/themes/${id}`, { token, body });

  it('gives every role of the group Making It Real while the group has none of its own', async () => {
    for (const role of ROLES) expect(await themesOf(g, g[role].token)).toEqual(defaults);
  });

  it('lets a facilitator add a theme, shown last to everyone, with an id from its name', async () => {
    const r = await add('  Housing and homes ');
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toEqual({ id: 'housing-and-homes', label: 'Housing and homes', retired: false });
    const list = await themesOf(g, g.reader.token);
    expect(list.map((x) => x.label)).toEqual([...defaults.map((d) => d.label), 'Housing and homes']);
    // Another group keeps its own vocabulary.
    expect(await themesOf(other)).toEqual(defaults);
  });

  it('refuses a name the group already has (any case, retired ones too) in plain words', async () => {
    const same = await add('WORKFORCE');
    expect(same.status).toBe(409);
    expect(same.json.error.message).toBe('The group already has a theme called "Workforce". Choose another name.');
    expect((await change('workforce', { retired: true })).status).toBe(200);
    const retired = await add('workforce');
    expect(retired.status).toBe(409);
    expect(retired.json.error.message).toMatch(/retired theme called "Workforce"\. Bring that one back instead/);
    expect((await add('Housing')).status).toBe(201);
    expect((await change('information-and-advice', { label: 'housing' })).status).toBe(409);
  });

  it.each([
    ['', 'Please give the theme a name'],
    ['   ', 'Please give the theme a name'],
    ['x'.repeat(61), 'A theme name can be up to 60 characters long'],
    [42, 'A theme name must be text'],
    ['Two\nlines', 'one line'],
  ])('refuses the name %j with a plain 400', async (label, words) => {
    const r = await add(label);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain(words);
  });

  it('accepts a 60-character name, and refuses unknown fields and empty changes', async () => {
    expect((await add('y'.repeat(60))).status).toBe(201);
    const extra = await t.call('POST', `/api/groups/${g.group}/themes`, { token: g.facilitator.token, body: { label: 'Z', colour: 'red' } });
    expect(extra.status).toBe(400);
    const empty = await change('workforce', {});
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toContain('Say what to change');
    const bad = await change('workforce', { retired: 'yes' });
    expect(bad.status).toBe(400);
  });

  it('renames and retires a default theme (the first change copies the defaults), and brings it back', async () => {
    const renamed = await change('workforce', { label: 'People who work in care' });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    expect(renamed.json).toEqual({ id: 'workforce', label: 'People who work in care', retired: false });
    const list = await themesOf(g);
    expect(list.map((x) => x.id)).toEqual(defaults.map((d) => d.id));
    expect(list.find((x) => x.id === 'workforce')!.label).toBe('People who work in care');
    expect((await change('information-and-advice', { retired: true })).json).toEqual({ id: 'information-and-advice', label: 'Information and advice', retired: true });
    expect((await themesOf(g)).find((x) => x.id === 'information-and-advice')!.retired).toBe(true);
    expect((await change('information-and-advice', { retired: false })).json.retired).toBe(false);
    // Renaming to its own name in another case is fine.
    expect((await change('workforce', { label: 'PEOPLE who work in care' })).status).toBe(200);
  });

  it('answers 404 for a theme the group does not have', async () => {
    const r = await change('no-such-theme', { label: 'X' });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(/There is no theme with that id/);
    expect((await change('Bad%20Id', { retired: true })).status).toBe(404);
  });

  it('lets only facilitators change themes, and nobody outside the group see or change them', async () => {
    for (const role of ['member', 'reader'] as const) {
      const r = await add('Mine', g[role].token);
      expect(r.status).toBe(403);
      expect(r.json.error.message).toBe('Only a facilitator can change the group’s themes.');
      expect((await change('workforce', { label: 'Mine' }, g[role].token)).status).toBe(403);
    }
    for (const role of ROLES) {
      expect((await t.call('GET', `/api/groups/${g.group}/themes`, { token: other[role].token })).status).toBe(403);
      expect((await add('Theirs', other[role].token)).status).toBe(403);
    }
    expect((await t.call('GET', `/api/groups/${g.group}/themes`)).status).toBe(401);
    expect((await t.call('POST', `/api/groups/${g.group}/themes`, { body: { label: 'X' } })).status).toBe(401);
    expect((await themesOf(g)).map((x) => x.label)).toEqual(defaults.map((d) => d.label));
  });

  it('digests group by theme id and print the group’s labels, legacy labels included', async () => {
    const legacy = makeComment({ text: 'LEGACY-LABEL' }); // tagged "Workforce", as before ids
    const byId = makeComment({ text: 'BY-ID' });
    byId.body[1] = { ...byId.body[1]!, value: 'workforce' };
    for (const c of [legacy, byId]) {
      const r = await t.call('PUT', `/api/groups/${g.group}/annotations/${uuidOf(c)}`, { token: g.member.token, body: c, headers: { 'if-none-match': '*' } });
      expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
    }
    await change('workforce', { label: 'People who work in care' });
    const digest = async (query: string) => {
      const res = await t.store.app.request(`http://store.test/api/groups/${g.group}/digest?${query}`, { headers: { authorization: `Bearer ${g.reader.token}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const md = await digest('format=md');
    expect(md).toContain('People who work in care');
    expect(md).not.toMatch(/Workforce/);
    for (const theme of ['workforce', 'People%20who%20work%20in%20care', 'Workforce']) {
      const csv = await digest(`format=csv&theme=${theme}`);
      expect(csv).toContain('LEGACY-LABEL');
      expect(csv).toContain('BY-ID');
    }
    const jsonld = JSON.parse(await digest('format=jsonld')) as { items?: { body: { purpose?: string; value: string }[] }[]; first?: { items: { body: { purpose?: string; value: string }[] }[] } };
    const items = jsonld.items ?? jsonld.first?.items ?? [];
    const tags = items.flatMap((i) => i.body.filter((b) => b.purpose === 'tagging').map((b) => b.value));
    expect(tags).toEqual(['People who work in care', 'People who work in care']);
  });

  it('imports map the group’s labels back to ids, and the Hypothesis export carries the labels', async () => {
    expect((await add('Housing and homes')).status).toBe(201);
    await change('workforce', { label: 'People who work in care' });
    const incoming = makeComment({ text: 'IMPORTED' });
    incoming.body = [incoming.body[0], { type: 'TextualBody', purpose: 'tagging', value: 'housing AND homes' }, { type: 'TextualBody', purpose: 'tagging', value: 'Workforce' }, { type: 'TextualBody', purpose: 'tagging', value: 'Care Act' }];
    const r = await t.call('POST', `/api/groups/${g.group}/import`, { token: g.facilitator.token, body: { comments: [{ ...incoming, via: 'https://annotations.example.org/anno/1' }] } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.new).toBe(1);
    const { rows } = await t.testDb.db.query<{ annotation: { body: { value: string }[] } }>(`select annotation from annotations where group_id = $1 and annotation->>'via' is not null`, [g.group]);
    expect(rows[0]!.annotation.body.slice(1).map((b) => b.value)).toEqual(['housing-and-homes', 'workforce', 'Care Act']);
    const exported = await t.call('GET', `/api/groups/${g.group}/export?format=hypothesis`, { token: g.facilitator.token });
    expect(exported.status).toBe(200);
    expect(exported.json.annotations[0].tags).toEqual(['Housing and homes', 'People who work in care', 'Care Act']);
  });
});
