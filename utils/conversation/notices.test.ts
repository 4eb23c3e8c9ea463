import { describe, expect, it } from 'vitest';
import { buildReply, buildSupport, type LeaReply } from '../model';
import { commentFixture } from './conversation-fixtures';
import { translator } from '../i18n/translate';
import { badgeFor, deriveNotices, excerpt, noticeSentence, unreadCount, type NoticeInput } from './notices';

const DOC = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
const id = (n: number) => `urn:uuid:01890a5d-ac96-774b-bcce-${String(n).padStart(12, '0')}`;
const uuid = (n: number) => id(n).slice('urn:uuid:'.length);

function reply(n: number, parent: string, text: string, options: { name?: string; answer?: 'will-change' | 'noted'; at?: string; byCommentAuthor?: boolean } = {}): LeaReply {
  const built = buildReply({
    id: id(n),
    now: new Date(options.at ?? `2026-11-0${Math.min(9, 2 + (n % 7))}T10:00:00Z`),
    parentId: parent,
    draft: { text, answer: options.answer ?? null, attribution: options.name ? 'named' : 'anonymous' },
    authorName: options.name ?? '',
    byCommentAuthor: options.byCommentAuthor,
    onDocument: DOC,
  });
  if (!built.ok) throw new Error(built.problems.join('; '));
  return built.value;
}

const mine = commentFixture(id(1), { text: 'My story about seeing friends.' });
const theirs = { ...commentFixture(id(2), { text: 'Their story.' }), created: '2026-11-05T09:00:00.000Z', documentTitle: 'Care Act 2014, section 1' };
const before = { ...commentFixture(id(3), { text: 'Older story.', anonymous: true }), created: '2026-10-01T09:00:00.000Z' };

function input(overrides: Partial<NoticeInput> = {}): NoticeInput {
  return { items: [], authors: {}, follows: [], read: new Set(), ...overrides };
}

describe('deriveNotices', () => {
  it('tells me of replies and answers to my comment, and replies to my reply, never my own', () => {
    const answer = { ...reply(10, mine.id, '', { name: 'Sam Jones', answer: 'will-change', at: '2026-11-03T10:00:00Z' }) };
    answer.creator = { type: 'Person', name: 'Sam Jones', jobTitle: 'Policy officer', organisation: 'Department of Health and Social Care' };
    const plain = reply(11, mine.id, 'The same happened to my mum.', { at: '2026-11-04T10:00:00Z' });
    const myReply = reply(12, theirs.id, 'I agree.', { at: '2026-11-05T10:00:00Z' });
    const toMyReply = reply(13, myReply.id, 'Thank you for saying so.', { name: 'Alex', at: '2026-11-06T10:00:00Z' });
    const byMe = reply(14, mine.id, 'Replying to myself.', { at: '2026-11-07T10:00:00Z' });
    const notices = deriveNotices(
      input({
        items: [mine, theirs, answer, plain, myReply, toMyReply, byMe],
        authors: { [theirs.id]: 'other', [answer.id]: 'other', [plain.id]: 'other', [toMyReply.id]: 'other' },
        read: new Set([`reply:${uuid(11)}`]),
      }),
    );
    expect(notices.map((n) => [n.id, n.kind, n.sentence, n.commentId, n.document, n.read])).toEqual([
      [`reply:${uuid(13)}`, 'reply', 'Alex replied to your reply: Thank you for saying so.', theirs.id, DOC, false],
      [`reply:${uuid(11)}`, 'reply', 'A group member replied to your comment: The same happened to my mum.', mine.id, DOC, true],
      [
        `reply:${uuid(10)}`,
        'answer',
        'Sam Jones (Policy officer, Department of Health and Social Care) answered your comment: We will change this',
        mine.id,
        DOC,
        false,
      ],
    ]);
    expect(unreadCount(notices)).toBe(2);
  });

  it('tells me again when an officer changes an answer to my comment (once per change), not when a plain reply is edited', () => {
    const answer = reply(15, mine.id, 'We are writing the guidance.', { name: 'Sam Jones', answer: 'will-change', at: '2026-11-03T10:00:00Z' });
    const plain = reply(16, mine.id, 'Same for my dad.', { at: '2026-11-04T10:00:00Z' });
    const changedAnswer = { ...answer, modified: '2026-11-20T10:00:00.000Z', body: [answer.body[0], { type: 'TextualBody', purpose: 'assessing', value: 'changed' }] } as LeaReply;
    const editedPlain = { ...plain, modified: '2026-11-21T10:00:00.000Z' };
    const authors = { [answer.id]: 'other', [plain.id]: 'other' } as const;
    const read = new Set([`reply:${uuid(15)}`, `reply:${uuid(16)}`]);
    expect(deriveNotices(input({ items: [mine, answer, plain], authors, read })).filter((n) => !n.read)).toEqual([]);
    const after = deriveNotices(input({ items: [mine, changedAnswer, editedPlain], authors, read }));
    expect(after.filter((n) => !n.read).map((n) => [n.id, n.sentence, n.at])).toEqual([
      [`answer:${uuid(15)}:2026-11-20T10:00:00.000Z`, 'Sam Jones changed their answer to your comment: This has been changed. We are writing the guidance.', '2026-11-20T10:00:00.000Z'],
    ]);
    expect(noticeSentence(translator('cy').t, after[0]!)).toBe('Mae Sam Jones wedi newid ei ymateb i’ch sylw: Mae hyn wedi’i newid. We are writing the guidance.');
  });

  it('tells me of new comments by others on documents I follow, from when I followed', () => {
    const other = { ...commentFixture(id(4), { text: 'Elsewhere.' }), target: { ...theirs.target, source: 'https://example.org/other' }, created: '2026-11-06T00:00:00.000Z' };
    const notices = deriveNotices(
      input({
        items: [mine, theirs, before, other],
        authors: { [theirs.id]: 'other', [before.id]: 'other', [other.id]: 'other' },
        follows: [DOC],
      }),
    );
    // My comment (2026-11-01) started the follow: the older one is not news, the other document is not followed.
    expect(notices.map((n) => [n.id, n.kind, n.sentence, n.commentId])).toEqual([
      [`comment:${uuid(2)}`, 'comment', 'Alice commented on “Care Act 2014, section 1”: Their story.', theirs.id],
    ]);
    expect(deriveNotices(input({ items: [theirs], authors: { [theirs.id]: 'other' }, follows: [DOC], followedAt: { [DOC]: '2026-11-06T00:00:00Z' } }))).toEqual([]);
    expect(deriveNotices(input({ items: [theirs], authors: { [theirs.id]: 'other' }, follows: [] }))).toEqual([]);
  });

  it('tells me when a facilitator hid or showed again my comment or reply, with the reason, by revision', () => {
    const myReply = reply(12, theirs.id, 'Names someone.');
    const notices = deriveNotices(
      input({
        items: [theirs, myReply, mine],
        authors: { [theirs.id]: 'other' },
        moderation: [
          { id: myReply.id, kind: 'reply', action: 'hidden', revision: 'r7', reason: 'Names a staff member', at: '2026-11-10T10:00:00Z' },
          { id: mine.id, kind: 'comment', action: 'unhidden', revision: 'r9', reason: 'Off topic', at: '2026-11-11T10:00:00Z' },
        ],
      }),
    );
    expect(notices.map((n) => [n.id, n.kind, n.sentence, n.commentId])).toEqual([
      [`unhidden:${uuid(1)}:r9`, 'unhidden', 'A facilitator showed your comment again (it had been hidden: Off topic)', mine.id],
      [`hidden:${uuid(12)}:r7`, 'hidden', 'A facilitator hid your reply: Names a staff member', theirs.id],
    ]);
  });

  it('quotes at most 100 characters of anyone’s text, on one line', () => {
    const long = reply(15, mine.id, `${'word '.repeat(60)}\nend`);
    const [notice] = deriveNotices(input({ items: [mine, long], authors: { [long.id]: 'other' } }));
    const quoted = notice!.sentence.slice('A group member replied to your comment: '.length);
    expect(quoted.length).toBe(100);
    expect(quoted.endsWith('…')).toBe(true);
    expect(excerpt('a\n\nb')).toBe('a b');
  });

  it('places a reply whose comment was removed by its document, and ignores supports', () => {
    const myReply = reply(12, id(99), 'Mine, on a removed comment.');
    const answer = reply(16, myReply.id, 'Answer to it.', { name: 'Sam' });
    const support = buildSupport({ id: id(17), now: new Date('2026-11-02T00:00:00Z'), targetId: mine.id, named: false, authorName: '' });
    if (!support.ok) throw new Error('support');
    const notices = deriveNotices(input({ items: [myReply, answer, mine, support.value], authors: { [answer.id]: 'other', [support.value.id]: 'other' } }));
    expect(notices.map((n) => [n.id, n.commentId, n.document])).toEqual([[`reply:${uuid(16)}`, id(99), DOC]]);
  });
});

describe('badgeFor', () => {
  it.each([
    [0, '', 'Lived Experience Annotator: no new notices'],
    [1, '1', '1 new notice'],
    [3, '3', '3 new notices'],
    [120, '99+', '120 new notices'],
  ])('%i unread → %j', (unread, text, title) => {
    expect(badgeFor(unread)).toEqual({ text, title });
  });
});

describe('notices in Welsh', () => {
  const cy = translator('cy').t;

  it('says each notice in the reader’s language from its facts, the answer’s status in Welsh', () => {
    const answer = reply(10, mine.id, '', { name: 'Sam Jones', answer: 'will-change', at: '2026-11-03T10:00:00Z' });
    const plain = reply(11, mine.id, 'Yr un peth i mam.', { at: '2026-11-04T10:00:00Z' });
    const notices = deriveNotices(
      input({
        items: [mine, theirs, answer, plain],
        authors: { [theirs.id]: 'other', [answer.id]: 'other', [plain.id]: 'other' },
        follows: [DOC],
        followedAt: { [DOC]: '2026-10-01T00:00:00Z' },
        moderation: [{ id: mine.id, kind: 'comment', action: 'hidden', revision: 'r1', reason: 'Enwi aelod o staff', at: '2026-11-10T10:00:00Z' }],
      }),
    );
    expect(notices.map((n) => noticeSentence(cy, n))).toEqual([
      'Mae hwylusydd wedi cuddio eich sylw: Enwi aelod o staff',
      'Mae Alice wedi rhoi sylw ar “Care Act 2014, section 1”: Their story.',
      'Mae aelod o’r grŵp wedi ateb eich sylw: Yr un peth i mam.',
      'Mae Sam Jones wedi ymateb i’ch sylw: Byddwn yn newid hyn',
    ]);
    // The stored sentence stays English unless deriveNotices is given a language.
    expect(notices[3]!.sentence).toBe('Sam Jones answered your comment: We will change this');
    expect(deriveNotices(input({ items: [mine, answer], authors: { [answer.id]: 'other' }, t: cy }))[0]!.sentence).toBe('Mae Sam Jones wedi ymateb i’ch sylw: Byddwn yn newid hyn');
  });

  it('shows the sentence as it came for a notice without facts (from an older background)', () => {
    expect(noticeSentence(cy, { sentence: 'Bob replied to your comment: same here' })).toBe('Bob replied to your comment: same here');
  });

  it.each([
    [0, 'Lived Experience Annotator: dim hysbysiadau newydd'],
    [1, '1 hysbysiad newydd'],
    [3, '3 hysbysiad newydd'],
  ])('badge title for %i unread in Welsh: %j', (unread, title) => {
    expect(badgeFor(unread, cy).title).toBe(title);
  });
});
