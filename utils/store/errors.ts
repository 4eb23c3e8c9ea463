/**
 * A storage failure explained for the person who was writing: what happened and what to do.
 * Raised instead of raw DOMExceptions so every UI shows the same plain message.
 */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'quota' | 'invalid' | 'not-found' | 'unavailable',
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Turn an IndexedDB failure into a StoreError a person can act on. */
export function explainStorageFailure(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StoreError(
      'Your browser has run out of space for saving comments, so this comment is not saved yet. ' +
        'Your writing is still in the box: copy it somewhere safe, free up some space (for example by clearing browsing data for other sites), then press Save again.',
      'quota',
    );
  }
  return new StoreError(
    'Your comment could not be saved because the browser’s storage is not working right now. ' +
      'Your writing is still in the box: please try Save again in a moment.',
    'unavailable',
  );
}
