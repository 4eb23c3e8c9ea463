import { checkAnnotation, type LeaAnnotation } from '../model';
import type { LeaDb, OutboxEntry } from './db';
import { StoreError, storageSentence } from './errors';
import { writeWithOutbox } from './write-ahead';
import { claimedKind } from './items';

/** A stored record that no longer passes validation: kept, never dropped, and reported. */
export interface DamagedRecord {
  id: string;
  problems: string[];
}

export interface DocumentAnnotations {
  annotations: LeaAnnotation[];
  damaged: DamagedRecord[];
}

/**
 * Reads and writes comments. Every write puts the annotation and its outbox entry in one
 * transaction, so a comment is never saved without being queued for the group (and vice versa).
 */
export function createAnnotationRepo(db: LeaDb, clock: () => Date) {
  return {
    /** Save a new or edited comment; resolves only once it is durably in IndexedDB. */
    async save(input: unknown): Promise<LeaAnnotation> {
      const checked = checkAnnotation(input);
      if (!checked.ok) {
        throw new StoreError(storageSentence('sync.storage.comment', { problems: checked.problems.join('; ') }), 'invalid');
      }
      const annotation = checked.value;
      await writeWithOutbox(db, clock(), annotation.id, 'put', annotation);
      return annotation;
    },

    /** Delete a comment, returning what was deleted so the UI can offer undo. */
    async remove(id: string): Promise<LeaAnnotation | null> {
      const existing = await this.get(id);
      await writeWithOutbox(db, clock(), id, 'delete');
      return existing;
    },

    async get(id: string): Promise<LeaAnnotation | null> {
      const record = await db.get('annotations', id);
      if (!record) return null;
      const checked = checkAnnotation(record);
      return checked.ok ? checked.value : null;
    },

    /** Every comment on a document (any of its known addresses), oldest first. */
    async listForDocument(uris: readonly string[]): Promise<DocumentAnnotations> {
      const seen = new Set<string>();
      const result: DocumentAnnotations = { annotations: [], damaged: [] };
      for (const uri of uris) {
        const range = IDBKeyRange.bound([uri, ''], [uri, '\uffff']);
        for (const record of await db.getAllFromIndex('annotations', 'by-document', range)) {
          if (seen.has(record.id)) continue;
          seen.add(record.id);
          const checked = checkAnnotation(record);
          if (checked.ok) result.annotations.push(checked.value);
          else result.damaged.push({ id: String(record.id), problems: checked.problems });
        }
      }
      result.annotations.sort((a, b) => a.created.localeCompare(b.created));
      return result;
    },

    /**
     * The ids of a document's comments (any of its addresses), from the index's keys alone: the
     * sync facts for them can be read while the records themselves are read and checked.
     */
    async idsForDocument(uris: readonly string[]): Promise<string[]> {
      const ids = new Set<string>();
      for (const uri of uris) {
        for (const id of await db.getAllKeysFromIndex('annotations', 'by-document', IDBKeyRange.bound([uri, ''], [uri, '\uffff']))) ids.add(id);
      }
      return [...ids];
    },

    /** Distinct document addresses of stored items starting with `prefix` (the versions of one provision). */
    async documentsStartingWith(prefix: string): Promise<string[]> {
      // Index keys only, one step per address: the cursor jumps past each address's comments
      // (a page of 2,000 comments used to read all 2,000 records here, on every page load).
      const range = IDBKeyRange.bound([prefix, ''], [`${prefix}\uffff`, '']);
      const found: string[] = [];
      const index = db.transaction('annotations').store.index('by-document');
      for (let cursor = await index.openKeyCursor(range); cursor; ) {
        const [source] = cursor.key;
        found.push(source);
        cursor = await cursor.continue([source, '\uffff']);
      }
      return found;
    },

    /** Every readable comment (not replies or supports) on every document (for the whole-group digest), oldest first. */
    async listAll(): Promise<DocumentAnnotations> {
      const result: DocumentAnnotations = { annotations: [], damaged: [] };
      for (const record of await db.getAll('annotations')) {
        if (claimedKind(record) !== 'comment') continue; // replies and supports: conversation-repo.ts
        const checked = checkAnnotation(record);
        if (checked.ok) result.annotations.push(checked.value);
        else result.damaged.push({ id: String(record.id), problems: checked.problems });
      }
      result.annotations.sort((a, b) => a.created.localeCompare(b.created));
      return result;
    },

    /** Pending changes for the sync engine, oldest first. */
    async pendingOutbox(): Promise<OutboxEntry[]> {
      return db.getAll('outbox');
    },
  };
}

export type AnnotationRepo = ReturnType<typeof createAnnotationRepo>;
