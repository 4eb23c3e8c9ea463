/** Hit-test cases over one paragraph: ranges by character offsets, a caret, optional layout rects. */
export interface HitCase {
  name: string;
  /** Caret offset in the paragraph's text node, or null for "no caret API / no caret here". */
  caret: number | null;
  /** Client rects per range id (empty or missing: no layout, as in happy-dom). */
  rects?: Record<string, Array<{ left: number; top: number; right: number; bottom: number }>>;
  point?: { x: number; y: number };
  expected: string[];
}

/** The paragraph every hit-test case runs over. */
export const HIT_TEXT = 'Care and support for adults and carers';
/** a: "Care and support", b: "support for adults", c: "carers", z: collapsed. */
export const HIT_RANGES: Record<string, [number, number]> = { a: [0, 16], b: [9, 27], c: [32, 38], z: [5, 5] };

const line = (left: number, right: number) => ({ left, right, top: 0, bottom: 20 });

/** Caret-only, caret-plus-layout and layout-only cases. */
export const hitCases: HitCase[] = [
  { name: 'caret inside one passage', caret: 3, expected: ['a'] },
  { name: 'caret inside two: shortest first', caret: 12, expected: ['a', 'b'] },
  { name: 'caret outside all', caret: 29, expected: [] },
  { name: 'caret at a passage end counts without layout', caret: 38, expected: ['c'] },
  { name: 'collapsed range never hit', caret: 5, expected: ['a'] },
  {
    name: 'caret at the end of a, point past it: layout says only b',
    caret: 16,
    rects: { a: [line(0, 160)], b: [line(90, 270)] },
    point: { x: 165, y: 10 },
    expected: ['b'],
  },
  {
    name: 'caret snapped to line end, point in empty space to the right',
    caret: 38,
    rects: { c: [line(320, 380)] },
    point: { x: 600, y: 10 },
    expected: [],
  },
  {
    name: 'no caret: rect containment across a line break',
    caret: null,
    rects: { a: [line(0, 160)], b: [line(90, 400), { left: 0, right: 50, top: 20, bottom: 40 }], c: [line(320, 380)] },
    point: { x: 10, y: 30 },
    expected: ['b'],
  },
  { name: 'no caret and no layout: nothing', caret: null, expected: [] },
];
