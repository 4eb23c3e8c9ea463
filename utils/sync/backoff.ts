import type { SyncError } from './errors';

/** Exponential backoff bounds. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Base 1 s, cap 5 min: quick recovery from a blip, and at most one try every few minutes when offline for days. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60 * 1000 };

/**
 * "Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniformly random
 * wait between 0 and min(cap, base * 2^(failures-1)), so many clients coming back online do not
 * retry in step. `random` returns a number in [0, 1).
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** exponent));
}

/** The wait before retrying after `error`: the jittered backoff, or longer if the store asked (429 Retry-After). */
export function retryDelay(error: SyncError, failures: number, random: () => number, now: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const jittered = backoffDelay(failures, random, policy);
  const asked = error.retryAfterMs ?? (error.retryAt === null ? 0 : error.retryAt - now);
  return Math.max(jittered, Math.min(asked, policy.capMs * 12));
}
