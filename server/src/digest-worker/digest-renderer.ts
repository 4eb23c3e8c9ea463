import { availableParallelism } from 'node:os';
import type { RenderedDigest } from '../../../utils/digest/formats';
import { createDigestGate, type DigestRefusal } from './digest-gate';
import { renderDigestJob, type DigestJob } from './render-job';
import { createWorkerPool, WorkerStoppedError } from './worker-pool';

/** What the store's digests run on (createApp option; DIGEST_WORKERS, DIGEST_PER_GROUP). */
export interface DigestSettings {
  /** Worker threads; 0 renders on the main thread (the benchmark's peer). Default max(1, cpus - 1). */
  workers?: number;
  /** Digests of one group in progress at once (default 2). */
  perGroup?: number;
  /** Digests that may wait for a worker, over all groups (default 8). */
  queue?: number;
  /** The workers' entry module (tests: a worker that dies under a job). */
  workerEntry?: URL;
}

/** Said when a worker stopped under a digest (too large, or a crash): the store itself goes on. A catalogue key: handleError says it in the caller's language. */
export const DIGEST_STOPPED_MESSAGE =
  'server.digestStopped';

/** Thrown when a digest cannot be started now; the handler answers 429 or 503 with Retry-After. */
export class DigestBusyError extends Error {
  constructor(
    readonly refusal: DigestRefusal,
    message = 'server.digestBusy',
  ) {
    super(message);
  }
}

/** Renders digests with admission limits (see createDigestRenderer). */
export interface DigestRenderer {
  /**
   * Admit a digest of `groupId` (or throw DigestBusyError at once), then gather its job with
   * `makeJob` (the database reads, counted in the limit too) and render it.
   */
  render(groupId: string, makeJob: () => Promise<DigestJob>): Promise<RenderedDigest>;
  close(): Promise<void>;
}

/** The default pool size: every core but one (the event loop's), at least one. */
export function defaultDigestWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Digest rendering off the event loop: a worker pool (or the main thread when `workers` is 0)
 * behind a per-group limit and a short queue, so a burst of Word digests cannot stall health
 * checks, syncing and writing for everyone else.
 */
export function createDigestRenderer(settings: DigestSettings = {}): DigestRenderer {
  const workers = settings.workers ?? defaultDigestWorkers();
  const gate = createDigestGate({ perGroup: settings.perGroup ?? 2, queue: settings.queue ?? 8, renderers: Math.max(1, workers) });
  const pool = workers > 0 ? createWorkerPool(workers, settings.workerEntry ? { entry: settings.workerEntry } : {}) : null;
  return {
    async render(groupId, makeJob) {
      const admitted = gate.admit(groupId);
      if (!admitted.ok) throw new DigestBusyError(admitted.refusal);
      try {
        const job = await makeJob();
        return await (pool ? pool.run(job) : renderDigestJob(job)).catch((error: unknown) => {
          // A worker that died answers like a full store (503, try again); a new worker replaces it.
          if (error instanceof WorkerStoppedError) throw new DigestBusyError('store-busy', DIGEST_STOPPED_MESSAGE);
          throw error;
        });
      } finally {
        admitted.release();
      }
    },
    async close() {
      await pool?.close();
    },
  };
}
