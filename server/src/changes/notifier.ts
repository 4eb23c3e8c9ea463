import { errorLogFields } from '../log';
import type { Db } from '../db/db';
import { compareCursors } from './cursor';
import { encodeNote, type ChangeNote } from './hub';

/** Announces committed changes to every store process (see createNotifier). */
export interface Notifier {
  /** Queue notes for changes that have committed. */
  changed(notes: readonly ChangeNote[]): void;
  /** Send what is queued now (shutdown, tests). */
  flush(): Promise<void>;
}

/**
 * NOTIFY after commit, coalesced: all notes queued while one NOTIFY is in flight (or in
 * the short gap after it) go out together, one per group (and per private author) with the
 * newest cursor, in a single statement. The first note after a quiet spell goes at once. NOTIFY is kept out of the write transactions because PostgreSQL serialises
 * the commits of notifying transactions (a global lock held through the WAL flush), which
 * capped writes near 200/s. If a process dies between a commit and its NOTIFY, streams
 * still catch up: each re-checks the feed head at every ping (see sync.handlers).
 */
export function createNotifier(
  db: Db,
  channel: string,
  onError: (e: unknown) => void = (e) => console.error('store: NOTIFY failed', errorLogFields(e)),
  /** Pause between two NOTIFY statements: under a stream of writes, one NOTIFY per 5 ms at most. */
  gapMs = 5,
): Notifier {
  const queued = new Map<string, ChangeNote>();
  let sending: Promise<void> | null = null;

  function kick(): void {
    if (sending || queued.size === 0) return;
    sending = (async () => {
      // Yield first, so `sending` is set before this can finish (else it would stay set).
      await null;
      try {
        while (queued.size > 0) {
          const payloads = [...queued.values()].map(encodeNote);
          queued.clear();
          try {
            await db.query('select pg_notify($1, value) from json_array_elements_text($2::json)', [channel, JSON.stringify(payloads)]);
          } catch (error) {
            onError(error);
          }
          if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        }
      } finally {
        sending = null;
      }
    })();
  }

  return {
    changed(notes) {
      for (const n of notes) {
        const key = `${n.group}\u0000${n.onlyFor ?? ''}`;
        const prev = queued.get(key);
        if (!prev || compareCursors(n.cursor, prev.cursor) > 0) queued.set(key, n);
      }
      kick();
    },
    async flush() {
      while (sending) await sending;
    },
  };
}
