import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/test-db';
import { openTestStore, type TestGroup, type TestStore } from '../../../test/support/test-store';

describe.each(BACKENDS)('profile (PATCH /api/me) on %s', (kind) => {
  let t: TestStore;
  let g: TestGroup;

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    g = await t.createGroup();
  });

  const patch = (body: unknown, token = g.reader.token) => t.call('PATCH', '/api/me', { token, body });

  it('sets, trims, keeps and clears each field, answering the shape of GET /api/me', async () => {
    const set = await patch({ jobTitle: '  Commissioning officer ', organisation: 'Anytown Council' });
    expect(set.status).toBe(200);
    const expected = { memberId: g.reader.memberId, displayName: 'Ria Reader', group: g.group, role: 'reader', jobTitle: 'Commissioning officer', organisation: 'Anytown Council' };
    expect(set.json).toEqual(expected);
    expect((await t.call('GET', '/api/me', { token: g.reader.token })).json).toEqual(expected);
    // Left out: kept. Empty: cleared.
    const renamed = await patch({ displayName: 'Ria R.' });
    expect(renamed.json).toEqual({ ...expected, displayName: 'Ria R.' });
    const cleared = await patch({ jobTitle: '', organisation: '   ' });
    expect(cleared.json).toEqual({ ...expected, displayName: 'Ria R.', jobTitle: null, organisation: null });
    expect((await patch({})).json).toEqual(cleared.json);
    // Another member's profile is untouched.
    expect((await t.call('GET', '/api/me', { token: g.member.token })).json).toMatchObject({ displayName: 'Mo Member', jobTitle: null, organisation: null });
  });

  it('refuses too long, control characters, line breaks, wrong types and unknown fields with 400', async () => {
    const cases: Array<[unknown, string]> = [
      [{ jobTitle: 'x'.repeat(201) }, 'invalid-body'],
      [{ organisation: 'Council\u0007' }, 'invalid-body'],
      [{ displayName: 'Two\nlines' }, 'invalid-body'],
      [{ displayName: 5 }, 'invalid-body'],
      [{ jobTitle: null }, 'invalid-body'],
      [{ role: 'facilitator' }, 'unknown-field'],
      [[], 'invalid-body'],
    ];
    for (const [body, code] of cases) {
      const r = await patch(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe(code);
    }
    expect((await patch({ jobTitle: 'x'.repeat(200) })).status).toBe(200);
    expect((await t.call('PATCH', '/api/me', { body: { jobTitle: 'x' } })).status).toBe(401);
  });
});
