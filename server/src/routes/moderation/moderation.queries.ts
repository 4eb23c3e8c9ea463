import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/db';

/** One facilitator action as the moderation record keeps it. */
export type ModerationAction = 'hide' | 'unhide' | 'dismiss';

/** What a facilitator did, to which annotation (uuid) and why. */
export interface ActionInput {
  group: string;
  by: string;
  action: ModerationAction;
  target: string;
  reason: string | null;
  at: Date;
}

/**
 * Put a hide or unhide on the record and close the open reports about its annotation, in
 * one statement (PostgreSQL runs a data-modifying CTE whether or not it is referenced).
 */
export async function recordAndClose(db: Queryable, a: ActionInput): Promise<void> {
  await db.query(
    `with closed as (update reports set closed_at = $6 where group_id = $2 and target_id = $5 and closed_at is null returning 1)
     insert into moderation_actions (id, group_id, at, by_member_id, action, target_id, reason) values ($1, $2, $6, $3, $4, $5, $7)`,
    [randomUUID(), a.group, a.by, a.action, a.target, a.at.toISOString(), a.reason],
  );
}

/**
 * Dismiss: close the open reports about an annotation and, if there were any, record it.
 * Resolves to how many reports were closed.
 */
export async function dismissOpenReports(db: Queryable, a: Omit<ActionInput, 'action'>): Promise<number> {
  const { rows } = await db.query<{ dismissed: number }>(
    `with closed as (update reports set closed_at = $5 where group_id = $2 and target_id = $4 and closed_at is null returning 1),
       act as (insert into moderation_actions (id, group_id, at, by_member_id, action, target_id, reason)
         select $1, $2, $5, $3, 'dismiss', $4, $6 where exists (select 1 from closed) returning 1)
     select (select count(*) from closed)::int as dismissed, (select count(*) from act)::int as recorded`,
    [randomUUID(), a.group, a.by, a.target, a.at.toISOString(), a.reason],
  );
  return Number(rows[0]?.dismissed ?? 0);
}
