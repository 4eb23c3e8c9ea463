import { describe, expect, it } from 'vitest';
import { renderDigestJob, checkEntries } from '../../server/src/digest-worker/render-job';
import { adoptW3cReply } from '../conversation/adopt-w3c';
import { commentText } from '../model/annotation';
import { usableAnnotation } from '../store/remote-changes';
import { w3cAnnotation } from './interop-fixtures';

/**
 * Annotations another W3C client POSTs to the container are the group's comments: the
 * extension shows them (remote changes adopt them) and every digest counts them.
 */
const ID = 'urn:uuid:0190f0a2-7777-7000-8000-000000000007';
const COMMENT = 'urn:uuid:0190f0a2-8888-7000-8000-000000000008';
/** As the sync feed and the digest read it: the store's urn id, everything else as POSTed. */
const posted = { ...w3cAnnotation(), id: ID };

describe('other tools\' comments in the extension', () => {
  it('a plain W3C comment from the feed is shown as a group comment with its own id', () => {
    const item = usableAnnotation({ id: ID, annotation: posted });
    expect(item).toMatchObject({ id: ID, motivation: 'commenting', visibility: 'group', attribution: 'named', creator: { name: 'Alex Sample' }, perspective: 'not-said' });
    expect(commentText(item as never)).toBe('This duty should mention carers too.');
  });

  it('a comment with no time takes the time the change arrived', () => {
    const untimed: typeof posted & Record<string, unknown> = { ...posted };
    delete untimed.created;
    const at = new Date('2026-12-02T03:00:00Z');
    expect(usableAnnotation({ id: ID, annotation: untimed }, at)).toMatchObject({ created: at.toISOString(), modified: at.toISOString() });
  });
});

describe('W3C replies with no created (the W3C model\'s reply example has none)', () => {
  // The shape of the model's reply example: no created, a body, a target annotation.
  const reply = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:0190f0a2-9999-7000-8000-000000000009',
    type: 'Annotation',
    motivation: 'replying',
    body: { type: 'TextualBody', value: 'I really like that comment', format: 'text/plain' },
    target: `https://store.example/annotations/g1/${COMMENT.slice(9)}`,
  };
  it('take the time the change arrived, passed in by the client', () => {
    const at = new Date('2026-12-02T03:01:00Z');
    expect(adoptW3cReply(reply)).toBeNull();
    expect(adoptW3cReply(reply, at)).toMatchObject({ id: reply.id, target: COMMENT, created: at.toISOString(), modified: at.toISOString() });
    expect(usableAnnotation({ id: reply.id, annotation: reply }, at)).toMatchObject({ created: at.toISOString() });
  });
});

describe('other tools\' comments in every digest', () => {
  it('checkEntries keeps them (adopted), and the CSV shows their text', async () => {
    const entries = checkEntries([{ annotation: posted }]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.annotation).toMatchObject({ id: ID, visibility: 'group' });
    const csv = await renderDigestJob({ entries: [{ annotation: posted }], filters: {}, generatedAt: new Date('2026-12-02T03:00:00Z'), format: 'csv', jsonLdId: 'https://store.example/digest' });
    const text = typeof csv.body === 'string' ? csv.body : new TextDecoder().decode(csv.body as Uint8Array);
    expect(text).toContain('This duty should mention carers too.');
    expect(text).toContain('Workforce');
  });
});
