import type { Broadcast, PageRequest, ViewerRelay } from '../messaging/protocol';

/** The browser calls the tab messenger makes, passed in (tabs.query, tabs.sendMessage, runtime.sendMessage). */
export interface TabMessengerDeps {
  queryTabs(query: { active?: boolean; currentWindow?: boolean }): Promise<{ id?: number }[]>;
  sendToTab(tabId: number, message: PageRequest): Promise<unknown>;
  /** Reaches every extension page: the PDF viewer (an extension page in a tab) and the panels. */
  sendToExtension(message: ViewerRelay | Broadcast): Promise<unknown>;
}

/** What the background tells pages and panels: repaint, start a comment, the sync status changed. */
export function createTabMessenger({ queryTabs, sendToTab, sendToExtension }: TabMessengerDeps) {
  return {
    /** Every tab repaints after a change, so the same document open twice stays in step. */
    async repaintAll(): Promise<void> {
      const tabs = await queryTabs({});
      await Promise.allSettled([
        ...tabs.flatMap((tab) => (tab.id === undefined ? [] : [sendToTab(tab.id, { type: 'page/repaint' })])),
        // PDF viewer tabs are extension pages, which only runtime messages reach.
        sendToExtension({ type: 'viewer/page', request: { type: 'page/repaint' } }),
      ]);
    },

    /** The context menu or keyboard command: open the comment editor on the selection in `tabId` (or the active tab). */
    async startComment(tabId?: number): Promise<void> {
      const id = tabId ?? (await queryTabs({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await sendToTab(id, { type: 'page/start-comment' }).catch(() => undefined);
    },

    /** Tell open panels to read the notices again (nobody may be listening). */
    async noticesChanged(): Promise<void> {
      await sendToExtension({ type: 'broadcast/notices-changed' }).catch(() => undefined);
    },
    /** Tell open panels to read the sync status again (nobody may be listening). */
    async statusChanged(): Promise<void> {
      await sendToExtension({ type: 'broadcast/sync-status' }).catch(() => undefined);
    },
  };
}

/** The tab messenger as the background wires it. */
export type TabMessenger = ReturnType<typeof createTabMessenger>;
