import { describe, expect, it } from 'vitest';
import { commentMenuVisible, createCommentMenuKeeper } from './comment-menu';
import type { Role } from '../model/roles';

describe('the "Add a comment" menu item', () => {
  it('is offered to members, facilitators and people not in a group, never to readers', () => {
    expect(commentMenuVisible(null)).toBe(true);
    expect(commentMenuVisible({ role: 'member' })).toBe(true);
    expect(commentMenuVisible({ role: 'facilitator' })).toBe(true);
    expect(commentMenuVisible({ role: 'reader' })).toBe(false);
  });

  it('follows the connection: hidden once a reader joins, shown again when the role changes', async () => {
    let connection: { role: Role } | null = null;
    const calls: boolean[] = [];
    const keeper = createCommentMenuKeeper({ getConnection: async () => connection, setVisible: async (v) => void calls.push(v) });
    await keeper.refresh();
    connection = { role: 'reader' };
    await keeper.refresh();
    await keeper.refresh(); // no change: nothing sent
    connection = { role: 'member' };
    await keeper.refresh();
    expect(calls).toEqual([true, false, true]);
  });

  it('tries again at the next refresh when the browser refused (the item not made yet)', async () => {
    let fail = true;
    const calls: boolean[] = [];
    const keeper = createCommentMenuKeeper({
      getConnection: async () => ({ role: 'reader' }),
      setVisible: async (v) => {
        if (fail) throw new Error('Cannot find menu item with id lea-add-comment');
        calls.push(v);
      },
    });
    await keeper.refresh();
    fail = false;
    await keeper.refresh();
    expect(calls).toEqual([false]);
  });
});
