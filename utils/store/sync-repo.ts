import type { LeaDb, StoredAnnotation, SyncInfo } from './db';
import { listConflicts, recordConflict, resolveConflict } from './conflicts';
import { ackOutbox, parkOutbox, retryParked, takeOutboxBatch } from './outbox-batch';
import { applyRemoteChanges, type PullMemo } from './remote-changes';
import type { RemoteChange, SyncState } from './sync-records';
import { getNoticeState, updateNoticeState, type NoticeState } from './notice-state';
import { getDocumentLinks, setDocumentLinks } from './document-links';
import { getGroupThemes, setGroupThemes } from './group-themes';
import type { Theme } from '../model/themes';
import type { DocumentLink } from '../document/versions';
import { clearConnection, getConnection, getCursor, getSyncState, patchSyncState, setConnection, syncStatus } from './sync-meta';
import type { MessageRef } from '../i18n/translate';

/**
 * Everything the sync engine (and the sync parts of the UI) need from IndexedDB, bound to one
 * database. All sync state lives here, so a stopped service worker resumes where it was.
 */
export function createSyncRepo(db: LeaDb, clock: () => Date) {
  return {
    getConnection: () => getConnection(db),
    setConnection: (connection: Parameters<typeof setConnection>[1]) => setConnection(db, connection),
    clearConnection: () => clearConnection(db),
    getCursor: () => getCursor(db),
    getSyncState: () => getSyncState(db),
    patchSyncState: (patch: Partial<SyncState>) => patchSyncState(db, patch),
    syncStatus: () => syncStatus(db),
    /** The member's notice reads and follows (notice-state.ts). */
    getNoticeState: () => getNoticeState(db),
    updateNoticeState: (change: (state: NoticeState) => NoticeState) => updateNoticeState(db, change),
    /** The group's links between document versions, as last fetched (document-links.ts). */
    getDocumentLinks: (group: string | null | undefined) => getDocumentLinks(db, group),
    setDocumentLinks: (group: string, links: readonly DocumentLink[]) => setDocumentLinks(db, group, links),
    /** The group's theme vocabulary as last fetched, else the defaults (group-themes.ts). */
    getThemes: (group: string | null | undefined) => getGroupThemes(db, group),
    /** Keep the vocabulary just fetched; true when it changed. */
    setThemes: (group: string, themes: readonly Theme[]) => setGroupThemes(db, group, themes),

    /** Apply one remote change (no outbox entry); true if the local copy changed. */
    applyRemoteChange: async (change: RemoteChange) => (await applyRemoteChanges(db, [change], null, clock())).length > 0,
    /** Apply a page of the change feed and save `cursor` with it, atomically; `pull`: what this pull's earlier pages learnt (remote-changes.ts). */
    applyRemoteChanges: (changes: readonly RemoteChange[], cursor: string | null, pull?: PullMemo) => applyRemoteChanges(db, changes, cursor, clock(), pull),

    takeOutboxBatch: (n: number) => takeOutboxBatch(db, n),
    ackOutbox: (seq: number, revision: string | null, storeVersion?: StoredAnnotation) => ackOutbox(db, seq, revision, storeVersion),
    /** Keep the change at `seq` but stop sending it; `damaged`: the problem is on this computer. */
    parkOutbox: (seq: number, message: string, options: { damaged?: boolean; messages?: MessageRef[] } = {}) => parkOutbox(db, seq, message, clock(), options),
    retryParked: () => retryParked(db),

    recordConflict: (input: { seq: number; theirs: StoredAnnotation | null; theirsRevision: string }) => recordConflict(db, input, clock()),
    resolveConflict: (id: string, choice: 'mine' | 'theirs') => resolveConflict(db, id, choice, clock()),
    listConflicts: () => listConflicts(db),

    /** Every sync record (who wrote what, hidden, hide/unhide history), for notices. */
    listSyncInfo: () => db.getAll('syncInfo'),

    /** Every comment on this computer a facilitator hid, by id, with the reason. */
    async listHidden(): Promise<Record<string, { reason: string }>> {
      const infos = await db.getAllFromIndex('syncInfo', 'by-hidden');
      return Object.fromEntries(infos.flatMap((i) => (i.hidden ? [[i.id, i.hidden]] : [])));
    },

    /** Sync facts for the side panel (who wrote it, hidden by a facilitator), defaults filled in. */
    async syncInfoFor(ids: readonly string[]): Promise<Record<string, SyncInfo>> {
      const tx = db.transaction('syncInfo', 'readonly');
      // Most of the store (a document's whole conversation): one read of it all beats a request
      // each. A few hundred or thousand of 30,000 (a page's comments, the panel's first threads):
      // a request each, rather than reading and copying every record to keep a few.
      let found: (SyncInfo | undefined)[];
      if (ids.length > 200 && ids.length * 4 >= (await tx.store.count())) {
        const all = new Map((await tx.store.getAll()).map((info) => [info.id, info]));
        found = ids.map((id) => all.get(id));
      } else found = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return Object.fromEntries(ids.map((id, i) => [id, found[i] ?? { id, revision: null, author: 'me', hidden: null }]));
    },
  };
}

/** The sync repository's interface, as the sync engine takes it. */
export type SyncRepo = ReturnType<typeof createSyncRepo>;
