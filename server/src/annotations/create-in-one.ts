import { countHitSql } from '../auth/rate-limit';
import { MEMBER_BY_TOKEN, type MemberRow } from '../auth/middleware';
import { WRITER_ROLES } from '../auth/roles';
import type { Db } from '../db/db';
import type { AnnotationKind } from './check-annotation';
import { insertAnnotationSql } from './rows';
import { STAMP, type StampRow } from './write-annotations';

/** What the one-statement create found and did. */
export interface OneStatementCreate {
  /** The caller's members row (null: unknown token). */
  member: MemberRow | null;
  /** Writes counted in the caller's window, this one included (0 if not counted). */
  hits: number;
  /** The new row, or null when nothing was inserted (refused, or the id exists). */
  stamp: StampRow | null;
}

/** Inputs of the one-statement create. */
export interface OneStatementCreateInput {
  tokenHash: string;
  windowStart: string;
  maxHits: number;
  group: string;
  uuid: string;
  /** The checked annotation, stored as is. */
  annotation: Record<string, unknown>;
  visibility: string;
  /** What the annotation is (check-annotation.ts). Only comments and other W3C annotations are created here. */
  kind: AnnotationKind;
  now: string;
}

/**
 * The kinds the one-statement creates may insert: those that need nothing but the writer's
 * role. Replies, answers and supports have rules on their target, their creator and their
 * uniqueness (write-annotations.ts `putAnnotation`); the fast paths leave them to it, and
 * their SQL refuses any other kind too, so no rule is skipped whatever a caller passes.
 */
export const FAST_KINDS: readonly AnnotationKind[] = ['comment', 'other'];

/**
 * Authenticate, count the write and insert a new annotation in ONE statement: the hot path
 * of a push (PUT with If-None-Match: *). It inserts only if the token is current, the group
 * is the caller's, the role may write, the kind is a comment or another W3C annotation
 * (FAST_KINDS) and the rate limit allows; otherwise, or when the id
 * already exists, it inserts nothing and the usual middleware chain decides (with the
 * caller already counted). On this machine a write's cost is mostly round trips.
 */
export async function createInOneStatement(db: Db, input: OneStatementCreateInput): Promise<OneStatementCreate> {
  const { rows } = await db.query<MemberRow & { hits: number | null; stamp: StampRow | null }>(
    `with m as (${MEMBER_BY_TOKEN}),
       r as (${countHitSql(`'write:' || m.id`, '$2::timestamptz', 'from m where m.revoked_at is null')}),
       ins as (
         ${insertAnnotationSql(
           { group: '$3', id: '$4', author: 'm.id', annotation: '$5::jsonb', visibility: '$6', kind: '$10::text', target: 'null::text', now: '$7::timestamptz' },
           `from m, r
           where m.revoked_at is null and m.group_id = $3 and r.hits <= $8
             and m.role in (select json_array_elements_text($9::json))
             and $10::text in (select json_array_elements_text($11::json))
           on conflict (group_id, id) do nothing
           returning ${STAMP}`,
         )})
     select m.*, (select hits from r) as hits, (select row_to_json(ins) from ins) as stamp from m`,
    [input.tokenHash, input.windowStart, input.group, input.uuid, JSON.stringify(input.annotation), input.visibility, input.now, input.maxHits, JSON.stringify(WRITER_ROLES), input.kind, JSON.stringify(FAST_KINDS)],
  );
  const row = rows[0];
  if (!row) return { member: null, hits: 0, stamp: null };
  const { hits, stamp, ...member } = row;
  return { member, hits: Number(hits ?? 0), stamp: stamp ?? null };
}
