/**
 * Run `task` one call at a time. A call made while a run is in progress queues one more run;
 * calls made while that run is still waiting join it (their options merged), so a burst of
 * requests costs at most two runs and a request is never served by a run that started before it.
 */
export function createSerialRunner<O, R>(task: (options: O) => Promise<R>, merge: (queued: O, next: O) => O): (options: O) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  let queued: { options: O; promise: Promise<R> } | null = null;
  return (options: O) => {
    if (queued) {
      queued.options = merge(queued.options, options);
      return queued.promise;
    }
    const entry: { options: O; promise: Promise<R> } = { options, promise: Promise.resolve() as Promise<R> };
    entry.promise = tail.then(() => {
      if (queued === entry) queued = null;
      return task(entry.options);
    });
    queued = entry;
    tail = entry.promise.catch(() => undefined);
    return entry.promise;
  };
}
