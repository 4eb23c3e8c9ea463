import { checkReply, checkSupport, isComment, isReply, isSupport, type LeaItem, type LeaReply, type LeaSupport } from '../model';
import type { DamagedRecord } from './annotation-repo';
import type { LeaDb, StoredAnnotation } from './db';
import { StoreError, storageSentence } from './errors';
import { checkItem, claimedKind, readHiddenComment, readPlaceholder, type Placeholder } from './items';
import { groupOutbox, parkedReason } from './outbox-batch';
import { writeWithOutbox } from './write-ahead';

/** A document's threads as stored here: comments, their replies and supports, hidden-reply placeholders. */
export interface ThreadItems {
  items: LeaItem[];
  placeholders: Placeholder[];
  /** Threads' comments a facilitator hid from this member (their replies stay). */
  hiddenComments: string[];
  damaged: DamagedRecord[];
}

/** How many records a long read checks before letting the context's other work run. */
const CHECKS_BEFORE_YIELD = 2000;

/** Let queued events (other messages, other transactions) run, then go on. */
const yieldToOtherWork = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What a reply or placeholder answers (null for comments and supports: they end a walk up a thread). */
function parentOf(found: LeaItem | Placeholder): string | null {
  if ('placeholder' in found) return found.target;
  return isReply(found) ? found.target : null;
}

/**
 * Replies and supports on this computer. Writes are write-ahead like comments: the item and
 * its outbox entry land in one transaction before the caller hears "saved". Comments keep
 * going through the annotation repo.
 */
export function createConversationRepo(db: LeaDb, clock: () => Date) {
  function sort(result: ThreadItems): ThreadItems {
    result.items.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
    return result;
  }
  function take(record: StoredAnnotation, result: ThreadItems, seen: Set<string>): LeaItem | Placeholder | null {
    if (seen.has(record.id)) return null;
    seen.add(record.id);
    const hiddenComment = readHiddenComment(record);
    if (hiddenComment) {
      result.hiddenComments.push(hiddenComment);
      return null;
    }
    const placeholder = readPlaceholder(record);
    if (placeholder) {
      result.placeholders.push(placeholder);
      return placeholder;
    }
    const checked = checkItem(record);
    if (!checked.ok) {
      result.damaged.push({ id: String(record.id), problems: checked.problems });
      return null;
    }
    result.items.push(checked.value);
    return checked.value;
  }

  return {
    /** Save a new or edited reply (answers included); resolves once it is in IndexedDB with its outbox entry. */
    async saveReply(input: unknown): Promise<LeaReply> {
      const checked = checkReply(input);
      if (!checked.ok) throw new StoreError(storageSentence('sync.storage.reply', { problems: checked.problems.join('; ') }), 'invalid');
      await writeWithOutbox(db, clock(), checked.value.id, 'put', checked.value);
      return checked.value;
    },

    /** Save a "this is my experience too"; resolves once it is in IndexedDB with its outbox entry. */
    async saveSupport(input: unknown): Promise<LeaSupport> {
      const checked = checkSupport(input);
      if (!checked.ok) throw new StoreError(storageSentence('sync.storage.support', { problems: checked.problems.join('; ') }), 'invalid');
      await writeWithOutbox(db, clock(), checked.value.id, 'put', checked.value);
      return checked.value;
    },

    /** Delete a reply or support (queued for the store), returning what was deleted. */
    async remove(id: string): Promise<LeaItem | null> {
      const existing = await this.get(id);
      await writeWithOutbox(db, clock(), id, 'delete');
      return existing;
    },

    /** A comment, reply or support by id (null: absent, a placeholder, or damaged). */
    async get(id: string): Promise<LeaItem | null> {
      const record = await db.get('annotations', id);
      if (!record) return null;
      const checked = checkItem(record);
      return checked.ok ? checked.value : null;
    },

    /**
     * A document's threads (any of its addresses): its comments, every reply and support
     * reaching them through `target` at any depth, replies whose `onDocument` is the document
     * (threads whose comment was removed), and placeholders for hidden replies.
     */
    async threadItems(uris: readonly string[]): Promise<ThreadItems> {
      const result: ThreadItems = { items: [], placeholders: [], hiddenComments: [], damaged: [] };
      const seen = new Set<string>();
      const tx = db.transaction('annotations', 'readonly');
      const frontier: string[] = [];
      for (const uri of new Set(uris)) {
        const range = IDBKeyRange.bound([uri, ''], [uri, '\uffff']);
        for (const record of await tx.store.index('by-document').getAll(range)) {
          if (claimedKind(record) === 'comment' && take(record, result, seen)) frontier.push(record.id);
        }
        for (const record of await tx.store.index('by-on-document').getAll(uri)) {
          if (take(record, result, seen)) frontier.push(record.id);
        }
      }
      // Down the threads: whatever targets something found so far (replies to replies included).
      // One read of the index (replies, supports and placeholders only), then the walk in memory:
      // far fewer round trips than one query per item.
      const byTarget = new Map<string, StoredAnnotation[]>();
      if (frontier.length > 0) {
        for (const record of await tx.store.index('by-target').getAll()) {
          const target = String(record.target);
          const list = byTarget.get(target);
          if (list) list.push(record);
          else byTarget.set(target, [record]);
        }
      }
      await tx.done;
      // Checking tens of thousands of records takes the service worker a second or more: it
      // stops every CHECKS_BEFORE_YIELD records so other requests (a panel opened meanwhile
      // asking for its first threads) are answered in between, not after.
      let checked = 0;
      for (let i = 0; i < frontier.length; i++) {
        for (const record of byTarget.get(frontier[i]!) ?? []) {
          const found = take(record, result, seen);
          if (found && ('placeholder' in found || !isSupport(found))) frontier.push(record.id);
          if (++checked % CHECKS_BEFORE_YIELD === 0) await yieldToOtherWork();
        }
      }
      // Up from replies whose thread's comment is known only through `onDocument`: their parents.
      const up = db.transaction('annotations', 'readonly');
      for (const item of [...result.items]) {
        let target = isReply(item) ? item.target : null;
        while (target && !seen.has(target)) {
          const record = await up.store.get(target);
          if (!record) break;
          const found = take(record, result, seen);
          target = found ? parentOf(found) : null;
        }
      }
      await up.done;
      return sort(result);
    },

    /**
     * The threads of the comments `commentIds` only (the side panel's first screenful): each
     * comment, and what targets it at any depth, read by id through the target index, so the
     * cost follows these threads and not the whole document's conversation.
     */
    async threadItemsFor(commentIds: readonly string[]): Promise<ThreadItems> {
      const result: ThreadItems = { items: [], placeholders: [], hiddenComments: [], damaged: [] };
      const seen = new Set<string>();
      const tx = db.transaction('annotations', 'readonly');
      const index = tx.store.index('by-target');
      let frontier: string[] = [];
      const records = await Promise.all([...new Set(commentIds)].map((id) => tx.store.get(id)));
      for (const record of records) {
        if (record && claimedKind(record) === 'comment' && take(record, result, seen)) frontier.push(record.id);
      }
      while (frontier.length > 0) {
        const next: string[] = [];
        const lists = await Promise.all(frontier.map((id) => index.getAll(id)));
        for (const list of lists) {
          for (const record of list) {
            const found = take(record, result, seen);
            if (found && ('placeholder' in found || !isSupport(found))) next.push(record.id);
          }
        }
        frontier = next;
      }
      await tx.done;
      return sort(result);
    },

    /** The replies and supports that target `id` directly. */
    async byTarget(id: string): Promise<LeaItem[]> {
      const result: ThreadItems = { items: [], placeholders: [], hiddenComments: [], damaged: [] };
      const seen = new Set<string>();
      for (const record of await db.getAllFromIndex('annotations', 'by-target', id)) take(record, result, seen);
      return sort(result).items;
    },

    /** Which items have changes waiting to be sent, and which the store refused (with its reason). */
    async outboxFor(): Promise<{ pending: Set<string>; refused: Map<string, string> }> {
      const pending = new Set<string>();
      const refused = new Map<string, string>();
      for (const [id, list] of groupOutbox(await db.getAll('outbox'))) {
        const parked = list[list.length - 1]!.parked;
        if (parked) refused.set(id, parkedReason(parked));
        else pending.add(id);
      }
      return { pending, refused };
    },

    /**
     * Every item and placeholder on this computer (for notices); `keep` leaves records out
     * before they are validated (notices need only some comments).
     */
    async allItems(keep: (record: StoredAnnotation) => boolean = () => true): Promise<ThreadItems> {
      const result: ThreadItems = { items: [], placeholders: [], hiddenComments: [], damaged: [] };
      const seen = new Set<string>();
      for (const record of await db.getAll('annotations')) if (keep(record)) take(record, result, seen);
      return sort(result);
    },

    /** The comment at the root of `id`'s thread (following reply targets up), or null when it is not here. */
    async rootComment(id: string): Promise<{ rootId: string; comment: LeaItem | null }> {
      const seen = new Set<string>();
      let current = id;
      for (;;) {
        seen.add(current);
        const record = await db.get('annotations', current);
        const placeholder = readPlaceholder(record);
        const checked = record && !placeholder ? checkItem(record) : null;
        const item = checked?.ok ? checked.value : null;
        if (item && isComment(item)) return { rootId: current, comment: item };
        const next = item && isReply(item) ? item.target : placeholder ? placeholder.target : null;
        if (!next || seen.has(next)) return { rootId: current, comment: null };
        current = next;
      }
    },
  };
}

/** The conversation repository, as the background's conversation service takes it. */
export type ConversationRepo = ReturnType<typeof createConversationRepo>;
