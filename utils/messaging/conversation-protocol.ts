import * as v from 'valibot';
import { messageText } from './message-language';
import {
  ANSWER_STATUS_VALUES,
  MAX_COMMENT_LENGTH,
  type AnswerStatus,
  MAX_REASON_LENGTH,
  type LeaAnnotation,
  type LeaItem,
  type LeaReply,
  type LeaSupport,
  type Role,
} from '../model';
import type { HiddenReply } from '../conversation/build-thread';
import type { Notice } from '../conversation/notice-types';
import type { DamagedRecord } from '../store/annotation-repo';
import type { StoreConnection } from '../store/sync-records';

/**
 * The conversation's messages (issue 12): extension pages (side panel, PDF viewer, popup,
 * options) → background. Described for the UI in notes/client-api.md. Content scripts may send
 * none of these. Requests are validated here; the background validates again what it builds.
 */
const Urn = v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/i, messageText('background.validation.notUrn')));
const Uri = v.pipe(v.string(), v.maxLength(4096));
const Reason = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, messageText('background.validation.reasonNeeded')),
  v.maxLength(MAX_REASON_LENGTH, messageText('background.validation.reasonTooLong', { max: MAX_REASON_LENGTH })),
);
const ProfileText = v.nullable(v.pipe(v.string(), v.maxLength(200, messageText('background.validation.textTooLong', { max: 200 }))));

/** At most this many comments' threads in a `conversation/list` that names them. */
export const FIRST_THREADS_MAX = 100;

/**
 * What a content script may ask about the conversation: how the threads of comments on its own
 * page stand (for the in-page card). Nothing it may not already show; no writes.
 */
export const CONTENT_CONVERSATION_REQUESTS = [
  v.object({ type: v.literal('conversation/summaries'), comments: v.pipe(v.array(Urn), v.maxLength(FIRST_THREADS_MAX)) }),
] as const;

/** How one comment's thread stands, for the in-page card: counts and the latest answer. */
export interface ThreadSummary {
  replyCount: number;
  supportCount: number;
  latestAnswer: { status: AnswerStatus; reply: LeaReply } | null;
}

export const CONVERSATION_REQUESTS = [
  /** Everything a document's threads need (feed it to buildThreads). */
  v.object({
    type: v.literal('conversation/list'),
    uris: v.pipe(v.array(Uri), v.maxLength(20)),
    /**
     * Only the threads of these comments (the panel's first screenful), read by their ids: fast
     * on a document with thousands of replies. Left out: every thread on the document.
     */
    comments: v.optional(v.pipe(v.array(Urn), v.maxLength(FIRST_THREADS_MAX))),
  }),
  /** Reply to a comment or a reply; with `answer`, an officer's or facilitator's answer. */
  v.object({
    type: v.literal('conversation/reply'),
    target: Urn,
    text: v.pipe(v.string(), v.maxLength(MAX_COMMENT_LENGTH + 100)),
    answer: v.nullable(v.picklist(ANSWER_STATUS_VALUES)),
    attribution: v.picklist(['named', 'anonymous']),
    /** The document the thread is on, used when the comment itself is not on this computer. */
    document: v.optional(Uri),
  }),
  v.object({ type: v.literal('conversation/delete-reply'), id: Urn }),
  /** Change the words (and an answer's status) of one of my replies; who it shows as stays. */
  v.object({
    type: v.literal('conversation/edit-reply'),
    id: Urn,
    text: v.pipe(v.string(), v.maxLength(MAX_COMMENT_LENGTH + 100)),
    answer: v.nullable(v.picklist(ANSWER_STATUS_VALUES)),
  }),
  /** Put back a reply I have just deleted (validated by the background as a reply). */
  v.object({ type: v.literal('conversation/restore-reply'), reply: v.unknown() }),
  /** "This is my experience too" on comment `target` (one per comment; again = the same one). */
  v.object({ type: v.literal('conversation/support'), target: Urn, named: v.boolean() }),
  /** Take my "this is my experience too" on comment `target` back. */
  v.object({ type: v.literal('conversation/unsupport'), target: Urn }),
  /** Report a comment or reply to the facilitators (online only). */
  v.object({ type: v.literal('conversation/report'), id: Urn, reason: Reason }),
  /** Facilitators: reports to review and the moderation record (online only). */
  v.object({ type: v.literal('moderation/list') }),
  v.object({ type: v.literal('moderation/dismiss'), id: Urn, reason: Reason }),
  v.object({ type: v.literal('moderation/hide'), id: Urn, reason: Reason }),
  v.object({ type: v.literal('moderation/unhide'), id: Urn, reason: Reason }),
  /** My notices, newest first, with the unread count, my followed documents and the notification setting. */
  v.object({ type: v.literal('notices/list') }),
  v.object({ type: v.literal('notices/read'), ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(500)) }),
  v.object({ type: v.literal('notices/follow'), document: Uri, following: v.boolean() }),
  /** Browser notifications for new notices on or off (the page asks for the permission first). */
  v.object({ type: v.literal('notices/notify'), on: v.boolean() }),
  v.object({ type: v.literal('profile/get') }),
  v.object({
    type: v.literal('profile/update'),
    displayName: v.optional(v.pipe(v.string(), v.maxLength(200, messageText('background.validation.nameTooLong', { max: 200 })))),
    jobTitle: v.optional(ProfileText),
    organisation: v.optional(ProfileText),
  }),
  /** A code to link another browser to me (15 minutes, single use). */
  v.object({ type: v.literal('link/create-code') }),
  /** Connect this browser as the same member, with a code made on another browser. */
  v.object({ type: v.literal('link/connect'), baseUrl: v.pipe(v.string(), v.maxLength(2048)), code: v.pipe(v.string(), v.maxLength(200)) }),
] as const;

/** Everything a document's threads need: pass `items`, `hidden` and `mySupportIds` to buildThreads. */
export interface ConversationListing {
  /** Comments on the document (any of its addresses), and every reply and support in their threads. */
  items: LeaItem[];
  /** Replies a facilitator hid, known only by their place. */
  hidden: HiddenReply[];
  /** Comments a facilitator hid from me whose replies are listed (the thread says it was hidden). */
  hiddenComments: string[];
  /** Ids of my own supports (for "take it back"); only these supports are among `items`. */
  mySupportIds: string[];
  /** Everyone else's supports, counted by comment id (who supported is never sent to the panel). */
  supportCounts: Record<string, number>;
  /** 'me': written by me (on this or a linked browser); 'other': another member. */
  authors: Record<string, 'me' | 'other'>;
  /** Items still shown here that a facilitator hid (mine, or every one for facilitators), with the reason. */
  moderated: Record<string, { reason: string }>;
  /** Items written here and not yet in the group store. */
  pending: string[];
  /** Items the store refused, with its plain-English reason (kept here, not sent). */
  refused: Record<string, string>;
  /** My role in the group, or null when not connected. */
  role: Role | null;
  /** True when I follow this document (new comments on it make notices). */
  following: boolean;
  damaged: DamagedRecord[];
  /** Present (true) when only the threads of the comments asked for are here (`comments` given). */
  partial?: true;
}

/** A report as the store keeps it (reporters are never shown). */
export interface ReportRecord {
  id: string;
  target: string;
  reason: string;
  created: string;
}

/** What a facilitator reviews: reported items, and what was done. */
export interface ModerationList {
  toReview: {
    target: string;
    /** The reported comment or reply (facilitators see hidden text), or null when removed. */
    annotation: Record<string, unknown> | null;
    /** Set when it is hidden. */
    hidden: { reason: string } | null;
    reports: { id: string; reason: string; created: string }[];
  }[];
  record: {
    id: string;
    at: string;
    /** memberId null: a member who has since used "forget me" ("A former member"). */
    by: { memberId: string | null; displayName: string };
    action: 'hide' | 'unhide' | 'dismiss';
    target: string;
    /** '' when none was given (an unhide). */
    reason: string;
  }[];
}

/** The notices panel: newest first. */
export interface NoticeList {
  notices: Notice[];
  unread: number;
  follows: string[];
  /** Browser notifications: the setting, and whether the browser permission is granted. */
  notify: { on: boolean; granted: boolean };
}

/** My profile in the group (answers carry the job title and organisation). */
export interface Profile {
  displayName: string;
  jobTitle: string | null;
  organisation: string | null;
}

/** What the background answers to each conversation request. */
export interface ConversationResponses {
  'conversation/list': ConversationListing;
  /** By comment id; a comment not on this computer (or no comment) is left out. */
  'conversation/summaries': { summaries: Record<string, ThreadSummary> };
  'conversation/reply': { reply: LeaReply };
  'conversation/delete-reply': { deleted: LeaReply | null };
  'conversation/edit-reply': { reply: LeaReply };
  'conversation/restore-reply': { reply: LeaReply };
  'conversation/support': { support: LeaSupport };
  'conversation/unsupport': { removed: LeaSupport | null };
  'conversation/report': { report: ReportRecord };
  'moderation/list': ModerationList;
  'moderation/dismiss': { ok: true };
  'moderation/hide': { id: string; hidden: { reason: string } | null };
  'moderation/unhide': { id: string; hidden: { reason: string } | null };
  'notices/list': NoticeList;
  'notices/read': { unread: number };
  'notices/follow': { follows: string[] };
  'notices/notify': { on: boolean; granted: boolean };
  'profile/get': Profile;
  'profile/update': Profile;
  'link/create-code': { code: string; expiresAt: string };
  'link/connect': { connection: Omit<StoreConnection, 'token'> };
}

/** Re-exported for pages that show a thread's comment. */
export type { LeaAnnotation };
