import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from './backoff';
import { SyncError } from './errors';
import { createSerialRunner } from './serial-runner';
import { sameJson } from './same-json';

describe('backoff', () => {
  it.each([
    [1, 0.5, 500],
    [2, 0.5, 1000],
    [9, 0.5, 128_000],
    [10, 0.5, 150_000],
    [1000, 0.5, 150_000],
    [3, 0, 0],
    [3, 0.999, 3996],
  ])('after %i failures with random %f waits %i ms', (failures, random, expected) => {
    expect(backoffDelay(failures, () => random)).toBe(expected);
  });

  it('waits at least as long as Retry-After asks, in seconds or until a date', () => {
    const seconds = new SyncError('rate-limited', 'busy', { retryAfterMs: 30_000 });
    expect(retryDelay(seconds, 1, () => 0.5, 0)).toBe(30_000);
    const date = new SyncError('rate-limited', 'busy', { retryAt: 90_000 });
    expect(retryDelay(date, 1, () => 0.5, 30_000)).toBe(60_000);
    expect(retryDelay(new SyncError('offline', 'x'), 1, () => 0.5, 0)).toBe(500);
  });
});

describe('serial runner', () => {
  it('runs one at a time, and calls made while one waits share it', async () => {
    const started: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = createSerialRunner(async (n: number) => {
      started.push(n);
      if (started.length === 1) await gate;
      return started.length;
    }, (a, b) => a + b);
    const first = run(1);
    await Promise.resolve();
    const second = run(10);
    const third = run(100);
    expect(second).toBe(third);
    release();
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 2]);
    expect(started).toEqual([1, 110]);
  });
});

describe('sameJson', () => {
  it('ignores key order but not values', () => {
    expect(sameJson({ a: 1, b: [{ c: 2, d: 3 }] }, { b: [{ d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});
