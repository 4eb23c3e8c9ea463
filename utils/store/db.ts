import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { MessageRef } from '../i18n/translate';

/** An annotation as kept in IndexedDB: plain W3C JSON-LD, validated on the way in and out. */
export type StoredAnnotation = Record<string, unknown> & { id: string };

/** One queued change for the sync engine to push, written in the same transaction as the change. */
export interface OutboxEntry {
  seq?: number;
  annotationId: string;
  op: 'put' | 'delete';
  queuedAt: string;
  /**
   * Set when the store refused this change for good (for example a comment it finds invalid),
   * or when this computer found it damaged (`damaged`): the entry is kept, skipped by the sync
   * engine and explained to the person.
   */
  parked?: { message: string; at: string; damaged?: true; /** The store's catalogue messages, said in the reader's language when shown. */ messages?: MessageRef[] };
}

/**
 * What this computer knows about an annotation's copy in the group store (schema v2).
 * A missing record means "written here, never sent": `{ revision: null, author: 'me' }`.
 */
export interface SyncInfo {
  id: string;
  /** The store revision the local copy is based on (sent as If-Match), or null if never sent. */
  revision: string | null;
  /** 'me' for comments written on this computer; 'other' for comments that arrived from the store. */
  author: 'me' | 'other';
  /** Set when a facilitator hid the comment (only facilitators still receive its text). */
  hidden: { reason: string } | null;
  /**
   * Schema v3: facilitators hiding or showing again one of MY items, newest last (at most 20),
   * each at the store revision that did it: the notices `hidden:<uuid>:<revision>` and
   * `unhidden:<uuid>:<revision>` come from these.
   */
  moderation?: ModerationEvent[];
}

/** A facilitator hid or showed again one of my items, as this computer saw it. */
export interface ModerationEvent {
  action: 'hidden' | 'unhidden';
  revision: string;
  /** The hide's reason (for 'unhidden': the reason it had been hidden for). */
  reason: string;
  /** When this computer saw it (ISO). */
  at: string;
}

/**
 * Two versions of one comment after the store refused an edit as stale (412): the local one
 * and the store's one, kept until the author chooses (schema v2).
 */
export interface ConflictRecord {
  id: string;
  /** The local version when the conflict was found (null: it was deleted here). */
  mine: StoredAnnotation | null;
  /** The store's current version (null: it was deleted in the store). */
  theirs: StoredAnnotation | null;
  theirsRevision: string;
  detectedAt: string;
}

/**
 * IndexedDB schema owned by the background. Annotations are stored as plain W3C JSON-LD;
 * they are validated on the way in and on the way out, never trusted as stored.
 */
export interface LeaDbSchema extends DBSchema {
  annotations: {
    key: string;
    value: StoredAnnotation;
    /**
     * 'by-target' (v3): replies, supports and hidden-reply placeholders by the id they target
     * (a comment's object `target` is not a valid key, so comments are not in it);
     * 'by-on-document' (v3): replies by the thread's document.
     */
    indexes: { 'by-document': [string, string]; 'by-target': string; 'by-on-document': string };
  };
  outbox: {
    key: number;
    value: OutboxEntry;
    indexes: { 'by-annotation': string };
  };
  meta: {
    key: string;
    value: unknown;
  };
  syncInfo: {
    key: string;
    value: SyncInfo;
    /** 'by-hidden' (v4): only the items a facilitator hid (records without a reason are not in it). */
    indexes: { 'by-hidden': string };
  };
  conflicts: {
    key: string;
    value: ConflictRecord;
  };
}

export type LeaDb = IDBPDatabase<LeaDbSchema>;
export const DB_NAME = 'lived-experience-annotator';
export const DB_VERSION = 5;

/**
 * Open (and create or migrate) the database. Each schema version is one step in `upgrade`,
 * so a browser that skipped releases runs every step in order.
 */
export function openLeaDb(name = DB_NAME): Promise<LeaDb> {
  // idb opens through the context's global indexedDB (fake-indexeddb/auto in unit tests).
  return openDB<LeaDbSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('by-document', ['target.source', 'created']);
        // (v1 also made a 'by-modified' index; v5 removes it, so a new database goes without.)
        const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('by-annotation', 'annotationId');
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        // Sync with a group store. Existing comments need no rewrite: a missing SyncInfo
        // means "written here, never sent", which is exactly what every v1 comment is.
        db.createObjectStore('syncInfo', { keyPath: 'id' });
        db.createObjectStore('conflicts', { keyPath: 'id' });
      }
      if (oldVersion < 3) {
        // The conversation: replies and supports live beside comments, found by what they target.
        // No rewrite: v2 holds only comments, which these indexes leave out.
        const annotations = tx.objectStore('annotations');
        annotations.createIndex('by-target', 'target');
        annotations.createIndex('by-on-document', 'onDocument');
      }
      if (oldVersion < 4) {
        // What a facilitator hid, without reading every sync record (the side panel's status
        // asks at each start: 32,000 records read for a handful). Built from the records there.
        tx.objectStore('syncInfo').createIndex('by-hidden', 'hidden.reason');
      }
      if (oldVersion < 5) {
        // 'by-modified' had one entry for every record (32,000 on a large conversation) and only
        // the whole-group digest read it, which sorts by creation anyway: one write less per item
        // on every sync (the initial sync's IndexedDB work about 11% less, bench:conversation).
        const annotations = tx.objectStore('annotations');
        // No longer in the schema's types: a plain IDBObjectStore says what an old database holds.
        const raw = annotations as unknown as IDBObjectStore;
        if (raw.indexNames.contains('by-modified')) raw.deleteIndex('by-modified');
      }
    },
  });
}
