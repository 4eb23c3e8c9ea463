import type { AnchoredComment } from '../messaging';
import type { ThreadSummary } from '../messaging/conversation-protocol';
import type { CommentDraft, CommentTarget, Settings, Theme } from '../model';
import { DEFAULT_SETTINGS, DEFAULT_THEMES } from '../model';
import type { DensityMark } from '../overlay/density';

/** What the in-page overlay shows; the overlay renders it and calls the session's actions. */
export interface OverlayState {
  adder: { x: number; y: number } | null;
  editor: { quote: string; target: CommentTarget; draft: CommentDraft } | null;
  /** `fromKeyboard`: opened by a keyboard user, so focus moves into the card (and back when it closes). */
  card: { ids: string[]; x: number; y: number; pinned: boolean; fromKeyboard?: boolean } | null;
  /** How the open card's comments' threads stand, by comment id (empty until the background answers). */
  cardThreads: Record<string, ThreadSummary>;
  /** "Find words to comment on" is open (web pages). */
  find: boolean;
  /** Polite announcement for screen readers and a visible note (e.g. "Comment saved"). */
  notice: string;
  settings: Settings;
  /** False for readers: nothing offers to add a comment (they read, filter and export). */
  canWrite: boolean;
  comments: AnchoredComment[];
  /** Where comments cluster down the page, for the density strip. */
  density: DensityMark[];
  /** The group's theme vocabulary (the defaults without a group): what the editor offers and cards say. */
  themes: Theme[];
}

/** The overlay's state with change notification: the one place a session's modules write it. */
export interface OverlayStore {
  get(): OverlayState;
  /** Merge `patch` into the state and tell every subscriber. */
  set(patch: Partial<OverlayState>): void;
  /** Call `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A store holding nothing on screen yet, with the default settings. */
export function createOverlayStore(): OverlayStore {
  let state: OverlayState = { adder: null, editor: null, card: null, cardThreads: {}, find: false, notice: '', settings: DEFAULT_SETTINGS, canWrite: true, comments: [], density: [], themes: [...DEFAULT_THEMES] };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
