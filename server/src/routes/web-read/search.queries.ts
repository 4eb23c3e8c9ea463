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
  const { rows } = await db.query<HitRow>(
    `with q as (select websearch_to_tsquery('english', lea_search_joined($3)) as q,
                       websearch_to_tsquery('english', lea_search_joined($3)) || websearch_to_tsquery('english', $3) as marks),
     hits as (
       select a.id, a.kind, a.annotation, a.hidden_reason is not null as hidden, a.created_at,
              ts_rank(a.search_vector, q.q) as rank, count(*) over () as total,
              ts_filter(a.search_vector, '{a}') @@ q.q as in_text
       from annotations a, q
       where a.search_vector @@ q.q and ${visibleTo('a', can.seeHidden(member))} and a.kind in ('comment', 'other', 'reply', 'answer')
       order by rank desc, a.created_at desc, a.id
       limit $4
     )
     select h.id, h.kind, h.hidden, h.in_text, h.total,
            ts_headline('english', case when h.in_text then ${joined('lea_search_body(h.annotation)')} else ${joined('lea_search_quote(h.annotation)')} end,
                        (select marks from q), $5) as headline,
            h.annotation -> 'target' ->> 'source' as source, h.annotation ->> 'documentTitle' as title, h.annotation ->> 'onDocument' as on_document
     from hits h order by h.rank desc, h.created_at desc, h.id`,
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
