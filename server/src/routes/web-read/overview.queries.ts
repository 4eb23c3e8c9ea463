import { themeIdOf } from '../../../../utils/model/themes';
import type { Overview, OverviewDocument, RecentItem } from '../../../../utils/webapp/read-types';
import { can, type Member } from '../../auth/roles';
import type { Db } from '../../db/db';
import { MAX_THREAD_DEPTH, onDocumentOf, threadRoots, visibleTo } from './read-items';

/** How many items "Recent activity" lists. */
export const RECENT_ITEMS = 20;
/** How much of an item's text the overview shows. */
export const EXCERPT_LENGTH = 200;

/** A comment the caller may count: live, theirs or shared, hidden only for facilitators. */
const counted = (member: Member) => `${visibleTo('a', can.seeHidden(member))} and a.kind in ('comment', 'other') and a.annotation -> 'target' ->> 'source' is not null`;

/** The start of a text, cut at a word near `max` characters. */
export function excerptOf(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The text people wrote in an annotation's body (the first `commenting` or plain text body). */
function writtenText(annotation: Record<string, unknown> | null): string {
  const body = annotation?.body;
  for (const item of Array.isArray(body) ? body : [body]) {
    if (item === null || typeof item !== 'object') continue;
    const { purpose, value } = item as { purpose?: unknown; value?: unknown };
    if (typeof value === 'string' && purpose !== 'tagging' && purpose !== 'assessing') return value;
  }
  return '';
}

/**
 * The documents the caller's group has commented on, counted as the caller may see them,
 * newest activity first, and the newest comments, replies and answers.
 */
export async function readOverview(db: Db, member: Member): Promise<Overview> {
  const seeHidden = can.seeHidden(member);
  const params = [member.groupId, member.id];
  const [{ rows: docs }, { rows: themes }, { rows: replyActivity }, { rows: recentRows }] = await Promise.all([
    // Per document: comments, unanswered (no answer the caller may read anywhere in the
    // thread: answers are followed up through replies to their comment), newest title.
    db.query<{ source: string; title: string | null; comments: number; unanswered: number; last: Date | string }>(
      `with recursive up(id, target_id, kind, depth) as (
         select a.id, a.target_id, a.kind, 0 from annotations a where ${visibleTo('a', seeHidden)} and a.kind = 'answer'
         union all
         select p.id, p.target_id, p.kind, u.depth + 1 from up u join annotations p on p.group_id = $1 and p.id = u.target_id
         where u.kind in ('reply', 'answer') and u.depth < ${MAX_THREAD_DEPTH}
       ),
       answered as (select distinct id from up where kind in ('comment', 'other'))
       select a.annotation -> 'target' ->> 'source' as source,
              (array_agg(a.annotation ->> 'documentTitle' order by a.created_at desc) filter (where a.annotation ->> 'documentTitle' is not null))[1] as title,
              count(*)::int as comments,
              count(*) filter (where a.id not in (select id from answered))::int as unanswered,
              max(a.updated_at) as last
       from annotations a where ${counted(member)}
       group by 1`,
      params,
    ),
    db.query<{ source: string; theme: string; n: number }>(
      `select a.annotation -> 'target' ->> 'source' as source, t.theme, count(*)::int as n
       from annotations a, jsonb_array_elements(case when jsonb_typeof(a.annotation -> 'body') = 'array' then a.annotation -> 'body' else '[]'::jsonb end) as b
       cross join lateral (select b ->> 'value' as theme) as t
       where ${counted(member)} and b ->> 'purpose' = 'tagging' and jsonb_typeof(b -> 'value') = 'string'
       group by 1, 2`,
      params,
    ),
    // Replies count as activity on the document their thread names.
    db.query<{ source: string; last: Date | string }>(
      `select a.annotation ->> 'onDocument' as source, max(a.updated_at) as last from annotations a
       where ${visibleTo('a', seeHidden)} and a.kind in ('reply', 'answer') and a.annotation ->> 'onDocument' is not null
       group by 1`,
      params,
    ),
    // Newest by insertion order (the (group_id, row_id) index, read backwards: no sort of the group).
    db.query<{ id: string; kind: 'comment' | 'other' | 'reply' | 'answer'; annotation: Record<string, unknown>; created_at: Date | string }>(
      `select a.id, a.kind, a.annotation, a.created_at from annotations a
       where ${visibleTo('a', seeHidden)} and a.kind in ('comment', 'other', 'reply', 'answer')
       order by a.row_id desc limit ${RECENT_ITEMS}`,
      params,
    ),
  ]);

  const bySource = new Map<string, OverviewDocument>();
  for (const d of docs) {
    bySource.set(d.source, { source: d.source, title: d.title, comments: d.comments, unanswered: d.unanswered, byTheme: {}, lastActivityAt: new Date(d.last).toISOString() });
  }
  for (const t of themes) {
    const doc = bySource.get(t.source);
    if (!doc) continue;
    const id = themeIdOf(t.theme);
    doc.byTheme[id] = (doc.byTheme[id] ?? 0) + t.n;
  }
  for (const r of replyActivity) {
    const doc = bySource.get(r.source);
    const at = new Date(r.last).toISOString();
    if (doc && at > doc.lastActivityAt) doc.lastActivityAt = at;
  }
  const documents = [...bySource.values()].sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : a.source < b.source ? -1 : 1));

  const roots = await threadRoots(db, member, recentRows.filter((r) => r.kind === 'reply' || r.kind === 'answer').map((r) => r.id));
  const recent: RecentItem[] = recentRows.map((r) => {
    const isComment = r.kind === 'comment' || r.kind === 'other';
    const root = isComment ? null : roots.get(r.id);
    const target = r.annotation.target;
    const ownSource = isComment && target && typeof target === 'object' && typeof (target as { source?: unknown }).source === 'string' ? (target as { source: string }).source : null;
    const source = isComment ? ownSource : (root?.source ?? onDocumentOf(r.annotation));
    const title = isComment ? (typeof r.annotation.documentTitle === 'string' ? r.annotation.documentTitle : null) : (root?.title ?? (source ? (bySource.get(source)?.title ?? null) : null));
    return {
      commentId: isComment || !root?.known ? r.id : root.id,
      itemId: r.id,
      source,
      title,
      kind: isComment ? 'comment' : r.kind === 'answer' ? 'answer' : 'reply',
      at: new Date(r.created_at).toISOString(),
      excerpt: excerptOf(writtenText(r.annotation)),
    };
  });
  return { documents, recent };
}
