import type { Db } from '../db/db';

/**
 * Make deleted text leave the disk (after "forget me"). An UPDATE or DELETE only marks old
 * row versions dead and plain VACUUM leaves their bytes in the pages, so VACUUM FULL rewrites
 * `annotations`, `search_items` (the words search reads) and `members` (heap, TOAST, indexes) into new files and drops the old ones;
 * then the database drops the WAL segments that still hold the inserts (`dropOldWal`).
 * README "Forget me on disk" says what this covers on each engine, and what it cannot.
 */
export async function reclaimDisk(db: Db): Promise<void> {
  // One statement per call: VACUUM refuses to run inside a transaction block.
  await db.exec('vacuum full annotations');
  await db.exec('vacuum full search_items');
  await db.exec('vacuum full members');
  await db.dropOldWal();
}
