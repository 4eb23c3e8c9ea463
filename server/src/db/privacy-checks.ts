import type { Db } from './db';

/**
 * Settings of the database that keep forgotten words on disk longer than "forget me" promises,
 * as plain sentences for the operator (printed at start). PGlite has none of these: its WAL is
 * dropped by the store after a forget-me (server/src/annotations/reclaim-disk.ts).
 */
export async function privacyWarnings(db: Db): Promise<string[]> {
  if (db.kind !== 'postgres') return [];
  const { rows } = await db.query<{ name: string; setting: string }>(
    `select name, setting from pg_settings where name in ('wal_recycle', 'archive_mode')`,
  );
  const setting = new Map(rows.map((r) => [r.name, r.setting]));
  const warnings: string[] = [];
  if (setting.get('wal_recycle') === 'on') {
    warnings.push(
      'PostgreSQL has wal_recycle = on: old WAL files are reused rather than removed, so words a member asked to be forgotten can stay in them until they are overwritten. Set wal_recycle = off (see server/README.md, "Forget me").',
    );
  }
  if (setting.get('archive_mode') !== undefined && setting.get('archive_mode') !== 'off') {
    warnings.push(
      'PostgreSQL archives its WAL (archive_mode is on): the archive keeps what members asked to be forgotten. Expire it on the schedule your privacy notice gives (see server/README.md, "Forget me").',
    );
  }
  return warnings;
}
