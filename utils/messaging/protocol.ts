import type { VersionStatus } from '../anchoring/across-versions';
import type { WordRun } from '../anchoring/word-diff';
import type { DocumentLink, VersionName } from '../document/versions';
import * as v from 'valibot';
import type { AnchorStatus, LeaAnnotation, Role, Settings, Theme } from '../model';
import type { DocumentAnnotations } from '../store/annotation-repo';
import type { Conflict } from '../store/conflicts';
import type { RefusedComment, StoreConnection } from '../store/sync-records';
import { CommentFiltersSchema } from '../overlay/filters';
import { CONTENT_CONVERSATION_REQUESTS, CONVERSATION_REQUESTS, type ConversationResponses } from './conversation-protocol';

/**
 * The typed call maps between extension contexts. Requests are validated with these schemas
 * on arrival (they cross a trust boundary: content scripts run inside web pages).
 */
const Id = v.pipe(v.string(), v.maxLength(100));

/** What a content script (inside a web page) may ask the background: its page's comments and no more. */
const CONTENT_REQUESTS = [
  v.object({ type: v.literal('annotations/list'), uris: v.pipe(v.array(v.pipe(v.string(), v.maxLength(4096))), v.maxLength(20)) }),
  v.object({ type: v.literal('annotations/save'), annotation: v.unknown() }),
  v.object({ type: v.literal('settings/get') }),
  /** A page or panel showing comments asks for live updates for the next minute. */
  v.object({ type: v.literal('sync/keep-live') }),
  /** A content script found the page is a PDF shown by the browser. */
  v.object({ type: v.literal('pdf/detected') }),
  /** A person pressed "Open the side panel" on the page: open it beside the page's tab. */
  v.object({ type: v.literal('panel/open') }),
  /** How the threads of its page's comments stand (the in-page card). */
  ...CONTENT_CONVERSATION_REQUESTS,
] as const;

/** Content script → background. The background applies this map to every sender that is not an extension page. */
export const ContentRequestSchema = v.variant('type', [...CONTENT_REQUESTS]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

/**
 * Extension page (side panel, popup, options, digest, PDF viewer) → background: everything,
 * including what joins, leaves or wipes the group (sync/connect, sync/forget-me, …).
 */
export const BackgroundRequestSchema = v.variant('type', [
  ...CONTENT_REQUESTS,
  v.object({ type: v.literal('annotations/all') }),
  v.object({ type: v.literal('annotations/delete'), id: Id }),
  v.object({ type: v.literal('sync/status') }),
  v.object({
    type: v.literal('sync/connect'),
    baseUrl: v.pipe(v.string(), v.maxLength(2048)),
    code: v.pipe(v.string(), v.maxLength(200)),
    displayName: v.pipe(v.string(), v.maxLength(200)),
  }),
  v.object({ type: v.literal('sync/disconnect') }),
  // keepAnonymous: the comments written without a name stay in the group, unlinked (the member's choice).
  v.object({ type: v.literal('sync/forget-me'), keepAnonymous: v.optional(v.boolean()) }),
  v.object({ type: v.literal('sync/retry') }),
  v.object({ type: v.literal('sync/resolve'), id: Id, choice: v.picklist(['mine', 'theirs']) }),
  /** Show a PDF (in tab `tabId`, or a new tab) in the annotator's own viewer. */
  v.object({ type: v.literal('pdf/open'), url: v.pipe(v.string(), v.maxLength(4096)), tabId: v.optional(v.pipe(v.number(), v.integer())) }),
  /** The conversation: replies, answers, supports, reports, moderation, notices, profile, linking (conversation-protocol.ts). */
  ...CONVERSATION_REQUESTS,
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

/** What the background answers to each request. */
export interface BackgroundResponses extends ConversationResponses {
  'annotations/list': DocumentListing;
  'annotations/save': { annotation: LeaAnnotation };
  'annotations/all': DocumentAnnotations & { hidden: Record<string, { reason: string }>; themes?: Theme[] };
  'annotations/delete': { deleted: LeaAnnotation | null };
  'settings/get': Settings;
  'sync/status': SyncOverview;
  'sync/connect': { connection: Omit<StoreConnection, 'token'> };
  'sync/disconnect': { ok: true };
  'sync/forget-me': { ok: true };
  'sync/retry': SyncOverview;
  'sync/resolve': { ok: true };
  'sync/keep-live': { live: boolean };
  'pdf/open': { opened: boolean };
  'pdf/detected': { redirected: boolean };
  'panel/open': { opened: true };
}

/** A document's comments, with who may change each and the person's role in their group. */
export interface DocumentListing extends DocumentAnnotations {
  /** 'me': written on this computer (editable); 'other': from another member (read only). */
  authors: Record<string, 'me' | 'other'>;
  /** The person's role in their group, or null when not connected (then they write freely). */
  role: Role | null;
  /** The group's links between document versions, to name the version each comment was written on. */
  links?: DocumentLink[];
  /** The group's theme vocabulary as last synced (the defaults without a group): labels, colours, what the editor offers. */
  themes?: Theme[];
}

/** What the side panel and options page show about the group store. */
export interface SyncOverview {
  /** One plain-English sentence, e.g. "All saved" or "3 comments waiting to send (offline)". */
  sentence: string;
  /** The same sentence as data, shown in the reader's language (describe-sync-state.ts `sentenceFrom`). */
  sentenceParts?: import('../i18n/translate').MessageRef[];
  connection: Omit<StoreConnection, 'token'> | null;
  /** True when something needs the person (offline, refused, withdrawn, versions to choose). */
  needsAttention: boolean;
  conflicts: Conflict[];
  /** Comments kept here that the store refused (or that are damaged), with why: so the person sees which. */
  refused: RefusedComment[];
  /** Comments on this computer a facilitator hid, by id, with the reason (the author keeps theirs). */
  hidden: Record<string, { reason: string }>;
}

/** Requests an extension page or the background sends to the content script in a tab. */
export const PageRequestSchema = v.variant('type', [
  v.object({ type: v.literal('page/repaint') }),
  v.object({ type: v.literal('page/start-comment') }),
  /** The show-comments command: open the card on the passage at the selection or caret. */
  v.object({ type: v.literal('page/show-comments') }),
  v.object({ type: v.literal('page/get-state') }),
  v.object({ type: v.literal('page/focus'), id: v.pipe(v.string(), v.maxLength(100)) }),
  /** Paint only the comments the side panel's filters show (NO_FILTERS paints them all again). */
  v.object({ type: v.literal('page/filter'), filters: CommentFiltersSchema }),
]);
export type PageRequest = v.InferOutput<typeof PageRequestSchema>;

/**
 * A page request for the annotator's PDF viewer, an extension page in a tab, which
 * tabs.sendMessage does not reach: sent to every extension page, answered by the viewer
 * showing tab `tabId` (all viewers when it is left out, e.g. "repaint").
 */
export const ViewerRelaySchema = v.object({
  type: v.literal('viewer/page'),
  tabId: v.optional(v.pipe(v.number(), v.integer())),
  request: PageRequestSchema,
});
export type ViewerRelay = v.InferOutput<typeof ViewerRelaySchema>;

/** One comment as the page anchored it, in document order for the side panel. */
export interface AnchoredComment {
  /** Written on another version of this document: how to say so (utils/anchoring/across-versions.ts). */
  version?: { status: VersionStatus; writtenOnLine: string | null; writtenOnName?: VersionName | null; quote: string; diff: WordRun[] | null };
  annotation: LeaAnnotation;
  /** True when the person may edit or delete it (they wrote it on this computer). */
  mine: boolean;
  status: AnchorStatus;
  /** Start offset in the page text; orphans have none and are listed last. */
  position: number | null;
  /** For PDFs: the page the passage is on (it may not be rendered yet). */
  page?: number;
}

export interface PageState {
  /** True when the tab shows a PDF in the browser's own viewer (comments need the annotator's). */
  isPdf?: boolean;
  uri: string;
  title: string;
  role: Role | null;
  comments: AnchoredComment[];
  damaged: DocumentAnnotations['damaged'];
  /** The group's theme vocabulary, as the page's last listing gave it. */
  themes?: Theme[];
  /**
   * The page is still reading and anchoring its comments (a long document just opened): the
   * list is not known yet, and the page says when it is (page/changed).
   */
  loading?: boolean;
}

export interface PageResponses {
  'page/repaint': { painted: number };
  'page/start-comment': { started: boolean; reason?: string };
  'page/show-comments': { found: boolean };
  'page/get-state': PageState;
  'page/focus': { found: boolean };
  'page/filter': { painted: number };
}

/** A notice to every open extension page that a tab's comments changed; no reply expected. */
export const BroadcastSchema = v.object({ type: v.picklist(['broadcast/comments-changed', 'broadcast/sync-status', 'broadcast/notices-changed']) });
export type Broadcast = v.InferOutput<typeof BroadcastSchema>;

/** Errors cross contexts as values so the caller's promise rejects with the same message. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
