import * as v from 'valibot';
import type { AnchorStatus, LeaAnnotation, Settings } from '../model';
import type { DocumentAnnotations } from '../store/annotation-repo';

/**
 * The typed call maps between extension contexts. Requests are validated with these schemas
 * on arrival (they cross a trust boundary: content scripts run inside web pages).
 */
export const BackgroundRequestSchema = v.variant('type', [
  v.object({ type: v.literal('annotations/list'), uris: v.pipe(v.array(v.pipe(v.string(), v.maxLength(4096))), v.maxLength(20)) }),
  v.object({ type: v.literal('annotations/save'), annotation: v.unknown() }),
  v.object({ type: v.literal('annotations/delete'), id: v.pipe(v.string(), v.maxLength(100)) }),
  v.object({ type: v.literal('settings/get') }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

/** What the background answers to each request. */
export interface BackgroundResponses {
  'annotations/list': DocumentAnnotations;
  'annotations/save': { annotation: LeaAnnotation };
  'annotations/delete': { deleted: LeaAnnotation | null };
  'settings/get': Settings;
}

/** Requests an extension page or the background sends to the content script in a tab. */
export const PageRequestSchema = v.variant('type', [
  v.object({ type: v.literal('page/repaint') }),
  v.object({ type: v.literal('page/start-comment') }),
  v.object({ type: v.literal('page/get-state') }),
  v.object({ type: v.literal('page/focus'), id: v.pipe(v.string(), v.maxLength(100)) }),
]);
export type PageRequest = v.InferOutput<typeof PageRequestSchema>;

/** One comment as the page anchored it, in document order for the side panel. */
export interface AnchoredComment {
  annotation: LeaAnnotation;
  status: AnchorStatus;
  /** Start offset in the page text; orphans have none and are listed last. */
  position: number | null;
}

export interface PageState {
  uri: string;
  title: string;
  comments: AnchoredComment[];
  damaged: DocumentAnnotations['damaged'];
}

export interface PageResponses {
  'page/repaint': { painted: number };
  'page/start-comment': { started: boolean; reason?: string };
  'page/get-state': PageState;
  'page/focus': { found: boolean };
}

/** A notice to every open extension page that a tab's comments changed; no reply expected. */
export const BroadcastSchema = v.object({ type: v.literal('broadcast/comments-changed') });
export type Broadcast = v.InferOutput<typeof BroadcastSchema>;

/** Errors cross contexts as values so the caller's promise rejects with the same message. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
