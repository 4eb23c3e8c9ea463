import type { AnswerFilter, HiddenReply } from '../conversation/build-thread';
import type { DocumentLink } from '../document/versions';
import type { Locale } from '../i18n/locales';
import type { Translator } from '../i18n/translate';
import type { AnswerStatus, Kind, LeaAnnotation, LeaReply, LeaSupport, Perspective, Theme } from '../model';

/** One comment offered to the digest, with what only its holder knows about it. */
export interface DigestEntry {
  annotation: LeaAnnotation;
  /** Set when a facilitator hid (moderated) it: it is left out and only counted. */
  hidden?: { reason: string } | null;
}

/** A document's address and a better title than the one recorded on its comments. */
export interface DigestDocumentInfo {
  url: string;
  title?: string;
}

/**
 * Which comments a digest covers: one document and/or one theme, and the side panel's other
 * filters (utils/overlay/filters.ts, one rule for both): perspective, kind, author, the days
 * written, the latest answer, passages with at least N comments. Empty means all.
 */
export interface DigestFilters {
  document?: string;
  /** A theme id or label (the group's, or a Making It Real one), or another tool's tag. */
  theme?: string;
  perspective?: string;
  kind?: string;
  /** A display name, or "Anonymous". */
  author?: string;
  /** Inclusive ISO days (YYYY-MM-DD) the comment was written on. */
  from?: string;
  to?: string;
  /** '' any, NOT_ANSWERED ("none"), or an answer status. */
  answer?: AnswerFilter;
  /** Only passages with at least this many comments (after the other filters). */
  minPerPassage?: number;
}

/**
 * The order comments are shown in: `document` (documents → sections → passages, oldest first)
 * or `support` (one list, most "This is my experience too" first; ties keep document order).
 */
export type DigestSort = 'document' | 'support';
export const DIGEST_SORTS: readonly DigestSort[] = ['document', 'support'];

/** What `buildDigest` needs: the comments and everything about the moment of export. */
export interface DigestInput {
  annotations: readonly DigestEntry[];
  /**
   * The conversation around the comments: replies (answers included) and supports, as synced.
   * Replies whose comment is not among `annotations` at all (its author removed it) are left
   * out and only counted; those of hidden, private or filtered-out comments are left out.
   */
  conversation?: readonly (LeaReply | LeaSupport)[];
  /** Replies a facilitator hid: each shows only as HIDDEN_REPLY_LINE in its place. */
  hiddenReplies?: readonly HiddenReply[];
  /** "This is my experience too" counted but not passed in `conversation`, by comment id (the store counts them). */
  supportCounts?: Readonly<Record<string, number>>;
  /** Default `document`. */
  sort?: DigestSort;
  /**
   * Put each document's versions together (legislation.gov.uk's versions of a provision, and
   * the group's `links`): one document of the digest, each comment saying which version it
   * was written on. Absent: every address is a document of its own.
   */
  versions?: { links: readonly DocumentLink[] };
  /** Known documents: their order is the digest's order, their titles win. */
  documents?: readonly DigestDocumentInfo[];
  /** `group`: the group's shared comments only; `personal`: also the reader's "only me" ones. */
  scope: 'group' | 'personal';
  filters?: DigestFilters;
  generatedAt: Date;
  groupName?: string;
  /** The group's theme vocabulary (labels to print, order of the theme table); default Making It Real. */
  themes?: readonly Theme[];
  /**
   * The language every word of the digest is in (labels, headings, dates, the order of names):
   * `translator(locale)` from utils/i18n. Default English (en-GB).
   */
  i18n?: Translator;
}

/** One comment as every format shows it: labels resolved, attribution applied. */
export interface DigestComment {
  id: string;
  /** The comment as typed (light Markdown). */
  text: string;
  kind: Kind;
  kindLabel: string;
  /** The group's labels for the comment's themes (other tools' tags as they are): what every format prints. */
  themes: string[];
  /** The stable theme ids (utils/model/themes.ts), in the same order as `themes`. */
  themeIds: string[];
  perspective: Perspective;
  perspectiveLabel: string;
  /** The writer's name, or "Anonymous" in the digest's language: never a name the writer did not choose to show. */
  author: string;
  anonymous: boolean;
  /** ISO 8601. */
  created: string;
  /** Only-me comment (personal digests only). */
  private: boolean;
  /** The W3C annotation for the JSON-LD export, without `creator` when anonymous. */
  annotation: LeaAnnotation;
  /** Its thread in reading order: two levels, deeper replies flattened at level 2. */
  replies: DigestReply[];
  /** Replies shown (hidden ones not counted). */
  replyCount: number;
  /**
   * "Written on the Care Bill (2013-14)": set when versions are put together and its document
   * has comments on more than one version; null otherwise.
   */
  writtenOn: string | null;
  /** "This is my experience too": a count, never who. */
  supportCount: number;
  /** The newest answer in its thread, or null: not answered yet. */
  latestAnswer: DigestAnswer | null;
}

/** An answer's status as every format shows it. */
export interface DigestAnswerStatus {
  status: AnswerStatus;
  /** answerStatusLabel: "We will change this". */
  label: string;
}

/** The latest answer to a comment. */
export interface DigestAnswer extends DigestAnswerStatus {
  replyId: string;
  /** The answer's text (light Markdown; '' when it gives only its status). */
  text: string;
  /** replyAuthorLine: "Sam Lee (Policy officer, DHSC)". */
  author: string;
  /** ISO 8601. */
  created: string;
}

/** One reply in a comment's thread. */
export interface DigestReply {
  id: string;
  level: 1 | 2;
  /** Hidden by a facilitator: `text` is HIDDEN_REPLY_LINE, nothing else of it is shown. */
  hidden: boolean;
  /** replyAuthorLine ("A group member", "The author of this comment", a name); '' when hidden. */
  author: string;
  /** As typed (light Markdown); '' for an answer that gives only its status. */
  text: string;
  answer: DigestAnswerStatus | null;
  /** ISO 8601 ('' for a hidden reply whose date is not known). */
  created: string;
  /** For a reply flattened from deeper down: how the reply it answers is shown (its author line). */
  inReplyTo: string | null;
  /** The W3C annotation for the JSON-LD export (no `creator` unless named); null when hidden. */
  annotation: LeaReply | null;
}

/** One comment with where it sits, for the lists that leave the document tree. */
export interface DigestPlace {
  document: DigestDocument;
  section: DigestSection;
  passage: DigestPassage;
  comment: DigestComment;
}

/** Answers by status for one theme (a comment with two themes counts under both). */
export interface DigestAnswerRow {
  /** A theme, NO_THEME, or ALL_COMMENTS for the total row (each comment once). */
  label: string;
  /** Comments whose latest answer has each status, in ANSWER_STATUSES order. */
  byStatus: number[];
  notAnswered: number;
  total: number;
}

/** One quoted passage (same exact quote at the same recorded place) and its comments. */
export interface DigestPassage {
  quote: string;
  start: number;
  end: number;
  /** 1-based PDF page, when the comment was made on a PDF. */
  page?: number;
  comments: DigestComment[];
}

/** Comments under one heading of a document. */
export interface DigestSection {
  title: string;
  passages: DigestPassage[];
  commentCount: number;
}

/** One document's comments, section by section. */
export interface DigestDocument {
  url: string;
  title: string;
  sections: DigestSection[];
  commentCount: number;
}

/** A label and how many comments have it. */
export interface DigestCount {
  label: string;
  count: number;
}

/** Comments under one section, for the summary table. */
export interface DigestSectionCount {
  document: string;
  section: string;
  count: number;
}

/** The digest model every renderer reads: structure, summary and what was left out. */
export interface Digest {
  /** The language its words are in (renderers write headings and dates in it too). */
  locale: Locale;
  title: string;
  groupName?: string;
  scope: 'group' | 'personal';
  filters: DigestFilters;
  /** ISO 8601. */
  generatedAt: string;
  documents: DigestDocument[];
  summary: {
    comments: number;
    passages: number;
    /** Most-commented theme first; a comment with several themes counts under each. */
    byTheme: DigestCount[];
    bySection: DigestSectionCount[];
    byPerspective: DigestCount[];
    /** Replies shown, over all comments (hidden ones not counted). */
    replies: number;
    /** Supports over all comments. */
    supports: number;
    /** Answers (latest per comment) by status × theme; the last row is every comment once. */
    answers: {
      statuses: DigestAnswerStatus[];
      rows: DigestAnswerRow[];
    };
  };
  /** Hidden (moderated) comments that matched the filters but are left out. */
  hiddenCount: number;
  /** Each document's versions were put together (DigestInput.versions): comments say which version they were on. */
  versionsTogether: boolean;
  sort: DigestSort;
  /**
   * Whether the conversation was given (`DigestInput.conversation`). Without it the digest
   * shows no replies, answers or supports and claims nothing about them.
   */
  conversation: boolean;
  /** Every comment in the order the digest shows it (document order, or most supported first). */
  ordered: DigestPlace[];
  /** Comments with no answer yet, in `ordered` order. */
  unanswered: DigestPlace[];
  /** Replies hidden by a facilitator in the shown threads (each shown as HIDDEN_REPLY_LINE). */
  hiddenReplyCount: number;
  /** Replies to comments their authors removed: not comments, left out, counted. */
  removedCommentReplies: number;
}
