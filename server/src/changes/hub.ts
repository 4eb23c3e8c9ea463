import { errorLogFields } from '../log';
import type { Db } from '../db/db';
import { compareCursors, type Cursor } from './cursor';

/** What a write NOTIFYs: group, cursor, and the author when only they may see it. */
export interface ChangeNote {
  group: string;
  cursor: Cursor;
  /** Set for a private, never-shared annotation: only its author's streams are told. */
  onlyFor?: string;
}

/** Encode a note as a NOTIFY payload (well under PostgreSQL's 8,000-byte limit). */
export function encodeNote(n: ChangeNote): string {
  return JSON.stringify({ g: n.group, x: n.cursor.xid.toString(), s: n.cursor.seq.toString(), ...(n.onlyFor ? { a: n.onlyFor } : {}) });
}

/** A NOTIFY payload telling every store process to end a revoked member's streams now. */
export function encodeRevocation(memberId: string): string {
  return JSON.stringify({ revoked: memberId });
}

/**
 * A NOTIFY payload telling every store process that a member's notice state (what they have
 * read, what they follow) changed: their open streams get an `event: notices`.
 */
export function encodeNoticesChanged(memberId: string): string {
  return JSON.stringify({ notices: memberId });
}

/** What changed about a group outside its feed: its theme vocabulary, or its links between document versions. */
export type GroupChange = 'themes' | 'links';
const GROUP_CHANGES: readonly string[] = ['themes', 'links'] satisfies readonly GroupChange[];

/**
 * A NOTIFY payload telling every store process that a group's themes or document links
 * changed: every open stream of the group gets an `event: group` saying which.
 */
export function encodeGroupChanged(group: string, what: GroupChange): string {
  return JSON.stringify({ groupChanged: group, what });
}

function decodeGroupChanged(payload: string): { group: string; what: GroupChange } | null {
  try {
    const p = JSON.parse(payload) as { groupChanged?: unknown; what?: unknown };
    if (typeof p.groupChanged !== 'string' || typeof p.what !== 'string' || !GROUP_CHANGES.includes(p.what)) return null;
    return { group: p.groupChanged, what: p.what as GroupChange };
  } catch {
    return null;
  }
}

function decodeNoticesChanged(payload: string): string | null {
  try {
    const p = JSON.parse(payload) as { notices?: unknown };
    return typeof p.notices === 'string' ? p.notices : null;
  } catch {
    return null;
  }
}

function decodeRevocation(payload: string): string | null {
  try {
    const p = JSON.parse(payload) as { revoked?: unknown };
    return typeof p.revoked === 'string' ? p.revoked : null;
  } catch {
    return null;
  }
}

function decodeNote(payload: string): ChangeNote | null {
  try {
    const p = JSON.parse(payload) as { g?: unknown; x?: unknown; s?: unknown; a?: unknown };
    if (typeof p.g !== 'string' || typeof p.x !== 'string' || typeof p.s !== 'string') return null;
    return { group: p.g, cursor: { xid: BigInt(p.x), seq: BigInt(p.s) }, ...(typeof p.a === 'string' ? { onlyFor: p.a } : {}) };
  } catch {
    return null;
  }
}

/** One open stream: told the newest cursor it may see whenever its group's feed advances. */
export interface Subscriber {
  group: string;
  memberId: string;
  send: (cursor: Cursor) => void;
  /** Called when the hub stops (shutdown): the stream should end. */
  close?: () => void;
}

/** Fan-out of committed changes to this process's streams (see createChangeHub). */
export interface ChangeHub {
  start(): Promise<void>;
  subscribe(sub: Subscriber): () => void;
  /** End this process's open streams of a member (revoked), without waiting for their next ping. */
  closeMember(memberId: string): void;
  /**
   * Call `fn` whenever `memberId`'s notice state changes (announced with encodeNoticesChanged,
   * from any process); returns the unsubscribe.
   */
  watchNotices(memberId: string, fn: () => void): () => void;
  /**
   * Call `fn` whenever `group`'s themes or document links change (announced with
   * encodeGroupChanged, from any process); returns the unsubscribe.
   */
  watchGroup(group: string, fn: (what: GroupChange) => void): () => void;
  /** Number of open streams (health and tests). */
  size(): number;
  stop(): Promise<void>;
}

/** Add `fn` to the watchers of `key`; returns the unsubscribe (the key goes when its last watcher does). */
function addWatcher<F>(watchers: Map<string, Set<F>>, key: string, fn: F): () => void {
  const set = watchers.get(key) ?? new Set<F>();
  set.add(fn);
  watchers.set(key, set);
  return () => {
    set.delete(fn);
    if (set.size === 0) watchers.delete(key);
  };
}

/**
 * LISTEN on the store's channel and tell subscribers of a group when its feed advances.
 * A change is announced only once the feed can serve it: its transaction id must be below
 * the oldest running transaction (the feed's visibility horizon), so a client that pulls on
 * the event always finds the change. One horizon query per burst, shared by all streams.
 */
export function createChangeHub(db: Db, channel: string, pollMs = 5): ChangeHub {
  const subscribers = new Map<string, Set<Subscriber>>();
  const noticeWatchers = new Map<string, Set<() => void>>();
  const groupWatchers = new Map<string, Set<(what: GroupChange) => void>>();
  let pending: ChangeNote[] = [];
  let flushing = false;
  let unlisten: (() => Promise<void>) | null = null;
  let stopped = false;

  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      while (pending.length > 0 && !stopped) {
        const { rows } = await db.query<{ xmin: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin');
        const horizon = BigInt(rows[0]!.xmin);
        const ready = pending.filter((n) => n.cursor.xid < horizon);
        pending = pending.filter((n) => n.cursor.xid >= horizon);
        deliver(ready);
        if (pending.length > 0) await new Promise((r) => setTimeout(r, pollMs));
      }
    } catch (error) {
      if (!stopped) console.error('store: could not check the change feed horizon', errorLogFields(error));
    } finally {
      flushing = false;
    }
  }

  function deliver(notes: ChangeNote[]): void {
    const byGroup = new Map<string, ChangeNote[]>();
    for (const n of notes) {
      if (!subscribers.has(n.group)) continue;
      const list = byGroup.get(n.group) ?? [];
      list.push(n);
      byGroup.set(n.group, list);
    }
    for (const [group, list] of byGroup) {
      for (const sub of subscribers.get(group) ?? []) {
        let newest: Cursor | null = null;
        for (const n of list) {
          if (n.onlyFor && n.onlyFor !== sub.memberId) continue;
          if (!newest || compareCursors(n.cursor, newest) > 0) newest = n.cursor;
        }
        if (newest) sub.send(newest);
      }
    }
  }

  function closeMember(memberId: string): void {
    for (const set of subscribers.values()) for (const sub of set) if (sub.memberId === memberId) sub.close?.();
  }

  return {
    closeMember,
    async start() {
      unlisten = await db.listen(channel, (payload) => {
        const revoked = decodeRevocation(payload);
        if (revoked) return closeMember(revoked);
        const noticesOf = decodeNoticesChanged(payload);
        if (noticesOf) {
          for (const fn of noticeWatchers.get(noticesOf) ?? []) fn();
          return;
        }
        const groupChange = decodeGroupChanged(payload);
        if (groupChange) {
          for (const fn of groupWatchers.get(groupChange.group) ?? []) fn(groupChange.what);
          return;
        }
        const note = decodeNote(payload);
        if (!note || !subscribers.has(note.group)) return;
        pending.push(note);
        void flush();
      });
    },
    subscribe(sub) {
      const set = subscribers.get(sub.group) ?? new Set();
      set.add(sub);
      subscribers.set(sub.group, set);
      return () => {
        set.delete(sub);
        if (set.size === 0) subscribers.delete(sub.group);
      };
    },
    watchNotices: (memberId, fn) => addWatcher(noticeWatchers, memberId, fn),
    watchGroup: (group, fn) => addWatcher(groupWatchers, group, fn),
    size: () => [...subscribers.values()].reduce((n, s) => n + s.size, 0),
    async stop() {
      stopped = true;
      for (const set of subscribers.values()) for (const sub of set) sub.close?.();
      subscribers.clear();
      noticeWatchers.clear();
      groupWatchers.clear();
      if (unlisten) await unlisten().catch(() => undefined);
    },
  };
}
