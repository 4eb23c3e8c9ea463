/** A passage as text offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where passages overlap: the stretches covered by at least 2 and at least 3 of them, found
 * with one sweep over the sorted boundaries (O(n log n) for thousands of comments).
 */
export function overlapDepths(spans: readonly Span[]): { two: Span[]; three: Span[] } {
  const events: Array<[number, number]> = [];
  for (const { start, end } of spans) {
    if (end <= start) continue;
    events.push([start, 1], [end, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const two: Span[] = [];
  const three: Span[] = [];
  let depth = 0;
  let previous = 0;
  const add = (list: Span[], start: number, end: number) => {
    const last = list[list.length - 1];
    if (last && last.end === start) last.end = end;
    else list.push({ start, end });
  };
  for (const [at, delta] of events) {
    if (at > previous) {
      if (depth >= 2) add(two, previous, at);
      if (depth >= 3) add(three, previous, at);
    }
    depth += delta;
    previous = at;
  }
  return { two, three };
}
