import { describe, expect, it } from 'vitest';
import { growingCount } from './use-growing-count';

describe('growingCount', () => {
  it('shows the first screenful at once and all 2,000 comments within 5 frames', () => {
    expect(growingCount(0, 2000)).toBe(30);
    expect([1, 2, 3, 4, 5].map((f) => growingCount(f, 2000))).toEqual([180, 480, 1080, 1680, 2000]);
    expect(growingCount(0, 10)).toBe(10);
  });
});
