import { currentTranslator } from '../i18n/current-language';
import type { MessageKey } from '../i18n/catalogue';
import type { MessageParams } from '../i18n/translate';

/** A storage sentence in the person's language (the catalogue's `sync.storage.*`). */
export const storageSentence = (key: MessageKey & `sync.storage.${string}`, params?: MessageParams): string => currentTranslator().t(key, params);

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
    return new StoreError(storageSentence('sync.storage.quota'), 'quota');
  }
  return new StoreError(storageSentence('sync.storage.unavailable'), 'unavailable');
}
