import { afterEach, describe, expect, it } from 'vitest';
import { setCurrentLanguage } from '../i18n/current-language';
import type { LeaDb } from '../store';
import { createFakeStore, makeComment, openMemberBrowser } from '../../tests/support/sync-harness';
import type { FakeStore } from '../../tests/support/fake-store-server';

const open: LeaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
async function browser(store: FakeStore, options: Parameters<typeof openMemberBrowser>[1] = {}) {
  const b = await openMemberBrowser(store, options);
  open.push(b.db);
  return b;
}
const DOC = 'https://example.org/policy';

describe('replies', () => {
  it('saves a reply with its outbox entry before answering, sends it, and the other member sees it in the thread', async () => {
    const store = createFakeStore();
    const me = await browser(store, { name: 'Sam', settingsName: 'Sam' });
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: comment } = await alex.annotations.save(makeComment('Alex’s story'));
    await alex.sync();
    await me.sync();

    const { reply } = await me.conversation.reply({ target: comment.id, text: 'The same for me.', answer: null, attribution: 'named' });
    expect(await me.conversationRepo.get(reply.id)).toEqual(reply);
    expect((await me.local.pendingOutbox()).map((e) => [e.annotationId, e.op])).toEqual([[reply.id, 'put']]);
    expect(reply).toMatchObject({ target: comment.id, onDocument: DOC, creator: { name: 'Sam' }, attribution: 'named' });
    expect(reply.byCommentAuthor).toBeUndefined();
    expect((await me.conversation.list({ uris: [DOC] })).pending).toEqual([reply.id]);

    await me.sync();
    expect(store.stored(reply.id)).toEqual(reply);
    await alex.sync();
    const listing = await alex.conversation.list({ uris: [DOC] });
    expect(listing.items.map((i) => i.id).sort()).toEqual([comment.id, reply.id].sort());
    expect(listing.authors).toEqual({ [comment.id]: 'me', [reply.id]: 'other' });
    // Alex hears of it: a reply to Alex's comment, not by Alex.
    expect((await alex.notices.list()).notices.map((n) => [n.kind, n.sentence, n.commentId, n.document])).toEqual([
      ['reply', 'Sam replied to your comment: The same for me.', comment.id, DOC],
    ]);
    expect(alex.badge).toEqual({ text: '1', title: '1 new notice' });
  });

  it('replies as "the author of this comment" in the thread of my own anonymous comment', async () => {
    const store = createFakeStore();
    const me = await browser(store, { settingsName: 'Sam' });
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: mine } = await me.annotations.save(makeComment('my anonymous story'));
    await me.sync();
    await alex.sync();
    const { reply: theirs } = await alex.conversation.reply({ target: mine.id, text: 'Thank you.', answer: null, attribution: 'anonymous' });
    await alex.sync();
    await me.sync();
    const { reply } = await me.conversation.reply({ target: theirs.id, text: 'You are welcome.', answer: null, attribution: 'named' });
    expect(reply).toMatchObject({ byCommentAuthor: true, attribution: 'anonymous' });
    expect(reply.creator).toBeUndefined();
    await me.sync();
    expect(store.stored(reply.id)).toMatchObject({ byCommentAuthor: true });
    expect(await me.repo.syncStatus()).toMatchObject({ waiting: 0, refused: [] });
  });

  it('lets readers and facilitators answer, with the job title from the profile, and refuses members', async () => {
    const store = createFakeStore();
    const member = await browser(store, { name: 'Jo' });
    const officer = await browser(store, { code: 'reader-code', name: 'Sam Jones', settingsName: 'Sam Jones' });
    const { annotation: comment } = await member.annotations.save(makeComment('Please change this'));
    await member.sync();
    await officer.sync();
    await expect(member.conversation.reply({ target: comment.id, text: '', answer: 'noted', attribution: 'named' })).rejects.toThrow(
      'Only officers (readers) and facilitators can answer a comment.',
    );
    await officer.conversation.updateProfile({ jobTitle: 'Policy officer', organisation: 'Department of Health and Social Care' });
    const { reply } = await officer.conversation.reply({ target: comment.id, text: '', answer: 'will-change', attribution: 'anonymous' });
    expect(reply.creator).toEqual({ type: 'Person', name: 'Sam Jones', jobTitle: 'Policy officer', organisation: 'Department of Health and Social Care' });
    await officer.sync();
    await member.sync();
    const [notice] = (await member.notices.list()).notices;
    expect(notice).toMatchObject({
      id: `reply:${reply.id.slice('urn:uuid:'.length)}`,
      kind: 'answer',
      sentence: 'Sam Jones (Policy officer, Department of Health and Social Care) answered your comment: We will change this',
      read: false,
    });
    await expect(officer.conversation.support({ target: comment.id, named: false })).rejects.toThrow('Only members and facilitators');
  });

  it('parks a reply whose comment was removed with the store’s sentence, and the rest of the outbox goes on', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: comment } = await alex.annotations.save(makeComment('soon gone'));
    await alex.sync();
    await me.sync();
    const { reply } = await me.conversation.reply({ target: comment.id, text: 'Replying offline.', answer: null, attribution: 'anonymous' });
    await alex.annotations.remove(comment.id);
    await alex.sync();
    const { annotation: other } = await me.annotations.save(makeComment('my own comment'));
    await me.sync();
    expect(store.stored(other.id)).toEqual(other);
    expect(store.stored(reply.id)).toBeNull();
    const status = await me.repo.syncStatus();
    expect(status.refused).toEqual([
      { id: reply.id, message: 'The comment you are replying to is not in this group or has been removed.', damaged: false, quote: null, text: 'Replying offline.', kind: 'reply' },
    ]);
    // The reply stays here, in a thread whose comment was removed, found by its document.
    const listing = await me.conversation.list({ uris: [DOC] });
    expect(listing.items.map((i) => i.id).sort()).toEqual([reply.id, other.id].sort());
    expect(listing.refused).toEqual({ [reply.id]: 'The comment you are replying to is not in this group or has been removed.' });
  });

  it('deletes only my own replies', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: comment } = await alex.annotations.save(makeComment('story'));
    await alex.sync();
    await me.sync();
    const { reply } = await me.conversation.reply({ target: comment.id, text: 'mine', answer: null, attribution: 'anonymous' });
    await me.sync();
    await alex.sync();
    await expect(alex.conversation.deleteReply({ id: reply.id })).rejects.toThrow('You can only delete your own replies.');
    expect((await me.conversation.deleteReply({ id: reply.id })).deleted).toEqual(reply);
    await me.sync();
    expect(store.stored(reply.id)).toBeNull();
  });

  it('changes only my own replies: the words change everywhere, who it shows as and what it answers stay', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: comment } = await alex.annotations.save(makeComment('story'));
    await alex.sync();
    await me.sync();
    const { reply } = await me.conversation.reply({ target: comment.id, text: 'My dad waited six weeks.', answer: null, attribution: 'anonymous' });
    await me.sync();
    await alex.sync();
    await expect(alex.conversation.editReply({ id: reply.id, text: 'Not mine to change.', answer: null })).rejects.toThrow('You can only change your own replies.');
    const { reply: changed } = await me.conversation.editReply({ id: reply.id, text: 'My dad waited six weeks for an assessment.', answer: 'noted' });
    expect(changed).toMatchObject({ id: reply.id, target: comment.id, created: reply.created, attribution: 'anonymous' });
    expect(changed.creator).toBeUndefined();
    // A plain reply stays a plain reply: no status slips in.
    expect(changed.body).toEqual([{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'My dad waited six weeks for an assessment.' }]);
    await me.sync();
    await alex.sync();
    expect(store.stored(reply.id)).toEqual(changed);
    const seen = await alex.conversation.list({ uris: [DOC] });
    expect(seen.items.find((i) => i.id === reply.id)).toEqual(changed);
    await expect(me.conversation.editReply({ id: reply.id, text: '   ', answer: null })).rejects.toThrow();
  });

  it('keeps both versions of a reply changed on two of my browsers at once, shows them, and takes the one I choose', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: comment } = await alex.annotations.save(makeComment('story'));
    await alex.sync();
    await me.sync();
    const { reply } = await me.conversation.reply({ target: comment.id, text: 'Six weeks.', answer: null, attribution: 'anonymous' });
    await me.sync();
    const { code } = await me.conversation.createLinkCode();
    const second = await browser(store, { link: code });
    await second.engine.pull();
    await me.conversation.editReply({ id: reply.id, text: 'Six weeks, then a phone call.', answer: null });
    await me.sync();
    // The second browser changes it too before hearing of the first change: the store refuses it as stale.
    await second.conversation.editReply({ id: reply.id, text: 'Six long weeks.', answer: null });
    await second.engine.drain();
    const [conflict] = await second.repo.listConflicts();
    expect(conflict).toMatchObject({ id: reply.id, mine: { body: [{ value: 'Six long weeks.' }] }, theirs: { body: [{ value: 'Six weeks, then a phone call.' }] } });
    expect(await second.repo.resolveConflict(reply.id, 'theirs')).toMatchObject({ id: reply.id, body: [{ value: 'Six weeks, then a phone call.' }] });
    expect(await second.repo.listConflicts()).toEqual([]);
    expect((await second.conversation.list({ uris: [DOC] })).items.find((i) => i.id === reply.id)).toMatchObject({ body: [{ value: 'Six weeks, then a phone call.' }] });
  });

  it('puts back a reply I have just deleted (Undo), in the group store too; never one that is still here or someone else’s', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: comment } = await alex.annotations.save(makeComment('story'));
    await alex.sync();
    await me.sync();
    const { reply } = await me.conversation.reply({ target: comment.id, text: 'mine', answer: null, attribution: 'anonymous' });
    await me.sync();
    await expect(me.conversation.restoreReply({ reply })).rejects.toThrow('This reply cannot be put back: it is not one you deleted on this computer.');
    await alex.sync();
    const { deleted } = await me.conversation.deleteReply({ id: reply.id });
    await me.sync();
    expect(store.stored(reply.id)).toBeNull();
    await expect(me.conversation.restoreReply({ reply: { ...deleted, body: 'not a body' } })).rejects.toThrow();
    // Alex never had it deleted here: it is still on Alex's computer, so Alex cannot "put it back".
    await expect(alex.conversation.restoreReply({ reply: deleted })).rejects.toThrow('This reply cannot be put back');
    expect((await me.conversation.restoreReply({ reply: deleted })).reply).toEqual(reply);
    await me.sync();
    expect(store.stored(reply.id)).toEqual(reply);
    await alex.sync();
    expect((await alex.conversation.list({ uris: [DOC] })).items.map((i) => i.id)).toContain(reply.id);
  });
});

describe('thread summaries for the in-page card', () => {
  it('counts replies and "me too", names the latest answer, and leaves out what is no comment here', async () => {
    const store = createFakeStore();
    const alex = await browser(store, { name: 'Alex' });
    const bob = await browser(store, { name: 'Bob' });
    const officer = await browser(store, { code: 'reader-code', name: 'Olivia', settingsName: 'Olivia' });
    const { annotation: answered } = await alex.annotations.save(makeComment('answered story'));
    const { annotation: quiet } = await alex.annotations.save(makeComment('quiet story'));
    await alex.sync();
    await bob.sync();
    await officer.sync();
    const { reply } = await bob.conversation.reply({ target: answered.id, text: 'Same here.', answer: null, attribution: 'anonymous' });
    await bob.conversation.support({ target: answered.id, named: false });
    await bob.sync();
    await officer.sync();
    await officer.conversation.reply({ target: answered.id, text: 'We will add this to the guidance.', answer: 'will-change', attribution: 'named' });
    await officer.sync();
    await alex.sync();

    const { summaries } = await alex.conversation.summaries({ comments: [answered.id, quiet.id, reply.id, 'urn:uuid:00000000-0000-7000-8000-000000000999'] });
    expect(Object.keys(summaries).sort()).toEqual([answered.id, quiet.id].sort());
    expect(summaries[answered.id]).toMatchObject({ replyCount: 2, supportCount: 1, latestAnswer: { status: 'will-change', reply: { creator: { name: 'Olivia' } } } });
    expect(summaries[quiet.id]).toEqual({ replyCount: 0, supportCount: 0, latestAnswer: null });
  });
});

describe('supports', () => {
  it('gives the panel others’ supports as counts only: their ids are not in the listing at all, not even among the authors', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const bob = await browser(store, { name: 'Bob' });
    const { annotation: comment } = await alex.annotations.save(makeComment('story'));
    await alex.sync();
    await me.sync();
    await bob.sync();
    const { support: mine } = await me.conversation.support({ target: comment.id, named: false });
    const { support: bobs } = await bob.conversation.support({ target: comment.id, named: false });
    await me.sync();
    await bob.sync();
    await me.sync();
    const listing = await me.conversation.list({ uris: [DOC] });
    expect(listing.supportCounts).toEqual({ [comment.id]: 1 });
    expect(listing.mySupportIds).toEqual([mine.id]);
    expect(listing.authors).toEqual({ [comment.id]: 'other', [mine.id]: 'me' });
    expect(JSON.stringify(listing)).not.toContain(bobs.id);
  });

  it('keeps one per comment, takes it back by deleting, and parks a second from another browser (409)', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: comment } = await alex.annotations.save(makeComment('story'));
    await alex.sync();
    await me.sync();
    const { support } = await me.conversation.support({ target: comment.id, named: false });
    expect((await me.conversation.support({ target: comment.id, named: true })).support).toEqual(support);
    expect((await me.conversation.list({ uris: [DOC] })).mySupportIds).toEqual([support.id]);
    await me.sync();
    expect(store.stored(support.id)).toEqual(support);

    // My second browser has not synced yet and says it again: the store refuses, the rest goes on.
    const { code } = await me.conversation.createLinkCode();
    const second = await browser(store, { link: code });
    const { annotation: comment2 } = await alex.annotations.save(makeComment('another story'));
    await alex.sync();
    await second.engine.pull();
    await second.local.save(makeComment('from my second browser'));
    const twin = await second.conversationRepo.saveSupport({ ...support, id: 'urn:uuid:01890a5d-ac96-774b-bcce-0000000000ff' });
    await second.conversation.support({ target: comment2.id, named: false });
    await second.sync();
    expect((await second.repo.syncStatus()).refused).toEqual([
      { id: twin.id, message: 'You have already said this is your experience too.', damaged: false, quote: null, text: null, kind: 'support' },
    ]);
    expect((await second.repo.syncStatus()).waiting).toBe(0);

    expect((await me.conversation.unsupport({ target: comment.id })).removed).toEqual(support);
    expect((await me.conversation.unsupport({ target: comment.id })).removed).toBeNull();
    await me.sync();
    expect(store.stored(support.id)).toBeNull();
  });

  it('refuses a support on a reply', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const { annotation: comment } = await me.annotations.save(makeComment('story'));
    const { reply } = await me.conversation.reply({ target: comment.id, text: 'more', answer: null, attribution: 'anonymous' });
    await expect(me.conversation.support({ target: reply.id, named: false })).rejects.toThrow('only say this on a comment');
  });
});

describe('hidden replies and moderation', () => {
  it('keeps a hidden reply’s place for others, my own copy for me, and tells me with the reason', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const facilitator = await browser(store, { code: 'facilitator-code', name: 'Fay' });
    const { annotation: comment } = await alex.annotations.save(makeComment('story'));
    await alex.sync();
    await me.sync();
    const { reply } = await me.conversation.reply({ target: comment.id, text: 'names someone', answer: null, attribution: 'anonymous' });
    await me.sync();
    await facilitator.sync();
    await facilitator.conversation.report({ id: reply.id, reason: 'Names a nurse' }).catch(() => undefined);
    const review = await facilitator.conversation.moderationList();
    expect(review.toReview.map((r) => [r.target, r.reports.map((x) => x.reason)])).toEqual([[reply.id, ['Names a nurse']]]);
    await facilitator.conversation.hide({ id: reply.id, reason: 'Names a member of staff' });
    await alex.sync();
    await me.sync();

    const theirs = await alex.conversation.list({ uris: [DOC] });
    expect(theirs.items.map((i) => i.id)).toEqual([comment.id]);
    expect(theirs.hidden).toEqual([{ id: reply.id, target: comment.id }]);
    const mine = await me.conversation.list({ uris: [DOC] });
    expect(mine.items.map((i) => i.id).sort()).toEqual([comment.id, reply.id].sort());
    expect(mine.moderated).toEqual({ [reply.id]: { reason: 'Names a member of staff' } });
    const [notice] = (await me.notices.list()).notices;
    expect(notice).toMatchObject({ kind: 'hidden', sentence: 'A facilitator hid your reply: Names a member of staff', commentId: comment.id });
    expect(notice!.id).toMatch(new RegExp(`^hidden:${reply.id.slice(9)}:r\\d+$`));

    await facilitator.conversation.unhide({ id: reply.id, reason: 'Changed my mind' });
    me.time.now += 60_000;
    await me.sync();
    await alex.sync();
    expect((await me.notices.list()).notices.map((n) => n.kind)).toEqual(['unhidden', 'hidden']);
    expect((await alex.conversation.list({ uris: [DOC] })).hidden).toEqual([]);
    expect((await facilitator.conversation.moderationList()).record.map((r) => r.action)).toEqual(['hide', 'unhide']);
  });

  it('sends reports only online, with a plain sentence when offline, and refuses readers with the store’s', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const reader = await browser(store, { code: 'reader-code', name: 'Ola' });
    const { annotation: comment } = await me.annotations.save(makeComment('story'));
    await me.sync();
    await reader.sync();
    store.failNext({ offline: true });
    await expect(me.conversation.report({ id: comment.id, reason: 'spam' })).rejects.toThrow("You're offline: a report goes straight to your group's facilitators");
    const first = await me.conversation.report({ id: comment.id, reason: 'spam' });
    expect(await me.conversation.report({ id: comment.id, reason: 'spam' })).toEqual(first);
    await expect(reader.conversation.report({ id: comment.id, reason: 'spam' })).rejects.toThrow('Only members and facilitators can report');
    const before = store.requests.length;
    await expect(me.conversation.moderationList()).rejects.toThrow('Only a facilitator can review reports, hide or show comments and replies.');
    await expect(me.conversation.hide({ id: comment.id, reason: 'x' })).rejects.toThrow('Only a facilitator');
    expect(store.requests.length).toBe(before);
  });
});

describe('notices across a member’s browsers', () => {
  it('knows my items on a linked browser, follows on commenting, and a read on one browser is read on the other', async () => {
    const store = createFakeStore();
    const me = await browser(store, { settingsName: 'Sam' });
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: mine } = await me.annotations.save(makeComment('my story'));
    await me.sync();
    expect((await me.notices.list()).follows).toEqual([DOC]);
    const { code } = await me.conversation.createLinkCode();
    const second = await browser(store, { link: code });
    expect(await second.repo.getConnection()).toMatchObject({ memberId: 'm1', displayName: 'Sam' });
    await second.sync();
    expect((await second.conversation.list({ uris: [DOC] })).authors).toEqual({ [mine.id]: 'me' });

    await alex.sync();
    await alex.conversation.reply({ target: mine.id, text: 'I hear you', answer: null, attribution: 'anonymous' });
    const { annotation: alexComment } = await alex.annotations.save(makeComment('new comment on the document'));
    await alex.sync();
    await me.sync();
    await second.sync();
    const onFirst = await me.notices.list();
    expect(onFirst.notices.map((n) => [n.kind, n.sentence])).toEqual([
      ['comment', 'A group member commented on a document you follow: new comment on the document'],
      ['reply', 'A group member replied to your comment: I hear you'],
    ]);
    expect(me.badge).toEqual({ text: '2', title: '2 new notices' });
    expect((await second.notices.list()).notices.map((n) => n.id)).toEqual(onFirst.notices.map((n) => n.id));

    expect(await me.notices.markRead([onFirst.notices[0]!.id])).toEqual({ unread: 1 });
    expect(me.badge.text).toBe('1');
    await me.engine.syncNotices();
    await second.sync();
    expect((await second.notices.list()).notices.map((n) => n.read)).toEqual([true, false]);
    expect(second.badge).toEqual({ text: '1', title: '1 new notice' });
    await second.notices.markRead([onFirst.notices[1]!.id]);
    await second.engine.syncNotices();
    await me.sync();
    expect(me.badge).toEqual({ text: '', title: 'Lived Experience Annotator: no new notices' });
    expect(alexComment.id).toBeDefined();
    // Once this browser leaves the group, it has no notices.
    expect((await second.notices.list()).notices).toHaveLength(2);
    await second.engine.disconnect();
    await second.notices.refresh();
    expect(second.badge.text).toBe('');
    expect((await second.notices.list()).notices).toEqual([]);
  });

  it('refreshes reads on the stream’s notices event', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: mine } = await me.annotations.save(makeComment('my story'));
    await me.sync();
    await alex.sync();
    await alex.conversation.reply({ target: mine.id, text: 'hello', answer: null, attribution: 'anonymous' });
    await alex.sync();
    await me.sync();
    const { code } = await me.conversation.createLinkCode();
    const second = await browser(store, { link: code });
    await second.sync();
    const controller = new AbortController();
    const live = me.engine.live(controller.signal);
    await new Promise((r) => setTimeout(r, 20));
    const [notice] = (await second.notices.list()).notices;
    await second.notices.markRead([notice!.id]);
    await second.engine.syncNotices();
    for (let i = 0; i < 50 && !(await me.repo.getNoticeState()).read.includes(notice!.id); i++) await new Promise((r) => setTimeout(r, 10));
    expect((await me.repo.getNoticeState()).read).toContain(notice!.id);
    expect(me.changes).toContainEqual({ type: 'notices' });
    controller.abort();
    await live;
  });

  it('shows browser notifications only when turned on and granted, for new notices, quoting at most 100 characters', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const alex = await browser(store, { name: 'Alex' });
    const { annotation: mine } = await me.annotations.save(makeComment('my story'));
    await me.sync();
    await alex.sync();
    await alex.conversation.reply({ target: mine.id, text: 'first reply', answer: null, attribution: 'anonymous' });
    await alex.sync();
    await me.sync();
    expect(me.shown).toEqual([]);
    expect(await me.notices.setNotify(true)).toEqual({ on: true, granted: false });
    await alex.conversation.reply({ target: mine.id, text: `${'long words '.repeat(20)}end`, answer: null, attribution: 'anonymous' });
    await alex.sync();
    await me.sync();
    expect(me.shown).toEqual([]);
    me.grantNotifications();
    await me.notices.setNotify(true); // what was there counts as seen
    await alex.conversation.reply({ target: mine.id, text: `${'more words '.repeat(20)}end`, answer: null, attribution: 'anonymous' });
    await alex.sync();
    await me.sync();
    expect(me.shown).toHaveLength(1);
    const quoted = me.shown[0]!.message.slice('A group member replied to your comment: '.length);
    expect(quoted.length).toBeLessThanOrEqual(100);
    await me.sync();
    expect(me.shown).toHaveLength(1);
    // Clicking it marks it read and opens its document.
    expect(await me.notices.opened(me.shown[0]!.id)).toBe('https://example.org/policy');
    expect((await me.notices.list()).notices.find((n) => n.id === me.shown[0]!.id)?.read).toBe(true);
    expect(await me.notices.opened('reply:unknown')).toBeNull();
  });
});

describe('W3C replies from other tools', () => {
  it('shows a plain W3C reply in the thread, adopted', async () => {
    const store = createFakeStore();
    const me = await browser(store);
    const { annotation: mine } = await me.annotations.save(makeComment('my story'));
    await me.sync();
    const other = await browser(store, { name: 'Tool user' });
    const token = (await other.repo.getConnection())!.token;
    const uuid = '01890a5d-ac96-774b-bcce-0000000000aa';
    const response = await store.fetch(`http://store.test/api/groups/g1/annotations/${uuid}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'If-None-Match': '*' },
      body: JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `urn:uuid:${uuid}`,
        type: 'Annotation',
        motivation: 'replying',
        created: '2026-11-24T10:00:00Z',
        creator: { type: 'Person', name: 'Pat' },
        body: { type: 'TextualBody', value: 'From another tool.' },
        target: `http://store.test/annotations/g1/${mine.id.slice(9)}`,
      }),
    });
    expect(response.status).toBe(201);
    await me.sync();
    const listing = await me.conversation.list({ uris: [DOC] });
    expect(listing.items[1]).toMatchObject({ id: `urn:uuid:${uuid}`, target: mine.id, creator: { name: 'Pat' }, body: [{ value: 'From another tool.' }] });
    expect((await me.notices.list()).notices[0]!.sentence).toBe('Pat replied to your comment: From another tool.');
  });
});

describe('what the conversation refuses, in the person’s language', () => {
  afterEach(() => setCurrentLanguage('en-GB'));

  it('says each refusal in Welsh when the person chose Welsh, and in English otherwise', async () => {
    const store = createFakeStore();
    const alex = await browser(store, { name: 'Alex' });
    const officer = await browser(store, { code: 'reader-code', name: 'Olivia', settingsName: 'Olivia' });
    const { annotation: comment } = await alex.annotations.save(makeComment('story'));
    await alex.sync();
    await officer.sync();
    await expect(officer.conversation.support({ target: comment.id, named: false })).rejects.toThrow('Only members and facilitators can say this is their experience too.');
    setCurrentLanguage('cy');
    await expect(officer.conversation.support({ target: comment.id, named: false })).rejects.toThrow('Dim ond aelodau a hwyluswyr sy’n gallu dweud mai dyma eu profiad nhw hefyd.');
    await expect(alex.conversation.reply({ target: comment.id, text: '', answer: 'noted', attribution: 'named' })).rejects.toThrow('Dim ond swyddogion (darllenwyr) a hwyluswyr sy’n gallu ymateb i sylw.');
  });
});
