import { roleCan, type Role } from '../model/roles';

/**
 * Whether the right-click menu offers "Add a comment on this passage": to everyone who may
 * write comments, and on a computer not connected to a group (comments are then kept on this
 * computer only). Readers (policy officers) never see an item that would only refuse them.
 */
export function commentMenuVisible(connection: { role: Role } | null): boolean {
  return connection === null || roleCan.write(connection.role);
}

/** What the menu keeper needs: the stored connection and the browser's menu update. */
export interface CommentMenuDeps {
  getConnection: () => Promise<{ role: Role } | null>;
  setVisible: (visible: boolean) => Promise<void>;
}

/**
 * Keeps the menu item's visibility in step with the connection: call `refresh` at start, after
 * the item is created and whenever sync reports a new status (a join, a role change, a
 * revocation). Only a change is sent to the browser; a failed update (the item not created
 * yet) is tried again at the next refresh.
 */
export function createCommentMenuKeeper(deps: CommentMenuDeps) {
  let shown: boolean | null = null;
  return {
    async refresh(force = false): Promise<void> {
      const visible = commentMenuVisible(await deps.getConnection());
      if (!force && visible === shown) return;
      try {
        await deps.setVisible(visible);
        shown = visible;
      } catch {
        shown = null;
      }
    },
  };
}
