import { useEffect, useState } from 'preact/hooks';

/** How many items the first paint shows: more than a screenful in the narrowest panel. */
export const FIRST_PAINT_ITEMS = 30;
/** How many more each following frame adds. */
export const ITEMS_PER_FRAME = 150;

/**
 * How many of `total` list items to render now: the first screenful at once, the rest a batch
 * per animation frame, so a page with 2,000 comments shows its first threads without waiting
 * for the last one to render (everything is there within a few frames: find-in-page, keyboard
 * order and screen readers get the whole list). `schedule` is `requestAnimationFrame` in the
 * panel; tests pass their own.
 */
export function useProgressiveCount(total: number, schedule: (run: () => void) => number = requestAnimationFrame, cancel: (id: number) => void = cancelAnimationFrame): number {
  // Frames since the first paint, not a count: a list that grows (the page's comments arrive)
  // still shows its first screenful at once.
  const [frames, setFrames] = useState(0);
  const count = Math.min(total, FIRST_PAINT_ITEMS + frames * ITEMS_PER_FRAME);
  useEffect(() => {
    if (count >= total) return;
    const id = schedule(() => setFrames((f) => f + 1));
    return () => cancel(id);
  }, [count, total, schedule, cancel]);
  return count;
}
