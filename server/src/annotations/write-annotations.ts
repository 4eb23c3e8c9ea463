import { randomInt } from 'node:crypto';
import type { Member } from '../auth/roles';
import { cursorCodecFor, cursorFromRow } from '../changes/cursor';
import type { ChangeNote } from '../changes/hub';
import type { Notifier } from '../changes/notifier';
import { sqlState, withRetry, type Db, type Queryable } from '../db/db';
import { ApiError } from '../errors';
import { reclaimDisk } from './reclaim-disk';
import { sameJson } from '../../../utils/sync/same-json';
import type { CheckedAnnotation } from './check-annotation';
import { alreadySupported, conversationAnnotation, isConversation, requireRoleFor } from './conversation-rules';
import { insertAnnotationSql, movePosition, ROW_COLUMNS, rowCursorText, urnFor, type AnnotationRow } from './rows';

/** What a write needs besides its own arguments. */
export interface WriteContext {
  db: Db;
  notifier: Notifier;
  now: Date;
}

/** Preconditions from `If-Match` / `If-None-Match`. */
export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/** The outcome of a PUT: created (201) or updated / identical repeat (200). */
export interface PutResult {
  status: 200 | 201;
  annotation: Record<string, unknown>;
  revision: string;
  cursor: string;
}

/** Strip quotes and a weak prefix from an entity tag: `W/"3"` → `3`. */
export function parseEtag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '*') return '*';
  return trimmed.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/** Columns a write returns so the change can be announced after commit. */
export const STAMP = `group_id, author_id, revision, visibility, ever_shared, coalesce(own_xid, xid)::text as xid, coalesce(own_seq, seq)::text as seq, own_xid is not null as author_only`;

/** What STAMP selects. */
export interface StampRow {
  group_id: string;
  /** Null only for a forgotten member's tombstones. */
  author_id: string | null;
  revision: number;
  visibility: string;
  ever_shared: boolean;
  xid: string;
  seq: string;
  /** True when only the author can see this change (rows.ts, movePosition). */
  author_only: boolean;
}

/** The note announcing a written row; private never-shared rows only to their author. */
export function noteFor(row: StampRow): ChangeNote {
  const onlyFor = (row.visibility === 'private' && !row.ever_shared) || row.author_only ? (row.author_id ?? undefined) : undefined;
  return { group: row.group_id, cursor: cursorFromRow(row), ...(onlyFor ? { onlyFor } : {}) };
}

/**
 * The parameters of putAnnotation's inserts: `$1` group, `$2` id, `$3` author, `$4` body,
 * `$5` visibility, `$6` time, `$7` kind, `$8` target uuid.
 */
const NEW_ROW = { group: '$1::text', id: '$2::text', author: '$3::text', annotation: '$4::jsonb', visibility: '$5::text', now: '$6::timestamptz', kind: '$7::text', target: '$8::text' };

/** The unique index keeping one live support per member per comment (migration 005). */
const ONE_SUPPORT_INDEX = 'annotations_one_support';

/** Is this error the one-support index refusing a second live support (a race)? */
function isSecondSupport(error: unknown): boolean {
  return sqlState(error) === '23505' && error instanceof Error && 'constraint' in error && error.constraint === ONE_SUPPORT_INDEX;
}

function conflict(row: AnnotationRow, message: string): ApiError {
  return new ApiError(412, 'conflict', message, {
    current: { annotation: row.deleted ? null : row.annotation, revision: String(row.revision) },
  });
}

async function lockRow(tx: Queryable, group: string, uuid: string): Promise<AnnotationRow | undefined> {
  const { rows } = await tx.query<AnnotationRow>(`select ${ROW_COLUMNS} from annotations where group_id = $1 and id = $2 for update`, [group, uuid]);
  return rows[0];
}

/**
 * Create or update an annotation (idempotent, see PROTOCOL.md "Sync API"). Creating needs
 * `If-None-Match: *`, updating `If-Match: "<revision>"`; the same body again is a harmless
 * 200; a stale revision with a different body is 412 with the current version. The role
 * must allow the kind (a comment, reply, answer or support); replies, answers and supports
 * follow the conversation's rules (conversation-rules.ts) in the same transaction.
 */
export async function putAnnotation(
  ctx: WriteContext,
  member: Member,
  uuid: string,
  checked: CheckedAnnotation,
  pre: Preconditions,
): Promise<PutResult> {
  requireRoleFor(member, checked.kind);
  const ifMatch = parseEtag(pre.ifMatch);
  const ifNoneMatch = parseEtag(pre.ifNoneMatch);
  // Before any transaction: PGlite's one connection would wait for it to end.
  const codec = await cursorCodecFor(ctx.db);
  const now = ctx.now.toISOString();
  const params = (annotation: Record<string, unknown>) => [member.groupId, uuid, member.id, JSON.stringify(annotation), checked.visibility, now, checked.kind, checked.targetId];
  const announce = ({ result, stamp }: { result: PutResult; stamp: StampRow | null }) => {
    if (stamp) ctx.notifier.changed([noteFor(stamp)]);
    return result;
  };
  if (ifNoneMatch === '*' && !isConversation(checked.kind)) {
    // The common case, a new comment: one statement, no explicit transaction. If the id is
    // taken (a repeat, an undo, a clash) fall through to the locking path below.
    const { rows } = await ctx.db.query<StampRow>(insertAnnotationSql(NEW_ROW, `on conflict (group_id, id) do nothing returning ${STAMP}`), params(checked.annotation));
    const created = rows[0];
    if (created) return announce({ result: { status: 201, annotation: checked.annotation, revision: '1', cursor: rowCursorText(codec, created) }, stamp: created });
  }
  return withRetry(() =>
    ctx.db.transaction(async (tx) => {
      const row = await lockRow(tx, member.groupId, uuid);
      if (!row) {
        if (ifNoneMatch !== '*') {
          if (ifMatch !== undefined) throw new ApiError(412, 'conflict', 'server.commentNotOnStore', { current: null });
          throw new ApiError(428, 'precondition-required', 'server.sayCreateOrUpdate');
        }
        const annotation = await conversationAnnotation(tx, member, uuid, checked, undefined);
        const { rows } = await tx.query<StampRow>(insertAnnotationSql(NEW_ROW, `returning ${STAMP}`), params(annotation));
        return { result: { status: 201 as PutResult['status'], annotation, revision: '1', cursor: rowCursorText(codec, rows[0]!) }, stamp: rows[0]! };
      }
      if (row.author_id !== member.id) throw new ApiError(403, 'forbidden', 'server.onlyOwnChange');
      const annotation = await conversationAnnotation(tx, member, uuid, checked, row);
      if (!row.deleted && sameJson(row.annotation, annotation)) {
        // A repeated push (its response was lost): nothing changes.
        return { result: { status: 200 as PutResult['status'], annotation: row.annotation!, revision: String(row.revision), cursor: rowCursorText(codec, row) }, stamp: null };
      }
      const current = String(row.revision);
      if (row.deleted) {
        // Re-creating a deleted comment (undo): allowed to its author with either precondition.
        if (ifNoneMatch !== '*' && ifMatch !== current && ifMatch !== '*') {
          if (ifMatch === undefined) throw new ApiError(428, 'precondition-required', 'server.sayCreateOrUpdate');
          throw conflict(row, 'server.deletedSinceSeen');
        }
      } else if (ifNoneMatch === '*') {
        throw conflict(row, 'A different version of this comment is already on the store.');
      } else if (ifMatch === undefined) {
        throw new ApiError(428, 'precondition-required', 'server.updateNeedsIfMatch');
      } else if (ifMatch !== current && ifMatch !== '*') {
        throw conflict(row, 'server.changedSinceSeen');
      }
      const { rows } = await tx.query<StampRow>(
        `update annotations set revision = revision + 1, annotation = $3::jsonb, deleted = false,
           visibility = $4, ever_shared = ever_shared or $4 = 'group', kind = $6, target_id = $7,
           ${movePosition(`ever_shared and visibility = 'private' and $4 = 'private'`)}, updated_at = $5
         where group_id = $1 and id = $2
         returning ${STAMP}`,
        [member.groupId, uuid, JSON.stringify(annotation), checked.visibility, now, checked.kind, checked.targetId],
      );
      const updated = rows[0]!;
      const status: 200 | 201 = row.deleted ? 201 : 200;
      return { result: { status, annotation, revision: String(updated.revision), cursor: rowCursorText(codec, updated) }, stamp: updated as StampRow | null };
    }),
  )
    .catch((error: unknown) => {
      // Two supports of one member racing past the check: the index keeps one, the other hears why.
      if (isSecondSupport(error)) throw alreadySupported();
      throw error;
    })
    .then(announce);
}

/**
 * Delete an annotation, leaving a tombstone in the feed. Deleting again, or deleting an id
 * the store never saw, is a harmless success; `If-Match` (optional) guards a stale delete.
 */
export function deleteAnnotation(ctx: WriteContext, member: Member, uuid: string, pre: Preconditions): Promise<{ deletedNow: boolean }> {
  const ifMatch = parseEtag(pre.ifMatch);
  return ctx.db.transaction(async (tx) => {
    const row = await lockRow(tx, member.groupId, uuid);
    if (!row) return { deletedNow: false, notes: [] as ChangeNote[] };
    if (row.author_id !== member.id) throw new ApiError(403, 'forbidden', 'server.onlyOwnDelete');
    if (row.deleted) return { deletedNow: false, notes: [] as ChangeNote[] };
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== String(row.revision)) {
      throw conflict(row, 'server.changedNotDeleted');
    }
    const notes = await tombstone(ctx, tx, 'group_id = $1 and id = $2', [member.groupId, uuid]);
    return { deletedNow: true, notes };
  }).then(({ deletedNow, notes }) => {
    ctx.notifier.changed(notes);
    return { deletedNow };
  });
}

/** Turn the matching live rows into tombstones (content gone, new feed position); their notes. */
async function tombstone(ctx: WriteContext, tx: Queryable, where: string, params: unknown[]): Promise<ChangeNote[]> {
  const { rows } = await tx.query<StampRow>(
    `update annotations set revision = revision + 1, annotation = null, deleted = true, hidden_reason = null,
       ${movePosition(`ever_shared and visibility = 'private'`)}, updated_at = $${params.length + 1}
     where ${where} and not deleted
     returning ${STAMP}`,
    [...params, ctx.now.toISOString()],
  );
  return rows.map(noteFor);
}

/**
 * Hide (reason given) or unhide (null) an annotation the facilitator can see. The feed
 * shows it as `hidden` without content to everyone but facilitators.
 */
export async function setHidden(ctx: WriteContext, member: Member, uuid: string, reason: string | null) {
  const codec = await cursorCodecFor(ctx.db);
  const { rows } = await ctx.db.query<StampRow>(
    `update annotations set hidden_reason = $3, ${movePosition('false')}, updated_at = $4
     where group_id = $1 and id = $2 and not deleted and visibility = 'group'
     returning ${STAMP}`,
    [member.groupId, uuid, reason, ctx.now.toISOString()],
  );
  const row = rows[0];
  if (!row) throw new ApiError(404, 'not-found', 'server.noSuchComment');
  ctx.notifier.changed([noteFor(row)]);
  return { id: urnFor(uuid), hidden: reason === null ? null : { reason }, cursor: rowCursorText(codec, row) };
}

/**
 * "Forget me": revoke the token and remove the name, then tombstone each comment the member
 * wrote in its own transaction, in random order, without its author (comments nobody else
 * ever saw are removed outright), and finally rewrite the tables and drop old WAL so none of
 * it stays on disk (`reclaimDisk`). Nothing a reader pulls ties the tombstones to each other
 * or to the member; README "Privacy rules" says what timing still shows.
 */
export async function forgetMember(ctx: WriteContext, member: Member, options: { keepAnonymous?: boolean } = {}): Promise<number> {
  const now = ctx.now.toISOString();
  // First, so the member can write nothing more (every write checks the token).
  await ctx.db.query(`update members set display_name = null, job_title = null, organisation = null, revoked_at = coalesce(revoked_at, $2), forgotten_at = $2 where id = $1`, [member.id, now]);
  await ctx.db.query('delete from rate_limits where bucket = $1', [`write:${member.id}`]);
  // The member's choice: their anonymous contributions the group can see (comments, replies,
  // "me too") stay, with the author link cut and nothing else changed, so nothing reaches the
  // feed and nobody can tell which ones were theirs. Tombstoning them with the named ones would
  // let anyone who pulls often guess it from the timing.
  if (options.keepAnonymous) await ctx.db.query(KEEP_ANONYMOUS, [member.groupId, member.id]);
  const notes: ChangeNote[] = [];
  let count = 0;
  // Again until none is left: a write that was already under way may commit meanwhile.
  for (;;) {
    const { rows } = await ctx.db.query<{ id: string }>('select id from annotations where group_id = $1 and author_id = $2 and not deleted', [member.groupId, member.id]);
    if (rows.length === 0) break;
    for (const { id } of shuffled(rows)) {
      const { rows: gone } = await ctx.db.query<StampRow>(FORGET_ONE, [member.groupId, id, member.id, now]);
      for (const row of gone) {
        count++;
        if ((row.visibility === 'group' || row.ever_shared) && !row.author_only) notes.push(noteFor(row));
      }
    }
  }
  // What they had deleted before: private tombstones go, shared ones keep their place but lose the author.
  await ctx.db.query(`delete from annotations where author_id = $1 and deleted and visibility = 'private' and not ever_shared`, [member.id]);
  await ctx.db.query('update annotations set author_id = null where author_id = $1 and deleted', [member.id]);
  ctx.notifier.changed(notes);
  try {
    await reclaimDisk(ctx.db);
  } catch (error) {
    // The member is forgotten everywhere a client can look; only the disk keeps old bytes
    // until the next purge (any later "forget me" rewrites the same tables). Code only: no data.
    console.error(`store: could not clear forgotten text from disk (${sqlState(error) ?? 'no code'}); the next "forget me" tries again`);
  }
  return count;
}

/** Cut the author link of a member's anonymous, shared, live items (`$1` group, `$2` member); revision and feed position unchanged. */
const KEEP_ANONYMOUS = `update annotations set author_id = null
  where group_id = $1 and author_id = $2 and not deleted and visibility = 'group' and annotation is not null
    and (annotation->>'attribution' = 'anonymous' or (annotation->>'attribution' is null and annotation->'creator' is null))`;

/**
 * One forgotten comment (`$1` group, `$2` id, `$3` member, `$4` time): removed if only its
 * author ever saw it, otherwise a tombstone with no author at a new feed position.
 */
const FORGET_ONE = `with gone as (
    delete from annotations where group_id = $1 and id = $2 and author_id = $3 and visibility = 'private' and not ever_shared
    returning ${STAMP}),
  tomb as (
    update annotations set revision = revision + 1, annotation = null, deleted = true, hidden_reason = null, author_id = null,
      ${movePosition(`ever_shared and visibility = 'private'`)}, updated_at = $4::timestamptz
    where group_id = $1 and id = $2 and author_id = $3 and not deleted and (visibility = 'group' or ever_shared)
    returning ${STAMP})
  select * from gone union all select * from tomb`;

/** `items` in a random order (Fisher-Yates with node:crypto). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
