import type { LeaDb, OutboxEntry, StoredAnnotation } from './db';
import { explainStorageFailure } from './errors';
import { abortQuietly } from './outbox-batch';

/**
 * Write (or delete) an annotation and queue its outbox entry in one transaction: an item is
 * never saved without being queued for the group, and never queued without being saved.
 */
export async function writeWithOutbox(db: LeaDb, at: Date, annotationId: string, op: OutboxEntry['op'], record?: StoredAnnotation): Promise<void> {
  const tx = db.transaction(['annotations', 'outbox'], 'readwrite');
  try {
    const annotations = tx.objectStore('annotations');
    await Promise.all([
      record ? annotations.put(structuredClone(record)) : annotations.delete(annotationId),
      tx.objectStore('outbox').add({ annotationId, op, queuedAt: at.toISOString() }),
      tx.done,
    ]);
  } catch (error) {
    // Either both writes land or neither.
    abortQuietly(tx);
    throw explainStorageFailure(error);
  }
}
