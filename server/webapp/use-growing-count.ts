import { useEffect, useState } from 'preact/hooks';
import { FIRST_PAINT_ITEMS, ITEMS_PER_FRAME } from '../../components/use-progressive';

/** The most a frame adds once batches have grown (a frame stays well under half a second). */
export const MAX_ITEMS_PER_FRAME = 600;

/** How many items are shown after `frames` frames: the first screenful, then batches that double. */
export function growingCount(frames: number, total: number): number {
  let count = FIRST_PAINT_ITEMS;
  let batch = ITEMS_PER_FRAME;
  for (let i = 0; i < frames && count < total; i++) {
    count += batch;
    batch = Math.min(batch * 2, MAX_ITEMS_PER_FRAME);
  }
  return Math.min(total, count);
}

/**
 * Like components/use-progressive.ts (the first screenful at once, the rest over the next
 * frames), with batches that double up to MAX_ITEMS_PER_FRAME: a page of 2,000 comments is
 * complete in 5 frames instead of 14, so the browser styles and lays the list out fewer times.
 */
export function useGrowingCount(total: number, schedule: (run: () => void) => number = requestAnimationFrame, cancel: (id: number) => void = cancelAnimationFrame): number {
  const [frames, setFrames] = useState(0);
  const count = growingCount(frames, total);
  useEffect(() => {
    if (count >= total) return;
    const id = schedule(() => setFrames((f) => f + 1));
    return () => cancel(id);
  }, [count, total, schedule, cancel]);
  return count;
}
