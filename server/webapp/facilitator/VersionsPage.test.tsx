import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../../utils/i18n/translate';
import { WebApiError } from '../api';
import { announced, button, click, description, fakeApi, labelled, mount, SESSION, type, unmount } from './test-support';
import { checkLink, VersionsPage } from './VersionsPage';
import type { DocumentLinkRow } from './schemas';

const BILL = 'https://publications.parliament.uk/pa/bills/lbill/2013-2014/0053/14053.1-7.html';
const ACT = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
const LINK_ID = '0190a1b2-0000-7000-8000-0000000000aa';

function store(links: DocumentLinkRow[] = []) {
  const state = { links: structuredClone(links) };
  const api = fakeApi(
    {
      'GET /api/groups/g1/document-links': () => ({ links: structuredClone(state.links) }),
      'POST /api/groups/g1/document-links': (body: unknown) => {
        const b = body as { earlier: string; later: string; earlierLabel?: string; laterLabel?: string };
        const link = { id: LINK_ID, earlier: b.earlier, later: b.later, earlierLabel: b.earlierLabel ?? null, laterLabel: b.laterLabel ?? null, created: '2026-12-03T10:00:00Z' };
        state.links.push(link);
        return { link };
      },
      [`DELETE /api/groups/g1/document-links/${LINK_ID}`]: () => {
        state.links = state.links.filter((l) => l.id !== LINK_ID);
        return null;
      },
    },
    SESSION,
  );
  return { api, state };
}

afterEach(unmount);

describe('checkLink', () => {
  const form = { earlier: BILL, later: ACT, earlierLabel: '', laterLabel: '' };

  it('sends trimmed addresses and only the names given', () => {
    expect(checkLink({ ...form, earlier: `  ${BILL} `, laterLabel: ' the Care Act 2014 ' })).toEqual({ link: { earlier: BILL, later: ACT, laterLabel: 'the Care Act 2014' } });
  });

  it('asks for both addresses, refuses what is not a web address, and the same document twice', () => {
    expect(checkLink({ ...form, earlier: ' ', later: '' })).toEqual({
      problems: { earlier: 'Please give the address of the earlier version.', later: 'Please give the address of the later version.' },
    });
    expect(checkLink({ ...form, earlier: 'Care Bill clause 1' })).toEqual({
      problems: { earlier: 'This is not a web address. Copy it from the browser’s address bar: it starts with https://' },
    });
    expect(checkLink({ ...form, earlier: 'javascript:alert(1)' })).toHaveProperty('problems.earlier');
    // One document however it is written: normalised as the extension files comments.
    expect(checkLink({ ...form, earlier: ACT, later: `${ACT}#section-1` })).toEqual({
      problems: { later: 'Both addresses are the same document. Give the address of the other version.' },
    });
  });

  it('keeps a name to one line of 200 characters, in the reader’s language', () => {
    expect(checkLink({ ...form, earlierLabel: 'x'.repeat(201) })).toEqual({ problems: { earlierLabel: 'A name can be up to 200 characters long.' } });
    expect(checkLink({ ...form, laterLabel: 'two\nlines' })).toEqual({ problems: { laterLabel: 'A name must be one line without control characters.' } });
    expect(checkLink({ ...form, earlier: '' }, translator('cy').t)).toEqual({ problems: { earlier: 'Rhowch gyfeiriad y fersiwn gynharach.' } });
  });
});

describe('VersionsPage', () => {
  it('says that no documents are linked yet, under a labelled form', async () => {
    const { api } = store();
    const root = await mount(<VersionsPage api={api} session={SESSION} />);
    expect(root.querySelector('h1')!.textContent).toBe('Document versions');
    expect(root.textContent).toContain('No documents are linked yet.');
    expect(description(labelled(root, 'Name of the earlier version (optional)'))).toContain('the Care Bill (2013-14)');
  });

  it('links the Bill to the Act, says so, lists the link and puts focus back on the first field', async () => {
    const { api } = store();
    const root = await mount(<VersionsPage api={api} session={SESSION} />);
    await type(labelled(root, 'Address of the earlier version'), BILL);
    await type(labelled(root, 'Name of the earlier version (optional)'), 'the Care Bill (2013-14)');
    await type(labelled(root, 'Address of the later version'), ACT);
    await click(button(root, 'Link versions'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([
      { method: 'POST', path: '/api/groups/g1/document-links', body: { earlier: BILL, later: ACT, earlierLabel: 'the Care Bill (2013-14)' } },
    ]);
    expect(announced(root)).toBe(`Linked: comments on “the Care Bill (2013-14)” and on “${ACT}” now show on both. Members see this at their extension’s next sync.`);
    const row = root.querySelector('tbody tr')!;
    expect(row.textContent).toContain('the Care Bill (2013-14)');
    expect(row.querySelector('a')!.getAttribute('href')).toBe(BILL);
    expect(root.querySelector('caption')!.textContent).toBe('1 link, earliest first');
    expect(labelled(root, 'Address of the earlier version').value).toBe('');
    expect(document.activeElement).toBe(labelled(root, 'Address of the earlier version'));
  });

  it('refuses a form with a problem before asking the store, with focus on the first field that has one', async () => {
    const { api } = store();
    const root = await mount(<VersionsPage api={api} session={SESSION} />);
    await type(labelled(root, 'Address of the earlier version'), BILL);
    await type(labelled(root, 'Address of the later version'), 'the Act');
    await click(button(root, 'Link versions'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    const later = labelled(root, 'Address of the later version');
    expect(later.getAttribute('aria-invalid')).toBe('true');
    expect(description(later)).toContain('This is not a web address.');
    expect(document.activeElement).toBe(later);
  });

  it('shows the store’s refusal in its words, keeping what was typed', async () => {
    const { api } = store();
    const refusing = {
      ...api,
      send: async () => {
        throw new WebApiError(409, 'conflict', 'These two documents are already linked the other way round.');
      },
    };
    const root = await mount(<VersionsPage api={refusing} session={SESSION} />);
    await type(labelled(root, 'Address of the earlier version'), ACT);
    await type(labelled(root, 'Address of the later version'), BILL);
    await click(button(root, 'Link versions'));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('These two documents are already linked the other way round.');
    expect(labelled(root, 'Address of the earlier version').value).toBe(ACT);
    expect(document.activeElement).toBe(button(root, 'Link versions'));
  });

  it('removes a link by its named button and moves focus to the list heading', async () => {
    const { api } = store([{ id: LINK_ID, earlier: BILL, later: ACT, earlierLabel: 'the Care Bill (2013-14)', laterLabel: 'the Care Act 2014', created: '2026-12-01T09:00:00Z' }]);
    const root = await mount(<VersionsPage api={api} session={SESSION} />);
    expect(root.querySelector('tbody')!.textContent).toContain('1 December 2026');
    await click(button(root, 'Remove link between “the Care Bill (2013-14)” and “the Care Act 2014”'));
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'DELETE', path: `/api/groups/g1/document-links/${LINK_ID}` }]);
    expect(announced(root)).toBe('Link removed: comments on “the Care Bill (2013-14)” and on “the Care Act 2014” each show only on their own document again.');
    expect(root.textContent).toContain('No documents are linked yet.');
    expect(document.activeElement).toBe(root.querySelector('#links-heading'));
  });
});
