// A digest worker thread (started by worker-pool.ts through worker-entry.mjs): renders the
// jobs it is posted, one at a time, and posts back the body or a failure.
import { parentPort } from 'node:worker_threads';
import { renderDigestJob, type DigestJob } from './render-job';

/** A job as posted to the worker: an id to match the answer. */
export interface WorkerRequest {
  id: number;
  job: DigestJob;
}

/** The worker's answer: the rendered digest, or the name of the error (never its message: it may quote comments). */
export type WorkerAnswer =
  | { id: number; ok: true; body: string | Uint8Array; contentType: string; fileName: string }
  | { id: number; ok: false; error: string };

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    renderDigestJob(request.job).then(
      (rendered) => {
        const answer: WorkerAnswer = { id: request.id, ok: true, ...rendered };
        port.postMessage(answer, typeof rendered.body === 'string' ? [] : [rendered.body.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        const answer: WorkerAnswer = { id: request.id, ok: false, error: error instanceof Error ? error.name : 'Error' };
        port.postMessage(answer);
      },
    );
  });
  port.postMessage({ ready: true });
}
