export * from './errors';
export { isAbortError, normaliseBaseUrl, type FetchLike, type FetchRequest, type FetchResponse } from './http';
export * from './schemas';
export * from './sse-parser';
export * from './store-client';
export * from './backoff';
export * from './sync-engine';
export * from './describe-sync-state';
