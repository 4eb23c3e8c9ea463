import { splitMarkedSnippet, type SearchAnswer, type SearchResult } from '../../../../utils/webapp/read-types';
import { can, type Member } from '../../auth/roles';
import type { Db } from '../../db/db';
import { threadRoots, visibleTo } from './read-items';

/**
 * Search over what the caller may read (migration 010-search.sql): PostgreSQL full-text
 * search with the `english` configuration on both engines. `websearch_to_tsquery` reads the
 * words as a search box does ("quoted phrases", `or`, `-word`) and never fails on odd input.
 * Matches in the written text rank above matches in the quoted passage (weights A and B); a
 * hyphen between letters is dropped on both sides ("wellbeing" finds "well-being"), and the
 * snippet marks the words as written.
 */

// ts_headline wraps matches in these; the text is stripped of both first, so a comment that
// contains them cannot fake a match. Control characters: no comment shows them.
const START = '\u0001';
const STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** SQL: `jsonb` (an array of strings) as one text, without the snippet markers. */
const joined = (jsonb: string) => `translate((select string_agg(x, E'\\n') from jsonb_array_elements_text(${jsonb}) as x), E'\\u0001\\u0002', '')`;

interface HitRow {
  id: string;
  kind: 'comment' | 'other' | 'reply' | 'answer';
  hidden: boolean;
  in_text: boolean;
  total: string | number;
  headline: string | null;
  source: string | null;
  title: string | null;
  on_document: string | null;
}

/**
 * The best `limit` matches of `words` among the group's comments, replies, answers and quoted
 * passages that `member` may read (their own "only me" comments too; hidden ones only for
 * facilitators), and how many there are in all. Each result names the thread to open and a
 * snippet whose matched words are marked.
 */
export async function searchGroup(db: Db, member: Member, words: string, limit: number): Promise<SearchAnswer> {
  // Every match is ranked and counted over the narrow rows of `search_items` (migration 012:
  // who may read it, kind, time, words), then only the best `limit` are read whole from
  // `annotations` for their snippet and where they are.
  const hidden = can.seeHidden(member) ? '' : ' and s.hidden = false';
  const { rows } = await db.query<HitRow>(
    `with q as (select websearch_to_tsquery('english', lea_search_joined($3)) as q,
                       websearch_to_tsquery('english', lea_search_joined($3)) || websearch_to_tsquery('english', $3) as marks),
     hits as materialized (
       select s.id, ts_rank(s.words, q.q) as rank, s.created_at
       from search_items s, q
       where s.words @@ q.q and s.group_id = $1 and (s.visibility = 'group' or s.author_id = $2)${hidden}
     ),
     best as (select id, rank, created_at from hits order by rank desc, created_at desc, id limit $4),
     marked as (select b.*, ts_filter(s.words, '{a}') @@ q.q as in_text from best b join search_items s on s.group_id = $1 and s.id = b.id, q)
     select b.id, a.kind, a.hidden_reason is not null as hidden, b.in_text,
            (select count(*) from hits) as total,
            ts_headline('english', case when b.in_text then ${joined('lea_search_body(a.annotation)')} else ${joined('lea_search_quote(a.annotation)')} end,
                        q.marks, $5) as headline,
            a.annotation -> 'target' ->> 'source' as source, a.annotation ->> 'documentTitle' as title, a.annotation ->> 'onDocument' as on_document
     from marked b
       join annotations a on a.group_id = $1 and a.id = b.id and ${visibleTo('a', can.seeHidden(member))}, q
     order by b.rank desc, b.created_at desc, b.id`,
    [member.groupId, member.id, words, limit, HEADLINE_OPTIONS],
  );
  const total = rows.length === 0 ? 0 : Number(rows[0]!.total);
  const roots = await threadRoots(db, member, rows.filter((r) => r.kind === 'reply' || r.kind === 'answer').map((r) => r.id));
  const results: SearchResult[] = rows.map((r) => {
    const isComment = r.kind === 'comment' || r.kind === 'other';
    const root = isComment ? undefined : roots.get(r.id);
    const source = isComment ? r.source : (root?.source ?? r.on_document);
    return {
      commentId: isComment || !root?.known ? r.id : root.id,
      itemId: r.id,
      kind: isComment ? (r.in_text ? 'comment' : 'quote') : r.kind === 'answer' ? 'answer' : 'reply',
      source,
      title: isComment ? r.title : (root?.title ?? null),
      snippet: splitMarkedSnippet(r.headline ?? '', START, STOP),
      ...(r.hidden ? { hidden: true as const } : {}),
    };
  });
  return { results, total };
}
