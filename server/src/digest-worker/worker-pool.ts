import { Worker } from 'node:worker_threads';
import type { RenderedDigest } from '../../../utils/digest/formats';
import type { DigestJob } from './render-job';
import type { WorkerAnswer, WorkerRequest } from './worker-main';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** Worker threads that render digests off the store's event loop (see createWorkerPool). */
export interface WorkerPool {
  /** Render on the next free worker (jobs wait in order while all are busy). */
  run(job: DigestJob): Promise<RenderedDigest>;
  /** Terminate every worker; jobs still waiting or running are refused. */
  close(): Promise<void>;
}

interface Pending {
  id: number;
  job: DigestJob;
  resolve: (r: RenderedDigest) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
}

/** A job's worker stopped (it crashed or ran out of its memory) before answering. */
export class WorkerStoppedError extends Error {
  constructor() {
    super('The digest worker stopped while making a digest.');
    this.name = 'WorkerStoppedError';
  }
}

/** How the pool's workers start. */
export interface WorkerPoolOptions {
  /**
   * The worker's entry module (default worker-entry.mjs). Tests start a worker that dies on a
   * job here. (No heap limit is set on workers: Node ends the whole process, not the worker,
   * when a worker's ArrayBuffer allocation passes its resourceLimits.)
   */
  entry?: URL;
}

/**
 * A pool of `size` worker threads, started on first use (a store that makes no digest starts
 * none). A worker that dies fails only the job it held and is replaced. Admission (how many
 * may wait) is the caller's: see digest-gate.ts.
 */
export function createWorkerPool(size: number, options: WorkerPoolOptions = {}): WorkerPool {
  const slots: Slot[] = [];
  const waiting: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    // No inherited flags: the entry loads TypeScript itself, under tsx and under vitest alike.
    const worker = new Worker(options.entry ?? ENTRY, { execArgv: [] });
    worker.unref();
    const slot: Slot = { worker, ready: false, current: null };
    worker.on('message', (message: WorkerAnswer | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        return dispatch();
      }
      const job = slot.current;
      slot.current = null;
      if (job && job.id === message.id) {
        if (message.ok) job.resolve({ body: message.body, contentType: message.contentType, fileName: message.fileName });
        else job.reject(new Error(`The digest could not be made (${message.error}).`));
      }
      dispatch();
    });
    const fail = () => {
      const job = slot.current;
      slot.current = null;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      job?.reject(new WorkerStoppedError());
      if (!closed) dispatch();
    };
    worker.once('error', fail);
    worker.once('exit', fail);
    slots.push(slot);
    return slot;
  }

  function dispatch(): void {
    if (closed) return;
    while (waiting.length > 0) {
      const idle = slots.find((s) => s.ready && s.current === null);
      if (!idle) {
        // Start another worker only if every started one is busy and there is room.
        const starting = slots.some((s) => !s.ready);
        if (!starting && slots.length < size) spawn();
        return;
      }
      const job = waiting.shift()!;
      idle.current = job;
      const request: WorkerRequest = { id: job.id, job: job.job };
      idle.worker.postMessage(request);
    }
  }

  return {
    run(job) {
      if (closed) return Promise.reject(new Error('The digest workers have stopped.'));
      return new Promise<RenderedDigest>((resolve, reject) => {
        waiting.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('The digest workers have stopped.'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots.length = 0;
    },
  };
}
