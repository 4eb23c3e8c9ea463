import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildThreads, type CommentThread } from '../utils/conversation/build-thread';
import { commentFixture } from '../utils/conversation/conversation-fixtures';
import { buildReply, buildSupport, HIDDEN_REPLY_LINE, REMOVED_COMMENT_LINE, type AnswerStatus, type LeaItem, type LeaReply, type ReplyDraft } from '../utils/model';
import { answerLine, CommentConversation, supportSentence, type CommentConversationProps, type ConversationAbilities } from './CommentConversation';
import { translator } from '../utils/i18n/translate';
import { I18nProvider } from './i18n';
import { ReplyEditor } from './ReplyEditor';

const en = translator('en-GB').t;

let clock = Date.parse('2026-11-02T10:00:00Z');
const uuid = (n: number) => `urn:uuid:00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
function reply(n: number, parent: string, text: string, options: { answer?: AnswerStatus; name?: string; jobTitle?: string; organisation?: string } = {}): LeaReply {
  clock += 60_000;
  const r = buildReply({ id: uuid(n), now: new Date(clock), parentId: parent, draft: { text, answer: options.answer ?? null, attribution: 'named' }, authorName: options.name ?? `Person ${n}` });
  if (!r.ok) throw new Error(r.problems.join('; '));
  if (options.jobTitle) return { ...r.value, creator: { ...r.value.creator!, jobTitle: options.jobTitle, organisation: options.organisation } };
  return r.value;
}
function support(n: number, target: string) {
  const s = buildSupport({ id: uuid(n), now: new Date(clock), targetId: target, named: false, authorName: '' });
  if (!s.ok) throw new Error(s.problems.join('; '));
  return s.value;
}

const comment = commentFixture(uuid(1));
const ALL: ConversationAbilities = { reply: true, answer: false, support: true, report: true };

let container: HTMLElement;
async function mount(node: ComponentChild) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(node, container));
}
afterEach(() => {
  render(null, container);
  container.remove();
});
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name));
const textbox = () => container.querySelector('textarea')!;
async function type(el: HTMLTextAreaElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function submit(form = container.querySelector('form')!) {
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}
const threadOf = (items: LeaItem[], options?: Parameters<typeof buildThreads>[1]) => buildThreads(items, options).get(comment.id)!;

function conversation(thread: CommentThread, overrides: Partial<CommentConversationProps> = {}) {
  const props: CommentConversationProps = {
    thread,
    can: ALL,
    displayName: 'Priya',
    subject: 'promote well-being',
    onReply: vi.fn(async () => undefined),
    onSupport: vi.fn(async () => undefined),
    onReport: vi.fn(async () => undefined),
    announce: vi.fn(),
    ...overrides,
  };
  return props;
}

describe('CommentConversation', () => {
  it('shows replies two levels deep, deeper ones flattened with "In reply to", each with author, date and sanitised text', async () => {
    const l1 = reply(10, comment.id, 'First **reply**');
    const l2 = reply(11, l1.id, 'Second level', { name: 'Bob' });
    const l3 = reply(12, l2.id, '<img src=x onerror=alert(1)>Third level');
    await mount(<CommentConversation {...conversation(threadOf([comment, l1, l2, l3]))} />);
    await act(() => button('Show 3 replies')!.click());
    const outer = container.querySelector('ol')!;
    expect(outer.children).toHaveLength(1);
    const nested = outer.querySelector('ol')!;
    expect([...nested.children].map((li) => li.getAttribute('data-reply-id'))).toEqual([l2.id, l3.id]);
    expect(nested.children[1]!.textContent).toContain('In reply to Bob');
    expect(outer.textContent).toContain('Person 10');
    expect(outer.textContent).toContain('2 November 2026');
    expect(outer.querySelector('strong')?.textContent).toBe('reply');
    expect(container.querySelector('img')).toBeNull();
  });

  it('folds many replies behind "Show N replies" and shows a few openly', async () => {
    const a = reply(20, comment.id, 'a');
    const b = reply(21, comment.id, 'b');
    await mount(<CommentConversation {...conversation(threadOf([comment, a, b]))} />);
    expect(container.querySelectorAll('li[data-reply-id]')).toHaveLength(2);
    render(null, container);
    const c = reply(22, comment.id, 'c');
    await act(async () => render(<CommentConversation {...conversation(threadOf([comment, a, b, c]))} />, container));
    expect(container.querySelectorAll('li[data-reply-id]')).toHaveLength(0);
    const show = button('Show 3 replies')!;
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await act(() => show.click());
    expect(container.querySelectorAll('li[data-reply-id]')).toHaveLength(3);
    expect(button('Hide replies')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the latest answer plainly, with job title and organisation', async () => {
    const answer = reply(30, comment.id, 'We will add it to clause 1.', { answer: 'will-change', name: 'Sam Jones', jobTitle: 'Policy officer', organisation: 'Department of Health and Social Care' });
    const thread = threadOf([comment, answer]);
    expect(answerLine(en, thread)).toBe('Answer: We will change this — Sam Jones (Policy officer, Department of Health and Social Care)');
    await mount(<CommentConversation {...conversation(thread)} />);
    expect(container.textContent).toContain('Answer: We will change this — Sam Jones (Policy officer, Department of Health and Social Care)');
  });

  it('says where a reply was hidden and where the comment was removed', async () => {
    const kept = reply(40, comment.id, 'kept');
    const threads = buildThreads([kept], { hidden: [{ id: uuid(41), target: comment.id, created: '2026-12-01T00:00:00Z' }] });
    await mount(<CommentConversation {...conversation(threads.get(comment.id)!)} />);
    expect(container.textContent).toContain(REMOVED_COMMENT_LINE);
    expect(container.textContent).toContain(HIDDEN_REPLY_LINE);
    expect(button('Reply to the comment')).toBeUndefined();
  });

  it('sends a reply by keyboard, announces it, and moves focus to the new reply (not <body>)', async () => {
    const sent: [string, ReplyDraft][] = [];
    let thread = threadOf([comment]);
    const props = conversation(thread, {
      onReply: async (parent, draft) => {
        sent.push([parent, draft]);
        return uuid(50);
      },
    });
    await mount(<CommentConversation {...props} />);
    await act(() => button('Reply')!.click());
    expect(document.activeElement).toBe(textbox());
    await type(textbox(), 'Same for me.');
    await submit();
    await act(async () => {});
    expect(sent).toEqual([[comment.id, { text: 'Same for me.', answer: null, attribution: 'anonymous' }]]);
    expect(props.announce).toHaveBeenCalledWith('Reply sent');
    expect(document.activeElement).toBe(button('Reply'));
    // The stored reply arrives: focus moves to it.
    thread = threadOf([comment, reply(50, comment.id, 'Same for me.')]);
    await act(async () => render(<CommentConversation {...props} thread={thread} />, container));
    expect((document.activeElement as HTMLElement).dataset.replyId).toBe(uuid(50));
  });

  it('gives focus back to Reply when the editor is cancelled with Escape', async () => {
    await mount(<CommentConversation {...conversation(threadOf([comment]))} />);
    await act(() => button('Reply')!.click());
    await act(async () => void textbox().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(container.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button('Reply'));
  });

  it('offers no Reply when replying is not allowed (an "only me" comment)', async () => {
    await mount(<CommentConversation {...conversation(threadOf([comment]), { can: { reply: false, answer: false, support: false, report: false } })} />);
    expect(button('Reply')).toBeUndefined();
    expect(button('This is my experience too')).toBeUndefined();
  });

  it('toggles "This is my experience too" with aria-pressed and the count', async () => {
    const s = support(60, comment.id);
    const others = [support(61, comment.id), support(62, comment.id)];
    const onSupport = vi.fn(async () => undefined);
    await mount(<CommentConversation {...conversation(threadOf([comment, ...others]), { onSupport })} />);
    const toggle = button('This is my experience too')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(container.textContent).toContain('2 people said this is their experience too');
    await act(async () => toggle.click());
    expect(onSupport).toHaveBeenLastCalledWith(true);
    await act(async () => render(<CommentConversation {...conversation(threadOf([comment, ...others, s], { mySupportIds: new Set([s.id]) }), { onSupport })} />, container));
    expect(button('✓ This is my experience too')!.getAttribute('aria-pressed')).toBe('true');
    expect(container.textContent).toContain('3 people said this is their experience too');
    await act(async () => button('✓ This is my experience too')!.click());
    expect(onSupport).toHaveBeenLastCalledWith(false);
    expect(supportSentence(en, 1)).toBe('1 person said this is their experience too');
  });

  it('reports with a required reason, thanks, and returns focus to Report', async () => {
    const onReport = vi.fn(async () => undefined);
    await mount(<CommentConversation {...conversation(threadOf([comment]), { onReport })} />);
    const report = button('Report')!;
    await act(() => report.click());
    const dialog = container.querySelector('[role=dialog]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.activeElement).toBe(dialog.querySelector('textarea'));
    await submit(dialog.querySelector('form')!);
    expect(onReport).not.toHaveBeenCalled();
    const error = dialog.querySelector('.text-red-error')!;
    expect(dialog.querySelector('textarea')!.getAttribute('aria-describedby')).toContain(error.id);
    await type(dialog.querySelector('textarea')!, 'It names a care worker.');
    await submit(dialog.querySelector('form')!);
    expect(onReport).toHaveBeenCalledWith(comment.id, 'It names a care worker.');
    expect(container.textContent).toContain('Thank you. A facilitator will look at this.');
    await act(async () => {});
    expect(document.activeElement?.textContent).toBe('Close');
    await act(() => (document.activeElement as HTMLButtonElement).click());
    await act(async () => {});
    expect(container.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(report);
  });

  it('has no Report or support on the person’s own comment', async () => {
    await mount(<CommentConversation {...conversation(threadOf([comment]), { commentIsMine: true })} />);
    expect(button('Report')).toBeUndefined();
    expect(button('This is my experience too')).toBeUndefined();
    expect(button('Reply')).toBeDefined();
  });
});

describe('ReplyEditor', () => {
  it('lets officers answer, and needs a reason for "We are not changing this" (error tied with aria-describedby)', async () => {
    const onSend = vi.fn(async (_d: ReplyDraft) => {});
    await mount(<ReplyEditor title="Reply to this comment" canAnswer displayName="Sam" onSend={onSend} onCancel={() => {}} />);
    const legend = container.querySelector('legend')!;
    expect(legend.textContent).toBe('Answer');
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.name.endsWith('-answer'));
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual(['Just a reply', 'We have noted this', 'We will change this', 'This has been changed', 'We are not changing this']);
    await act(() => radios[4]!.click());
    await submit();
    expect(onSend).not.toHaveBeenCalled();
    const error = [...container.querySelectorAll('p')].find((p) => p.textContent === 'Please say why this is not being changed.')!;
    expect(textbox().getAttribute('aria-describedby')).toContain(error.id);
    expect(textbox().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(textbox());
    await type(textbox(), 'The Act already covers this in section 2.');
    await submit();
    expect(onSend).toHaveBeenCalledWith({ text: 'The Act already covers this in section 2.', answer: 'not-changing', attribution: 'anonymous' });
  });

  it('tells the anonymous comment’s author how they will show, and offers no answer to members', async () => {
    await mount(<ReplyEditor title="Reply to this comment" canAnswer={false} asCommentAuthor displayName="Priya" onSend={async () => {}} onCancel={() => {}} />);
    expect(container.textContent).toContain('You will show as the author of this comment');
    expect(container.textContent).not.toContain('Just a reply');
    expect(container.textContent).not.toContain('Show your name with this reply?');
  });

  it('keeps the text and shows the reason when sending fails', async () => {
    await mount(
      <ReplyEditor
        title="Reply"
        canAnswer={false}
        displayName=""
        onSend={async () => {
          throw new Error('The comment you are replying to is not in this group or has been removed.');
        }}
        onCancel={() => {}}
      />,
    );
    await type(textbox(), 'my words');
    await submit();
    expect(textbox().value).toBe('my words');
    expect(container.textContent).toContain('has been removed.');
    expect(container.querySelector('label[for="' + textbox().id + '"]')!.textContent).toBe('Your reply');
  });
});

describe('the conversation in Welsh', () => {
  it('shows replies, the answer with its Welsh status, the count with Welsh plurals and the report dialog in Welsh', async () => {
    const answer = reply(70, comment.id, 'Byddwn yn ychwanegu hyn.', { answer: 'will-change', name: 'Sam Jones', jobTitle: 'Swyddog polisi', organisation: 'Llywodraeth Cymru' });
    const plain = reply(71, comment.id, 'Yr un peth i mi.');
    const deeper = reply(72, plain.id, 'Diolch.');
    const supports = [support(73, comment.id), support(74, comment.id), support(75, comment.id)];
    const props = conversation(threadOf([comment, answer, plain, deeper, ...supports]));
    await mount(
      <I18nProvider locale="cy">
        <CommentConversation {...props} />
      </I18nProvider>,
    );
    const text = () => container.textContent ?? '';
    expect(text()).toContain('Ymateb: Byddwn yn newid hyn — Sam Jones (Swyddog polisi, Llywodraeth Cymru)');
    expect(text()).toContain('Mae 3 o bobl wedi dweud mai dyma eu profiad nhw hefyd');
    expect(button('Dyma fy mhrofiad i hefyd')).toBeDefined();
    // Three replies fold behind "Show 3 replies": Welsh uses the singular after a number.
    await act(() => button('Dangos 3 ateb')!.click());
    expect(container.querySelector('ol')!.getAttribute('aria-label')).toBe('3 ateb');
    expect(text()).toContain('Ymateb: Byddwn yn newid hyn');
    expect(text()).toContain('Tachwedd 2026');
    expect(button('Cuddio’r atebion')).toBeDefined();
    expect(button('Ateb i’r sylw ar “promote well-being”')).toBeDefined();
    expect(text()).not.toMatch(/\bReply\b|\bReport\b|Answer:|people said/);

    await act(() => button('Rhoi gwybod am y sylw hwn')!.click());
    const dialog = container.querySelector('[role=dialog]')!;
    expect(dialog.querySelector('h3')!.textContent).toBe('Rhoi gwybod am y sylw hwn');
    expect(dialog.textContent).toContain('Pam rydych chi’n rhoi gwybod am hyn?');
    await submit(dialog.querySelector('form')!);
    expect(dialog.querySelector('.text-red-error')!.textContent).toBe('Dywedwch pam rydych chi’n rhoi gwybod am hyn.');
    await type(dialog.querySelector('textarea')!, 'Mae’n enwi gweithiwr gofal.');
    await submit(dialog.querySelector('form')!);
    expect(dialog.textContent).toContain('Diolch. Bydd hwylusydd yn edrych ar hyn.');
    expect(dialog.textContent).not.toMatch(/Report|Thank you|Close/);
  });

  it('offers the answer statuses in Welsh in the reply form and announces the sent reply in Welsh', async () => {
    const props = conversation(threadOf([comment]), { can: { ...ALL, answer: true } });
    await mount(
      <I18nProvider locale="cy">
        <CommentConversation {...props} />
      </I18nProvider>,
    );
    await act(() => button('Ateb')!.click());
    const labels = [...container.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.name.endsWith('-answer')).map((r) => r.closest('label')?.textContent);
    expect(labels).toEqual(['Dim ond ateb', 'Rydym wedi nodi hyn', 'Byddwn yn newid hyn', 'Mae hyn wedi’i newid', 'Dydyn ni ddim yn newid hyn']);
    expect(container.querySelector('form h3')!.textContent).toBe('Ateb y sylw hwn');
    await submit();
    expect(container.textContent).toContain('Ysgrifennwch rywbeth yn eich ateb cyn ei anfon.');
    await type(textbox(), 'Yr un peth i mi.');
    await submit();
    await act(async () => {});
    expect(props.announce).toHaveBeenCalledWith('Ateb wedi’i anfon');
  });

  it('my own reply nobody has answered can be deleted after a plain question; Keep it changes nothing; focus never falls to the body', async () => {
    const mine = reply(60, comment.id, 'I said too much about my mum here.', { name: 'Priya' });
    const answered = reply(61, comment.id, 'Another of mine, with a reply under it.', { name: 'Priya' });
    const under = reply(62, answered.id, 'Thank you for saying so.', { name: 'Bob' });
    const theirs = reply(63, comment.id, 'Bob’s own reply.', { name: 'Bob' });
    const onDeleteReply = vi.fn(async () => undefined);
    const props = conversation(threadOf([comment, mine, answered, under, theirs]), { mine: new Set([mine.id, answered.id]), onDeleteReply });
    await mount(<CommentConversation {...props} />);
    if (button('Show 4 replies')) await act(() => button('Show 4 replies')!.click());
    // Only on my reply with nothing under it: deleting must not take others' words with it.
    const deletes = [...container.querySelectorAll('button[data-delete]')].map((b) => b.getAttribute('data-delete'));
    expect(deletes).toEqual([mine.id]);
    expect(button('Delete')!.textContent).toBe('Delete your reply “I said too much about my mum here.” of 2 November 2026');

    await act(() => button('Delete')!.click());
    expect(container.textContent).toContain('Delete this reply? It is taken out of the group’s conversation, on every computer.');
    expect(document.activeElement).toBe(button('Delete reply'));
    await act(() => button('Keep it')!.click());
    await act(() => new Promise<void>((r) => setTimeout(r, 0)));
    expect(onDeleteReply).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('Delete'));

    await act(() => button('Delete')!.click());
    await act(async () => button('Delete reply')!.click());
    expect(onDeleteReply).toHaveBeenCalledWith(mine.id);
    expect(props.announce).toHaveBeenCalledWith('Reply deleted.');
    // The listing comes back without it: focus goes to the comment's Reply button.
    await act(async () => render(<CommentConversation {...props} thread={threadOf([comment, answered, under, theirs])} />, container));
    expect(document.activeElement).not.toBe(document.body);
    expect((document.activeElement as HTMLElement).getAttribute('data-reply-to')).toBe(comment.id);
  });

  it('puts a reply I have just deleted back with Undo, and focus goes to it once it is shown', async () => {
    const mine = reply(64, comment.id, 'I said too much about my mum here.', { name: 'Priya' });
    const onDeleteReply = vi.fn(async () => mine);
    const onRestoreReply = vi.fn(async () => undefined);
    const props = conversation(threadOf([comment, mine]), { mine: new Set([mine.id]), onDeleteReply, onRestoreReply });
    await mount(<CommentConversation {...props} />);
    expect(button('Undo')).toBeUndefined();
    await act(() => button('Delete')!.click());
    await act(async () => button('Delete reply')!.click());
    await act(async () => render(<CommentConversation {...props} thread={threadOf([comment])} />, container));
    expect(container.textContent).toContain('You deleted your reply.');
    expect(button('Undo')!.textContent).toBe('Undo deleting your reply');
    await act(async () => button('Undo')!.click());
    expect(onRestoreReply).toHaveBeenCalledWith(mine);
    expect(props.announce).toHaveBeenCalledWith('Reply put back.');
    expect(button('Undo')).toBeUndefined();
    await act(async () => render(<CommentConversation {...props} thread={threadOf([comment, mine])} />, container));
    expect(document.activeElement).toBe(container.querySelector(`[data-reply-id="${mine.id}"]`));
    expect(container.textContent).toContain('I said too much about my mum here.');
  });

  it('changes the words of my own reply from its Change button, keeps how it shows me, and gives focus back (Escape too)', async () => {
    const mine = reply(65, comment.id, 'My dad waited six weeks.', { name: 'Priya' });
    const theirs = reply(66, comment.id, 'Bob’s own reply.', { name: 'Bob' });
    const onEditReply = vi.fn(async () => undefined);
    const props = conversation(threadOf([comment, mine, theirs]), { mine: new Set([mine.id]), onEditReply });
    await mount(<CommentConversation {...props} />);
    const changes = [...container.querySelectorAll('button[data-edit]')].map((b) => b.getAttribute('data-edit'));
    expect(changes).toEqual([mine.id]);
    expect(button('Change')!.textContent).toBe('Change your reply “My dad waited six weeks.” of 2 November 2026');

    await act(() => button('Change')!.click());
    expect(container.querySelector('form h3')!.textContent).toBe('Change your reply');
    expect(textbox().value).toBe('My dad waited six weeks.');
    expect(document.activeElement).toBe(textbox());
    // How the reply shows its writer is not asked again.
    expect(container.textContent).not.toContain('Show your name with this reply?');
    await act(() => void textbox().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await act(() => new Promise<void>((r) => setTimeout(r, 0)));
    expect(container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button('Change'));
    expect(onEditReply).not.toHaveBeenCalled();

    await act(() => button('Change')!.click());
    await type(textbox(), 'My dad waited six weeks for a care assessment.');
    expect(button('Save changes')).toBeDefined();
    await submit();
    await act(() => new Promise<void>((r) => setTimeout(r, 0)));
    expect(onEditReply).toHaveBeenCalledWith(mine.id, { text: 'My dad waited six weeks for a care assessment.', answer: null });
    expect(props.announce).toHaveBeenCalledWith('Reply changed.');
    expect(container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button('Change'));
    // Once changed, the reply says so (and when).
    expect(container.textContent).not.toContain('changed');
    const changed = { ...mine, modified: '2026-11-03T09:00:00.000Z', body: [{ ...mine.body[0], value: 'My dad waited six weeks for a care assessment.' }] } as LeaReply;
    await act(async () => render(<CommentConversation {...props} thread={threadOf([comment, changed, theirs])} />, container));
    expect(container.querySelector(`[data-reply-id="${mine.id}"] p`)!.textContent).toBe('Priya · 2 November 2026 · changed 3 November 2026');
  });

  it('lets an officer change an answer’s status but not turn it into a plain reply', async () => {
    const answer = reply(67, comment.id, 'We are looking at this.', { answer: 'noted', name: 'Sam' });
    const onEditReply = vi.fn(async () => undefined);
    await mount(<CommentConversation {...conversation(threadOf([comment, answer]), { can: { ...ALL, answer: true }, mine: new Set([answer.id]), onEditReply })} />);
    await act(() => button('Change')!.click());
    const options = [...container.querySelectorAll('form input[type=radio]')].map((r) => r.closest('label')?.textContent);
    expect(options).toEqual(['We have noted this', 'We will change this', 'This has been changed', 'We are not changing this']);
    await act(() => (container.querySelector('form input[value="will-change"]') as HTMLInputElement).click());
    await submit();
    expect(onEditReply).toHaveBeenCalledWith(answer.id, { text: 'We are looking at this.', answer: 'will-change' });
  });

  it('offers no Delete on others’ replies', async () => {
    const theirs = reply(70, comment.id, 'Someone else’s reply.', { name: 'Bob' });
    await mount(<CommentConversation {...conversation(threadOf([comment, theirs]), { mine: new Set(), onDeleteReply: vi.fn(async () => undefined) })} />);
    expect(container.querySelector('button[data-delete]')).toBeNull();
  });
});
