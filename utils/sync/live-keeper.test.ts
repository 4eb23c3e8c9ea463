import { describe, expect, it } from 'vitest';
import { createLiveKeeper } from './live-keeper';

function setup() {
  const timers = new Map<number, () => void>();
  let next = 1;
  const starts: AbortSignal[] = [];
  const keeper = createLiveKeeper({
    start: (signal) => {
      starts.push(signal);
      return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
    },
    idleMs: 60_000,
    setTimeout: (fn) => {
      timers.set(next, fn);
      return next++;
    },
    clearTimeout: (h) => void timers.delete(h as number),
  });
  const fireIdle = () => [...timers.values()].forEach((fn) => fn());
  return { keeper, starts, fireIdle, timers };
}

describe('createLiveKeeper', () => {
  it('opens one stream however often pages ask, and keeps one idle timer', () => {
    const { keeper, starts, timers } = setup();
    keeper.touch();
    keeper.touch();
    keeper.touch();
    expect(starts).toHaveLength(1);
    expect(timers.size).toBe(1);
    expect(keeper.isLive).toBe(true);
  });

  it('closes the stream when nobody has asked for a while, and reopens on the next ask', () => {
    const { keeper, starts, fireIdle } = setup();
    keeper.touch();
    fireIdle();
    expect(starts[0]!.aborted).toBe(true);
    expect(keeper.isLive).toBe(false);
    keeper.touch();
    expect(starts).toHaveLength(2);
    expect(starts[1]!.aborted).toBe(false);
  });
});
