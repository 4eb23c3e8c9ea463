import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** One queued change for the sync engine to push, written in the same transaction as the change. */
export interface OutboxEntry {
  seq?: number;
  annotationId: string;
  op: 'put' | 'delete';
  queuedAt: string;
}

/**
 * IndexedDB schema owned by the background. Annotations are stored as plain W3C JSON-LD;
 * they are validated on the way in and on the way out, never trusted as stored.
 */
export interface LeaDbSchema extends DBSchema {
  annotations: {
    key: string;
    value: Record<string, unknown> & { id: string };
    indexes: { 'by-document': [string, string]; 'by-modified': string };
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
}

export type LeaDb = IDBPDatabase<LeaDbSchema>;
export const DB_NAME = 'lived-experience-annotator';
export const DB_VERSION = 1;

/**
 * Open (and create or migrate) the database. Each schema version is one step in `upgrade`,
 * so a browser that skipped releases runs every step in order.
 */
export function openLeaDb(name = DB_NAME): Promise<LeaDb> {
  // idb opens through the context's global indexedDB (fake-indexeddb/auto in unit tests).
  return openDB<LeaDbSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('by-document', ['target.source', 'created']);
        annotations.createIndex('by-modified', 'modified');
        const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('by-annotation', 'annotationId');
        db.createObjectStore('meta');
      }
    },
  });
}
