/**
 * Keeps the live stream open only while someone is looking: pages and the side panel call
 * `touch()` regularly; after `idleMs` without a touch the stream is closed. Starting again is
 * cheap (the stream resumes from the saved cursor).
 */
export function createLiveKeeper(options: {
  start: (signal: AbortSignal) => Promise<void>;
  idleMs: number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}) {
  let controller: AbortController | null = null;
  let idleTimer: unknown = null;

  function stop() {
    controller?.abort();
    controller = null;
    if (idleTimer !== null) options.clearTimeout(idleTimer);
    idleTimer = null;
  }

  return {
    /** Open the stream if it is closed and push back the idle deadline; true while live. */
    touch(): boolean {
      if (!controller) {
        const current = new AbortController();
        controller = current;
        void options.start(current.signal).finally(() => {
          if (controller === current) controller = null;
        });
      }
      if (idleTimer !== null) options.clearTimeout(idleTimer);
      idleTimer = options.setTimeout(stop, options.idleMs);
      return true;
    },
    stop,
    get isLive() {
      return controller !== null;
    },
  };
}
