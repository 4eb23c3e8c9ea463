import * as v from 'valibot';

/**
 * What the store's read API for the web app answers (server/PROTOCOL.md "Reading for the web
 * app"): the group's overview, one document's comments with their threads, one comment's
 * permanent link, and search. Shared by the store (server/src/routes/web-read) and the web app
 * (server/webapp). Ids: `ReadItem.id` and anything keyed by an item (`supportCounts`,
 * `mySupports`, `hidden`) are `urn:uuid:<uuid>`, as in the change feed and the annotations
 * themselves, so utils/conversation/build-thread.ts takes them as they are; `commentId` and
 * `itemId` (overview, search) are bare uuids, for the permanent link `/c/<uuid>`.
 */

/** What a stored annotation is (the store's `kind`): `other` is another tool's W3C annotation. */
export type ReadItemKind = 'comment' | 'reply' | 'answer' | 'support' | 'other';

/**
 * One annotation as the caller may see it, in the change feed's shape. `annotation` is null
 * when a facilitator hid it and the caller is not a facilitator: then `hidden` gives the
 * reason, and a hidden reply or answer carries `target` (what it replies to) and `created`, so
 * a thread can say "This reply was hidden by a facilitator." in its place. Anonymous items
 * never carry `creator`.
 */
export interface ReadItem {
  /** `urn:uuid:<uuid>`. */
  id: string;
  kind: ReadItemKind;
  revision: string;
  annotation: Record<string, unknown> | null;
  hidden: { reason: string } | null;
  /** Present (true) when the caller wrote it. */
  mine?: true;
  /** On a hidden reply or answer: the `urn:uuid:` of the comment or reply it answers. */
  target?: string;
  /** On a hidden item: when the store received it (ISO 8601). */
  created?: string;
}

/**
 * A comment's conversation as the thread builder needs it. Others' "me too" supports are only
 * counted (never whose); the caller's own are among `items` and named in `mySupports`.
 */
export interface ThreadData {
  items: ReadItem[];
  /** Others' supports, by the `urn:uuid:` of the comment they support. */
  supportCounts: Record<string, number>;
  /** `urn:uuid:` ids of the caller's own supports (among `items`), for "take it back". */
  mySupports: string[];
  /** `urn:uuid:` ids of comments a facilitator hid from the caller (among `items`, content null). */
  hidden: string[];
}

/**
 * `GET /api/groups/{group}/document?source=<address>`: the document's comments (written on
 * that address, or a PDF read there) in document order, then every reply, answer and the
 * caller's own supports of their threads (and of threads whose comment was removed), oldest first.
 */
export interface DocumentPage extends ThreadData {
  source: string;
  /** The document's title as its newest comment recorded it, or null. */
  title: string | null;
}

/**
 * `GET /api/groups/{group}/comments/{uuid}`: the thread of a comment (or of the reply whose
 * uuid was given), for its permanent link. `comment` is the `urn:uuid:` of the thread's
 * comment, or null when its author removed it (the replies are still shown).
 */
export interface CommentPage extends ThreadData {
  /** The document the thread is on (the comment's address, or a reply's `onDocument`), or null. */
  source: string | null;
  title: string | null;
  comment: string | null;
  /** The `urn:uuid:` asked for (a comment, or a reply to show in its thread). */
  focus: string;
}

/** One document of the group's overview. */
export interface OverviewDocument {
  source: string;
  title: string | null;
  /** Comments the caller can see on it (their own "only me" ones too; hidden ones for facilitators only). */
  comments: number;
  /** Of those, the ones with no answer anywhere in their thread. */
  unanswered: number;
  /** Comments per theme id (a legacy English label is counted under its id). */
  byTheme: Record<string, number>;
  /** Newest comment or reply on it (ISO 8601). */
  lastActivityAt: string;
}

/** Something recently written, for the overview's "Recent activity". */
export interface RecentItem {
  /** The uuid to open (`/c/<uuid>`): the thread's comment, or the reply itself when its comment was removed. */
  commentId: string;
  /** The uuid of what was written. */
  itemId: string;
  source: string | null;
  title: string | null;
  kind: 'comment' | 'reply' | 'answer';
  /** When the store received it (ISO 8601). */
  at: string;
  /** The start of its text (plain, as written: render it as text). */
  excerpt: string;
}

/** `GET /api/groups/{group}/overview`. */
export interface Overview {
  /** Newest activity first. */
  documents: OverviewDocument[];
  /** At most 20, newest first. */
  recent: RecentItem[];
}

/** Part of a search snippet: `match` marks the words the search found. Render as text, never HTML. */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

/** One search result: a comment, reply or answer whose text matched, or a comment whose quoted passage did (`quote`). */
export interface SearchResult {
  /** The uuid to open (`/c/<uuid>`): the thread's comment, or the reply itself when its comment was removed. */
  commentId: string;
  /** The uuid of the item that matched. */
  itemId: string;
  kind: 'comment' | 'reply' | 'answer' | 'quote';
  source: string | null;
  title: string | null;
  snippet: SnippetSegment[];
  /** Present (true) on a hidden item (only facilitators find them). */
  hidden?: true;
}

/** `GET /api/groups/{group}/search?q=<words>&limit=<1..200>`: best first, `total` counts every match. */
export interface SearchAnswer {
  results: SearchResult[];
  total: number;
}

/** Most words a search may have: longer is refused with a plain sentence. */
export const MAX_SEARCH_LENGTH = 200;
/** Results per search unless `limit` says otherwise, and the most it may ask for. */
export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 200;

const SegmentSchema = v.object({ text: v.string(), match: v.boolean() });
const SearchResultSchema = v.object({
  commentId: v.string(),
  itemId: v.string(),
  kind: v.picklist(['comment', 'reply', 'answer', 'quote']),
  source: v.nullable(v.string()),
  title: v.nullable(v.string()),
  snippet: v.array(SegmentSchema),
  hidden: v.optional(v.literal(true)),
});

/** The search answer's shape, for a client that checks what it receives. */
export const SearchAnswerSchema = v.object({ results: v.array(SearchResultSchema), total: v.number() });

const ReadItemSchema = v.object({
  id: v.string(),
  kind: v.picklist(['comment', 'reply', 'answer', 'support', 'other']),
  revision: v.string(),
  annotation: v.nullable(v.record(v.string(), v.unknown())),
  hidden: v.nullable(v.object({ reason: v.string() })),
  mine: v.optional(v.literal(true)),
  target: v.optional(v.string()),
  created: v.optional(v.string()),
});
const ThreadDataEntries = {
  items: v.array(ReadItemSchema),
  supportCounts: v.record(v.string(), v.number()),
  mySupports: v.array(v.string()),
  hidden: v.array(v.string()),
};

/** The document page's shape (items' annotations are checked by utils/model when used). */
export const DocumentPageSchema = v.object({ ...ThreadDataEntries, source: v.string(), title: v.nullable(v.string()) });

/** The permanent link's shape. */
export const CommentPageSchema = v.object({
  ...ThreadDataEntries,
  source: v.nullable(v.string()),
  title: v.nullable(v.string()),
  comment: v.nullable(v.string()),
  focus: v.string(),
});

/** The overview's shape. */
export const OverviewSchema = v.object({
  documents: v.array(
    v.object({
      source: v.string(),
      title: v.nullable(v.string()),
      comments: v.number(),
      unanswered: v.number(),
      byTheme: v.record(v.string(), v.number()),
      lastActivityAt: v.string(),
    }),
  ),
  recent: v.array(
    v.object({
      commentId: v.string(),
      itemId: v.string(),
      source: v.nullable(v.string()),
      title: v.nullable(v.string()),
      kind: v.picklist(['comment', 'reply', 'answer']),
      at: v.string(),
      excerpt: v.string(),
    }),
  ),
});

/**
 * The search words split into what was and was not a match, from text whose matches are
 * wrapped in `start` and `stop` markers (the store's ts_headline output). Pure; empty parts dropped.
 */
export function splitMarkedSnippet(marked: string, start: string, stop: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = out.at(-1);
    if (last && last.match === match) last.text += text;
    else out.push({ text, match });
  };
  let rest = marked;
  while (rest !== '') {
    const open = rest.indexOf(start);
    if (open < 0) {
      push(rest.split(stop).join(''), false);
      break;
    }
    push(rest.slice(0, open).split(stop).join(''), false);
    rest = rest.slice(open + start.length);
    const close = rest.indexOf(stop);
    const matched = close < 0 ? rest : rest.slice(0, close);
    push(matched.split(start).join(''), true);
    rest = close < 0 ? '' : rest.slice(close + stop.length);
  }
  return out;
}
