import { afterEach, describe, expect, it } from 'vitest';
import { NOT_ANSWERED } from '../../utils/conversation/build-thread';
import { NO_FILTERS } from '../../utils/overlay/filters';
import { DigestLinks, digestHref } from './DigestLinks';
import { click, labelled, mount, unmount } from './facilitator/test-support';

afterEach(unmount);

describe('DigestLinks', () => {
  it('digestHref carries the filters the store applies, and versions=together when asked', () => {
    expect(digestHref('g1', 'csv', { document: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1', versions: true })).toBe(
      '/api/groups/g1/digest?format=csv&document=https%3A%2F%2Fwww.legislation.gov.uk%2Fukpga%2F2014%2F23%2Fsection%2F1&versions=together',
    );
    expect(digestHref('g1', 'md', { sort: 'support' })).toBe('/api/groups/g1/digest?format=md&sort=support');
    // The side panel's other filters go too: the store applies them by the same rule.
    const panel = { ...NO_FILTERS, perspective: 'carer', answer: NOT_ANSWERED, from: '2026-11-01', minPerPassage: 3 } as const;
    expect(digestHref('g1', 'csv', { panel })).toBe('/api/groups/g1/digest?format=csv&perspective=carer&from=2026-11-01&answer=not-answered&passages=3');
  });

  it('a labelled checkbox puts each document’s versions together in every download', async () => {
    const root = await mount(<DigestLinks groupId="g1" filters={{ theme: 'workforce' }} what="The whole group’s comments." />);
    const box = labelled(root, 'Put each document’s versions together');
    expect(box.checked).toBe(false);
    const hrefs = () => [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs().some((h) => h.includes('versions='))).toBe(false);
    await click(box);
    expect(hrefs()).toHaveLength(5);
    expect(hrefs().every((h) => h.includes('theme=workforce') && h.endsWith('&versions=together'))).toBe(true);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toContain('each saying which version it was written on');
  });
});
