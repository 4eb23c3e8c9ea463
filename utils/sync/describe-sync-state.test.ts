import { describe, expect, it } from 'vitest';
import { SYNC_STATE_CASES } from './describe-sync-state-cases';
import { describeSyncState } from './describe-sync-state';

describe('describeSyncState', () => {
  it.each(SYNC_STATE_CASES)('$name → "$sentence"', ({ status, now, sentence, needsAttention }) => {
    expect(describeSyncState(status, new Date(now))).toEqual({ sentence, needsAttention });
  });
});
