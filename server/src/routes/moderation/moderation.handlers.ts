import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { redactAnnotation } from '../../annotations/check-annotation';
import { urnFor } from '../../annotations/rows';
import { can } from '../../auth/roles';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { readBody, uuidParam } from '../../validate';
import { dismissOpenReports, type ModerationAction } from './moderation.queries';
import { DismissSchema, ReportSchema } from './moderation.schemas';

/** Most entries `GET .../moderation` lists in each part (newest first). */
export const MODERATION_LIST_LIMIT = 1000;

/** How the record names a facilitator who has since been forgotten. */
export const FORMER_MEMBER = 'A former member';

interface ReportRow {
  id: string;
  target_id: string;
  reason: string;
  created_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function reportBody(r: ReportRow) {
  return { id: r.id, target: urnFor(r.target_id), reason: r.reason, created: iso(r.created_at) };
}

/**
 * `POST /api/groups/{group}/annotations/{uuid}/reports {"reason"}`: ask the facilitators to
 * look at a comment or reply. The target must be live and visible to the whole group (and to
 * the caller: a hidden one only to a facilitator). The same member reporting it again while
 * their report is open gets that report back (200). Nobody is ever told who reported.
 */
export async function createReport(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  const { reason } = await readBody(c, ReportSchema);
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const { rows: targets } = await db.query<{ visibility: string; live: boolean; hidden: boolean }>(
    `select visibility, (annotation is not null and not deleted) as live, hidden_reason is not null as hidden from annotations where group_id = $1 and id = $2`,
    [member.groupId, uuid],
  );
  const target = targets[0];
  if (!target || !target.live || target.visibility !== 'group' || (target.hidden && !can.seeHidden(member))) {
    throw new ApiError(404, 'not-found', 'server.reportTargetMissing');
  }
  const { rows: made } = await db.query<ReportRow>(
    `insert into reports (id, group_id, target_id, reporter_id, reason, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (group_id, target_id, reporter_id) where closed_at is null do nothing
     returning id, target_id, reason, created_at`,
    [randomUUID(), member.groupId, uuid, member.id, reason, clock().toISOString()],
  );
  if (made[0]) return c.json({ report: reportBody(made[0]) }, 201);
  const { rows: open } = await db.query<ReportRow>(
    'select id, target_id, reason, created_at from reports where group_id = $1 and target_id = $2 and reporter_id = $3 and closed_at is null',
    [member.groupId, uuid, member.id],
  );
  // Closed between the two statements (a facilitator acted): report it afresh.
  if (!open[0]) return createReportAgain(c, uuid, reason);
  return c.json({ report: reportBody(open[0]) }, 200);
}

async function createReportAgain(c: Context<AppEnv>, uuid: string, reason: string) {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const { rows } = await db.query<ReportRow>(
    `insert into reports (id, group_id, target_id, reporter_id, reason, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (group_id, target_id, reporter_id) where closed_at is null do nothing
     returning id, target_id, reason, created_at`,
    [randomUUID(), member.groupId, uuid, member.id, reason, clock().toISOString()],
  );
  if (!rows[0]) throw new ApiError(409, 'conflict', 'server.reportChanged');
  return c.json({ report: reportBody(rows[0]) }, 201);
}

/**
 * `POST /api/groups/{group}/annotations/{uuid}/reports/dismiss {"reason"}`: close the open
 * reports about an annotation without hiding it; on the record when there were any.
 * Answers `{"dismissed": <reports closed>}` (0 when none was open: repeating is harmless).
 */
export async function dismissReports(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  const { reason } = await readBody(c, DismissSchema);
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const dismissed = await dismissOpenReports(db, { group: member.groupId, by: member.id, target: uuid, reason, at: clock() });
  return c.json({ dismissed });
}

interface TargetRow {
  id: string;
  annotation: Record<string, unknown> | null;
  deleted: boolean;
  visibility: string;
  hidden_reason: string | null;
}

interface RecordRow {
  id: string;
  at: Date | string;
  by_member_id: string | null;
  display_name: string | null;
  forgotten: boolean;
  action: ModerationAction;
  target_id: string;
  reason: string | null;
}

/**
 * `GET /api/groups/{group}/moderation` (facilitators): what to review — every annotation with
 * open reports (their reasons, never who made them) and every hidden one, each with its
 * content (null once deleted or made private) — and the record of hides, unhides and
 * dismissals: who, when, what and why, newest first.
 */
export async function getModeration(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const group = c.get('member').groupId;
  const { rows: reports } = await db.query<ReportRow>(
    `select id, target_id, reason, created_at from reports where group_id = $1 and closed_at is null order by created_at desc, id limit $2`,
    [group, MODERATION_LIST_LIMIT * 5],
  );
  const { rows: targets } = await db.query<TargetRow & { updated_at: Date | string }>(
    `select id, annotation, deleted, visibility, hidden_reason, updated_at from annotations
     where group_id = $1 and (id in (select target_id from reports where group_id = $1 and closed_at is null)
       or (hidden_reason is not null and not deleted and visibility = 'group'))
     order by updated_at desc limit $2`,
    [group, MODERATION_LIST_LIMIT],
  );
  const byId = new Map(targets.map((t) => [t.id, t]));
  const order: string[] = [];
  const reportsOf = new Map<string, ReportRow[]>();
  for (const r of reports) {
    if (!reportsOf.has(r.target_id)) {
      reportsOf.set(r.target_id, []);
      order.push(r.target_id);
    }
    reportsOf.get(r.target_id)!.push(r);
  }
  for (const t of targets) if (!reportsOf.has(t.id)) order.push(t.id);
  const toReview = order.slice(0, MODERATION_LIST_LIMIT).map((id) => {
    const row = byId.get(id);
    const visible = row && !row.deleted && row.visibility === 'group' ? row : null;
    return {
      target: urnFor(id),
      // As the feed shows it to a facilitator: an anonymous comment's creator never leaves the store.
      annotation: visible?.annotation ? redactAnnotation(visible.annotation) : null,
      hidden: visible?.hidden_reason != null ? { reason: visible.hidden_reason } : null,
      reports: (reportsOf.get(id) ?? []).map((r) => ({ id: r.id, reason: r.reason, created: iso(r.created_at) })),
    };
  });
  const { rows: record } = await db.query<RecordRow>(
    `select a.id, a.at, a.by_member_id, m.display_name, m.forgotten_at is not null as forgotten, a.action, a.target_id, a.reason
     from moderation_actions a left join members m on m.id = a.by_member_id
     where a.group_id = $1 order by a.seq desc limit $2`,
    [group, MODERATION_LIST_LIMIT],
  );
  return c.json({
    toReview,
    record: record.map((r) => ({
      id: r.id,
      at: iso(r.at),
      by: r.by_member_id === null || r.forgotten ? { memberId: null, displayName: FORMER_MEMBER } : { memberId: r.by_member_id, displayName: r.display_name },
      action: r.action,
      target: urnFor(r.target_id),
      reason: r.reason,
    })),
  });
}
